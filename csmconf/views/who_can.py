"""`who-can`: every principal not denied, each with its paths."""

from __future__ import annotations

from . import EXIT_OK, decision
from .diagnostics import dumps
from .paths import PathShower


def show(out, result, level: str, table: str, target: str, decisions) -> int:
    paths = PathShower(result.root)
    if out.fmt == "text":
        if not decisions:
            out.text(f"nobody may {level} {table} on {target}\n")
        for d in decisions:
            out.text(decision.human(d, paths, explain=True))
    elif out.fmt == "json":
        out.doc(
            dumps(
                {
                    "format_version": 1,
                    "command": "who-can",
                    "level": level,
                    "table": table,
                    "target": target,
                    "principals": [decision.as_dict(d, paths) for d in decisions],
                }
            )
        )
    else:  # sarif, github: diagnostics only
        out.report(result.diagnostics, result.root, EXIT_OK)
    return EXIT_OK
