"""CSM600-601: the access tests written in the configuration (`tests:`).

`can` holds only for an unconditional grant, `conditional` only for a
run-time one, `cannot` only when nothing grants the level at all. `who_can`
compares the principals with an unconditional grant, exhaustively.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Related
from ..graph import ALLOWED, CONDITIONAL, DENIED, AccessEngine
from ..graph.access import expand_levels
from ..model import Row
from ..resolve import Config
from .registry import check

PRINCIPAL_KINDS = ("contact", "consumer", "user")
TARGET_KINDS = ("account", "sold_product")
_EXPECTED = {"can": ALLOWED, "conditional": CONDITIONAL, "cannot": DENIED}


@dataclass
class TestResult:
    name: str
    passed: bool
    row: Row
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "passed": self.passed,
            "place": str(self.row.place),
            "failures": self.failures,
        }


def _resolve(config: Config, ref: str | None, kinds: tuple[str, ...]):
    if ref is None:
        return None
    kind, sep, _ = ref.partition(":")
    if not sep or kind not in kinds:
        return None
    return config.lookup(ref)


def _unknown(row: Row, name: str, ref: str, what: str, index: int | None = None) -> Diagnostic:
    return Diagnostic(
        "CSM601",
        f"test '{row.model.name}' names unknown {what} '{ref}'",
        row.value_place(name, index),
        hint="write it as kind:id, e.g. contact:peter-robinson or account:abc-corp",
    )


@check("CSM601")
def unknown_test_names(config: Config, engine: AccessEngine) -> list[Diagnostic]:
    return resolve_tests(config)


def resolve_tests(config: Config) -> list[Diagnostic]:
    """CSM601 for every test; these are reported even when the tests are not run."""
    out = []
    for row in config.tests:
        t = row.model
        if t.principal is not None and _resolve(config, t.principal, PRINCIPAL_KINDS) is None:
            out.append(_unknown(row, "principal", t.principal, "principal"))
        if t.on is not None and _resolve(config, t.on, TARGET_KINDS) is None:
            out.append(_unknown(row, "on", t.on, "target"))
        for i, ref in enumerate(t.expect or ()):
            if _resolve(config, ref, PRINCIPAL_KINDS) is None:
                out.append(_unknown(row, "expect", ref, "principal", i))
    return out


def run_tests(config: Config, engine: AccessEngine) -> tuple[list[Diagnostic], list[TestResult]]:
    diags: list[Diagnostic] = []
    results: list[TestResult] = []
    for row in config.tests:
        t = row.model
        target = _resolve(config, t.on, TARGET_KINDS)
        if target is None:
            continue
        result = TestResult(t.name, True, row)
        related: list[Related] = []
        if t.principal is not None:
            principal = _resolve(config, t.principal, PRINCIPAL_KINDS)
            if principal is None:
                continue
            for field_name, expected in _EXPECTED.items():
                for level in expand_levels(getattr(t, field_name) or ()):
                    d = engine.decide(principal, level, t.table, target, explain=True)
                    if d.decision != expected:
                        result.failures.append(
                            f"expected {t.principal} {field_name} {level} {t.table} on {t.on}: "
                            f"wanted {expected}, got {d.decision}"
                        )
                        for g, hops in zip(d.grants, d.paths):
                            for hop in hops:
                                related.append(
                                    Related(
                                        hop.place,
                                        f"{g.describe()}: {hop.source} -[{hop.label}]-> {hop.target}",
                                    )
                                )
        else:
            if any(_resolve(config, ref, PRINCIPAL_KINDS) is None for ref in t.expect or ()):
                continue
            expected_set = sorted(set(t.expect or ()))
            actual = sorted(
                d.principal
                for d in engine.who_can(t.who_can, t.table, target)
                if d.decision == ALLOWED
            )
            if actual != expected_set:
                missing = sorted(set(expected_set) - set(actual))
                extra = sorted(set(actual) - set(expected_set))
                parts = []
                if missing:
                    parts.append("missing " + ", ".join(missing))
                if extra:
                    parts.append("unexpected " + ", ".join(extra))
                result.failures.append(
                    f"who_can {t.who_can} {t.table} on {t.on}: expected [{', '.join(expected_set)}], "
                    f"got [{', '.join(actual)}] ({'; '.join(parts)})"
                )
                for ref in extra:
                    principal = config.lookup(ref)
                    d = engine.decide(principal, t.who_can, t.table, target, explain=True)
                    for g, hops in zip(d.grants, d.paths):
                        for hop in hops:
                            related.append(
                                Related(
                                    hop.place,
                                    f"{ref}: {g.describe()}: {hop.source} -[{hop.label}]-> {hop.target}",
                                )
                            )
        if result.failures:
            result.passed = False
            diags.append(
                Diagnostic(
                    "CSM600",
                    f"test '{t.name}' failed: " + "; ".join(result.failures),
                    row.place,
                    related=tuple(related),
                )
            )
        results.append(result)
    return diags, results


__all__ = ["TestResult", "resolve_tests", "run_tests"]
