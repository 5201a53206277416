"""`check`: one decision; exit 1 when denied."""

from __future__ import annotations

from pathlib import Path

from . import EXIT_FOUND, EXIT_OK, decision
from .diagnostics import dumps
from .paths import PathShower


def render(d: dict, root: Path, fmt: str, explain: bool) -> str:
    """The answer (`answers.decision_data`, fresh or cached) as text or JSON."""
    paths = PathShower(root)
    if fmt == "text":
        return decision.human(d, paths, explain)
    return dumps({"format_version": 1, "command": "check", **decision.as_dict(d, paths)})


def show(out, root: Path, d: dict, explain: bool, diagnostics=()) -> int:
    code = EXIT_FOUND if d["decision"] == "denied" else EXIT_OK
    if out.fmt in ("text", "json"):
        (out.text if out.fmt == "text" else out.doc)(render(d, root, out.fmt, explain))
    else:  # sarif, github: diagnostics only (docs/ci.md); the answer is in the exit code
        out.report(list(diagnostics), root, code)
    return code
