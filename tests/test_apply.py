"""`csmconf apply`: a database brought to exactly the compiled state, in one transaction."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli as run
from dbservers import mariadb_database, postgres_schema

REPO = Path(__file__).resolve().parents[1]
CONFIGS = REPO / "configs"

EXTRA_ACCOUNT = """version: 1
accounts:
  - id: apply-probe
    name: "Apply probe 'quoted' \\\\ {{ x }}"
    customer: true
"""


def plan_of(config: Path, url: str, *extra: str, cli: bool = False) -> dict:
    """apply's plan as `--format json` prints it; in process unless `cli` (the suite's budget)."""
    if cli:
        r = run("apply", str(config), "--db", url, "--format", "json", *extra)
        assert r.returncode == 0, r.stdout + r.stderr
        return json.loads(r.stdout)["plan"]
    from csmconf.emit.apply import apply_model
    from csmconf.emit.rows import build_model
    from csmconf.pipeline import compile_config

    result = compile_config(config)
    assert result.errors == 0
    model = build_model(result.config)
    return apply_model(model, url, dry_run="--dry-run" in extra).to_dict()


def sqlite_dump(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    tables = [
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
    ]
    dump = {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    con.close()
    return dump


@pytest.fixture
def config(tmp_path) -> Path:
    cfg = tmp_path / "cfg"
    shutil.copytree(CONFIGS, cfg)
    return cfg


def exercise(config: Path, url: str) -> None:
    """The same story on every database: create, re-apply, insert, update, delete."""
    first = plan_of(config, url)
    assert first["create_schema"] and first["applied"]
    assert first["totals"]["insert"] > 100 and first["totals"]["delete"] == 0
    again = plan_of(config, url)
    assert again == {
        **again,
        "changed": False,
        "applied": False,
        "totals": {"insert": 0, "update": 0, "delete": 0},
    }

    (config / "zz_probe.yaml").write_text(EXTRA_ACCOUNT, encoding="utf-8")
    added = plan_of(config, url)
    assert added["applied"]
    by_table = {t["table"]: t for t in added["tables"]}
    assert by_table["csm_account"]["insert"] == 1

    (config / "zz_probe.yaml").write_text(
        EXTRA_ACCOUNT.replace("Apply probe", "Renamed probe"), encoding="utf-8"
    )
    renamed = {t["table"]: t for t in plan_of(config, url)["tables"]}
    assert renamed["csm_account"] == {"table": "csm_account", "insert": 0, "update": 1, "delete": 0}

    (config / "zz_probe.yaml").unlink()
    removed = {t["table"]: t for t in plan_of(config, url)["tables"]}
    assert removed["csm_account"]["delete"] == 1
    assert plan_of(config, url)["changed"] is False


def test_sqlite_apply_story_and_dry_run(config, tmp_path):
    db = tmp_path / "csm.db"
    url = f"sqlite:///{db}"
    dry = plan_of(config, url, "--dry-run", cli=True)
    assert dry["create_schema"] and not dry["applied"]
    assert not db.exists() or sqlite_dump(db) == {}
    exercise(config, url)


def test_sqlite_contents_equal_the_seed(config, tmp_path):
    applied, seeded = tmp_path / "applied.db", tmp_path / "seeded.db"
    assert run("apply", str(config), "--db", f"sqlite:///{applied}").returncode == 0
    out = tmp_path / "gen"
    assert run("compile", str(config), "-o", str(out)).returncode == 0
    con = sqlite3.connect(seeded)
    con.executescript((out / "sql/sqlite/schema.sql").read_text(encoding="utf-8"))
    con.executescript((out / "sql/sqlite/seed.sql").read_text(encoding="utf-8"))
    con.close()
    assert sqlite_dump(applied) == sqlite_dump(seeded)


def test_failure_mid_transaction_changes_nothing(config, tmp_path):
    db = tmp_path / "csm.db"
    url = f"sqlite:///{db}"
    assert run("apply", str(config), "--db", url).returncode == 0
    con = sqlite3.connect(db)
    con.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON csm_contact BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END"
    )
    con.commit()
    con.close()
    before = sqlite_dump(db)
    # the account row is written first, then the contact's insert is refused
    (config / "zz_probe.yaml").write_text(
        EXTRA_ACCOUNT + "contacts:\n  - {id: apply-probe-c, account: apply-probe}\n",
        encoding="utf-8",
    )
    r = run("apply", str(config), "--db", url)
    assert r.returncode == 2
    assert "refused by trigger" in r.stderr and "nothing was changed" in r.stderr
    # the first row the trigger refused, by table and sys_id; never a traceback
    assert "csm_contact row sys_id " in r.stderr and "Traceback" not in r.stderr
    assert sqlite_dump(db) == before


def test_invalid_config_changes_nothing(config, tmp_path):
    db = tmp_path / "csm.db"
    url = f"sqlite:///{db}"
    assert run("apply", str(config), "--db", url).returncode == 0
    before = sqlite_dump(db)
    (config / "zz_bad.yaml").write_text(
        "version: 1\naccounts:\n  - id: x\n    name: 2024\n", encoding="utf-8"
    )
    r = run("apply", str(config), "--db", url)
    assert r.returncode == 1
    assert "CSM202" in r.stdout
    assert sqlite_dump(db) == before


def test_bad_url_exits_2():
    r = run("apply", "--db", "oracle://x")
    assert r.returncode == 2
    assert "unsupported database URL scheme" in r.stderr
    r = run("apply", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert r.returncode == 2
    assert "cannot connect" in r.stderr


@pytest.mark.db
def test_postgresql_apply_story(config):
    with postgres_schema() as (_conn, schema):
        url = f"postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
        exercise(config, url)


@pytest.mark.db
def test_mariadb_apply_story(config):
    with mariadb_database() as (_conn, name):
        exercise(config, f"mysql://root@127.0.0.1:3306/{name}")


def test_repeated_role_in_contains_applies(tmp_path):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "a.yaml").write_text(
        "version: 1\naccounts:\n  - {id: acme, name: Acme}\nroles:\n"
        "  - {id: helper, kind: external, contains: [customer, customer]}\n"
        "contacts:\n  - {id: c1, account: acme, roles: [helper]}\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    r = run("apply", str(cfg), "--db", f"sqlite:///{db}")
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    assert (
        con.execute("SELECT COUNT(*) FROM csm_role_contains").fetchone()[0] == 1 + 7
    )  # the built-in roles contain 7
    con.close()
