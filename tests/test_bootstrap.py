"""The README's first command on a fresh machine: only the distribution's python3 on PATH.

`make generate` runs for real under `env -i` in a fresh clone of this working tree:
python3 -m venv bootstraps a pinned uv into .venv-bootstrap/ (no pip into the system
interpreter), uv syncs .venv/ from the lock, and the compile leaves the committed
generated/ and schemas/ as they are. `make test` would run this suite again inside
itself, so only its plan is checked (`make -n test`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from snapshot import git, snapshot

SYSTEM_PATH = "/usr/bin:/bin"


def bare_env() -> dict[str, str]:
    # HOME only (uv's and pip's caches live there): nothing of this session's environment
    return {"HOME": os.environ["HOME"], "PATH": SYSTEM_PATH}


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory):
    if not Path("/usr/bin/python3").exists() or not Path("/usr/bin/make").exists():
        pytest.skip("needs /usr/bin/python3 and /usr/bin/make")
    base = tmp_path_factory.mktemp("bootstrap")
    source = snapshot(base / "source")
    subprocess.run(["git", "clone", "-q", str(source), str(base / "clone")], check=True)
    return base / "clone"


def test_make_generate_under_env_i_with_the_system_python(fresh_clone):
    r = subprocess.run(
        ["make", "generate"],
        cwd=fresh_clone,
        env=bare_env(),
        capture_output=True,
        text=True,
        timeout=580,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "externally-managed-environment" not in r.stderr
    assert "csmconf is installed: .venv/bin/csmconf" in r.stderr
    assert (fresh_clone / ".venv" / "bin" / "csmconf").is_file()
    if shutil.which("uv", path=SYSTEM_PATH) is None:
        assert (fresh_clone / ".venv-bootstrap" / "bin" / "uv").is_file()
    assert re.search(r"wrote \d+ files to generated", r.stderr)
    # the committed output was current: the compile changed nothing
    assert git(fresh_clone, "status", "--porcelain", "--untracked-files=no") == ""
    v = subprocess.run(
        [".venv/bin/csmconf", "validate"],
        cwd=fresh_clone,
        env=bare_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert v.returncode == 0 and "0 errors" in v.stdout


def test_make_test_plan_under_env_i(fresh_clone):
    r = subprocess.run(
        ["make", "-n", "test"],
        cwd=fresh_clone,
        env=bare_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert ".venv/bin/python -m pytest -q" in r.stdout
