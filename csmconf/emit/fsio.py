"""Writing the output directory whole, and comparing it with what would be written.

`write_outputs` builds the new tree inside a marked temporary sibling
(`.OUT.tmp-<pid>-XXXX/tree`), fsyncs every file and directory, then swaps it
with OUT in one atomic step and deletes the old tree (csmconf/emit/outdir.py
holds the swap, the marker and the cleaning of stale siblings). A failure
before the swap leaves the old output untouched; files no longer produced
disappear with the old directory.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

from . import outdir


def check_relative_path(path: str) -> PurePosixPath:
    """An output path must be relative, POSIX, and stay inside the output directory."""
    p = PurePosixPath(path)
    if (
        not path
        or p.is_absolute()
        or "\\" in path
        or any(part in ("", ".", "..") for part in path.split("/"))
    ):
        raise ValueError(f"invalid output path {path!r}")
    return p


#: what is written or compared: path -> bytes, or (path, content) pairs, a content being
#: bytes or bytes in pieces (`emit.iter_outputs`)
Outputs = Mapping[str, bytes] | Iterable[tuple[str, bytes | Iterator[bytes]]]


def _pieces(data: bytes | Iterator[bytes]) -> Iterable[bytes]:
    return (data,) if isinstance(data, bytes) else data


def _pairs(files: Outputs) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """(path, bytes) of a dict or of a stream (`iter_outputs`), each path checked, once."""
    seen: set[str] = set()
    for rel, data in files.items() if isinstance(files, Mapping) else files:
        check_relative_path(rel)
        if rel in seen:
            raise ValueError(f"output path {rel!r} given twice")
        seen.add(rel)
        yield rel, data


def _close(files: Outputs) -> None:
    """A stream given up early (an error, Ctrl-C) runs its clean-up now, not when collected
    (`iter_outputs` stops the second process rendering for it)."""
    close = getattr(files, "close", None)  # a generator's; a dict has none
    if close is not None:
        close()


def _write_tree(files: Outputs, root: Path) -> list[str]:
    """Write each file under `root` as it comes (fsynced); the paths written, sorted."""
    dirs = {root}
    written: list[str] = []
    for rel, data in _pairs(files):
        if len(written) == 1:
            outdir._step("tree-half-written")  # some files written, others still to come
        target = root.joinpath(*PurePosixPath(rel).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        parent = target.parent
        while parent != root and parent not in dirs:
            dirs.add(parent)
            parent = parent.parent
        with open(target, "wb") as fh:
            fh.writelines(_pieces(data))
            fh.flush()
            os.fsync(fh.fileno())
        written.append(rel)
    for d in sorted(dirs, key=lambda p: len(p.parts), reverse=True):
        outdir.fsync_dir(d)
    return sorted(written, key=str.encode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file_atomic(target: Path, data: bytes) -> None:
    """Replace one file whole: a temporary sibling, fsync, rename. Other files are untouched."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_outputs(files: Outputs, out_dir: Path) -> list[str]:
    """Replace `out_dir` with exactly `files`, all or nothing; the paths written, sorted.

    `files` maps relative POSIX paths to bytes, or yields (path, bytes) pairs
    (`iter_outputs`), each written as it comes. A bad path or a failure while
    the stream renders removes the new tree and leaves `out_dir` as it was.
    The caller has checked `out_dir` with `outdir.check_output_dir` (what may
    be replaced); this only refuses a path that is no real directory.
    """
    out_dir = Path(out_dir)
    if isinstance(files, Mapping):
        for rel in files:  # a bad path refused before anything is made
            check_relative_path(rel)
    if os.path.lexists(out_dir) and (out_dir.is_symlink() or not out_dir.is_dir()):
        raise NotADirectoryError(f"{out_dir} exists and is not a directory")
    outdir.clean_stale(out_dir)
    container = outdir.make_container(out_dir)
    try:
        tree = container / outdir.TREE
        os.mkdir(tree)
        os.chmod(tree, 0o777 & ~_umask())
        written = _write_tree(files, tree)
        outdir._step("tree-written")
    except BaseException:
        _close(files)
        outdir._remove_container(container)
        raise
    try:
        outdir.swap_in(container, out_dir)
    except BaseException:
        if os.path.lexists(container):
            # the swap failed before OUT changed (swap_in restores it); drop the new tree
            outdir._remove_container(container)
        raise
    return written


def _same_content(path: Path, data: bytes | Iterator[bytes]) -> bool:
    """Whether the file at `path` holds exactly `data` (whose pieces are all taken, either way)."""
    pieces = iter(_pieces(data))
    same = False
    try:
        # only a regular file is read: a FIFO or device in OUT must not hang or flood --check
        if stat.S_ISREG(os.lstat(path).st_mode):
            with open(path, "rb") as fh:
                same = all(fh.read(len(piece)) == piece for piece in pieces) and not fh.read(1)
    except OSError:
        same = False
    for _rest in pieces:  # a difference found early: the rest is still made (the manifest's digest)
        pass
    return same


def compare_outputs(files: Outputs, out_dir: Path) -> list[str]:
    """What differs between `files` and `out_dir`: `missing PATH`, `extra PATH`, `changed PATH`, sorted by path."""
    out_dir = Path(out_dir)
    present: dict[str, Path] = {}
    if out_dir.is_dir():
        for dirpath, dirnames, filenames in os.walk(out_dir):
            dirnames.sort()
            base = Path(dirpath)
            for name in filenames:
                full = base / name
                present[full.relative_to(out_dir).as_posix()] = full
    diffs: list[tuple[bytes, str]] = []
    produced: set[str] = set()
    try:
        for rel, data in _pairs(files):
            produced.add(rel)
            path = present.get(rel)
            if path is None:
                for _piece in _pieces(data):  # still made: the manifest holds its digest
                    pass
                diffs.append((rel.encode(), f"missing {rel}"))
            elif not _same_content(path, data):
                diffs.append((rel.encode(), f"changed {rel}"))
    finally:
        _close(files)
    for rel in present:
        if rel not in produced:
            diffs.append((rel.encode(), f"extra {rel}"))
    return [text for _key, text in sorted(diffs)]
