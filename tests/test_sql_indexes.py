"""Generated schema: every foreign key is indexed; SQLite literals stay shallow at any length."""

from __future__ import annotations

import sqlite3

import pytest
from dbservers import postgres_schema
from hypothesis import given, settings
from hypothesis import strategies as st

from csmconf.emit.rows import RelationalModel
from csmconf.emit.sql import foreign_key_columns, render_schema
from csmconf.emit.sql_quote import dialect
from csmconf.emit.tables import build_tables


def _model() -> RelationalModel:
    return RelationalModel(build_tables())


def _fk_covered(indexes: dict[str, list[tuple[str, ...]]]) -> list[str]:
    """Foreign keys whose columns are not the leading columns of any index of their table."""
    missing = []
    for table in _model().tables:
        for cols in foreign_key_columns(table):
            if not any(ix[: len(cols)] == cols for ix in indexes.get(table.name, [])):
                missing.append(f"{table.name} {cols}")
    return missing


def test_every_foreign_key_is_indexed_sqlite():
    con = sqlite3.connect(":memory:")
    con.executescript(render_schema(dialect("sqlite"), _model()))
    indexes: dict[str, list[tuple[str, ...]]] = {}
    for table in _model().tables:
        for _seq, name, *_ in con.execute(f'PRAGMA index_list("{table.name}")'):
            cols = tuple(r[2] for r in sorted(con.execute(f'PRAGMA index_info("{name}")')))
            indexes.setdefault(table.name, []).append(cols)
        indexes.setdefault(table.name, []).append(("sys_id",))  # the primary key
    assert _fk_covered(indexes) == []


@pytest.mark.db
def test_every_foreign_key_is_indexed_postgresql():
    with postgres_schema() as (conn, _name):
        conn.execute(render_schema(dialect("postgresql"), _model()))
        indexes: dict[str, list[tuple[str, ...]]] = {}
        for table, cols in conn.execute(
            "SELECT c.relname, ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)"
            " FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[]"
            " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
        ):
            indexes.setdefault(table, []).append(tuple(c.replace('"', "") for c in cols))
        assert _fk_covered(indexes) == []


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=5), st.sampled_from(["\n", "\r", "\t", "\x01", "\u2028", "'"])),
        max_size=60,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_sqlite_literal_round_trips_and_stays_shallow(parts, power):
    value = "".join(parts).replace("\x00", "") * (10**power)
    con = sqlite3.connect(":memory:")
    assert con.execute("SELECT " + dialect("sqlite").literal(value)).fetchone()[0] == value
    con.close()


def test_sqlite_literal_of_many_line_breaks_loads():
    for value in ("\n" * 100_000, "a\n" * 50_000, "x\r\n'" * 20_000):
        text = dialect("sqlite").literal(value)
        assert "\n" not in text and "\r" not in text  # one line per row
        con = sqlite3.connect(":memory:")
        assert con.execute("SELECT " + text).fetchone()[0] == value
        con.close()
