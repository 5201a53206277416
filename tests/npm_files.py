"""Files taken from npm packages, for tests: `npm pack` once, keep only the member asked for.

The packages are not dependencies of csmconf; their files are test oracles
(the official SARIF schema). Cached under .venv/ so a fresh clone fetches once.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / ".venv" / "npm-files"


def npm_file(spec: str, member: str) -> Path:
    """`member` (a path inside the package) of npm package `spec` (`name@version`)."""
    target = CACHE / spec.replace("/", "+") / member
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed to fetch the official schema (.ci/run installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [npm, "pack", "--silent", spec, "--pack-destination", tmp],
            check=True,
            capture_output=True,
            timeout=600,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as tar:
            data = tar.extractfile(f"package/{member}").read()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target
