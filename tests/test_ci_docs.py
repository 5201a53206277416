"""The example GitHub Actions workflow: valid for actionlint, and the same as in docs/ci.md."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / "examples" / "github-workflow.yml"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or "actionlint"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ACTIONLINT, "-no-color", str(path)], capture_output=True, text=True, check=False
    )


def test_example_workflow_passes_actionlint():
    r = actionlint(WORKFLOW)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The check can fail: an untrusted value pasted into a script, an unknown key."""
    text = WORKFLOW.read_text(encoding="utf-8")
    bad = text.replace('"origin/$BASE_REF"', '"origin/${{ github.event.pull_request.title }}"')
    bad = bad.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    run-on: typo")
    (tmp_path / "bad.yml").write_text(bad, encoding="utf-8")
    r = actionlint(tmp_path / "bad.yml")
    assert r.returncode == 1
    assert "untrusted" in r.stdout and "run-on" in r.stdout


def test_docs_show_the_example_workflow_verbatim():
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^````yaml\n(.*?)^````$", page, re.DOTALL | re.MULTILINE)
    assert WORKFLOW.read_text(encoding="utf-8") in blocks


def test_workflow_uses_the_documented_commands():
    text = WORKFLOW.read_text(encoding="utf-8")
    for command in (
        "csmconf validate configs --format sarif",
        "csmconf validate configs --format github",
        'csmconf diff --git "origin/$BASE_REF" HEAD',
        "csmconf compile configs -o generated --check",
        "github/codeql-action/upload-sarif",
        "GITHUB_STEP_SUMMARY",
    ):
        assert command in text, command
