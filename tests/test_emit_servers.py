"""schema.sql + seed.sql on real PostgreSQL and MariaDB servers.

Under CI=true these run and fail when a server is down (see dbservers.py);
elsewhere they skip with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import CONFIGS, describe
from dbservers import (
    MY_HOST,
    MY_PORT,
    MY_USER,
    PG_URL,
    mariadb_database,
    mysql_run_script,
    postgres_schema,
)
from emit_fixtures.emitkit import (
    HOSTILE,
    compile_tree,
    dump,
    expected_rows,
    full_dump,
    write_hostile_config,
)
from test_emit_sql import insert_sql, primary_contact_violation, violations

from csmconf.emit.rows import build_model
from csmconf.emit.sql import render_schema, render_seed
from csmconf.emit.sql_quote import dialect

pytestmark = pytest.mark.db

PG = dialect("postgresql")
MY = dialect("mysql")


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


def _cases(example, hostile, which):
    return example if which == "example" else hostile


def _check_hostile(cur, model, quote):
    rows = dump(cur, model, quote)
    accounts = {r[1]: r for r in rows["csm_account"]}
    assert accounts["acme"][2] == HOSTILE["acme_name"]
    assert accounts["acme-sub"][2] == HOSTILE["sub_name"]
    assert accounts["acme-sub"][6] == HOSTILE["sub_code"]
    contacts = {r[1]: r for r in rows["csm_contact"]}
    assert contacts["c1"][2:5] == (HOSTILE["c1_name"], HOSTILE["c1_email"], HOSTILE["c1_phone"])
    assert contacts["c2"][2:5] == (HOSTILE["c2_name"], HOSTILE["c2_email"], HOSTILE["c2_phone"])
    consumers = {r[1]: r for r in rows["csm_consumer"]}
    assert consumers["k1"][2:5] == (HOSTILE["k1_name"], HOSTILE["k1_email"], HOSTILE["k1_phone"])
    types = {r[1]: r for r in rows["csm_relationship_type"]}
    assert types["resell"][2] == HOSTILE["type_name"] and types["resell"][5:7] == (
        HOSTILE["type_label"],
        HOSTILE["type_reverse"],
    )


# -- PostgreSQL ------------------------------------------------------------------------------


def _pg_quote(name):
    return PG.ident(name)


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_postgresql_round_trip_and_idempotent(which, example, hostile):
    _c, model = _cases(example, hostile, which)
    with postgres_schema() as (conn, _name):
        conn.execute(render_schema(PG, model))
        seed = render_seed(PG, model)
        conn.execute(seed)
        cur = conn.cursor()
        first = full_dump(cur, [t.name for t in model.tables], _pg_quote)
        conn.execute(seed)
        assert full_dump(cur, [t.name for t in model.tables], _pg_quote) == first
        assert dump(cur, model, _pg_quote) == expected_rows(model)
        if which == "hostile":
            _check_hostile(cur, model, _pg_quote)


@pytest.mark.skipif(shutil.which("psql") is None, reason="the psql client is not installed")
def test_psql_client_loads_the_files(hostile, tmp_path):
    _c, model = hostile
    (tmp_path / "schema.sql").write_text(render_schema(PG, model), encoding="utf-8")
    (tmp_path / "seed.sql").write_text(render_seed(PG, model), encoding="utf-8")
    with postgres_schema() as (conn, name):
        env = {**os.environ, "PGOPTIONS": f"-c search_path={name}"}
        for file in ("schema.sql", "seed.sql", "seed.sql"):
            done = subprocess.run(
                ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(tmp_path / file), PG_URL],
                capture_output=True,
                env=env,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, done.stderr.decode()
        cur = conn.cursor()
        assert dump(cur, model, _pg_quote) == expected_rows(model)
        _check_hostile(cur, model, _pg_quote)


def test_postgresql_refuses_what_the_compiler_refuses(example):
    import psycopg

    c, model = example
    with postgres_schema() as (conn, _name):
        conn.execute(render_schema(PG, model))
        conn.execute(render_seed(PG, model))
        for what, table, values in violations(c.config):
            with pytest.raises(psycopg.errors.IntegrityError):
                conn.execute(insert_sql(PG, table, values))
                pytest.fail(f"PostgreSQL accepted: {what}")
        table, account, contact = primary_contact_violation(c.config)
        with pytest.raises(psycopg.errors.IntegrityError):
            conn.execute(
                f'UPDATE "{table}" SET "primary_contact" = %s WHERE "sys_id" = %s',
                (contact, account),
            )
        ok = dict(violations(c.config)[0][2], parent=None)
        conn.execute(insert_sql(PG, "csm_account", ok))


# -- MariaDB / MySQL -------------------------------------------------------------------------


def _my_quote(name):
    return MY.ident(name)


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_mariadb_round_trip_and_idempotent(which, example, hostile):
    _c, model = _cases(example, hostile, which)
    with mariadb_database() as (conn, _name):
        mysql_run_script(conn, render_schema(MY, model))
        seed = render_seed(MY, model)
        mysql_run_script(conn, seed)
        with conn.cursor() as cur:
            first = full_dump(cur, [t.name for t in model.tables], _my_quote)
            mysql_run_script(conn, seed)
            assert full_dump(cur, [t.name for t in model.tables], _my_quote) == first
            assert dump(cur, model, _my_quote) == expected_rows(model)
            if which == "hostile":
                _check_hostile(cur, model, _my_quote)


@pytest.mark.skipif(
    shutil.which("mariadb") is None and shutil.which("mysql") is None,
    reason="no mysql/mariadb client",
)
def test_mariadb_client_loads_the_files(hostile, tmp_path):
    _c, model = hostile
    client = shutil.which("mariadb") or shutil.which("mysql")
    (tmp_path / "schema.sql").write_text(render_schema(MY, model), encoding="utf-8")
    (tmp_path / "seed.sql").write_text(render_seed(MY, model), encoding="utf-8")
    with mariadb_database() as (conn, name):
        for file in ("schema.sql", "seed.sql", "seed.sql"):
            with open(tmp_path / file, "rb") as fh:
                done = subprocess.run(
                    [
                        client,
                        f"--host={MY_HOST}",
                        f"--port={MY_PORT}",
                        f"--user={MY_USER}",
                        "--default-character-set=utf8mb4",
                        name,
                    ],
                    stdin=fh,
                    capture_output=True,
                    timeout=120,
                    check=False,
                )
            assert done.returncode == 0, done.stderr.decode()
        with conn.cursor() as cur:
            assert dump(cur, model, _my_quote) == expected_rows(model)
            _check_hostile(cur, model, _my_quote)


def test_mariadb_refuses_what_the_compiler_refuses(example):
    import pymysql

    c, model = example
    with mariadb_database() as (conn, _name):
        mysql_run_script(conn, render_schema(MY, model))
        mysql_run_script(conn, render_seed(MY, model))
        with conn.cursor() as cur:
            for what, table, values in violations(c.config):
                with pytest.raises((pymysql.err.IntegrityError, pymysql.err.OperationalError)):
                    cur.execute(insert_sql(MY, table, values))
                    pytest.fail(f"MariaDB accepted: {what}")
            table, account, contact = primary_contact_violation(c.config)
            with pytest.raises(pymysql.err.IntegrityError):
                cur.execute(
                    f"UPDATE `{table}` SET `primary_contact` = %s WHERE `sys_id` = %s",
                    (contact, account),
                )


def test_mariadb_upsert_does_not_take_over_another_row(example):
    """ON DUPLICATE KEY fires on any unique key: a new sys_id with an existing natural key must fail."""
    import pymysql

    _c, model = example
    with mariadb_database() as (conn, _name):
        mysql_run_script(conn, render_schema(MY, model))
        mysql_run_script(conn, render_seed(MY, model))
        table = model.table("csm_account")
        row = next(r for r in model.rows["csm_account"] if r[1] == "xyz-ltd")
        hijack = ("0" * 32, "hijack") + row[2:]  # new sys_id and id, but XYZ Ltd's code
        cols = ", ".join(MY.ident(col) for col in table.column_names)
        vals = ", ".join(MY.literal(v) for v in hijack)
        from csmconf.emit.sql import _upsert_tail

        with conn.cursor() as cur:
            cur.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'")
            with pytest.raises((pymysql.err.IntegrityError, pymysql.err.OperationalError)):
                cur.execute(
                    f"INSERT INTO `csm_account` ({cols}) VALUES ({vals}) {_upsert_tail(MY, table)}"
                )
            cur.execute("SELECT `id` FROM `csm_account` WHERE `code` = 'XYZ'")
            assert cur.fetchall() == (("xyz-ltd",),)
