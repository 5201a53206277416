"""`apply`: bring a database to exactly the compiled state, in one transaction.

The plan compares what the database holds with the relational model (table
by table, row by row, keyed on sys_id) and counts inserts, updates and
deletes. Applying replaces the csmconf tables' contents inside one
transaction (children emptied first, then every row inserted parents first),
so foreign keys and unique constraints hold at every statement and a failure
leaves the database as it was. Values travel as driver parameters, never as
SQL text. On MySQL/MariaDB, creating missing tables is DDL, which the server
commits on its own: it runs before the data transaction, and only on an
empty database.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .rows import RelationalModel
from .sql import render_schema
from .sql_quote import dialect


class ApplyError(Exception):
    """The database could not be reached or changed; nothing was changed."""


@dataclass
class TablePlan:
    table: str
    insert: int = 0
    update: int = 0
    delete: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.insert or self.update or self.delete)

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "insert": self.insert,
            "update": self.update,
            "delete": self.delete,
        }


@dataclass
class Plan:
    url: str
    dialect: str
    create_schema: bool = False
    tables: list[TablePlan] = field(default_factory=list)
    applied: bool = False

    @property
    def changed(self) -> bool:
        return self.create_schema or any(t.changed for t in self.tables)

    def totals(self) -> tuple[int, int, int]:
        return (
            sum(t.insert for t in self.tables),
            sum(t.update for t in self.tables),
            sum(t.delete for t in self.tables),
        )

    def to_dict(self) -> dict:
        inserts, updates, deletes = self.totals()
        return {
            "db": self.url,
            "dialect": self.dialect,
            "create_schema": self.create_schema,
            "changed": self.changed,
            "applied": self.applied,
            "totals": {"insert": inserts, "update": updates, "delete": deletes},
            "tables": [t.to_dict() for t in self.tables if t.changed],
        }


def redact(url: str) -> str:
    """The URL without its password, for output."""
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


class _Connection:
    """One DB-API connection and what differs between the three drivers."""

    def __init__(self, url: str, dry_run: bool = False):
        parts = urlsplit(url)
        scheme = parts.scheme.split("+", 1)[0]
        try:
            if scheme == "sqlite":
                import sqlite3

                path = url.split("://", 1)[1]
                path = path.removeprefix("/")  # sqlite:///x.db -> x.db
                if not path:
                    raise ApplyError("sqlite URL needs a path: sqlite:///path/to/file.db")
                self.name, self.param = "sqlite", "?"
                if dry_run and not os.path.exists(path):
                    path = ":memory:"  # a dry run must not leave a new, empty file behind
                self.conn = sqlite3.connect(path, isolation_level=None)
                self.conn.execute("PRAGMA foreign_keys = ON")
            elif scheme in ("postgresql", "postgres"):
                import psycopg

                self.name, self.param = "postgresql", "%s"
                self.conn = psycopg.connect(
                    url.replace("postgres://", "postgresql://", 1), autocommit=True
                )
            elif scheme in ("mysql", "mariadb"):
                import pymysql

                self.name, self.param = "mysql", "%s"
                self.conn = pymysql.connect(
                    host=parts.hostname or "127.0.0.1",
                    port=parts.port or 3306,
                    user=unquote(parts.username or "root"),
                    password=unquote(parts.password or ""),
                    database=unquote(parts.path.lstrip("/")) or None,
                    charset="utf8mb4",
                    autocommit=True,
                )
            else:
                raise ApplyError(
                    f"unsupported database URL scheme '{parts.scheme}': use sqlite:///, postgresql:// or mysql://"
                )
        except ApplyError:
            raise
        except Exception as exc:  # drivers raise their own error types
            raise ApplyError(f"cannot connect to {redact(url)}: {exc}") from exc
        self.q = dialect(self.name)

    def rows(self, sql: str, params=()) -> list[tuple]:
        cur = self.conn.cursor()
        cur.execute(sql, params)
        out = [tuple(r) for r in cur.fetchall()]
        cur.close()
        return out

    def run(self, sql: str, params=()) -> None:
        cur = self.conn.cursor()
        cur.execute(sql, params)
        cur.close()

    def run_many(self, sql: str, rows: list[tuple]) -> None:
        cur = self.conn.cursor()
        cur.executemany(sql, rows)
        cur.close()

    def tables(self) -> set[str]:
        if self.name == "sqlite":
            found = self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        elif self.name == "postgresql":
            found = self.rows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
        else:
            found = self.rows(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
            )
        return {r[0] for r in found}

    def begin(self) -> None:
        if self.name == "sqlite":
            self.run("BEGIN IMMEDIATE")
        elif self.name == "postgresql":
            self.conn.autocommit = False
        else:
            self.conn.begin()

    def commit(self) -> None:
        if self.name == "sqlite":
            self.run("COMMIT")
        else:
            self.conn.commit()

    def rollback(self) -> None:
        # The error that led here is what the user must see, not a failing rollback.
        with contextlib.suppress(Exception):
            if self.name == "sqlite":
                if self.conn.in_transaction:
                    self.run("ROLLBACK")
            else:
                self.conn.rollback()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()


def _normalize(kind: str, value):
    if value is None:
        return None
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return str(value)


def _schema_statements(text: str, dialect_name: str) -> list[str]:
    """The statements of schema.sql, without its own transaction control."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    out = []
    for statement in re.split(r";\s*\n", body):
        statement = statement.strip().rstrip(";").strip()
        if not statement or statement.upper() in ("BEGIN", "COMMIT", "START TRANSACTION"):
            continue
        if dialect_name == "sqlite" and statement.upper().startswith("PRAGMA"):
            continue
        out.append(statement)
    return out


def desired_rows(model: RelationalModel) -> dict[str, list[tuple]]:
    """The compiled state: the model's rows, with accounts' primary contacts filled in."""
    rows = {t.name: list(model.rows.get(t.name, [])) for t in model.tables}
    account_table = next((t for t in model.tables if t.name == "csm_account"), None)
    if account_table is not None and model.primary_contacts:
        pc_index = account_table.column_names.index("primary_contact")
        primary = dict(model.primary_contacts)
        rows["csm_account"] = [
            (*r[:pc_index], primary.get(r[0]), *r[pc_index + 1 :]) for r in rows["csm_account"]
        ]
    return rows


def apply_model(model: RelationalModel, url: str, dry_run: bool = False) -> Plan:
    """Plan (and unless `dry_run`, carry out) the change from the database to `model`."""
    db = _Connection(url, dry_run=dry_run)
    plan = Plan(redact(url), db.name)
    try:
        q = db.q
        present = db.tables() & {t.name for t in model.tables}
        if present and len(present) != len(model.tables):
            missing = sorted({t.name for t in model.tables} - present)
            raise ApplyError(
                "the database holds some csmconf tables but not all (missing: "
                + ", ".join(missing)
                + "); it was not made by this version of csmconf"
            )
        plan.create_schema = not present
        wanted = desired_rows(model)
        for table in model.tables:
            kinds = [c.kind for c in table.columns]
            desired = {
                r[0]: tuple(_normalize(k, v) for k, v in zip(kinds, r)) for r in wanted[table.name]
            }
            current: dict = {}
            if present:
                cols = ", ".join(q.ident(c) for c in table.column_names)
                for r in db.rows(f"SELECT {cols} FROM {q.ident(table.name)}"):
                    current[r[0]] = tuple(_normalize(k, v) for k, v in zip(kinds, r))
            tp = TablePlan(table.name)
            for sys_id, row in desired.items():
                if sys_id not in current:
                    tp.insert += 1
                elif current[sys_id] != row:
                    tp.update += 1
            tp.delete = sum(1 for sys_id in current if sys_id not in desired)
            plan.tables.append(tp)
        if dry_run or not plan.changed:
            return plan
        if plan.create_schema and db.name == "mysql":
            for statement in _schema_statements(render_schema(q, model), db.name):
                db.run(statement)
        db.begin()
        try:
            if plan.create_schema and db.name != "mysql":
                for statement in _schema_statements(render_schema(q, model), db.name):
                    db.run(statement)
            _replace_contents(db, model)
            db.commit()
        except Exception:
            db.rollback()
            raise
        plan.applied = True
        return plan
    except ApplyError:
        raise
    except Exception as exc:  # driver errors: constraint, permission, lost connection
        raise ApplyError(f"{type(exc).__name__}: {exc}".strip()) from exc
    finally:
        db.close()


def _replace_contents(db: _Connection, model: RelationalModel) -> None:
    q = db.q
    account = q.ident("csm_account")
    # Accounts refer to accounts and contacts: loosen those links before emptying the tables.
    db.run(f"UPDATE {account} SET {q.ident('parent')} = NULL, {q.ident('primary_contact')} = NULL")
    for table in reversed(model.tables):
        db.run(f"DELETE FROM {q.ident(table.name)}")
    for table in model.tables:
        rows = model.rows.get(table.name, [])
        if not rows:
            continue
        cols = ", ".join(q.ident(c) for c in table.column_names)
        marks = ", ".join([db.param] * len(table.column_names))
        db.run_many(f"INSERT INTO {q.ident(table.name)} ({cols}) VALUES ({marks})", rows)
    set_pc = (
        f"UPDATE {account} SET {q.ident('primary_contact')} = {db.param} "
        f"WHERE {q.ident('sys_id')} = {db.param}"
    )
    pairs = [(pc, acc) for acc, pc in model.primary_contacts if pc is not None]
    if pairs:
        db.run_many(set_pc, pairs)
