"""Output directories and files: what a writing command may touch, and the swap that replaces one.

Every command that writes calls `check_output_dir` (a directory it owns
whole: `compile -o`, `import -o`) or `check_output_file` (one file among
others: `schema -o`, `graph -o`, the files `fmt` rewrites) before it writes
anything, and turns `UnsafeOutput` into exit 2. The rules (docs/security.md):

- OUT is never the configuration directory, never inside it, never around
  it: compared by real path (symbolic links resolved), so `-o configs`,
  `-o configs/gen` and `-o .` next to `configs/` are refused alike;
- an existing OUT must be a real directory (not a symbolic link, not a
  file) and either empty or written by csmconf (it holds a csmconf
  `manifest.json`); `force=True` (`--force`) waives only this last rule;
- a single output file must not be a file of the configuration tree, and if
  it exists it must be a regular file (never a FIFO, a device, a directory).

The swap (`swap_in`) builds the new tree inside a *container* sibling
`.OUT.tmp-<pid>-<random>/` whose first entry is a marker file naming the
process that made it. On Linux the new tree and OUT are exchanged in one
step with renameat2(RENAME_EXCHANGE), so at every instant OUT is the old
tree or the new one, whole; the old tree, now inside the container, is then
deleted, the marker last. Elsewhere (no renameat2, or a file system without
RENAME_EXCHANGE) OUT is first moved into the container, then the new tree
moved into place: a kill between those two renames leaves no OUT, and the
next run puts the old tree back from the container before anything else.

`clean_stale` removes only containers it can prove it made: the marker
names csmconf, this host and a process that no longer runs (by pid and
start time, so a reused pid does not count), or the directory is empty and
its name carries such a pid. Anything else beside OUT is left alone.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import shutil
import socket
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

MANIFEST = "manifest.json"
MARKER = ".csmconf-tmp"
TREE = "tree"  # the new output, inside the container
OLD = "old"  # the old output, inside the container (fallback swap only)
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

#: Test-only fault injection: `write_outputs` SIGKILLs itself when it reaches this step.
FAULT_ENV = "CSMCONF_TEST_KILL_AT"
STEPS = (
    "container-made",  # the container exists, no marker yet
    "marker-written",
    "tree-half-written",
    "tree-written",
    "fallback-moved-aside",  # fallback swap only: OUT moved into the container, no OUT
    "swapped",  # OUT is the new tree; the old one is inside the container
    "old-removed",  # the old tree is gone; marker and container remain
    "marker-removed",  # only the empty container remains
)


class UnsafeOutput(Exception):
    """An output path a command must not write to; the message says why (exit 2)."""


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def _identity_of(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _within(inner: Path, outer: Path) -> bool:
    """`inner` is `outer` or below it: by real path, and by device and inode of each existing
    ancestor (so a bind mount or a case-insensitive file system cannot hide the relation)."""
    if inner == outer or outer in inner.parents:
        return True
    target = _identity_of(outer)
    if target is None:
        return False
    return any(_identity_of(p) == target for p in (inner, *inner.parents) if os.path.exists(p))


def is_csmconf_manifest(path: Path) -> bool:
    """True when `path` is a regular file holding a manifest that csmconf wrote."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_MANIFEST_BYTES:
            return False
        with open(path, "rb") as fh:
            doc = json.loads(fh.read())
    except (OSError, ValueError):
        return False
    return isinstance(doc, dict) and (doc.get("compiler") or {}).get("name") == "csmconf"


def _owned_by_csmconf(out: Path) -> bool:
    return is_csmconf_manifest(out / MANIFEST)


def check_output_dir(
    out: Path,
    *,
    inputs: Iterable[Path] = (),
    force: bool = False,
    owned: Callable[[Path], bool] = _owned_by_csmconf,
    option: str = "-o",
) -> None:
    """Raise UnsafeOutput unless `out` may be replaced whole. Touches nothing.

    `inputs` are the directories the command reads (the configuration);
    `owned(out)` says whether an existing non-empty `out` was written by the
    command (default: it holds a csmconf manifest).
    """
    out = Path(out)
    real_out = _real(out)
    for source in inputs:
        real_in = _real(Path(source))
        if real_out == real_in or (
            _identity_of(real_out) is not None and _identity_of(real_out) == _identity_of(real_in)
        ):
            raise UnsafeOutput(
                f"output directory '{out}' is the configuration directory: compiling into it "
                f"would replace the configuration; choose another {option} directory"
            )
        if _within(real_out, real_in):
            raise UnsafeOutput(
                f"output directory '{out}' lies inside the configuration directory "
                f"'{source}'; choose an {option} directory outside it"
            )
        if _within(real_in, real_out):
            raise UnsafeOutput(
                f"output directory '{out}' contains the configuration directory '{source}': "
                f"replacing it would delete the configuration; choose another {option} directory"
            )
    try:
        st = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeOutput(f"cannot inspect output directory '{out}': {exc.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeOutput(
            f"output directory '{out}' is a symbolic link; give the real directory "
            f"('{real_out}') instead"
        )
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeOutput(f"output path '{out}' exists and is not a directory")
    try:
        with os.scandir(out) as entries:
            empty = next(entries, None) is None
    except OSError as exc:
        raise UnsafeOutput(f"cannot read output directory '{out}': {exc.strerror}") from None
    if empty or force or owned(out):
        return
    raise UnsafeOutput(
        f"output directory '{out}' is not empty and was not written by csmconf (no csmconf "
        f"{MANIFEST}): it would be replaced whole; choose an empty or new directory, or "
        "pass --force to replace it"
    )


def check_output_file(path: Path, *, inputs: Iterable[Path] = ()) -> None:
    """Raise UnsafeOutput unless `path` may be replaced by a new regular file. Touches nothing."""
    path = Path(path)
    real = _real(path)
    for source in inputs:
        if _within(real, _real(Path(source))):
            raise UnsafeOutput(
                f"output file '{path}' lies inside the configuration directory '{source}'; "
                "write it elsewhere"
            )
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeOutput(f"cannot inspect output file '{path}': {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeOutput(
            f"output path '{path}' exists and is not a regular file; write to a new or regular file"
        )


# ---------------------------------------------------------------- who made a container


def _start_time(pid: int) -> str | None:
    """The kernel's start time of `pid` (clock ticks since boot), or None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    fields = data[data.rfind(b")") + 2 :].split()
    return fields[19].decode() if len(fields) > 19 else None


def _alive(pid: int, start: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by someone else
    now = _start_time(pid)
    return not (start is not None and now is not None and now != start)


def _identity() -> dict:
    pid = os.getpid()
    return {"tool": "csmconf", "host": socket.gethostname(), "pid": pid, "start": _start_time(pid)}


def _container_pattern(name: str) -> re.Pattern:
    return re.compile(rf"\.{re.escape(name)}\.tmp-(\d+)-[A-Za-z0-9_]+")


def _provably_stale(container: Path, name_pid: int) -> bool:
    """The container is ours and its maker is gone: a marker naming csmconf, this host, a dead pid."""
    try:
        st = os.lstat(container / MARKER)
        if not stat.S_ISREG(st.st_mode) or st.st_size > 4096:
            return False
        with open(container / MARKER, "rb") as fh:
            marker = json.loads(fh.read())
    except (OSError, ValueError):
        return False
    return (
        isinstance(marker, dict)
        and marker.get("tool") == "csmconf"
        and marker.get("host") == socket.gethostname()
        and marker.get("pid") == name_pid
        and not _alive(name_pid, marker.get("start"))
    )


def clean_stale(out: Path) -> list[str]:
    """Remove the stale containers csmconf left beside `out`; restore a lost OUT. Returns their names.

    A container whose marker does not prove it stale is left alone, and so is
    every other entry. An empty container named with a dead pid (a kill right
    after it was made) is removed with rmdir, which cannot delete content.
    """
    out = Path(out)
    parent = out.parent if str(out.parent) else Path(".")
    pattern = _container_pattern(out.name)
    removed: list[str] = []
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if not match:
            continue
        container = parent / name
        try:
            if not stat.S_ISDIR(os.lstat(container).st_mode):
                continue
        except OSError:
            continue
        pid = int(match.group(1))
        if _provably_stale(container, pid):
            old = container / OLD
            try:
                if not os.path.lexists(out) and os.path.isdir(old) and not os.path.islink(old):
                    # a fallback swap was killed between its two renames: the old tree is whole
                    os.rename(old, out)
                    fsync_dir(parent)
                _remove_container(container)
            except OSError:
                continue  # cleaning is a courtesy: never a reason to fail the compile
            removed.append(name)
        elif pid != os.getpid() and not _alive(pid, None):
            try:
                os.rmdir(container)  # only if empty
                removed.append(name)
            except OSError:
                pass
    return removed


# ---------------------------------------------------------------- the swap


def fsync_dir(path: Path) -> None:
    """Make a directory's entries durable (renames into it), where the OS allows."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _step(name: str) -> None:
    """Fault injection for the kill tests (FAULT_ENV); a no-op otherwise."""
    if os.environ.get(FAULT_ENV) == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None


def _exchange_function():
    global _renameat2
    if _renameat2 is None:
        try:
            fn = ctypes.CDLL(None, use_errno=True).renameat2
            fn.argtypes = [
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_uint,
            ]
            fn.restype = ctypes.c_int
            _renameat2 = fn
        except (AttributeError, OSError):
            _renameat2 = False
    return _renameat2


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one atomic step. False when the system cannot (use the fallback)."""
    fn = _exchange_function()
    if not fn:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _remove_container(container: Path) -> None:
    # the marker goes last, so a kill half-way leaves a container that is still provably ours
    for entry in (TREE, OLD):
        path = container / entry
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.lexists(path):
            os.unlink(path)
    _step("old-removed")
    try:
        os.unlink(container / MARKER)
    except FileNotFoundError:
        pass
    _step("marker-removed")
    os.rmdir(container)


def make_container(out: Path) -> Path:
    """A fresh container beside `out`, its marker written and synced. Returns the container."""
    import secrets

    parent = out.parent if str(out.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    while True:
        container = parent / f".{out.name}.tmp-{os.getpid()}-{secrets.token_hex(6)}"
        try:
            os.mkdir(container, 0o700)
            break
        except FileExistsError:
            continue
    _step("container-made")
    try:
        fd = os.open(container / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(json.dumps(_identity(), sort_keys=True).encode())
            fh.flush()
            os.fsync(fh.fileno())
        fsync_dir(container)
        fsync_dir(parent)
    except BaseException:
        _remove_container(container)
        raise
    _step("marker-written")
    return container


def swap_in(container: Path, out: Path) -> None:
    """Put `container/tree` in place of `out` (atomically where the system can), delete the old."""
    new = container / TREE
    parent = out.parent if str(out.parent) else Path(".")
    if os.path.lexists(out):
        if not exchange(new, out):
            # Fallback: two renames; between them OUT is missing and `clean_stale` restores it.
            os.rename(out, container / OLD)
            _step("fallback-moved-aside")
            try:
                os.rename(new, out)
            except BaseException:
                os.rename(container / OLD, out)
                raise
    else:
        os.rename(new, out)
    fsync_dir(parent)
    fsync_dir(container)
    _step("swapped")
    _remove_container(container)
