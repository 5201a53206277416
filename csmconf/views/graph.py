"""`graph`: the drawing on stdout or in a file; diagnostics (if any) as text on stderr."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK


def errors(out, result) -> int:
    out.report(result.diagnostics, result.root, EXIT_FOUND, to_stderr=True)
    return EXIT_FOUND


def show(out, drawing: str, output) -> int:
    if output:
        out.log(f"wrote {output}")
    else:
        out.doc(drawing)
    return EXIT_OK
