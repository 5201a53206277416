"""`what-can`: one line per (target, table, level) the principal is not denied."""

from __future__ import annotations

from . import EXIT_OK
from .diagnostics import dumps


def human_line(d) -> str:
    return f"{d.decision:<12} {d.level:<7} {d.table:<13} {d.target}\n"


def as_dict(d) -> dict:
    return {"target": d.target, "table": d.table, "level": d.level, "decision": d.decision}


def show(out, result, principal: str, decisions) -> int:
    if out.fmt == "text":
        if not decisions:
            out.text(f"{principal} is denied everything\n")
        for d in decisions:
            out.text(human_line(d))
    elif out.fmt == "json":
        out.doc(
            dumps(
                {
                    "format_version": 1,
                    "command": "what-can",
                    "principal": principal,
                    "access": [as_dict(d) for d in decisions],
                }
            )
        )
    else:  # sarif, github: diagnostics only
        out.report(result.diagnostics, result.root, EXIT_OK)
    return EXIT_OK
