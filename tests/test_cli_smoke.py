"""A handful of real `python -m csmconf` processes: the rest of the CLI tests run in-process.

These check what only a real process shows: the entry point, exit codes as the
shell sees them, stdout and stderr as separate pipes, nothing printed at exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO, run_cli, run_cli_subprocess


def test_help_and_version_in_a_real_process():
    h = run_cli_subprocess("--help")
    assert h.returncode == 0 and "validate" in h.stdout and h.stderr == ""
    v = run_cli_subprocess("--version")
    assert v.stdout.startswith("csmconf, version ")


def test_validate_json_stdout_is_only_the_document_in_a_real_process():
    fresh = {"CSMCONF_CACHE_DIR": "off"}
    r = run_cli_subprocess("validate", "configs", "--format", "json", "-v", env=fresh)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)  # nothing but the document on stdout
    assert doc["command"] == "validate"
    assert "stage total" in r.stderr  # the -v stage timings went to stderr


def test_warm_check_imports_neither_click_pydantic_nor_networkx(tmp_path):
    """A question answered from the cache does not pay for the heavy imports, click's included.

    Runs the executable's own entry point (`runtime.console_main`, what `csmconf`
    and `python -m csmconf` call); its final `_exit` reports what was imported.
    """
    args = ["check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp", "configs"]
    code = (
        "import sys\n"
        f"sys.argv = ['csmconf', *{args!r}]\n"
        "from csmconf import runtime\n"
        "def report(code):\n"
        "    heavy = ('click', 'pydantic', 'networkx')\n"
        "    print(sorted(m for m in heavy if m in sys.modules), code, file=sys.stderr)\n"
        "    raise SystemExit(0)\n"
        "runtime._exit = report\n"
        "runtime.console_main()\n"
    )
    env = {**os.environ, "CSMCONF_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            check=False,
        )
        for _ in range(2)
    ]
    cold, warm = runs
    assert cold.stderr.strip().endswith("['click', 'networkx', 'pydantic'] 1"), cold.stderr
    assert warm.stderr.strip() == "[] 1", warm.stderr
    assert warm.stdout == cold.stdout and warm.stdout.endswith(": denied\n")


def test_exit_codes_in_a_real_process_match_in_process(tmp_path):
    args = ("check", "contact:mia-xyz", "read", "case", "--on", "account:abc-corp")
    real = run_cli_subprocess(*args, env={"CSMCONF_CACHE_DIR": str(tmp_path)})
    inproc = run_cli(*args, env={"CSMCONF_CACHE_DIR": str(tmp_path)})
    assert real.returncode == inproc.returncode == 1
    assert real.stdout == inproc.stdout
    bad = run_cli_subprocess("validate", "no-such-dir")
    assert bad.returncode == 2 and bad.stdout == "" and "does not exist" in bad.stderr


def test_compile_check_in_a_real_process():
    r = run_cli_subprocess("compile", "configs", "-o", "generated", "--check")
    assert r.returncode == 0, r.stderr


def test_compile_in_two_real_processes_writes_the_committed_output(tmp_path):
    """The second rendering process from a real `python -m csmconf` (fork, spool beside
    OUT, os._exit in both): the same files as generated/, and no process left behind."""
    from csmconf.emit import compare_outputs

    out = tmp_path / "out"
    env = {"CSMCONF_JOBS": "2", "CSMCONF_CACHE_DIR": "off"}
    r = run_cli_subprocess("compile", "configs", "-o", str(out), "-v", env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "0 errors, 0 warnings\n"
    emit = next(line for line in r.stderr.splitlines() if line.startswith("stage emit"))
    assert emit.endswith(f"({len(list((REPO / 'generated').rglob('*.*')))} files, 2 processes)")
    committed = {
        p.relative_to(REPO / "generated").as_posix(): p.read_bytes()
        for p in (REPO / "generated").rglob("*")
        if p.is_file()
    }
    assert compare_outputs(committed, out) == []
    assert sorted(os.listdir(tmp_path)) == ["out"]  # the spool was never a named file


def test_quick_exit_flushes_everything_through_a_pipe(tmp_path):
    """The process leaves with os._exit (csmconf/runtime.py): all of stdout must be there."""
    args = ("who-can", "read", "case", "--on", "account:abc-corp", "--format", "json")
    env = {"CSMCONF_CACHE_DIR": "off"}
    real = run_cli_subprocess(*args, env=env)
    assert real.returncode == 0
    assert real.stdout == run_cli(*args, env=env).stdout
    assert json.loads(real.stdout)["principals"]
    out = tmp_path / "graph.dot"
    drawn = run_cli_subprocess("graph", "configs", "-o", str(out))
    assert drawn.returncode == 0 and out.read_text(encoding="utf-8").rstrip().endswith("}")
