"""`.pre-commit-hooks.yaml` as a user meets it: `pre-commit try-repo` in a throwaway repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from snapshot import REPO, git, snapshot

BIN = Path(sys.executable).parent


def try_repo(project: Path, hooks: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PATH": f"{BIN}:{os.environ['PATH']}"}
    return subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(hooks), "--all-files", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=580,
        check=False,
    )


def status(output: str) -> dict[str, str]:
    """hook name -> Passed / Failed, from pre-commit's report lines."""
    out = {}
    for line in output.splitlines():
        for verdict in ("Passed", "Failed"):
            if line.startswith("csmconf") and line.endswith(verdict):
                out[line.split("..")[0].strip()] = verdict
    return out


def test_hooks_pass_on_a_clean_repository_and_fail_on_each_problem(tmp_path):
    hooks = snapshot(tmp_path / "hooks")
    project = tmp_path / "project"
    shutil.copytree(REPO / "configs", project / "configs")
    subprocess.run(
        [sys.executable, "-m", "csmconf", "compile", "configs", "-o", "generated", "-q"],
        cwd=project,
        check=True,
    )
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "configuration")
    home = tmp_path / "pre-commit-home"

    clean = try_repo(project, hooks, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert status(clean.stdout) == {
        "csmconf validate": "Passed",
        "csmconf fmt": "Passed",
        "csmconf compile --check": "Passed",
    }

    # a rename: valid, but generated/ is now stale; and a row written out of canonical order
    contacts = project / "configs" / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("Lena Ortiz", "Lena Ortiz-Berg", 1),
        encoding="utf-8",
    )
    (project / "configs" / "extra.yaml").write_text(
        "version: 1\naccounts:\n  - name: Extra Ltd\n    id: extra-ltd\n", encoding="utf-8"
    )
    git(project, "add", "-A")
    stale = try_repo(project, hooks, home)
    assert stale.returncode == 1
    assert status(stale.stdout) == {
        "csmconf validate": "Passed",
        "csmconf fmt": "Failed",
        "csmconf compile --check": "Failed",
    }, stale.stdout
    assert "out of date: changed" in stale.stdout
    assert (
        (project / "configs" / "extra.yaml")
        .read_text(encoding="utf-8")
        .startswith("version: 1\naccounts:\n  - id: extra-ltd\n")
    ), "fmt rewrote the file"

    (project / "configs" / "broken.yaml").write_text(
        "version: 1\ncontacts:\n  - id: x\n    name: X\n    account: no-such-account\n",
        encoding="utf-8",
    )
    git(project, "add", "-A")
    broken = try_repo(project, hooks, home)
    assert status(broken.stdout)["csmconf validate"] == "Failed"
    assert "CSM301" in broken.stdout
