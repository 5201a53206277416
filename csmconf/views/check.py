"""`check`: one decision; exit 1 when denied."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK, decision
from .diagnostics import dumps
from .paths import PathShower


def show(out, result, d, explain: bool) -> int:
    code = EXIT_FOUND if d.decision == "denied" else EXIT_OK
    paths = PathShower(result.root)
    if out.fmt == "text":
        out.text(decision.human(d, paths, explain))
    elif out.fmt == "json":
        out.doc(dumps({"format_version": 1, "command": "check", **decision.as_dict(d, paths)}))
    else:  # sarif, github: diagnostics only (docs/ci.md); the answer is in the exit code
        out.report(result.diagnostics, result.root, code)
    return code
