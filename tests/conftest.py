"""Shared helpers for the csmconf test suite."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "cases"
CONFIGS = REPO / "configs"
DOCS = REPO / "docs"
DECISIONS = REPO / "tests" / "decisions"

# The fixture trees are data, not test modules; some contain symbolic links back
# to their own root (a loop), which pytest's directory walk would follow forever.
collect_ignore = ["cases", "decisions"]

#: Lines a test wants in the pytest summary (CI runs without -s): the fuzzer's case count.
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("csmconf")
        for line in SUMMARY:
            terminalreporter.write_line(line)


# Answers are cached (csmconf/cache.py): keep the suite's cache out of the user's cache
# directory, in one place per run, so tests also exercise warm answers.
os.environ.setdefault("CSMCONF_CACHE_DIR", tempfile.mkdtemp(prefix="csmconf-test-cache-"))


class CliResult(NamedTuple):
    """What a run of the command line gave: the fields of `subprocess.CompletedProcess`."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path = REPO, env: dict | None = None) -> CliResult:
    """`csmconf ARGS` run in this process with click's CliRunner: exit code, stdout, stderr.

    The same contract as `run_cli_subprocess` (a test may switch between them):
    stdout and stderr are separate streams, no colour, the working directory and
    environment are set for the call only. In-process runs cost milliseconds
    instead of the second an interpreter start and the imports take.
    """
    from click.testing import CliRunner

    from csmconf.cli import main

    runner = CliRunner(env={"NO_COLOR": "1", **(env or {})})
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, list(args), prog_name="csmconf", catch_exceptions=True)
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # A traceback is a bug (house rule): show it in the test failure, as a user would see it.
        raise result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


def run_cli_subprocess(
    *args: str, cwd: Path = REPO, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`python -m csmconf ARGS` as a user runs it: a real process (smoke tests only)."""
    return subprocess.run(
        [sys.executable, "-m", "csmconf", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )


def write_tree(root: Path, files: dict[str, str], dedent: bool = True) -> Path:
    """Write `files` (relative name -> YAML text) below `root`; return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
    return root


def fixture_cases() -> list[Path]:
    """Every folder fixture, invalid then valid, each holding a `config/` tree."""
    return sorted(p for g in ("invalid", "valid") for p in (CASES / g).iterdir() if p.is_dir())


def report_of(result) -> list:
    """A compilation's diagnostics, places and related places included, for comparing runs."""
    return [(d.to_dict(), [r.to_dict() for r in d.related]) for d in result.diagnostics]


def describe(diagnostics) -> str:
    """One line per diagnostic: code, severity, place, message (and related places)."""
    if not diagnostics:
        return "  (no diagnostics)"
    lines = []
    for d in diagnostics:
        line = f"  {d.code} {d.severity.value} {d.place.file}:{d.place.line}:{d.place.column}: {d.message}"
        if d.related:
            line += (
                " [related: "
                + ", ".join(f"{r.place.file}:{r.place.line}:{r.place.column}" for r in d.related)
                + "]"
            )
        lines.append(line)
    return "\n".join(lines)


def errors_of(compilation):
    return [d for d in compilation.diagnostics if d.is_error]


def warnings_of(compilation):
    return [d for d in compilation.diagnostics if not d.is_error]


@pytest.fixture
def make_config(tmp_path):
    """make_config({"a.yaml": "...", ...}) -> compiled Compilation of that tree."""
    from csmconf.pipeline import compile_config

    counter = {"n": 0}

    def _make(files: dict[str, str], run_tests: bool = True):
        counter["n"] += 1
        root = write_tree(tmp_path / f"cfg{counter['n']}", files)
        return compile_config(root, run_tests=run_tests)

    return _make


@pytest.fixture(scope="session")
def example_compilation():
    from csmconf.pipeline import compile_config

    return compile_config(CONFIGS)
