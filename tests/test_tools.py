"""Developer-experience contract (issue 10): thin CLI, progress, Ctrl-C, did-you-mean."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from csmconf.cli import main

REPO = Path(__file__).resolve().parents[1]
CONFIGS = REPO / "configs"


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], env={"NO_COLOR": "1"})


def in_pty(args, env=None, interrupt_on: bytes | None = None, timeout: float = 120):
    """Run `python -m csmconf ARGS` with stdout and stderr on a pseudo-terminal.

    With `interrupt_on`, SIGINT is sent as soon as those bytes appear on the terminal.
    Returns (exit code, everything the terminal received).
    """
    pid, fd = pty.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.chdir(REPO)
            os.environ.update(env or {})
            os.execv(sys.executable, [sys.executable, "-m", "csmconf", *map(str, args)])
        finally:
            os._exit(127)
    data, sent, deadline = b"", False, time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        data += chunk
        if interrupt_on and not sent and interrupt_on in data:
            os.kill(pid, signal.SIGINT)
            sent = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), data


# -- thin CLI -------------------------------------------------------------------------------


def test_help_imports_no_heavy_library():
    code = (
        "import sys\n"
        "from csmconf.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('pydantic', 'networkx', 'jinja2', 'psycopg', 'rich', 'ruamel')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert "Commands:" in r.stdout
    assert r.stderr.strip() == "[]", r.stderr


def test_every_command_has_a_view_and_every_format_a_reporter():
    from csmconf import views, vocabulary
    from csmconf.views.diagnostics import REPORTERS

    assert tuple(REPORTERS) == vocabulary.FORMATS
    # a group's commands are named with the group: `import servicenow` -> import_servicenow
    names = set()
    for name, command in main.commands.items():
        subcommands = getattr(command, "commands", None)
        names |= {f"{name}_{sub}" for sub in subcommands} if subcommands else {name}
    assert set(views.COMMAND_VIEWS) == {c.replace("-", "_") for c in names}
    for name in views.COMMAND_VIEWS:
        assert getattr(views, name).__name__ == f"csmconf.views.{name}"


def test_graph_choices_are_the_drawers():
    from csmconf.cli_options import DRAWINGS
    from csmconf.graph.draw import DRAWERS

    assert DRAWINGS == tuple(DRAWERS)


def test_verbose_prints_real_stage_timings(tmp_path):
    r = invoke("compile", CONFIGS, "-o", tmp_path / "out", "-v")
    assert r.exit_code == 0, r.output
    stages = [line.split()[1] for line in r.stderr.splitlines() if line.startswith("stage ")]
    assert stages == [
        "load",
        "validate",
        "resolve",
        "graph",
        "checks",
        "tests",
        "emit",
        "write",
        "total",
    ]
    seconds = [
        float(line.split()[2].rstrip("s"))
        for line in r.stderr.splitlines()
        if line.startswith("stage ")
    ]
    assert abs(sum(seconds[:-1]) - seconds[-1]) < 0.01 and seconds[-1] > 0


# -- did-you-mean on the command line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (
            ("check", "contact:peter-robinsn", "read", "case", "--on", "account:abc-corp"),
            "contact:peter-robinson",
        ),
        (
            ("check", "contact:peter-robinson", "read", "case", "--on", "account:abc-crop"),
            "account:abc-corp",
        ),
        (
            ("check", "contcat:peter-robinson", "read", "case", "--on", "account:abc-corp"),
            "contact:peter-robinson",
        ),
        (("who-can", "read", "case", "--on", "acount:abc-corp"), "account:abc-corp"),
        (("what-can", "consumer:peter-robinson"), "contact:peter-robinson"),
    ],
)
def test_unknown_reference_suggests_the_closest(args, suggestion):
    r = invoke(*args)
    assert r.exit_code == 2
    assert f"did you mean '{suggestion}'?" in r.stderr
    assert r.stdout == ""


def test_unknown_reference_without_a_close_one_has_no_suggestion():
    r = invoke("check", "contact:zzzzzzzzzzzz", "read", "case", "--on", "account:abc-corp")
    assert r.exit_code == 2 and "unknown principal" in r.stderr and "did you mean" not in r.stderr


# -- progress and Ctrl-C ------------------------------------------------------------------------

# No answer cache: progress and Ctrl-C need a run that does the work (a warm answer does none).
NOW = {"CSMCONF_PROGRESS_AFTER": "0", "NO_COLOR": "1", "CSMCONF_CACHE_DIR": "off"}


def test_progress_on_a_terminal_and_not_with_a_machine_format():
    code, shown = in_pty(["validate", "configs"], env=NOW)
    assert code == 0
    assert b"csmconf: " in shown and b"load" in shown and "✓".encode() in shown
    code, shown = in_pty(["validate", "configs", "--format", "json"], env=NOW)
    assert code == 0
    assert b"csmconf: " not in shown and "✓".encode() not in shown
    assert json.loads(shown.decode().replace("\r\n", "\n"))["counts"]["errors"] == 0


def test_no_progress_when_stderr_is_not_a_terminal():
    r = invoke("validate", CONFIGS)
    assert "csmconf:" not in r.stderr and "✓" not in r.stderr


def test_progress_waits_a_second_by_default():
    code, shown = in_pty(["validate", "configs"], env={"NO_COLOR": "1"})
    assert code == 0 and b"csmconf: " not in shown  # the example compiles in well under 1 s


def test_sigint_exits_130_and_leaves_nothing(tmp_path):
    # A tree that takes about a second to compile: `configs/` now compiles faster than the
    # terminal is redrawn (10 times a second), so the signal could land after the work.
    tree = tmp_path / "tree"
    made = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate_corpus.py"), "--scale", "0.1"]
        + ["--out", str(tree)],
        capture_output=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    out = tmp_path / "out"
    assert invoke("compile", tree, "-o", out).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # SIGINT as soon as the pipeline reports its first stage on the terminal
    code, shown = in_pty(["compile", tree, "-o", out], env=NOW, interrupt_on=b"load")
    assert code == 130, shown
    assert b"interrupted" in shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tree"]
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_interrupt_while_writing_removes_the_temporary_tree(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert invoke("compile", CONFIGS, "-o", out).exit_code == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    real_fsync, calls = os.fsync, {"n": 0}

    def fsync(fd):  # Ctrl-C after a few files of the new tree are on disk
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    r = invoke("--cache-dir", "off", "compile", CONFIGS, "-o", out)  # unchanged: would skip
    assert r.exit_code == 130, r.output
    assert calls["n"] >= 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


# -- JSON Schema messages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        (
            "accounts:\n  - id: x\n    name: 3\n",
            ["accounts", 0, "name"],
            "3 is not of type 'string'",
        ),
        ("accounts:\n  - id: x\n    nmae: X\n", ["accounts", 0], "'nmae' was unexpected"),
        ("accounts: 3\n", ["accounts"], "3 is not of type 'array', 'null'"),
        ("settings:\n  dialects: 5\n", ["settings", "dialects"], "5 is not of type 'array'"),
    ],
)
def test_schema_names_the_real_mistake(text, path, message):
    """The best error a validator reports is the wrong value itself, not a null branch."""
    import jsonschema
    import yaml

    schema = json.loads((REPO / "schemas" / "csmconf.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    error = jsonschema.exceptions.best_match(
        validator.iter_errors(yaml.safe_load("version: 1\n" + text))
    )
    assert list(error.absolute_path) == path
    assert message in error.message
    assert "'null'" not in error.message or path == ["accounts"]


def test_schema_accepts_the_example_and_empty_sections():
    import jsonschema
    from ruamel.yaml import YAML  # YAML 1.2, as the loader: `on:` is a key, not True

    schema = json.loads((REPO / "schemas" / "csmconf.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(CONFIGS.rglob("*.yaml")):
        doc = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(doc)) == []
    assert list(validator.iter_errors({"version": 1, "accounts": None, "settings": None})) == []


def test_a_stream_charges_making_to_one_stage_and_taking_to_the_other():
    import time

    from csmconf.stages import StageListener, StageTimer

    seen = []

    class Listener(StageListener):
        def started(self, stage):
            seen.append(("started", stage))

        def finished(self, stage, seconds, detail):
            seen.append(("finished", stage, detail))

    def made_slowly():
        for item in ("a", "b"):
            time.sleep(0.05)
            yield item

    timer = StageTimer(Listener())
    taken = []
    started = time.perf_counter()
    for item in timer.stream(made_slowly(), "emit", "write"):
        time.sleep(0.02)
        taken.append(item)
    elapsed = time.perf_counter() - started
    assert taken == ["a", "b"]
    # each side at least its sleeps, and the two together the whole loop
    assert timer.timings["emit"] >= 0.1 and timer.timings["write"] >= 0.04
    assert abs(timer.timings["emit"] + timer.timings["write"] - elapsed) < 0.01
    assert seen == [
        ("started", "emit"),
        ("finished", "emit", "2 files"),
        ("finished", "write", None),
    ]
    with pytest.raises(ValueError, match="unknown stage"):
        next(timer.stream(iter(()), "emit", "render"))
