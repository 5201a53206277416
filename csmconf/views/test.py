"""`test`: the diagnostics, one PASS/FAIL line per test, the tests line.

validate and test render an `answers.Validation` (fresh or from the answer
cache); the tests are plain data (`answers.tests_data`).
"""

from __future__ import annotations

from pathlib import Path

from . import EXIT_FOUND, EXIT_OK
from .paths import PathShower


def tests_json(tests: dict, root: Path | None) -> dict:
    """The `tests` member of the JSON document of validate, test, compile and apply."""
    from ..diagnostics import Place

    show = PathShower(root)
    results = [
        {
            "name": t["name"],
            "passed": t["passed"],
            "place": show.where(Place(*t["place"])),
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


def tests_member(result) -> dict:
    """`tests_json` of a compilation (compile and apply report it)."""
    from ..answers import tests_data

    return tests_json(tests_data(result), result.root)


def tests_line(tests: dict) -> str | None:
    total = tests["total"]
    if not total:
        return None
    if not tests["run"]:
        return f"access tests: not run ({total} declared): the configuration has errors"
    passed = sum(1 for t in tests["results"] if t["passed"])
    return f"access tests: {passed} of {total} passed"


def human(out, tests: dict) -> None:
    for t in tests["results"]:
        out.text(f"{'PASS' if t['passed'] else 'FAIL'}  {t['name']}\n")
    line = tests_line(tests)
    if line:
        out.doc(line + "\n")


def show(out, report) -> int:
    code = EXIT_FOUND if report.failed else EXIT_OK
    out.report(
        report.diagnostics,
        report.root,
        code,
        extra={"command": "test", **tests_json(report.tests, report.root)},
    )
    if out.fmt == "text" and not out.quiet:
        human(out, report.tests)
    return code
