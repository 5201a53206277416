"""One interface over the three databases for the apply tests: a URL, SQL, and a dump.

    with target("postgresql", tmp_path) as db:
        db.url            # what `csmconf apply --db` takes
        db.execute(sql)   # run one statement on the same database / schema (autocommit)
        db.dump()         # {table: [columns], table rows sorted}: the whole csmconf state

SQLite is a file below tmp_path; PostgreSQL a fresh schema; MariaDB a fresh database
(dbservers.py makes and drops them, and fails under CI=true when a server is down).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from dbservers import mariadb_database, postgres_schema

DIALECTS = (
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.db),
    pytest.param("mariadb", marks=pytest.mark.db),
)


@dataclass
class Target:
    name: str
    url: str
    _conn: object = None
    _path: Path | None = None

    def execute(self, sql: str) -> None:
        if self.name == "sqlite":
            con = sqlite3.connect(self._path)
            con.executescript(sql)
            con.close()
        elif self.name == "postgresql":
            self._conn.execute(sql)
        else:
            with self._conn.cursor() as cur:
                cur.execute(sql)

    def rows(self, sql: str) -> list[tuple]:
        if self.name == "sqlite":
            con = sqlite3.connect(self._path)
            try:
                return [tuple(r) for r in con.execute(sql).fetchall()]
            finally:
                con.close()
        if self.name == "postgresql":
            return [tuple(r) for r in self._conn.execute(sql).fetchall()]
        with self._conn.cursor() as cur:
            cur.execute(sql)
            return [tuple(r) for r in cur.fetchall()]

    def tables(self) -> list[str]:
        if self.name == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
        elif self.name == "postgresql":
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        else:
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
        return sorted(r[0] for r in self.rows(sql))

    def dump(self) -> dict[str, list]:
        """Every table with its column names and its rows (sorted): equal dumps, equal state."""
        out = {}
        q = "`" if self.name == "mariadb" else '"'
        for table in self.tables():
            if self.name == "sqlite":
                cols = [r[1] for r in self.rows(f'PRAGMA table_info("{table}")')]
            elif self.name == "postgresql":
                cols = [
                    r[0]
                    for r in self.rows(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                        f" current_schema() AND table_name = '{table}' ORDER BY ordinal_position"
                    )
                ]
            else:
                cols = [
                    r[0]
                    for r in self.rows(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                        f" DATABASE() AND table_name = '{table}' ORDER BY ordinal_position"
                    )
                ]
            rows = self.rows(f"SELECT * FROM {q}{table}{q}")
            out[table] = [cols, sorted(rows, key=repr)]
        return out


@contextlib.contextmanager
def target(name: str, tmp_path: Path):
    if name == "sqlite":
        path = tmp_path / "apply.db"
        yield Target(name, f"sqlite:///{path}", _path=path)
    elif name == "postgresql":
        with postgres_schema() as (conn, schema):
            url = f"postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
            yield Target(name, url, _conn=conn)
    else:
        with mariadb_database() as (conn, database):
            yield Target(name, f"mysql://root@127.0.0.1:3306/{database}", _conn=conn)
