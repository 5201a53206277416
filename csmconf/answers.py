"""Answers to access questions (check, who-can, what-can) as plain data, and their rendering.

The engine's `Decision` objects are turned into plain dicts once; the text and
JSON renderings are made from those dicts only. A cached answer (cache.py) is
the same dict, so an answer from the cache and one computed afresh go through
one renderer and cannot differ. Imports neither pydantic nor networkx.
"""

from __future__ import annotations

import json
from pathlib import Path

from .render import PathShower


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


def _where(show: PathShower, place: list, columns: bool) -> str:
    file, line, column = place[0], place[1], place[2]
    if not line:
        return show(file)
    return show(file) + (f":{line}:{column}" if columns else f":{line}")


def decision_text(d: dict, root: Path, explain: bool) -> str:
    show = PathShower(root)
    lines = [f"{d['principal']} {d['level']} {d['table']} on {d['target']}: {d['decision']}"]
    if explain:
        for i, path in enumerate(d["paths"], 1):
            lines.append(f"  path {i} ({path['decision']}): {path['grant']}")
            hops, via = path["hops"], path["via"]
            chain = hops[:via]
            # The way to the record first, then the role/responsibility chain it goes through.
            for source, label, target, place in [*hops[via:], *chain]:
                where = _where(show, place, columns=False)
                prefix = "via " if [source, label, target, place] in chain else ""
                if source == target:  # an access entry: a statement, not a move
                    lines.append(f"    {prefix}{source} {label}    ({where})")
                else:
                    lines.append(f"    {prefix}{source} -[{label}]-> {target}    ({where})")
    return "\n".join(lines) + "\n"


def decision_json(d: dict, root: Path) -> dict:
    show = PathShower(root)
    return {
        "principal": d["principal"],
        "level": d["level"],
        "table": d["table"],
        "target": d["target"],
        "decision": d["decision"],
        "paths": [
            {
                "grant": p["grant"],
                "decision": p["decision"],
                "hops": [
                    {"from": s, "edge": label, "to": t, "place": _where(show, place, True)}
                    for s, label, t, place in p["hops"]
                ],
            }
            for p in d["paths"]
        ],
    }


def _dump(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_check(d: dict, root: Path, fmt: str, explain: bool) -> str:
    if fmt == "text":
        return decision_text(d, root, explain)
    return _dump({"format_version": 1, "command": "check", **decision_json(d, root)})


def render_who_can(
    decisions: list[dict], level: str, table: str, target: str, root: Path, fmt: str
) -> str:
    if fmt == "text":
        if not decisions:
            return f"nobody may {level} {table} on {target}\n"
        return "".join(decision_text(d, root, explain=True) for d in decisions)
    return _dump(
        {
            "format_version": 1,
            "command": "who-can",
            "level": level,
            "table": table,
            "target": target,
            "principals": [decision_json(d, root) for d in decisions],
        }
    )


def render_what_can(rows: list[list[str]], principal: str, fmt: str) -> str:
    if fmt == "text":
        if not rows:
            return f"{principal} is denied everything\n"
        return "".join(
            f"{decision:<12} {level:<7} {table:<13} {target}\n"
            for target, table, level, decision in rows
        )
    return _dump(
        {
            "format_version": 1,
            "command": "what-can",
            "principal": principal,
            "access": [
                {"target": target, "table": table, "level": level, "decision": decision}
                for target, table, level, decision in rows
            ],
        }
    )


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
        "tests": {
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
        },
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


def tests_extra(tests: dict, root: Path) -> dict:
    """The `tests` member of a JSON report."""
    show = PathShower(root)
    results = [
        {
            "name": t["name"],
            "passed": t["passed"],
            "place": f"{show(t['place'][0])}:{t['place'][1]}:{t['place'][2]}",
            "failures": t["failures"],
        }
        for t in tests["results"]
    ]
    passed = sum(1 for t in results if t["passed"])
    return {
        "tests": {
            "run": tests["run"],
            "total": tests["total"],
            "passed": passed,
            "failed": len(results) - passed,
            "results": results,
        }
    }


def tests_line(tests: dict) -> str | None:
    total = tests["total"]
    if not total:
        return None
    if not tests["run"]:
        return f"access tests: not run ({total} declared): the configuration has errors"
    passed = sum(1 for t in tests["results"] if t["passed"])
    return f"access tests: {passed} of {total} passed"


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
