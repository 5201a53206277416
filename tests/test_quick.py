"""Warm answers before click (csmconf/quick.py): the same bytes and exit code as the command line.

Each command line is run through click twice (the first computes and caches, the
second answers from the cache), then through `quick.answer`: stdout, stderr and
the exit code must be the command line's. Shapes that quick does not take, and
cache misses, must print nothing and hand over to click (None).
"""

from __future__ import annotations

import pytest
from conftest import REPO, run_cli

from csmconf import quick

#: the plainest question, and the start of many command lines below
PETER = ["check", "contact:peter-robinson", "read", "case", "--on", "account:abc-corp"]

WARM = [
    ["check", "contact:peter-robinson", "write", "case", "--on", "account:abc-corp"],
    ["check", "contact:peter-robinson", "write", "case", "--on=account:abc-corp", "--explain"],
    ["check", "contact:mia-xyz", "read", "case", "configs", "--on", "account:abc-corp"],
    ["check", "contact:mia-xyz", "read", "account", "--on", "account:abc-corp", "--format", "json"],
    ["check", "--strict", "contact:ann-abc-user", "read", "case", "--on", "account:abc-corp"],
    ["check", "contact:ann-abc-user", "create", "case", "--on", "account:abc-corp", "-q", "-q"],
    [*PETER, "--config", "configs"],
    ["who-can", "read", "case", "--on", "account:abc-corp"],
    ["who-can", "write", "case", "--on", "account:abc-corp", "--format=json", "configs"],
    ["what-can", "contact:peter-robinson"],
    ["what-can", "contact:peter-robinson", "--format", "json", "--strict"],
    ["validate"],
    ["validate", "configs", "--format", "sarif"],
    ["validate", "--format", "github", "-q"],
    ["validate", "--config=configs", "--format", "json", "--strict"],
    ["test"],
    ["test", "--format", "json"],
]


@pytest.fixture
def cache_env(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("CSMCONF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    return {"CSMCONF_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize("argv", WARM, ids=" ".join)
def test_a_warm_answer_is_the_command_lines_answer(argv, cache_env, capsys):
    run_cli(*argv, env=cache_env)  # computes and caches
    expected = run_cli(*argv, env=cache_env)  # the command line, answering from the cache
    capsys.readouterr()
    code = quick.answer(argv)
    got = capsys.readouterr()
    assert code is not None, "a cached answer must not need the command line"
    assert (code, got.out, got.err) == (expected.returncode, expected.stdout, expected.stderr)


def test_the_global_cache_dir_option_is_read(cache_env, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CSMCONF_CACHE_DIR")
    argv = PETER
    other = str(tmp_path / "other")
    expected = run_cli("--cache-dir", other, *argv)
    capsys.readouterr()
    assert quick.answer(["--cache-dir", other, *argv]) == expected.returncode
    assert capsys.readouterr().out == expected.stdout
    assert quick.answer([f"--cache-dir={tmp_path / 'empty'}", *argv]) is None


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["check", "--help"],
        ["check", "contact:peter-robinson", "read", "case"],  # --on missing: click says so
        ["check", "contact:peter-robinson", "fly", "case", "--on", "account:abc-corp"],
        ["check", "contact:peter-robinson", "read", "desk", "--on", "account:abc-corp"],
        [*PETER, "-v"],
        [*PETER, "-qv"],
        ["check", "contact:peter-robinson", "read", "case", "--on", "a", "--on", "b"],
        [*PETER, "x", "y"],
        [*PETER, "--format", "sarif"],
        [
            "check",
            "contact:peter-robinson",
            "read",
            "case",
            "no-such-dir",
            "--on",
            "account:abc-corp",
        ],
        [
            "check",
            "contact:peter-robinson",
            "read",
            "case",
            "configs",
            "--config",
            "other",
            "--on",
            "x",
        ],
        ["what-can", "--all", "--format", "csv"],
        ["what-can", "contact:peter-robinson", "--format", "csv"],
        ["compile", "configs", "-o", "out"],
        ["validate", "--", "configs"],
        ["--cache-dir"],
    ],
    ids=lambda a: " ".join(a) or "(nothing)",
)
def test_other_shapes_go_to_the_command_line_untouched(argv, cache_env, capsys):
    run_cli(
        "check", "contact:peter-robinson", "read", "case", "--on", "account:abc-corp", env=cache_env
    )
    run_cli("validate", env=cache_env)
    capsys.readouterr()
    assert quick.answer(argv) is None
    assert capsys.readouterr() == ("", "")


def test_a_cache_miss_goes_to_the_command_line(cache_env, capsys):
    # nothing cached yet: quick answers nothing, and prints nothing
    assert quick.answer(PETER) is None
    assert quick.answer(["validate"]) is None
    assert capsys.readouterr() == ("", "")


def test_a_changed_tree_is_a_miss(tmp_path, capsys, monkeypatch):
    import shutil

    tree = tmp_path / "tree"
    shutil.copytree(REPO / "configs", tree)
    env = {"CSMCONF_CACHE_DIR": str(tmp_path / "cache")}
    monkeypatch.setenv("CSMCONF_CACHE_DIR", env["CSMCONF_CACHE_DIR"])
    run_cli("validate", str(tree), env=env)
    capsys.readouterr()
    assert quick.answer(["validate", str(tree)]) == 0
    capsys.readouterr()
    victim = next(iter(sorted(tree.rglob("*.yaml"))))
    victim.write_text(victim.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert quick.answer(["validate", str(tree)]) is None
    assert capsys.readouterr() == ("", "")
