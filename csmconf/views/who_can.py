"""`who-can`: every principal not denied, each with its paths."""

from __future__ import annotations

from pathlib import Path

from . import EXIT_OK, decision
from .diagnostics import dumps
from .paths import PathShower


def render(decisions: list[dict], level: str, table: str, target: str, root: Path, fmt: str) -> str:
    """The answer (`answers.decision_data` of each principal, fresh or cached) as text or JSON."""
    paths = PathShower(root)
    if fmt == "text":
        if not decisions:
            return f"nobody may {level} {table} on {target}\n"
        return "".join(decision.human(d, paths, explain=True) for d in decisions)
    return dumps(
        {
            "format_version": 1,
            "command": "who-can",
            "level": level,
            "table": table,
            "target": target,
            "principals": [decision.as_dict(d, paths) for d in decisions],
        }
    )


def show(out, root: Path, level: str, table: str, target: str, decisions, diagnostics=()) -> int:
    if out.fmt in ("text", "json"):
        (out.text if out.fmt == "text" else out.doc)(
            render(decisions, level, table, target, root, out.fmt)
        )
    else:  # sarif, github: diagnostics only
        out.report(list(diagnostics), root, EXIT_OK)
    return EXIT_OK
