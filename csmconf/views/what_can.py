"""`what-can`: one line per (target, table, level) the principal is not denied."""

from __future__ import annotations

from pathlib import Path

from . import EXIT_OK
from .diagnostics import dumps


def human_line(row: list[str]) -> str:
    target, table, level, decision = row
    return f"{decision:<12} {level:<7} {table:<13} {target}\n"


def as_dict(row: list[str]) -> dict:
    target, table, level, decision = row
    return {"target": target, "table": table, "level": level, "decision": decision}


def render(rows: list[list[str]], principal: str, fmt: str) -> str:
    """The answer (`answers.what_can_data`, fresh or cached) as text or JSON."""
    if fmt == "text":
        if not rows:
            return f"{principal} is denied everything\n"
        return "".join(human_line(row) for row in rows)
    return dumps(
        {
            "format_version": 1,
            "command": "what-can",
            "principal": principal,
            "access": [as_dict(row) for row in rows],
        }
    )


def show(out, root: Path, principal: str, rows, diagnostics=()) -> int:
    if out.fmt in ("text", "json"):
        (out.text if out.fmt == "text" else out.doc)(render(rows, principal, out.fmt))
    else:  # sarif, github: diagnostics only
        out.report(list(diagnostics), root, EXIT_OK)
    return EXIT_OK
