"""`compile`: the diagnostics, then what was written (or, with --check, what is out of date)."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK
from .test import tests_member


def errors(out, result) -> int:
    out.report(
        result.diagnostics,
        result.root,
        EXIT_FOUND,
        extra={"command": "compile", **tests_member(result)},
    )
    out.log("errors found: nothing written")
    return EXIT_FOUND


def checked(out, result, target, differences: list[str]) -> int:
    code = EXIT_FOUND if differences else EXIT_OK
    out.report(
        result.diagnostics,
        result.root,
        code,
        extra={"command": "compile", "up_to_date": not differences, "differences": differences},
    )
    for line in differences:
        out.error_line(f"out of date: {line}")
    if differences:
        out.error_line(f"{target} is out of date; run `csmconf compile {result.root} -o {target}`")
    return code


def written(out, result, target, files) -> int:
    out.report(
        result.diagnostics,
        result.root,
        EXIT_OK,
        extra={"command": "compile", "written": sorted(files)},
    )
    out.log(f"wrote {len(files)} files to {target}")
    return EXIT_OK


def up_to_date(out, root, target, files: list[str]) -> int:
    """Unchanged inputs, compiler and OUT (cache.output_up_to_date): the report a fresh run prints."""
    out.report([], root, EXIT_OK, extra={"command": "compile", "written": files})
    out.log(f"{target} is up to date ({len(files)} files); nothing written")
    return EXIT_OK
