"""Answers to the questions (check, who-can, what-can, validate, test) as plain data.

The engine's `Decision` objects and a compilation's diagnostics and test
results are turned into plain data once; the views (`views/check.py`,
`views/who_can.py`, `views/what_can.py`, `views/validate.py`, `views/test.py`)
render only that data. A cached answer (cache.py) is the same data, so an
answer from the cache and one computed afresh go through one view and cannot
differ. Imports neither pydantic nor networkx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _place(place) -> list:
    return list(place)  # file, line, column, end line, end column


def decision_data(d) -> dict:
    """A `graph.access.Decision` (computed with explain=True) as plain data."""
    return {
        "principal": d.principal,
        "level": d.level,
        "table": d.table,
        "target": d.target,
        "decision": d.decision,
        "paths": [
            {
                "grant": g.describe(),
                "decision": gd,
                "via": len(g.via),
                "hops": [[h.source, h.label, h.target, _place(h.place)] for h in hops],
            }
            for g, gd, hops in zip(d.grants, d.grant_decisions, d.paths)
        ],
    }


def what_can_data(decisions) -> list[list[str]]:
    return [[d.target, d.table, d.level, d.decision] for d in decisions]


# -- validate: its report as plain data ------------------------------------------------------


def validation_data(result) -> dict:
    """A `pipeline.Compilation`'s diagnostics (before --strict) and test results as plain data."""
    return {
        "diagnostics": [
            {
                "code": d.code,
                "message": d.message,
                "place": list(d.place),
                "related": [[list(r.place), r.message] for r in d.related],
                "hint": d.hint,
            }
            for d in result.diagnostics
        ],
        "tests": tests_data(result),
    }


def tests_data(result) -> dict:
    """The `tests:` assertions of a compilation: how many, whether they ran, each result."""
    return {
        "run": result.tests_run,
        "total": len(result.config.tests),
        "results": [
            {
                "name": t.name,
                "passed": t.passed,
                "place": list(t.row.place),
                "failures": list(t.failures),
            }
            for t in result.test_results
        ],
    }


def diagnostics_from(data: dict) -> list:
    from .diagnostics import Diagnostic, Place, Related

    return [
        Diagnostic(
            d["code"],
            d["message"],
            Place(*d["place"]),
            related=tuple(Related(Place(*p), m) for p, m in d["related"]),
            hint=d["hint"],
        )
        for d in data["diagnostics"]
    ]


@dataclass
class Validation:
    """What validate and test report, from the cache or a fresh compile: one view renders it."""

    root: Path
    diagnostics: list  # as reported: --strict already applied
    tests: dict  # tests_data()
    failed: bool

    @classmethod
    def from_data(cls, data: dict, root: Path, strict: bool) -> Validation:
        """`validation_data` (diagnostics before --strict) -> the report of this run."""
        from .diagnostics import count
        from .diagnostics import strict as strict_diagnostics

        diags = diagnostics_from(data)
        if strict:
            diags = strict_diagnostics(diags)
        errors, warnings = count(diags)
        return cls(root, diags, data["tests"], bool(errors or (strict and warnings)))


# -- check: every answer of one principal at once ------------------------------------------


def _check_question(principal: str, level: str, table: str, target: str, strict: bool) -> list:
    return ["check", principal, level, table, target, strict]


def principal_checks(engine, principal, strict: bool) -> list[tuple[list, object]]:
    """Every `check` answer of `principal` that is not denied, and what a warm lookup needs.

    `engine.effective` names every (level, table, target) the principal is not
    denied (the engine tests it equal to `decide` on every target); each is
    answered by `decide` itself. With the marker `check-complete` and the
    list of declared targets, any other question of this principal on a
    declared target is `denied` with no path, which is what `decide` answers.
    """
    ref = f"{principal.kind}:{principal.id}"
    lookup = engine.config.lookup
    items: list[tuple[list, object]] = []
    for level, table, target in engine.effective(principal):
        d = engine.decide(principal, level, table, lookup(target), explain=True)
        items.append((_check_question(ref, level, table, target, strict), decision_data(d)))
    items.extend((["target", f"{t.kind}:{t.id}"], True) for t in engine.targets())
    items.append((["check-complete", ref, strict], True))
    return items


def cached_check(cache, principal: str, level: str, table: str, target: str, strict: bool):
    """The answer to one `check` from the cache, or None when it cannot be known from it."""
    answer = cache.get(_check_question(principal, level, table, target, strict))
    if answer is not None:
        return answer
    if cache.get(["check-complete", principal, strict]) and cache.get(["target", target]):
        return {
            "principal": principal,
            "level": level,
            "table": table,
            "target": target,
            "decision": "denied",
            "paths": [],
        }
    return None
