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
import os
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


def _outside(into: Path, path: str) -> bool:
    """Whether `path` (relative to `into`, or absolute) names a place outside `into`."""
    full = os.path.normpath(os.path.join(into, path))
    return full != str(into) and not full.startswith(str(into) + os.sep)


def extract_within(tar: tarfile.TarFile, into: Path) -> None:
    """Extract every member inside `into`; a member that would land or point outside is refused.

    Python 3.11.4+ has the `data` extraction filter for exactly this; Debian 12's own
    Python 3.11.2 does not, so there the same rules are applied here by hand.
    """
    if hasattr(tarfile, "data_filter"):
        tar.extractall(into, filter="data")
        return
    into = Path(into).resolve()
    for member in tar.getmembers():
        name = member.name
        if os.path.isabs(name) or _outside(into, name):
            raise GitError(f"archive member {name!r} would land outside the tree")
        if member.issym():
            pointed = os.path.join(os.path.dirname(name), member.linkname)
            if os.path.isabs(member.linkname) or _outside(into, pointed):
                raise GitError(f"archive link {name!r} points outside the tree")
        elif member.islnk():
            if os.path.isabs(member.linkname) or _outside(into, member.linkname):
                raise GitError(f"archive link {name!r} points outside the tree")
        elif not (member.isfile() or member.isdir()):
            raise GitError(f"archive member {name!r} is not a file, directory or link")
        member.mode &= 0o755  # no set-id or world-writable bits, as the data filter does
    tar.extractall(into)


def revision_tree(rev: str, config_path: str, into: Path, cwd: Path | None = None) -> Path:
    """Extract `config_path` (relative to the current directory) as it is at `rev` into `into`."""
    commit = resolve_commit(rev, cwd)
    top = _git("rev-parse", "--show-toplevel", cwd=cwd).decode().strip()
    prefix = _git("rev-parse", "--show-prefix", cwd=cwd).decode().strip()
    inside = (Path(prefix) / config_path).as_posix().rstrip("/")
    data = _git("-C", top, "archive", "--format=tar", commit, "--", inside, cwd=cwd)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        extract_within(tar, into)
    root = into / inside
    root.mkdir(parents=True, exist_ok=True)
    return root
