"""`fmt`: which files were (or would be) reformatted."""

from __future__ import annotations

from . import EXIT_CANNOT, EXIT_FOUND, EXIT_OK


def refused(out, result, root) -> int:
    """A file that does not parse cleanly cannot be rewritten safely: exit 2."""
    out.report(result.diagnostics, root, EXIT_CANNOT, to_stderr=True, format="text")
    for rel, why in sorted(result.refused.items()):
        out.error(f"{rel}: not formatted: {why}")
    return EXIT_CANNOT


def show(out, result, root, check_only: bool) -> int:
    code = EXIT_FOUND if check_only and result.changed else EXIT_OK
    if out.fmt == "text":
        verb = "would reformat" if check_only else "reformatted"
        for rel in result.changed:
            out.text(f"{verb}: {rel}\n")
        out.log(f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} already canonical")
    else:
        out.report(
            [],
            root,
            code,
            extra={
                "command": "fmt",
                "check": check_only,
                "changed": result.changed,
                "unchanged": result.unchanged,
            },
        )
    return code
