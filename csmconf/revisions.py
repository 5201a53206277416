"""A configuration directory as it is in a git revision (for `diff --git`)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from .errors import CannotRun


def revision_tree(rev: str, config_path: str, into: Path) -> Path:
    """Extract `config_path` (relative to the current directory) at revision `rev` into `into`."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        ).stdout.strip()
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], capture_output=True, text=True, check=True
        ).stdout.strip()
        inside = (Path(prefix) / config_path).as_posix().rstrip("/")
        data = subprocess.run(
            ["git", "-C", top, "archive", "--format=tar", rev, "--", inside],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        detail = (
            detail.decode(errors="replace").strip() if isinstance(detail, bytes) else str(detail)
        )
        raise CannotRun(
            f"cannot read '{config_path}' at revision '{rev}': {detail or exc}"
        ) from None
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    root = into / inside
    root.mkdir(parents=True, exist_ok=True)
    return root
