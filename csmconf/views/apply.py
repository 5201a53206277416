"""`apply`: the plan, table by table, and what was done."""

from __future__ import annotations

from . import EXIT_CANNOT, EXIT_FOUND, EXIT_OK
from .test import tests_member


def errors(out, result) -> int:
    out.report(
        result.diagnostics,
        result.root,
        EXIT_FOUND,
        extra={"command": "apply", **tests_member(result)},
    )
    out.log("errors found: the database was not changed")
    return EXIT_FOUND


def warnings(out, result) -> None:
    """Text mode: the warnings of the configuration, before the plan, as compile shows them."""
    if out.fmt == "text" and result.diagnostics:
        out.report(result.diagnostics, result.root, EXIT_OK)


def refused(out, result, exc) -> int:
    """apply did not change the database: a drifted schema is an error found (1), the rest 2."""
    code = EXIT_FOUND if exc.found else EXIT_CANNOT
    if out.fmt != "text":
        error = {"message": exc.message, "details": exc.details, "nothing_changed": True}
        out.report(
            result.diagnostics, result.root, code, extra={"command": "apply", "error": error}
        )
    out.error(f"{exc.message}; nothing was changed")
    for detail in exc.details:
        out.error_line(f"  - {detail}")
    return code


def human(out, plan, dry_run: bool) -> None:
    inserts, updates, deletes = plan.totals()
    out.text(f"plan for {plan.url} ({plan.dialect}):\n")
    if plan.create_schema:
        out.doc(f"  create the schema ({len(plan.tables)} tables)\n")
    for t in plan.tables:
        if t.changed:
            out.doc(f"  {t.table}: +{t.insert} ~{t.update} -{t.delete}\n")
    if not plan.changed:
        out.doc("  nothing to do: the database is up to date\n")
    verb = "applied" if plan.applied else "dry run, nothing changed" if dry_run else "up to date"
    out.doc(f"{verb}: {inserts} inserted, {updates} updated, {deletes} deleted\n")


def show(out, result, plan, dry_run: bool) -> int:
    if out.fmt == "text":
        human(out, plan, dry_run)
    else:
        out.report(
            result.diagnostics,
            result.root,
            EXIT_OK,
            extra={"command": "apply", "dry_run": dry_run, "plan": plan.to_dict()},
        )
    return EXIT_OK
