"""`apply` under faults, on SQLite, PostgreSQL and MariaDB.

- a drifted live schema is refused, each difference listed, before anything is planned
  (the dry run too), and the database is untouched;
- a driver error names the table and the row, and nothing was changed;
- two applies at once: the second waits for the first's lock (or gives up cleanly);
- SIGKILL at named points leaves the database equal to its dump before the run.

The subprocess tests stop `apply` at a named point with the test hook of apply.py
(CSMCONF_TEST_APPLY_PAUSE / _TRACE): it prints a marker on stderr and waits for a line on
stdin, so the test kills or releases it at a known moment instead of guessing a delay.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO, write_tree
from dbtargets import DIALECTS, target

from csmconf.emit.apply import PAUSE_ENV, TRACE_ENV, ApplyError, apply_model
from csmconf.emit.rows import build_model
from csmconf.pipeline import compile_config

V1 = {
    "a.yaml": """\
        version: 1
        accounts:
          - {id: acme, name: Acme, customer: true}
          - {id: beta, name: Beta, parent: acme}
        contacts:
          - {id: c1, account: acme, name: "C one", email: c1@acme.test}
          - {id: c2, account: beta, name: "C two"}
        sold_products:
          - {id: sp1, account: acme, name: "Widget"}
        """
}
# insert (gamma, c3), update (c1's name), delete (c2, sp1)
V2 = {
    "a.yaml": """\
        version: 1
        accounts:
          - {id: acme, name: Acme, customer: true}
          - {id: beta, name: Beta, parent: acme}
          - {id: gamma, name: Gamma, parent: beta}
        contacts:
          - {id: c1, account: acme, name: "C one, renamed", email: c1@acme.test}
          - {id: c3, account: gamma, name: "C three"}
        """
}


def model_of(tmp_path: Path, files: dict, name: str):
    result = compile_config(write_tree(tmp_path / name, files))
    assert not [d for d in result.diagnostics if d.is_error]
    return build_model(result.config)


# -- drift ----------------------------------------------------------------------------------

DRIFT = {
    "sqlite": (
        (
            "ALTER TABLE csm_contact DROP COLUMN email; ALTER TABLE csm_user ADD COLUMN extra TEXT;"
            " DROP TABLE csm_acl_rule;"
        ),
        [
            "csm_contact: column email is missing",
            "csm_user: unexpected column extra (TEXT NULL)",
            "csm_acl_rule: table is missing",
        ],
    ),
    "postgresql": (
        (
            "ALTER TABLE csm_contact DROP COLUMN email;"
            " ALTER TABLE csm_account DROP CONSTRAINT ck_account_account_not_own_parent;"
            " DROP INDEX uq_account_code; ALTER TABLE csm_sold_product ALTER COLUMN name SET NOT NULL;"
            " ALTER TABLE csm_team_member DROP CONSTRAINT fk_team_member_responsibility;"
            " ALTER TABLE csm_role ALTER COLUMN name TYPE VARCHAR(200)"
        ),
        [
            "csm_contact: column email is missing",
            "csm_account: check constraint ck_account_account_not_own_parent is missing",
            "csm_account: unique key (md5(code)) is missing",
            "csm_sold_product: column name is text NOT NULL, expected text NULL",
            (
                "csm_team_member: foreign key (responsibility, holder_user) -> csm_responsibility"
                " (sys_id, holder_user) is missing"
            ),
            "csm_role: column name is character varying(200) NOT NULL, expected text NOT NULL",
        ],
    ),
    "mariadb": (
        (
            "ALTER TABLE csm_contact DROP COLUMN email,"
            " ADD CONSTRAINT ck_extra CHECK (name <> 'x');"
            " ALTER TABLE csm_user MODIFY name LONGTEXT COLLATE utf8mb4_general_ci;"
            " ALTER TABLE csm_role DROP INDEX uq_role_id"
        ),
        [
            "csm_contact: column email is missing",
            "csm_contact: unexpected check constraint ck_extra",
            (
                "csm_user: column name is longtext collate utf8mb4_general_ci NULL,"
                " expected longtext collate utf8mb4_bin NULL"
            ),
            "csm_role: unique key (id) is missing",
        ],
    ),
}


@pytest.mark.parametrize("name", DIALECTS)
def test_drifted_schema_is_refused_before_planning(name, tmp_path):
    v1, v2 = model_of(tmp_path, V1, "v1"), model_of(tmp_path, V2, "v2")
    with target(name, tmp_path) as db:
        assert apply_model(v1, db.url).applied
        # a schema apply created itself has no difference: the same model, nothing to do
        assert not apply_model(v1, db.url).changed
        statements, expected = DRIFT[name]
        for statement in statements.split(";") if name != "sqlite" else [statements]:
            if statement.strip():
                db.execute(statement)
        before = db.dump()
        for dry_run in (True, False):
            with pytest.raises(ApplyError) as info:
                apply_model(v2, db.url, dry_run=dry_run)
            assert info.value.found, "a drifted database is an error found (exit 1)"
            assert sorted(info.value.details) == sorted(expected)
            assert "differ from the compiled schema" in info.value.message
        assert db.dump() == before


def test_drift_cli_exit_1_lists_each_difference(tmp_path):
    cfg = write_tree(tmp_path / "cfg", V1)
    with target("sqlite", tmp_path) as db:
        assert apply_model(model_of(tmp_path, V1, "m1"), db.url).applied
        db.execute("ALTER TABLE csm_contact DROP COLUMN phone")
        r = run_apply(cfg, db.url, "--dry-run", "--format", "json")
        assert r.returncode == 1
        doc = json.loads(r.stdout)
        assert doc["error"]["details"] == ["csm_contact: column phone is missing"]
        assert doc["error"]["nothing_changed"] is True
        assert "  - csm_contact: column phone is missing" in r.stderr
        assert "nothing was changed" in r.stderr and "Traceback" not in r.stderr


# -- driver errors ----------------------------------------------------------------------------

REFUSE_C3 = {
    "sqlite": "CREATE TRIGGER refuse BEFORE INSERT ON csm_contact WHEN NEW.id = 'c3'"
    " BEGIN SELECT RAISE(ABORT, 'c3 refused by trigger'); END",
    "postgresql": "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
    " IF NEW.id = 'c3' THEN RAISE EXCEPTION 'c3 refused by trigger'; END IF; RETURN NEW; END $f$;"
    " CREATE TRIGGER refuse BEFORE INSERT ON csm_contact FOR EACH ROW EXECUTE FUNCTION refuse()",
    "mariadb": "CREATE TRIGGER refuse BEFORE INSERT ON csm_contact FOR EACH ROW"
    " IF NEW.id = 'c3' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'c3 refused by trigger';"
    " END IF",
}


@pytest.mark.parametrize("name", DIALECTS)
def test_driver_error_names_table_and_row(name, tmp_path):
    v1, v2 = model_of(tmp_path, V1, "v1"), model_of(tmp_path, V2, "v2")
    with target(name, tmp_path) as db:
        apply_model(v1, db.url)
        db.execute(REFUSE_C3[name])
        before = db.dump()
        with pytest.raises(ApplyError) as info:
            apply_model(v2, db.url)
        c3 = next(r for r in v2.rows["csm_contact"] if r[1] == "c3")
        assert str(info.value).startswith(f"csm_contact row sys_id {c3[0]} (contact c3): ")
        assert "c3 refused by trigger" in str(info.value)
        assert not info.value.found
        assert db.dump() == before


@pytest.mark.parametrize("name", DIALECTS)
def test_refused_delete_names_the_row(name, tmp_path):
    """Another application's table refers to a contact that the change deletes."""
    v1, v2 = model_of(tmp_path, V1, "v1"), model_of(tmp_path, V2, "v2")
    c2 = next(r for r in v1.rows["csm_contact"] if r[1] == "c2")
    with target(name, tmp_path) as db:
        apply_model(v1, db.url)
        q = "`" if name == "mariadb" else '"'
        ref_type = "TEXT" if name == "sqlite" else "CHAR(32)"
        db.execute(
            f"CREATE TABLE app_ticket (contact {ref_type} REFERENCES {q}csm_contact{q} (sys_id))"
            + (" ENGINE=InnoDB" if name == "mariadb" else "")
        )
        db.execute(f"INSERT INTO app_ticket VALUES ('{c2[0]}')")
        before = db.dump()
        with pytest.raises(ApplyError) as info:
            apply_model(v2, db.url)
        assert str(info.value).startswith(f"deleting csm_contact row sys_id {c2[0]} (contact c2): ")
        assert db.dump() == before


# -- processes: locks and kills ---------------------------------------------------------------


def run_apply(cfg: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "csmconf", "apply", str(cfg), "--db", url, *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


class Apply:
    """`csmconf apply` in a subprocess, its stderr lines read as they come."""

    def __init__(self, cfg: Path, url: str, pause: str | None = None, **env: str):
        full = {**os.environ, "NO_COLOR": "1", TRACE_ENV: "1", **env}
        if pause:
            full[PAUSE_ENV] = pause
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "csmconf", "apply", str(cfg), "--db", url, "--format", "json"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=full,
        )
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, point: str, timeout: float = 30) -> None:
        marker = f"csmconf-apply-point: {point}"
        while marker not in self.seen:
            line = self.lines.get(timeout=timeout)
            assert line is not None, f"apply ended before {point}: {self.seen}"
            self.seen.append(line)

    def release(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 60) -> tuple[int, dict | None]:
        # not communicate(): the reader thread owns stderr
        self.proc.stdin.close()
        out = self.proc.stdout.read()
        self.proc.wait(timeout=timeout)
        while (line := self.lines.get(timeout=timeout)) is not None:
            self.seen.append(line)
        return self.proc.returncode, json.loads(out) if out.strip() else None

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.mark.parametrize("name", DIALECTS)
def test_second_apply_waits_for_the_first(name, tmp_path):
    v2 = write_tree(tmp_path / "v2", V2)
    with target(name, tmp_path) as db:
        assert apply_model(model_of(tmp_path, V1, "m1"), db.url).applied
        first = Apply(v2, db.url, pause="locked")
        first.wait_for("locked")
        # while the first holds the lock: a second one with a short wait gives up cleanly ...
        quick = Apply(v2, db.url, CSMCONF_APPLY_LOCK_TIMEOUT="0.3")
        code, doc = quick.finish()
        assert code == 2, quick.seen
        assert any("holds the database's lock" in line for line in quick.seen)
        assert any("nothing was changed" in line for line in quick.seen)
        # ... and one with the default wait waits
        second = Apply(v2, db.url)
        second.wait_for("waiting-for-lock")
        assert second.proc.poll() is None
        assert "csmconf-apply-point: locked" not in second.seen
        first.release()
        code, doc = first.finish()
        assert code == 0 and doc["plan"]["applied"], first.seen
        code, doc = second.finish()
        assert code == 0, second.seen
        # it planned after the first had committed: nothing left to do
        assert doc["plan"]["changed"] is False and doc["plan"]["applied"] is False


KILL_POINTS = ("deleted:csm_contact", "inserted:csm_account", "before-commit")


@pytest.mark.parametrize("name", DIALECTS)
def test_sigkill_leaves_the_database_as_it_was(name, tmp_path):
    v1, v2 = write_tree(tmp_path / "v1", V1), write_tree(tmp_path / "v2", V2)
    with target(name, tmp_path) as db:
        if name != "mariadb":  # MariaDB's DDL commits on its own: not killed mid-create here
            victim = Apply(v1, db.url, pause="schema-created")
            victim.wait_for("schema-created")
            victim.kill()
            assert db.dump() == {}, "a killed first apply leaves no table behind"
        # the runs that are not killed run in process: only the victims need a process
        assert apply_model(model_of(tmp_path, V1, "m1"), db.url).applied
        before = db.dump()
        assert before["csm_contact"][1], "v1 is applied"
        for point in KILL_POINTS:
            victim = Apply(v2, db.url, pause=point)
            victim.wait_for(point)
            victim.kill()
            assert db.dump() == before, f"killed at {point}"
        m2 = model_of(tmp_path, V2, "m2")
        assert apply_model(m2, db.url).applied
        assert not apply_model(m2, db.url).changed, "a second apply after a complete one"
        assert db.dump() != before


@pytest.mark.db
def test_mariadb_failed_create_drops_what_it_created(tmp_path, monkeypatch):
    """MariaDB commits each CREATE TABLE: a failure half way drops the tables made so far."""
    import csmconf.emit.apply as apply_module

    real = apply_module.render_schema

    def broken(q, model):  # the last statement fails, after every table was created
        return real(q, model) + "\nCREATE TABLE csm_zz_broken (x NO_SUCH_TYPE);\n"

    monkeypatch.setattr(apply_module, "render_schema", broken)
    with target("mariadb", tmp_path) as db:
        with pytest.raises(ApplyError) as info:
            apply_model(model_of(tmp_path, V1, "v1"), db.url)
        assert info.value.message.startswith("creating the schema: ")
        assert db.tables() == []
