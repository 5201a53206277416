"""`validate`: the diagnostics, the summary, and the tests line."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK
from .test import tests_json, tests_line


def show(out, report) -> int:
    """`report`: an `answers.Validation`, fresh or from the answer cache."""
    code = EXIT_FOUND if report.failed else EXIT_OK
    out.report(
        report.diagnostics,
        report.root,
        code,
        extra={"command": "validate", **tests_json(report.tests, report.root)},
    )
    line = tests_line(report.tests)
    if line and out.fmt == "text" and not out.quiet:
        out.doc(line + "\n")
    return code
