"""Every command that validates shows the warnings in text mode, and `--strict` makes them errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import CASES

from csmconf.cli import main

# Two CSM702 warnings (an unused role, an unused responsibility), no error.
WARNED = CASES / "invalid" / "csm702_unused_role_and_responsibility" / "config"
MARK = "warning CSM702: role 'orphan-role' is declared but nothing uses it"


def commands(tmp_path):
    d = str(WARNED)
    db = f"sqlite:///{tmp_path / 'app.db'}"
    # (args, exit code, where the warnings go, exit code with --strict)
    return {
        "validate": (["validate", d], 0, "stdout", 1),
        "test": (["test", d], 0, "stdout", 1),
        "compile": (["compile", d, "-o", str(tmp_path / "gen")], 0, "stdout", 1),
        "apply": (["apply", d, "--db", db, "--dry-run"], 0, "stdout", 1),
        "graph": (["graph", d], 0, "stderr", 1),
        "check": (
            ["check", "contact:ann", "read", "case", "--on", "account:hq", d],
            1,
            "stderr",
            2,
        ),
        "who-can": (["who-can", "read", "case", "--on", "account:hq", d], 0, "stderr", 2),
        "what-can": (["what-can", "contact:ann", d], 0, "stderr", 2),
        "diff": (["diff", d, d], 0, "stderr", 2),
    }


@pytest.mark.parametrize(
    "name",
    ["validate", "test", "compile", "apply", "graph", "check", "who-can", "what-can", "diff"],
)
def test_warnings_are_shown_and_strict_makes_them_errors(tmp_path, name):
    args, code, where, strict_code = commands(tmp_path)[name]
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r.exit_code == code, r.output
    shown = r.stdout if where == "stdout" else r.stderr
    other = r.stderr if where == "stdout" else r.stdout
    assert MARK in shown, (r.stdout, r.stderr)
    assert "0 errors, 2 warnings" in shown
    assert MARK not in other  # stdout of graph/check/... holds only the answer
    s = CliRunner().invoke(main, [*args, "--strict"], catch_exceptions=False)
    assert s.exit_code == strict_code, s.output
    assert "error CSM702: role 'orphan-role'" in s.output
    assert "2 errors, 0 warnings" in s.output
    if name == "apply":
        assert not (tmp_path / "app.db").exists()


def test_quiet_hides_warnings_of_answers(tmp_path):
    r = CliRunner().invoke(main, ["what-can", "contact:ann", str(WARNED), "-q"])
    assert r.exit_code == 0 and "CSM702" not in r.output


def test_machine_formats_keep_stdout_a_document(tmp_path):
    import json

    r = CliRunner().invoke(main, ["what-can", "contact:ann", str(WARNED), "--format", "json"])
    assert r.exit_code == 0
    json.loads(r.stdout)
    assert "CSM702" not in r.stderr
