"""`import servicenow`: the diagnostics of the export, then what was written (or why not)."""

from __future__ import annotations

from pathlib import Path

from . import EXIT_CANNOT


def show(out, code: int, result, message: str) -> int:
    """Diagnostics as asked (paths relative to the current directory), the summary on stderr."""
    if result is not None:
        out.report(result.diagnostics, Path.cwd(), code, extra={"command": "import servicenow"})
    if code == EXIT_CANNOT:
        return out.cannot_run(message)
    out.error_line(message)
    return code
