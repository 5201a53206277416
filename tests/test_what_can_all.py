"""`csmconf what-can --all`: the full expansion, streamed in bounded memory.

In-process through click's CliRunner (exit code, stdout, stderr), plus the
library function `emit.expansion.stream` it calls.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import CONFIGS, DECISIONS, write_tree

from csmconf.cli import main
from csmconf.emit import expansion
from csmconf.pipeline import compile_config


def _invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _per_principal(compilation) -> list[tuple]:
    engine = compilation.engine
    return [
        (d.principal, d.level, d.table, d.target, d.decision)
        for p in expansion.principals_in_order(compilation.config)
        for d in engine.what_can(p)
    ]


def _table() -> set[tuple]:
    with open(DECISIONS / "configs_decisions.csv", newline="", encoding="utf-8") as fh:
        return {tuple(r.values()) for r in csv.DictReader(fh)}


def test_all_csv_equals_per_principal_what_can(example_compilation):
    r = _invoke("what-can", "--all", str(CONFIGS), "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert tuple(rows[0]) == expansion.COLUMNS
    got = [tuple(row) for row in rows[1:]]
    assert got == _per_principal(example_compilation)  # same rows, same order
    assert set(got) == _table()  # and the hand-written decision table
    assert len(got) == len(set(got))


def test_all_json_equals_per_principal_what_can(example_compilation):
    r = _invoke("what-can", "--all", "--config", str(CONFIGS), "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["command"] == "what-can" and doc["all"] is True
    got = [tuple(item[k] for k in expansion.COLUMNS) for item in doc["access"]]
    assert got == _per_principal(example_compilation)


def test_all_json_of_a_config_with_no_access_is_valid(tmp_path):
    root = write_tree(tmp_path / "cfg", {"a.yaml": "version: 1\n"})
    r = _invoke("what-can", "--all", str(root), "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["access"] == []


def test_all_on_an_invalid_config_exits_2_with_diagnostics_on_stderr(tmp_path):
    root = write_tree(tmp_path / "cfg", {"a.yaml": "version: 1\ncontacts:\n  - id: x\n"})
    r = _invoke("what-can", "--all", str(root), "--format", "csv")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "CSM200" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("what-can", "--all", "contact:mia-xyz", str(CONFIGS)),  # a principal with --all
        ("what-can", "--all", str(CONFIGS), "--format", "sarif"),
        ("what-can", "contact:mia-xyz", str(CONFIGS), "--format", "csv"),
        ("what-can",),
    ],
)
def test_all_usage_errors_exit_2(args):
    r = _invoke(*args)
    assert r.exit_code == 2, r.output
    assert r.stdout == ""


def test_stream_keeps_no_principal_cached():
    c = compile_config(CONFIGS, run_tests=False)
    engine = c.engine
    before, acts_before = set(engine._grants), set(engine._acts_for)
    written: list[str] = []
    rows = expansion.stream(engine, "csv", written.append)
    assert rows == len(_table())
    assert set(engine._grants) == before  # nothing cached by the stream
    assert set(engine._acts_for) == acts_before
    # written line by line, one write per row plus the header: never one big string
    assert len(written) == rows + 1
    assert max(len(w) for w in written) < 200


def test_forget_drops_a_principal():
    c = compile_config(CONFIGS, run_tests=False)
    p = c.config.lookup("contact:eva-abc-europe")
    c.engine.what_can(p)
    assert "contact:eva-abc-europe" in c.engine._grants
    c.engine.forget(p)
    assert "contact:eva-abc-europe" not in c.engine._grants
    assert "contact:eva-abc-europe" not in c.engine._acts_for
