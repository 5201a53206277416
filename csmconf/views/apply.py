"""`apply`: the plan, table by table, and what was done."""

from __future__ import annotations

from . import EXIT_FOUND, EXIT_OK
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


def human(out, plan, dry_run: bool) -> None:
    inserts, updates, deletes = plan.totals()
    out.doc(f"plan for {plan.url} ({plan.dialect}):\n")
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
