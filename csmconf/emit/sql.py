"""`sql/<dialect>/schema.sql` and `sql/<dialect>/seed.sql`.

The templates lay out the files; every identifier and value inside them is
built here through `sql_quote.Dialect`. Bulk rows are joined as plain text:
a seed of a large configuration is hundreds of thousands of rows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from operator import call

from .. import __version__
from ..model.sections import ID_PATTERN
from .rows import RelationalModel
from .sql_quote import Dialect
from .tables import ID_GLOBS, SYS_ID_GLOBS, SYS_ID_PATTERN, Check, Table
from .templating import sql_environment

ROWS_PER_STATEMENT = 500
BYTES_PER_STATEMENT = 1 << 20

_TITLES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MySQL / MariaDB"}
# The load commands stop at the first error; the file's own transaction then leaves nothing.
_SCHEMA_HINTS = {
    "sqlite": "sqlite3 -bail app.db < schema.sql",
    "postgresql": "psql -v ON_ERROR_STOP=1 -f schema.sql",
    "mysql": "mysql --default-character-set=utf8mb4 DB < schema.sql",
}
_SEED_HINTS = {
    "sqlite": "sqlite3 -bail app.db < seed.sql",
    "postgresql": "psql -v ON_ERROR_STOP=1 -f seed.sql",
    "mysql": "mysql --default-character-set=utf8mb4 DB < seed.sql",
}
MYSQL_SQL_MODE = "STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"


def constraint_name(*parts: str) -> str:
    """A constraint name within PostgreSQL's 63 and MySQL's 64 characters, unique per database."""
    name = "_".join(p.removeprefix("csm_") for p in parts)
    if len(name) > 60:
        name = name[:51] + "_" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return name


_PLACEHOLDER = re.compile(r"\{([A-Za-z_0-9]+)\}")


def check_sql(q: Dialect, check: Check) -> str:
    """`{column}` -> quoted identifier, `{N}` -> the N-th literal, quoted."""

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key.isdigit():
            return q.literal(check.literals[int(key)])
        return q.ident(key)

    return _PLACEHOLDER.sub(sub, check.expr)


def column_checks(q: Dialect, table: Table) -> list[tuple[str, str]]:
    out = []
    for c in table.columns:
        col = q.ident(c.name)
        if c.name == "sys_id":
            out.append(
                (
                    "sys_id_format",
                    q.regex_check("sys_id", SYS_ID_PATTERN, SYS_ID_GLOBS, 32, exact=True),
                )
            )
        elif c.kind == "id":
            out.append((f"{c.name}_format", q.regex_check(c.name, ID_PATTERN, ID_GLOBS, 100)))
        elif c.kind == "bool" and q.name != "postgresql":
            out.append((f"{c.name}_bool", f"{col} IN (0, 1)"))
        elif c.kind == "enum" and c.enum:
            values = ", ".join(q.literal(v) for v in c.enum)
            out.append((f"{c.name}_enum", f"{col} IN ({values})"))
        elif c.kind == "text" and not c.nullable:
            out.append((f"{c.name}_not_empty", f"{col} <> ''"))
    return out


def foreign_key_columns(table: Table) -> list[tuple[str, ...]]:
    """The referencing column lists of every foreign key of `table`, in declaration order."""
    out = [(c.name,) for c in table.columns if c.references]
    out += [fk.columns for fk in table.foreign_keys]
    return out


def foreign_key_indexes(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    """(name, columns) of the index each foreign key needs and no key already gives.

    Deleting (or re-keying) a parent row makes the database look up its children by the
    referencing columns; without an index that is a scan of the child table per parent
    row, quadratic over a whole apply. The primary key and the unique constraints already
    index their leading columns (not their MD5-compared ones); InnoDB indexes foreign keys
    itself, so MySQL needs none of these.
    """
    covered = [("sys_id",)] + [
        u.columns[: next((i for i, c in enumerate(u.columns) if c in u.hashed), len(u.columns))]
        for u in table.uniques
    ]
    out: list[tuple[str, tuple[str, ...]]] = []
    for cols in foreign_key_columns(table):
        if any(have[: len(cols)] == cols for have in covered):
            continue
        covered.append(cols)
        out.append((constraint_name("ix", table.name, *cols), cols))
    return out


def render_schema(q: Dialect, model: RelationalModel) -> str:
    blocks = []
    deferred = []
    for table in model.tables:
        t = q.ident(table.name)
        lines = []
        for c in table.columns:
            line = f"  {q.ident(c.name)} {q.column_type(c.kind)}"
            if not c.nullable:
                line += " NOT NULL"
            lines.append(line)
        hashed_cols = (
            sorted({h for u in table.uniques for h in u.hashed}) if q.name == "mysql" else []
        )
        for h in hashed_cols:
            lines.append(
                f"  {q.ident(h + '_md5')} CHAR(32) GENERATED ALWAYS AS (MD5({q.ident(h)})) STORED"
            )
        lines.append(
            f"  CONSTRAINT {q.ident(constraint_name('pk', table.name))} PRIMARY KEY ({q.ident('sys_id')})"
        )
        after = []
        for u in table.uniques:
            if u.hashed and q.name == "postgresql":
                cols = ", ".join(
                    f"md5({q.ident(c)})" if c in u.hashed else q.ident(c) for c in u.columns
                )
                after.append(
                    f"CREATE UNIQUE INDEX {q.ident(constraint_name(u.name))} ON {t} ({cols});"
                )
                continue
            cols = ", ".join(
                q.ident(c + "_md5") if (c in u.hashed and q.name == "mysql") else q.ident(c)
                for c in u.columns
            )
            lines.append(f"  CONSTRAINT {q.ident(constraint_name(u.name))} UNIQUE ({cols})")
        for c in table.columns:
            if c.references:
                lines.append(
                    f"  CONSTRAINT {q.ident(constraint_name('fk', table.name, c.name))} FOREIGN KEY ({q.ident(c.name)})"
                    f" REFERENCES {q.ident(c.references)} ({q.ident('sys_id')})"
                )
        for fk in table.foreign_keys:
            clause = (
                f"CONSTRAINT {q.ident(constraint_name(fk.name))} FOREIGN KEY ({', '.join(q.ident(c) for c in fk.columns)})"
                f" REFERENCES {q.ident(fk.table)} ({', '.join(q.ident(c) for c in fk.ref_columns)})"
            )
            if fk.deferred and q.name != "sqlite":
                deferred.append(f"ALTER TABLE {t} ADD {clause};")
            else:
                lines.append("  " + clause)
        for name, expr in column_checks(q, table):
            lines.append(
                f"  CONSTRAINT {q.ident(constraint_name('ck', table.name, name))} CHECK ({expr})"
            )
        for check in table.checks:
            lines.append(
                f"  CONSTRAINT {q.ident(constraint_name('ck', table.name, check.name))} CHECK ({check_sql(q, check)})"
            )
        if q.name != "mysql":
            for name, cols in foreign_key_indexes(table):
                after.append(
                    f"CREATE INDEX {q.ident(name)} ON {t} ({', '.join(q.ident(c) for c in cols)});"
                )
        blocks.append(
            {"ident": t, "comment": table.comment, "body": ",\n".join(lines), "after": after}
        )
    if q.name == "sqlite":
        preamble, postamble, suffix = ["PRAGMA foreign_keys = ON;", "BEGIN;"], ["COMMIT;"], ""
    elif q.name == "postgresql":
        preamble = [
            "SET client_encoding = 'UTF8';",
            "SET standard_conforming_strings = on;",
            "BEGIN;",
        ]
        postamble, suffix = ["COMMIT;"], ""
    else:
        preamble = ["SET NAMES utf8mb4;", f"SET SESSION sql_mode = {q.string(MYSQL_SQL_MODE)};"]
        postamble, suffix = [], " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
    return (
        sql_environment()
        .get_template("schema.sql")
        .render(
            comment="--",
            version=__version__,
            dialect_title=_TITLES[q.name],
            load_hint=_SCHEMA_HINTS[q.name],
            preamble=preamble,
            postamble=postamble,
            tables=blocks,
            table_suffix=suffix,
            deferred=deferred,
        )
    )


# -- seed ----------------------------------------------------------------------------------


class _LiteralCache(dict):
    """value -> SQL literal; lookups of values seen before never leave C.

    At most `KEPT` values are kept: a column's few repeated values (enums, flags,
    orders) are, the tens of thousands of names and emails written once each
    are not (they would hold a second copy of the column while its table is
    written: about 12 MB a column for the contacts at benchmark scale 2).
    """

    KEPT = 4096

    def __init__(self, literal):
        super().__init__()
        self.literal = literal
        self[None] = "NULL"

    def __missing__(self, value):
        text = self.literal(value)
        if len(self) < self.KEPT:
            self[value] = text
        return text


def _sys_id_or_null(value: str | None) -> str:
    return "NULL" if value is None else f"'{value}'"


def _formatters(q: Dialect, table: Table):
    """One C-callable per column turning a Python value into SQL text."""
    out = []
    for c in table.columns:
        if c.kind == "sys_id":
            # 32 hex digits made by `rows._Ids` (a reference too): nothing to escape, so the
            # literal is made without a lookup that would miss for nearly every value
            out.append("'{}'".format if not c.nullable else _sys_id_or_null)
        elif c.kind == "bool":
            out.append({True: q.literal(True), False: q.literal(False), None: "NULL"}.__getitem__)
        elif c.kind == "int":
            out.append(_LiteralCache(lambda v: str(int(v))).__getitem__)
        else:
            out.append(_LiteralCache(q.literal).__getitem__)
    return out


def _upsert_tail(q: Dialect, table: Table) -> str:
    t = q.ident(table.name)
    updatable = [c for c in table.column_names if c != "sys_id" and c not in table.late_columns]
    if q.name == "mysql":
        pk = q.ident("sys_id")
        # ON DUPLICATE KEY fires on any unique key: a row with another sys_id that collides on a
        # natural key must fail (as in the other dialects), not take over the existing row.
        guard = f"{pk} = IF({pk} = VALUES({pk}), {pk}, NULL)"
        sets = ", ".join(f"{q.ident(c)} = VALUES({q.ident(c)})" for c in updatable)
        return f"ON DUPLICATE KEY UPDATE {guard}, {sets};"
    excluded = "excluded" if q.name == "sqlite" else "EXCLUDED"
    sets = ", ".join(f"{q.ident(c)} = {excluded}.{q.ident(c)}" for c in updatable)
    old = ", ".join(f"{t}.{q.ident(c)}" for c in updatable)
    new = ", ".join(f"{excluded}.{q.ident(c)}" for c in updatable)
    op = "IS NOT" if q.name == "sqlite" else "IS DISTINCT FROM"
    return f"ON CONFLICT ({q.ident('sys_id')}) DO UPDATE SET {sets} WHERE ({old}) {op} ({new});"


def _insert_statements(q: Dialect, table: Table, rows: list[tuple]) -> Iterator[str]:
    """The INSERT statements of a table's rows, one at a time (at most 500 rows or 1 MiB each)."""
    head = f"INSERT INTO {q.ident(table.name)} ({', '.join(q.ident(c) for c in table.column_names)}) VALUES\n"
    tail = "\n" + _upsert_tail(q, table)
    fmts = _formatters(q, table)
    chunk: list[str] = []
    size = 0
    for row in rows:
        text = "(" + ", ".join(map(call, fmts, row)) + ")"
        if chunk and (len(chunk) >= ROWS_PER_STATEMENT or size + len(text) > BYTES_PER_STATEMENT):
            yield head + ",\n".join(chunk) + tail
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield head + ",\n".join(chunk) + tail


def _distinct(q: Dialect, column: str, literal: str) -> str:
    col = q.ident(column)
    if q.name == "sqlite":
        return f"{col} IS NOT {literal}"
    if q.name == "postgresql":
        return f"{col} IS DISTINCT FROM {literal}"
    return f"NOT ({col} <=> {literal})"


def render_seed(q: Dialect, model: RelationalModel) -> str:
    return "".join(iter_seed(q, model))


def iter_seed(q: Dialect, model: RelationalModel) -> Iterator[str]:
    """`seed.sql` in pieces: each INSERT statement is made when the template reaches it."""
    blocks = []
    for table in model.tables:
        rows = model.rows.get(table.name, [])
        statements = _insert_statements(q, table, rows) if rows else ["-- (no rows)"]
        blocks.append(
            {
                "title": f"{table.name}: {len(rows)} row{'s' if len(rows) != 1 else ''}",
                "statements": statements,
            }
        )
        if table.name == "csm_contact":
            t = q.ident("csm_account")
            lines = [
                f"UPDATE {t} SET {q.ident('primary_contact')} = {q.literal(pc)}"
                f" WHERE {q.ident('sys_id')} = {q.literal(acc)} AND {_distinct(q, 'primary_contact', q.literal(pc))};"
                for acc, pc in model.primary_contacts
            ]
            blocks.append(
                {
                    "title": "csm_account.primary_contact, now that the contacts exist",
                    "statements": lines or ["-- (no rows)"],
                }
            )
    if q.name == "sqlite":
        preamble, postamble = ["PRAGMA foreign_keys = ON;", "BEGIN;"], ["COMMIT;"]
    elif q.name == "postgresql":
        preamble = [
            "SET client_encoding = 'UTF8';",
            "SET standard_conforming_strings = on;",
            "BEGIN;",
        ]
        postamble = ["COMMIT;"]
    else:
        preamble = [
            "SET NAMES utf8mb4;",
            f"SET SESSION sql_mode = {q.string(MYSQL_SQL_MODE)};",
            "SET SESSION foreign_key_checks = 1;",
            "START TRANSACTION;",
        ]
        postamble = ["COMMIT;"]
    return (
        sql_environment()
        .get_template("seed.sql")
        .generate(
            comment="--",
            version=__version__,
            dialect_title=_TITLES[q.name],
            load_hint=_SEED_HINTS[q.name],
            preamble=preamble,
            postamble=postamble,
            blocks=blocks,
        )
    )
