"""Connections to the PostgreSQL and MariaDB servers the database tests need.

Under `CI=true` the server tests must run: a server that is down is started
(the machine's own commands), waited for up to 30 s, and if it still does
not answer the test FAILS. Outside CI such a test is skipped, with the
reason.

    pg = postgres_schema()        # context manager: fresh schema, search_path set, dropped after
    my = mariadb_database()       # context manager: fresh database, dropped after
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import time

import pytest

PG_URL = os.environ.get("CSMCONF_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
MY_HOST = "127.0.0.1"
MY_PORT = 3306
MY_USER = "root"
MY_DATABASE = "test"
WAIT_SECONDS = 30

_started: dict[str, bool] = {}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _unavailable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable: {error}"
    if in_ci():
        pytest.fail(message + " (CI=true: database tests must run)", pytrace=False)
    pytest.skip(message)


def _try_pg():
    import psycopg

    return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)


def _try_my(database: str | None = MY_DATABASE):
    import pymysql

    return pymysql.connect(
        host=MY_HOST,
        port=MY_PORT,
        user=MY_USER,
        password="",
        database=database,
        charset="utf8mb4",
        autocommit=True,
        connect_timeout=3,
        client_flag=pymysql.constants.CLIENT.MULTI_STATEMENTS,
    )


def _start(kind: str) -> None:
    if _started.get(kind):
        return
    _started[kind] = True
    if kind == "postgresql":
        versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
        for version in versions:
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
                capture_output=True,
                timeout=60,
                check=False,
            )
    else:
        subprocess.run(
            [
                "start-stop-daemon",
                "--start",
                "--oknodo",
                "--background",
                "--exec",
                "/usr/sbin/mariadbd",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )


def _connect(kind: str, attempt):
    try:
        return attempt()
    except Exception as first:  # noqa: BLE001 - any failure to connect
        error: Exception = first
    try:
        _start(kind)
    except (OSError, subprocess.SubprocessError) as exc:
        error = exc
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            return attempt()
        except Exception as exc:  # noqa: BLE001
            error = exc
            time.sleep(0.5)
    _unavailable("PostgreSQL" if kind == "postgresql" else "MariaDB", error)
    raise AssertionError("unreachable")


def pg_connect():
    return _connect("postgresql", _try_pg)


def my_connect(database: str | None = MY_DATABASE):
    return _connect("mysql", lambda: _try_my(database))


@contextlib.contextmanager
def postgres_schema():
    """A fresh schema on the test database, set as search_path; dropped afterwards."""
    conn = pg_connect()
    name = "csmconf_t_" + secrets.token_hex(6)
    conn.execute(f'CREATE SCHEMA "{name}"')
    conn.execute(f'SET search_path = "{name}"')
    try:
        yield conn, name
    finally:
        with contextlib.suppress(Exception):
            conn.rollback()
        conn.execute(f'DROP SCHEMA "{name}" CASCADE')
        conn.close()


@contextlib.contextmanager
def mariadb_database():
    """A fresh database on the MariaDB server, selected; dropped afterwards."""
    admin = my_connect(None)
    name = "csmconf_t_" + secrets.token_hex(6)
    with admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
    conn = my_connect(name)
    try:
        yield conn, name
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        admin.close()


def mysql_run_script(conn, sql: str) -> None:
    """Run a whole SQL file over one connection (multi-statements), raising on the first error."""
    with conn.cursor() as cur:
        cur.execute(sql)
        while cur.nextset():
            pass
