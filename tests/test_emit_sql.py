"""schema.sql + seed.sql: quoting, SQLite round trips, idempotence, and constraints that fire.

The PostgreSQL and MariaDB versions of these tests are in test_emit_servers.py.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
from conftest import CONFIGS, describe
from emit_fixtures.emitkit import (
    HOSTILE,
    compile_tree,
    dump,
    expected_rows,
    full_dump,
    write_hostile_config,
)

from csmconf.emit.rows import build_model
from csmconf.emit.sql import render_schema, render_seed
from csmconf.emit.sql_quote import Dialect, NulInValue, dialect


@pytest.fixture(scope="module")
def example():
    from csmconf.pipeline import compile_config

    c = compile_config(CONFIGS)
    assert c.errors == 0, describe(c.diagnostics)
    return c, build_model(c.config)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = write_hostile_config(tmp_path_factory.mktemp("hostile") / "cfg")
    c = compile_tree(root)
    assert c.errors == 0, describe(c.diagnostics)
    return c, build_model(c.config)


def sqlite_load(path, model, seeds: int = 1) -> sqlite3.Connection:
    q = dialect("sqlite")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(render_schema(q, model))
    for _ in range(seeds):
        conn.executescript(render_seed(q, model))
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


# -- quoting ---------------------------------------------------------------------------------

VALUES = [
    "",
    "plain",
    "O'Brien",
    "back\\slash",
    "\\'",
    "line\nbreak\r\n",
    "tab\tand \x1a and \x01",
    "{{ x }} {% y %} ]]> -- ; /* */",
    "Zoë 😀 \u2028 \x85",
    HOSTILE["sub_name"],
]


@pytest.mark.parametrize("value", VALUES)
def test_sqlite_literal_round_trips(value):
    q = dialect("sqlite")
    conn = sqlite3.connect(":memory:")
    assert conn.execute(f"SELECT {q.literal(value)}").fetchone()[0] == value


@pytest.mark.parametrize("name", ["sqlite", "postgresql", "mysql"])
def test_literals_keep_every_row_on_one_line(name):
    q = dialect(name)
    for value in VALUES:
        text = q.literal(value)
        assert "\n" not in text and "\r" not in text, (name, value, text)


def test_literal_forms():
    s, p, m = Dialect("sqlite"), Dialect("postgresql"), Dialect("mysql")
    assert s.literal("a'b") == "'a''b'"
    assert p.literal("a'b\\c") == "'a''b\\c'"  # standard string: backslash is data
    assert p.literal("a\nb") == "E'a\\nb'"
    assert m.literal("a'b\\c\n") == "'a\\'b\\\\c\\n'"
    assert s.literal("a\nb") == "('a'||char(10)||'b')"
    assert [x.literal(True) for x in (s, p, m)] == ["1", "TRUE", "TRUE"]
    assert [x.literal(None) for x in (s, p, m)] == ["NULL"] * 3
    assert s.ident('we"ird') == '"we""ird"' and m.ident("we`ird") == "`we``ird`"


@pytest.mark.parametrize("name", ["sqlite", "postgresql", "mysql"])
def test_nul_is_refused(name):
    with pytest.raises(NulInValue):
        dialect(name).literal("a\x00b")


# -- SQLite round trips ----------------------------------------------------------------------


def _q(name):
    return dialect("sqlite").ident(name)


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_sqlite_seed_round_trips_and_is_idempotent(which, example, hostile, tmp_path):
    _c, model = example if which == "example" else hostile
    conn = sqlite_load(tmp_path / "a.db", model)
    cur = conn.cursor()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    first = full_dump(cur, [t.name for t in model.tables], _q)
    conn.executescript(render_seed(dialect("sqlite"), model))
    assert full_dump(cur, [t.name for t in model.tables], _q) == first
    assert dump(cur, model, _q) == expected_rows(model)


def test_sqlite_hostile_values_byte_identical(hostile, tmp_path):
    _c, model = hostile
    conn = sqlite_load(tmp_path / "h.db", model)
    got = dict(conn.execute('SELECT "id", "name" FROM "csm_account"').fetchall())
    assert got["acme"] == HOSTILE["acme_name"] and got["acme-sub"] == HOSTILE["sub_name"]
    row = conn.execute(
        'SELECT "name", "email", "phone" FROM "csm_contact" WHERE "id" = \'c1\''
    ).fetchone()
    assert row == (HOSTILE["c1_name"], HOSTILE["c1_email"], HOSTILE["c1_phone"])
    row = conn.execute(
        'SELECT "name", "email", "phone" FROM "csm_contact" WHERE "id" = \'c2\''
    ).fetchone()
    assert row == (HOSTILE["c2_name"], HOSTILE["c2_email"], HOSTILE["c2_phone"])
    codes = dict(conn.execute('SELECT "id", "code" FROM "csm_account"').fetchall())
    assert codes == {
        "acme": HOSTILE["acme_code"],
        "acme-sub": HOSTILE["sub_code"],
        "cust": HOSTILE["cust_code"],
    }
    whens = {r[0] for r in conn.execute('SELECT "when_filter" FROM "csm_role_access"')}
    assert HOSTILE["role_when"] in whens


@pytest.mark.skipif(
    shutil.which("sqlite3") is None, reason="the sqlite3 command-line client is not installed"
)
def test_sqlite3_client_loads_the_files(hostile, tmp_path):
    _c, model = hostile
    q = dialect("sqlite")
    (tmp_path / "schema.sql").write_text(render_schema(q, model), encoding="utf-8")
    (tmp_path / "seed.sql").write_text(render_seed(q, model), encoding="utf-8")
    db = tmp_path / "cli.db"
    for name in ("schema.sql", "seed.sql", "seed.sql"):
        with open(tmp_path / name, "rb") as fh:
            done = subprocess.run(
                ["sqlite3", "-bail", str(db)],
                stdin=fh,
                capture_output=True,
                timeout=60,
                check=False,
            )
        assert done.returncode == 0, done.stderr.decode()
    conn = sqlite3.connect(db)
    assert dump(conn.cursor(), model, _q) == expected_rows(model)


# -- the database refuses what the compiler refuses ------------------------------------------

HEX = "0123456789abcdef" * 2


def sys(config, kind, key):
    from csmconf.resolve.objects import sys_id

    return sys_id(config.namespace, kind, key)


def violations(config):
    """(what, table, {column: value}) rows that each break one constraint of the schema."""
    s = lambda kind, key: sys(config, kind, key)
    acct = {
        "customer": True,
        "partner": False,
        "restrict_contact_access": False,
        "active": True,
        "code": None,
    }
    return [
        (
            "self-parent account (CSM404)",
            "csm_account",
            dict(
                sys_id=s("account", "selfish"),
                id="selfish",
                name="Selfish",
                parent=s("account", "selfish"),
                **acct,
            ),
        ),
        (
            "duplicate account code (CSM302)",
            "csm_account",
            dict(
                sys_id=s("account", "abc-copy"),
                id="abc-copy",
                name="Copy",
                **{**acct, "code": "ABC"},
            ),
        ),
        (
            "dangling reference (CSM301)",
            "csm_contact",
            {"sys_id": s("contact", "ghost"), "id": "ghost", "account": "f" * 32, "active": True},
        ),
        (
            "duplicate id (CSM300)",
            "csm_contact",
            {"sys_id": HEX, "id": "mia-xyz", "account": s("account", "xyz-ltd"), "active": True},
        ),
        (
            "bad id format (CSM202)",
            "csm_contact",
            {
                "sys_id": s("contact", "Bad Id"),
                "id": "Bad Id",
                "account": s("account", "xyz-ltd"),
                "active": True,
            },
        ),
        (
            "role kind enum (CSM202)",
            "csm_role",
            {
                "sys_id": s("role", "odd"),
                "id": "odd",
                "name": "Odd",
                "kind": "sideways",
                "builtin": False,
            },
        ),
        (
            "role access on holder scope (CSM202)",
            "csm_role_access",
            {
                "sys_id": s("role_access", "customer|9|read"),
                "role": s("role", "customer"),
                "position": 9,
                "table_name": "case",
                "level": "read",
                "scope": "holder",
            },
        ),
        (
            "role contains itself (CSM404)",
            "csm_role_contains",
            {
                "sys_id": s("role_contains", "customer|customer"),
                "role": s("role", "customer"),
                "contained_role": s("role", "customer"),
                "position": 0,
            },
        ),
        (
            "account relates to itself (CSM404)",
            "csm_account_relationship",
            {
                "sys_id": s("account_relationship", "xyz-ltd|partner_account|xyz-ltd"),
                "from_account": s("account", "xyz-ltd"),
                "relationship_type": s("relationship_type", "partner_account"),
                "to_account": s("account", "xyz-ltd"),
                "sort_order": 100,
            },
        ),
        (
            "duplicate relationship (CSM502)",
            "csm_account_relationship",
            {
                "sys_id": HEX,
                "from_account": s("account", "gsi-tech"),
                "relationship_type": s("relationship_type", "partner_account"),
                "to_account": s("account", "abc-corp"),
                "sort_order": 100,
            },
        ),
        (
            "second responsibility for one contact and account (CSM509)",
            "csm_contact_relationship",
            {
                "sys_id": s("contact_relationship", "eva-abc-europe|abc-germany|guarantor"),
                "contact": s("contact", "eva-abc-europe"),
                "account": s("account", "abc-germany"),
                "responsibility": s("responsibility", "guarantor"),
                "sort_order": 100,
                "holder_contact": True,
            },
        ),
        (
            "team member with a responsibility users cannot hold (CSM506)",
            "csm_team_member",
            {
                "sys_id": s("team_member", "rita-agent|abc-corp|guarantor"),
                "csm_user": s("user", "rita-agent"),
                "account": s("account", "abc-corp"),
                "responsibility": s("responsibility", "guarantor"),
                "holder_user": True,
            },
        ),
        (
            "related party of the wrong kind for its type (CSM511)",
            "csm_related_party",
            {
                "sys_id": s(
                    "related_party", "abc-treasury-platform|contact:mia-xyz|loan-guarantor"
                ),
                "sold_product": s("sold_product", "abc-treasury-platform"),
                "party_kind": "contact",
                "party_contact": s("contact", "mia-xyz"),
                "related_party_config": s("related_party_config", "loan-guarantor"),
                "applies_to": "sold_product",
                "position": 0,
            },
        ),
    ]


def primary_contact_violation(config):
    """CSM504: ABC Corp's primary contact set to a contact of another account."""
    return ("csm_account", sys(config, "account", "abc-corp"), sys(config, "contact", "mia-xyz"))


def insert_sql(q: Dialect, table: str, values: dict) -> str:
    cols = ", ".join(q.ident(c) for c in values)
    vals = ", ".join(q.literal(v) for v in values.values())
    return f"INSERT INTO {q.ident(table)} ({cols}) VALUES ({vals})"


def test_sqlite_refuses_what_the_compiler_refuses(example, tmp_path):
    c, model = example
    q = dialect("sqlite")
    conn = sqlite_load(tmp_path / "x.db", model)
    for what, table, values in violations(c.config):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert_sql(q, table, values))
            pytest.fail(f"SQLite accepted: {what}")
    table, account, contact = primary_contact_violation(c.config)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            f'UPDATE "{table}" SET "primary_contact" = ? WHERE "sys_id" = ?', (contact, account)
        )
    # the same statements are fine for a valid row: the failures above are the constraints, not the SQL
    ok = dict(violations(c.config)[0][2], parent=None)
    conn.execute(insert_sql(q, "csm_account", ok))


def test_setting_off_drops_the_one_per_account_unique(tmp_path):
    from csmconf.emit.tables import build_tables

    on = {u.name for t in build_tables(True) for u in t.uniques}
    off = {u.name for t in build_tables(False) for u in t.uniques}
    assert on - off == {"uq_contact_relationship_one_per_account"}
