"""A configuration as it is at a git revision (`diff --git OLD NEW`), with every argument data.

A revision comes from the command line and may be anything, `--output=FILE`
included; passed where git reads options it would be one (`git archive
--output=FILE` truncates FILE). So a revision is never handed to git as
given: it is refused when it starts with `-`, then resolved with
`git rev-parse --verify --end-of-options REV^{commit}` to a commit id, and
only that hexadecimal id reaches `git archive`. Paths go after `--`, with
`--literal-pathspecs` so a config path like `:(top)x` is a name, not magic.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from pathlib import Path

_COMMIT_ID = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256


class GitError(Exception):
    """git could not give the tree; the message says why."""


def _git(*args: str, cwd: Path | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args], cwd=cwd, capture_output=True, check=True
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from None
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace").strip()
        raise GitError(detail or f"git exited with {exc.returncode}") from None
    return done.stdout


def resolve_commit(rev: str, cwd: Path | None = None) -> str:
    """The commit id `rev` names; GitError when it is no commit (or looks like an option)."""
    if not rev or rev.startswith("-"):
        raise GitError(f"'{rev}' is not a revision (a revision never starts with '-')")
    if "\x00" in rev:
        raise GitError("a revision cannot hold a NUL character")
    try:
        out = _git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", cwd=cwd
        )
    except GitError:
        raise GitError(f"'{rev}' does not name a commit of this repository") from None
    commit = out.decode("ascii", "replace").strip()
    if not _COMMIT_ID.fullmatch(commit):
        raise GitError(f"'{rev}' does not name a commit")
    return commit


def revision_tree(rev: str, config_path: str, into: Path, cwd: Path | None = None) -> Path:
    """Extract `config_path` (relative to the current directory) as it is at `rev` into `into`."""
    commit = resolve_commit(rev, cwd)
    top = _git("rev-parse", "--show-toplevel", cwd=cwd).decode().strip()
    prefix = _git("rev-parse", "--show-prefix", cwd=cwd).decode().strip()
    inside = (Path(prefix) / config_path).as_posix().rstrip("/")
    data = _git("-C", top, "archive", "--format=tar", commit, "--", inside, cwd=cwd)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")  # no member may land outside `into`
    root = into / inside
    root.mkdir(parents=True, exist_ok=True)
    return root
