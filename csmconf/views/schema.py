"""`schema`: what was written, or which schema files are stale."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK


def checked(out, differences: list[str]) -> int:
    for line in differences:
        out.error_line(f"out of date: {line}")
    return EXIT_FOUND if differences else EXIT_OK


def written(out, files, target) -> int:
    out.error_line(f"wrote {len(files)} file(s) to {target}")
    return EXIT_OK
