"""`test`: the diagnostics, one PASS/FAIL line per test, the tests line."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK
from .paths import PathShower


def tests_member(result) -> dict:
    """The `tests` member of the JSON document of validate, test, compile and apply."""
    show = PathShower(result.root)
    results = []
    for t in result.test_results:
        d = t.to_dict()
        d["place"] = show.where(t.row.place)
        results.append(d)
    passed = sum(1 for t in result.test_results if t.passed)
    return {
        "tests": {
            "run": result.tests_run,
            "total": len(result.config.tests),
            "passed": passed,
            "failed": len(result.test_results) - passed,
            "results": results,
        }
    }


def tests_line(result) -> str | None:
    total = len(result.config.tests)
    if not total:
        return None
    if not result.tests_run:
        return f"access tests: not run ({total} declared): the configuration has errors"
    passed = sum(1 for t in result.test_results if t.passed)
    return f"access tests: {passed} of {total} passed"


def human(out, result) -> None:
    for t in result.test_results:
        out.text(f"{'PASS' if t.passed else 'FAIL'}  {t.name}\n")
    line = tests_line(result)
    if line:
        out.doc(line + "\n")


def show(out, result) -> int:
    code = EXIT_FOUND if result.failed(out.strict) else EXIT_OK
    out.report(
        result.diagnostics, result.root, code, extra={"command": "test", **tests_member(result)}
    )
    if out.fmt == "text" and not out.quiet:
        human(out, result)
    return code
