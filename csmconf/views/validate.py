"""`validate`: the diagnostics, the summary, and the tests line."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK
from .test import tests_line, tests_member


def show(out, result) -> int:
    code = EXIT_FOUND if result.failed(out.strict) else EXIT_OK
    out.report(
        result.diagnostics, result.root, code, extra={"command": "validate", **tests_member(result)}
    )
    line = tests_line(result)
    if line and out.fmt == "text" and not out.quiet:
        out.doc(line + "\n")
    return code
