"""`diff`: access gained (+), lost (-) and changed (~) between two configurations."""

from __future__ import annotations

from . import EXIT_CANNOT, EXIT_FOUND, EXIT_OK
from .diagnostics import dumps

MARKS = {"gained": "+", "lost": "-", "changed": "~"}


def human_line(c) -> str:
    if c.kind == "gained":
        detail = c.after
    elif c.kind == "lost":
        detail = c.before
    else:
        detail = f"{c.before} -> {c.after}"
    return f"{MARKS[c.kind]} {c.principal} {c.level} {c.table} on {c.target}: {detail}\n"


def show(out, old: str, new: str, changes, exit_code: bool) -> int:
    code = EXIT_FOUND if changes and exit_code else EXIT_OK
    if out.fmt == "text":
        for c in changes:
            out.text(human_line(c))
        counts = {k: sum(1 for c in changes if c.kind == k) for k in MARKS}
        out.log(f"{counts['gained']} gained, {counts['lost']} lost, {counts['changed']} changed")
    elif out.fmt == "json":
        out.doc(
            dumps(
                {
                    "format_version": 1,
                    "command": "diff",
                    "old": old,
                    "new": new,
                    "changes": [c.to_dict() for c in changes],
                }
            )
        )
    else:  # sarif, github: diagnostics only (both sides were valid: none)
        out.report([], None, code)
    return code


def invalid_side(out, label: str, name: str, result) -> int:
    """One side does not compile: its diagnostics (text on stderr), the reason, exit 2."""
    message = f"the {label} configuration ({name}) is invalid"
    if out.fmt == "text":
        out.report(result.diagnostics, result.root, EXIT_CANNOT, to_stderr=True)
    else:
        out.report(
            result.diagnostics,
            result.root,
            EXIT_CANNOT,
            extra={"side": label},
            notifications=[message],
        )
    out.error(message)
    return EXIT_CANNOT
