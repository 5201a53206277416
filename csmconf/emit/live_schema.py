"""The shape of the csmconf tables: as compiled, and as a live database holds them.

`apply` compares the two before it plans anything: a table, column or
constraint that is missing, changed or unexpected in the database is a
difference, and apply refuses a database with any (a dropped column would
otherwise be read as something else, e.g. SQLite takes an unknown quoted
name for a string literal). Both sides are reduced to one dialect-neutral
`TableShape`, so the comparison is the same for every database:

- columns: name -> (type as the server reports it, nullable);
- the primary key, the unique keys (PostgreSQL's MD5-compared columns as
  `md5(col)`, MySQL's as the generated `col_md5` column) and the foreign
  keys (columns -> table (columns)), by their columns;
- check constraints, by name.

The expected shape is derived from the `Table` definitions and the
dialect's column types (never written out per table); the live one is read
from SQLite's `PRAGMA`s and `sqlite_master`, PostgreSQL's `pg_catalog`, and
MariaDB's `information_schema`. Non-unique indexes are not compared: they
change speed, not meaning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .sql import column_checks, constraint_name
from .sql_quote import Dialect
from .tables import Table

MYSQL_COLLATION = "utf8mb4_bin"


@dataclass
class TableShape:
    columns: dict[str, tuple[str, bool]] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    uniques: set[tuple[str, ...]] = field(default_factory=set)
    foreign_keys: set[tuple[tuple[str, ...], str, tuple[str, ...]]] = field(default_factory=set)
    checks: set[str] = field(default_factory=set)


# -- the compiled shape ----------------------------------------------------------------------


def _server_type(q: Dialect, declared: str) -> str:
    """A declared column type as the server reports it back."""
    if q.name == "sqlite":
        return declared.upper()
    if q.name == "postgresql":
        t = declared.lower()
        t = re.sub(r"^varchar\(", "character varying(", t)
        return re.sub(r"^char\(", "character(", t)
    t = {"boolean": "tinyint(1)"}.get(declared.lower(), declared.lower())
    if re.match(r"^(char|varchar|longtext|text)\b", t):
        t += f" collate {MYSQL_COLLATION}"
    return t


def expected_shape(q: Dialect, table: Table) -> TableShape:
    shape = TableShape(primary_key=("sys_id",))
    for c in table.columns:
        shape.columns[c.name] = (_server_type(q, q.column_type(c.kind)), c.nullable)
    for u in table.uniques:
        if q.name == "mysql":
            for h in u.hashed:
                shape.columns[h + "_md5"] = (_server_type(q, "CHAR(32)"), True)
            shape.uniques.add(tuple(c + "_md5" if c in u.hashed else c for c in u.columns))
        elif q.name == "postgresql":
            shape.uniques.add(tuple(f"md5({c})" if c in u.hashed else c for c in u.columns))
        else:
            shape.uniques.add(u.columns)
    for c in table.columns:
        if c.references:
            shape.foreign_keys.add(((c.name,), c.references, ("sys_id",)))
    for fk in table.foreign_keys:
        shape.foreign_keys.add((fk.columns, fk.table, fk.ref_columns))
    names = [n for n, _expr in column_checks(q, table)] + [c.name for c in table.checks]
    shape.checks = {constraint_name("ck", table.name, n) for n in names}
    return shape


# -- the live shape ----------------------------------------------------------------------------


def live_shapes(db, names: list[str]) -> dict[str, TableShape]:
    """The shape of each of `names` the database holds (absent tables are left out)."""
    reader = {"sqlite": _sqlite, "postgresql": _postgresql, "mysql": _mysql}[db.name]
    return reader(db, names)


def _sqlite(db, names: list[str]) -> dict[str, TableShape]:
    wanted = set(names)
    found = {
        name: sql or ""
        for name, sql in db.rows("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if name in wanted
    }
    out = {}
    for name, sql in found.items():
        shape = TableShape()
        pk = []
        # PRAGMA arguments cannot be parameters; the names are our own table names.
        ident = db.q.ident(name)
        for _cid, col, ctype, notnull, _default, pk_pos in db.rows(f"PRAGMA table_info({ident})"):
            shape.columns[col] = ((ctype or "").upper(), not notnull)
            if pk_pos:
                pk.append((pk_pos, col))
        shape.primary_key = tuple(c for _, c in sorted(pk))
        for _seq, index, unique, origin, _partial in db.rows(f"PRAGMA index_list({ident})"):
            if not unique or origin == "pk":
                continue
            info = sorted(db.rows(f"PRAGMA index_info({db.q.ident(index)})"))
            shape.uniques.add(
                tuple(col if col is not None else "<expression>" for _, _, col in info)
            )
        fks: dict[int, list] = defaultdict(list)
        for fk_id, seq, ref_table, col, ref_col, *_rest in db.rows(
            f"PRAGMA foreign_key_list({ident})"
        ):
            fks[fk_id].append((seq, col, ref_table, ref_col))
        for parts in fks.values():
            parts.sort()
            shape.foreign_keys.add(
                (tuple(p[1] for p in parts), parts[0][2], tuple(p[3] for p in parts))
            )
        shape.checks = {
            m.replace('""', '"') for m in re.findall(r'CONSTRAINT\s+"((?:[^"]|"")*)"\s+CHECK', sql)
        }
        out[name] = shape
    return out


def _postgresql(db, names: list[str]) -> dict[str, TableShape]:
    out: dict[str, TableShape] = {}
    for (name,) in db.rows(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY(%s)",
        (names,),
    ):
        out[name] = TableShape()
    if not out:
        return out
    present = sorted(out)
    for table, col, ctype, notnull in db.rows(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull"
        " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relname = ANY(%s)"
        " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum",
        (present,),
    ):
        out[table].columns[col] = (ctype, not notnull)
    for table, primary, columns in db.rows(
        "SELECT c.relname, i.indisprimary,"
        " ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)"
        "       FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)::text[]"
        " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relname = ANY(%s) AND i.indisunique",
        (present,),
    ):
        cols = tuple(col.replace('"', "") for col in columns)
        if primary:
            out[table].primary_key = cols
        else:
            out[table].uniques.add(cols)
    for table, contype, conname, ref_table, cols, ref_cols in db.rows(
        "SELECT t.relname, k.contype, k.conname, f.relname,"
        " ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)"
        "       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[],"
        " ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(n, i)"
        "       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)::text[]"
        " FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid"
        " JOIN pg_namespace n ON n.oid = t.relnamespace"
        " LEFT JOIN pg_class f ON f.oid = k.confrelid"
        " WHERE n.nspname = current_schema() AND t.relname = ANY(%s) AND k.contype IN ('c', 'f')",
        (present,),
    ):
        if contype == "c":
            out[table].checks.add(conname)
        else:
            out[table].foreign_keys.add((tuple(cols), ref_table, tuple(ref_cols or ())))
    return out


def _mysql(db, names: list[str]) -> dict[str, TableShape]:
    marks = ", ".join(["%s"] * len(names))
    out: dict[str, TableShape] = {}
    for (name,) in db.rows(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
        f" AND table_type = 'BASE TABLE' AND table_name IN ({marks})",
        tuple(names),
    ):
        out[name] = TableShape()
    if not out:
        return out
    present = tuple(sorted(out))
    marks = ", ".join(["%s"] * len(present))
    for table, col, ctype, nullable, collation in db.rows(
        "SELECT table_name, column_name, column_type, is_nullable, collation_name"
        " FROM information_schema.columns WHERE table_schema = DATABASE()"
        f" AND table_name IN ({marks}) ORDER BY table_name, ordinal_position",
        present,
    ):
        # MariaDB shows integer display widths (bigint(20)); MySQL 8 does not
        t = re.sub(r"^(bigint|int|smallint)\(\d+\)", r"\1", str(ctype).lower())
        if collation:
            t += f" collate {collation}"
        out[table].columns[col] = (t, nullable == "YES")
    keys: dict[tuple[str, str], list] = defaultdict(list)
    for table, index, non_unique, seq, col in db.rows(
        "SELECT table_name, index_name, non_unique, seq_in_index, column_name"
        " FROM information_schema.statistics WHERE table_schema = DATABASE()"
        f" AND table_name IN ({marks})",
        present,
    ):
        if not int(non_unique):
            keys[(table, index)].append((int(seq), col or "<expression>"))
    for (table, index), parts in keys.items():
        cols = tuple(c for _, c in sorted(parts))
        if index == "PRIMARY":
            out[table].primary_key = cols
        else:
            out[table].uniques.add(cols)
    fks: dict[tuple[str, str], list] = defaultdict(list)
    for table, name, col, pos, ref_table, ref_col in db.rows(
        "SELECT table_name, constraint_name, column_name, ordinal_position,"
        " referenced_table_name, referenced_column_name"
        " FROM information_schema.key_column_usage WHERE table_schema = DATABASE()"
        f" AND table_name IN ({marks}) AND referenced_table_name IS NOT NULL",
        present,
    ):
        fks[(table, name)].append((int(pos), col, ref_table, ref_col))
    for (table, _name), parts in fks.items():
        parts.sort()
        out[table].foreign_keys.add(
            (tuple(p[1] for p in parts), parts[0][2], tuple(p[3] for p in parts))
        )
    for table, name in db.rows(
        # table_constraints, not check_constraints: MySQL 8's has no table_name column
        "SELECT table_name, constraint_name FROM information_schema.table_constraints"
        " WHERE constraint_schema = DATABASE() AND constraint_type = 'CHECK'"
        f" AND table_name IN ({marks})",
        present,
    ):
        out[table].checks.add(name)
    return out


# -- the comparison ----------------------------------------------------------------------------


def _cols(cols) -> str:
    return "(" + ", ".join(cols) + ")"


def _type(t: tuple[str, bool]) -> str:
    return f"{t[0]} {'NULL' if t[1] else 'NOT NULL'}"


def compare(expected: TableShape, live: TableShape, table: str) -> list[str]:
    """Each difference of `live` from `expected`, one readable line each."""
    out = []
    for col, want in expected.columns.items():
        have = live.columns.get(col)
        if have is None:
            out.append(f"{table}: column {col} is missing")
        elif have != want:
            out.append(f"{table}: column {col} is {_type(have)}, expected {_type(want)}")
    out += [
        f"{table}: unexpected column {col} ({_type(live.columns[col])})"
        for col in live.columns
        if col not in expected.columns
    ]
    if live.primary_key != expected.primary_key:
        have = _cols(live.primary_key) if live.primary_key else "none"
        out.append(f"{table}: primary key is {have}, expected {_cols(expected.primary_key)}")
    out += [
        f"{table}: unique key {_cols(u)} is missing"
        for u in sorted(expected.uniques - live.uniques)
    ]
    out += [
        f"{table}: unexpected unique key {_cols(u)}"
        for u in sorted(live.uniques - expected.uniques)
    ]

    def fk(f) -> str:
        return f"foreign key {_cols(f[0])} -> {f[1]} {_cols(f[2])}"

    out += [
        f"{table}: {fk(f)} is missing" for f in sorted(expected.foreign_keys - live.foreign_keys)
    ]
    out += [
        f"{table}: unexpected {fk(f)}" for f in sorted(live.foreign_keys - expected.foreign_keys)
    ]
    out += [
        f"{table}: check constraint {c} is missing" for c in sorted(expected.checks - live.checks)
    ]
    out += [
        f"{table}: unexpected check constraint {c}" for c in sorted(live.checks - expected.checks)
    ]
    return out


def schema_differences(db, q: Dialect, tables) -> tuple[bool, list[str]]:
    """(whether any csmconf table exists, each difference of the database from `tables`)."""
    names = [t.name for t in tables]
    live = live_shapes(db, names)
    if not live:
        return False, []
    out = []
    for table in tables:
        if table.name not in live:
            out.append(f"{table.name}: table is missing")
            continue
        out += compare(expected_shape(q, table), live[table.name], table.name)
    return True, out
