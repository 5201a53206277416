"""`csmconf import servicenow SRC... -o DIR`: ServiceNow exports -> a configuration tree.

    result = import_servicenow([Path("export/")], Path("configs"), force=False)

Stages: `readers` (files -> `Record`s with places), merge (split exports and
repeated records become one record per sys_id), `convert` (records -> csmconf
rows, CSM803/804/805), `ids` (readable, unique, recovered when the export
came from csmconf), `writer` (canonical YAML text). Nothing is written when
an error was found; otherwise the whole tree is replaced at once
(`emit.fsio.write_outputs`), the id map included.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, count, sort_diagnostics
from ..diagnostics import strict as strict_diagnostics
from ..resolve.objects import DEFAULT_NAMESPACE
from .convert import ACL_TABLES, PLATFORM_COLUMNS, Converter, _table_columns, known_tables
from .idmap import MAP_FILE, read_map, render_map
from .layout import layout
from .readers import read_file, source_files
from .records import Export, Record

__all__ = ["MAP_FILE", "ImportResult", "OutputRefused", "check_output", "import_servicenow"]


class OutputRefused(Exception):
    """`-o` is unsafe (non-empty without --force, inside a source): exit 2, nothing touched."""


@dataclass
class ImportResult:
    files: dict[str, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: int = 0
    recovered_ids: int = 0
    mapped_ids: int = 0
    rows: int = 0

    @property
    def errors(self) -> int:
        return count(self.diagnostics)[0]


def _inside(path: Path, parent: Path) -> bool:
    try:
        path.relative_to(parent)
        return True
    except ValueError:
        return False


def check_output(sources: list[Path], out: Path, force: bool) -> None:
    """Refuse an output directory that is or holds a source, lies inside one, or is not empty."""
    real_out = Path(os.path.realpath(out))
    for src in sources:
        real_src = Path(os.path.realpath(src))
        if _inside(real_out, real_src) or _inside(real_src, real_out):
            raise OutputRefused(
                f"output directory '{out}' and source '{src}' overlap: write the tree elsewhere"
            )
    if real_out.exists() and not real_out.is_dir():
        raise OutputRefused(f"'{out}' exists and is not a directory")
    if real_out.is_dir() and any(real_out.iterdir()) and not force:
        raise OutputRefused(f"output directory '{out}' is not empty: use --force to replace it")


def _merge(records: list[Record], diags: list[Diagnostic]) -> Export:
    """One record per (table, sys_id): split exports and overlapping files merged."""
    export = Export()
    seen: dict[tuple[str, str], Record] = {}
    for rec in records:
        if not rec.sys_id:
            diags.append(Diagnostic("CSM805", f"a {rec.table} record without sys_id", rec.place))
            continue
        if rec.action.upper() == "DELETE":
            continue
        key = (rec.table, rec.sys_id)
        first = seen.get(key)
        if first is None:
            seen[key] = rec
            export.add(rec)
            continue
        for name, value in rec.fields.items():
            old = first.fields.get(name)
            if old is None:
                first.fields[name] = value
            elif old.value != value.value:
                diags.append(
                    Diagnostic(
                        "CSM806",
                        f"{rec.table} {rec.sys_id} is exported twice with different {name}: "
                        f"{old.value!r} and {value.value!r}",
                        rec.place,
                        hint=f"first at {first.place}; export each record once, from one instance",
                    )
                )
                break
    return export


def _check_tables(export: Export, diags: list[Diagnostic]) -> None:
    columns = _table_columns()
    known = known_tables()
    for table in sorted(export.records):
        recs = export.records[table]
        if table not in known:
            diags.append(
                Diagnostic(
                    "CSM801",
                    f"table {table!r} is not one csmconf imports ({len(recs)} records)",
                    recs[0].place,
                    hint="csmconf imports: " + ", ".join(sorted(known - set(ACL_TABLES))),
                )
            )
            continue
        mapped = columns.get(table, frozenset())
        firsts: dict[str, tuple[Record, int]] = {}
        for rec in recs:
            for name in rec.fields:
                if name in mapped or name in PLATFORM_COLUMNS or name.startswith("sys_"):
                    continue
                got = firsts.get(name)
                firsts[name] = (got[0], got[1] + 1) if got else (rec, 1)
        for name in sorted(firsts):
            rec, n = firsts[name]
            diags.append(
                Diagnostic(
                    "CSM802",
                    f"column {table}.{name} is not imported ({n} records carry it)",
                    rec.place,
                )
            )


def import_servicenow(
    sources: list[Path],
    out: Path,
    namespace: uuid.UUID | None = None,
    previous_map: Path | None = None,
) -> ImportResult:
    """Read every source, convert, and render the tree (nothing is written here)."""
    result = ImportResult()
    diags = result.diagnostics
    files, problems = source_files(sources)
    diags.extend(problems)
    tables = known_tables()
    records: list[Record] = []
    for path in files:
        got, problems = read_file(path, tables)
        records.extend(got)
        diags.extend(problems)
    result.records = len(records)
    export = _merge(records, diags)
    _check_tables(export, diags)
    known_ids, map_diags = read_map(previous_map if previous_map else Path(out) / MAP_FILE)
    diags.extend(map_diags)
    converter = Converter(export, namespace or DEFAULT_NAMESPACE, known_ids)
    converter.run()
    diags.extend(converter.diags)
    result.recovered_ids = converter.alloc.recovered
    result.mapped_ids = converter.alloc.from_map
    result.rows = sum(len(v) for v in converter.rows.values())
    result.diagnostics = sort_diagnostics(diags)
    if result.errors:
        return result
    result.files = layout(converter.rows, namespace)
    result.files[MAP_FILE] = render_map(converter.alloc.assigned)
    return result


def run(
    sources: list[Path], out: Path, force: bool, namespace: str | None, strict: bool = False
) -> tuple[int, ImportResult | None, str]:
    """What the command does: (exit code, result, message for stderr). Writes only on success."""
    from ..emit.fsio import write_outputs

    try:
        ns = uuid.UUID(namespace) if namespace else None
    except ValueError:
        return 2, None, f"--sys-id-namespace {namespace!r} is not a UUID"
    try:
        check_output(sources, out, force)
    except OutputRefused as exc:
        return 2, None, str(exc)
    result = import_servicenow(sources, out, ns)
    if strict:
        result.diagnostics = strict_diagnostics(result.diagnostics)
    if result.errors:
        return 1, result, f"errors found in the export: nothing written to {out}"
    try:
        write_outputs(result.files, out)
    except OSError as exc:
        return 2, result, f"cannot write {out}: {exc}"
    return (
        0,
        result,
        (
            f"imported {result.records} records as {result.rows} rows into {out} "
            f"({len(result.files)} files; ids: {result.mapped_ids} from the id map, "
            f"{result.recovered_ids} recovered from csmconf sys_ids)"
        ),
    )
