"""A cache of answers computed from the compiled state, kept outside the configuration tree.

Keyed by the digest of every input file (and what `discover` said about the
tree) plus the compiler's own digest (its version and source), so an answer
is reused only for exactly the input and the code that produced it. It holds
the engine's *output* (decisions, as plain data), never its rules: what the
engine decides flows through unchanged.

Layout: one SQLite file per configuration root (by real path) in the cache
directory (`--cache-dir`, `$CSMCONF_CACHE_DIR`, `$XDG_CACHE_HOME/csmconf` or
`~/.cache/csmconf`; `CSMCONF_CACHE_DIR=off` turns it off). A question reads
one row by key. A stale file (other inputs or compiler) is replaced whole:
a new file is written beside it and renamed over it, so a reader sees the
old file or the new one, never half of either. A file that is not a readable
cache (corrupt, truncated, another format) is ignored and rebuilt: the cache
can make an answer faster, never different.

This module imports neither pydantic nor networkx: a warm question must not
pay for them (docs/performance.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from . import __version__

FORMAT = 1
_OFF = ("off", "0", "none", "no")


def cache_dir(option: str | None = None) -> Path | None:
    """Where caches live, or None when caching is turned off."""
    chosen = option if option is not None else os.environ.get("CSMCONF_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "csmconf"


_COMPILER: str | None = None


def compiler_digest() -> str:
    """The compiler's version and the digest of its source: a code change is a new compiler."""
    global _COMPILER
    if _COMPILER is None:
        package = Path(__file__).resolve().parent
        h = hashlib.sha256(f"csmconf {__version__} cache {FORMAT}\n".encode())
        for path in sorted(package.rglob("*.py"), key=lambda p: p.relative_to(package).as_posix()):
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
        _COMPILER = h.hexdigest()
    return _COMPILER


def input_digests(
    root: Path, exclude: Path | None = None, memo_dir: Path | None = None
) -> tuple[dict[str, str], list[str]]:
    """(relative path -> SHA-256 of its bytes, what discovery reported) for the tree at `root`.

    With `memo_dir`, a file whose stat is the one recorded when it was last
    hashed is not read again (`DigestMemo`): a warm answer on a large tree
    then costs one `stat` per file instead of hashing every byte.
    """
    from .load.files import discover

    files, diags = discover(Path(root), exclude)
    memo = DigestMemo.load(memo_dir, root) if memo_dir is not None else None
    digests = {}
    for rel, real in files:
        try:
            digests[rel] = memo.digest(rel, real) if memo is not None else _sha256(real)
        except OSError as exc:
            digests[rel] = f"unreadable: {exc.strerror}"
    if memo is not None:
        memo.save()
    return digests, [f"{d.code} {d.place.file}: {d.message}" for d in diags]


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _root_name(root: Path) -> str:
    return hashlib.sha256(os.path.realpath(root).encode()).hexdigest()[:24]


class DigestMemo:
    """SHA-256 of each input file, reused while the file's stat is unchanged (git's index does this).

    A file is hashed again when its size, mtime, ctime, inode, device or real
    path differ from what was recorded. ctime cannot be set back by a user, so
    any write is seen. A file changed within `RACY_NS` of being hashed is not
    recorded (a write in the same clock tick as the hash would keep its
    stat): it is simply hashed again next time. One JSON file per
    configuration root, replaced atomically; unreadable means empty.
    """

    RACY_NS = 2_000_000_000

    def __init__(self, path: Path, entries: dict[str, list]):
        self.path = path
        self.entries = entries
        self.seen: dict[str, list] = {}
        self.now = time.time_ns()

    @classmethod
    def load(cls, directory: Path, root: Path) -> DigestMemo:
        path = Path(directory) / f"files-{_root_name(root)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["files"] if data.get("format") == FORMAT else {}
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            entries = {}
        return cls(path, entries)

    def digest(self, rel: str, real: Path) -> str:
        st = os.stat(real)
        stamp = [str(real), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
        known = self.entries.get(rel)
        if isinstance(known, list) and len(known) == 7 and known[:6] == stamp:
            self.seen[rel] = known
            return known[6]
        digest = _sha256(real)
        if self.now - max(st.st_mtime_ns, st.st_ctime_ns) > self.RACY_NS:
            self.seen[rel] = [*stamp, digest]
        return digest

    def save(self) -> None:
        if self.seen == self.entries:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"format": FORMAT, "files": self.seen}, fh, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError:
            pass  # without the memo the next run hashes every file again: slower, not different


def state_key(root: Path, exclude: Path | None = None, memo_dir: Path | None = None) -> str:
    """One digest for every input file, what discovery saw, and the compiler."""
    return _state_key(*input_digests(root, exclude, memo_dir))


def _state_key(digests: dict[str, str], notes: list[str]) -> str:
    body = json.dumps(
        {"compiler": compiler_digest(), "inputs": digests, "discovery": notes}, sort_keys=True
    )
    return hashlib.sha256(body.encode()).hexdigest()


_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE answers (question TEXT PRIMARY KEY, answer TEXT NOT NULL);
"""


class AnswerCache:
    """The answers cached for one configuration root in one state; every failure is a miss."""

    def __init__(self, directory: Path, root: Path, key: str):
        self.root = Path(root)
        self.directory = Path(directory)
        self.path = self.directory / f"tree-{_root_name(root)}.sqlite"
        self.key = key

    @classmethod
    def open(cls, root: Path, option: str | None = None) -> AnswerCache | None:
        directory = cache_dir(option)
        if directory is None:
            return None
        try:
            return cls(directory, root, state_key(root, memo_dir=directory))
        except OSError:
            return None

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1)
        return con

    def _valid(self, con: sqlite3.Connection) -> bool:
        rows = dict(con.execute("SELECT name, value FROM meta"))
        return rows.get("format") == str(FORMAT) and rows.get("state") == self.key

    def get(self, question: list) -> object | None:
        """The cached answer to `question`, or None (not cached, stale, unreadable)."""
        if not self.path.is_file():
            return None
        try:
            con = self._connect()
            try:
                if not self._valid(con):
                    return None
                row = con.execute(
                    "SELECT answer FROM answers WHERE question = ?", (_question(question),)
                ).fetchone()
            finally:
                con.close()
            return None if row is None else json.loads(row[0])
        except (sqlite3.Error, ValueError, TypeError):
            return None

    def put(self, question: list, answer: object) -> None:
        """Store one answer; a stale or unreadable file is replaced by a new one first."""
        self.put_many([(question, answer)])

    def put_many(self, items: list[tuple[list, object]]) -> None:
        try:
            if state_key(self.root, memo_dir=self.directory) != self.key:
                return  # the tree changed while the answers were computed: they may be of neither
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._current():
                self._replace()
            con = sqlite3.connect(self.path, timeout=2)
            try:
                with con:
                    con.executemany(
                        "INSERT OR REPLACE INTO answers VALUES (?, ?)",
                        [(_question(q), json.dumps(a, ensure_ascii=False)) for q, a in items],
                    )
            finally:
                con.close()
        except (OSError, sqlite3.Error):
            pass  # a cache that cannot be written only means the next answer is computed again

    def _current(self) -> bool:
        if not self.path.is_file():
            return False
        try:
            con = self._connect()
            try:
                return self._valid(con)
            finally:
                con.close()
        except sqlite3.Error:
            return False

    def _replace(self) -> None:
        """A fresh, empty cache for the current state, renamed over the old file."""
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        os.close(fd)
        try:
            con = sqlite3.connect(tmp)
            try:
                con.executescript(_SCHEMA)
                with con:
                    con.executemany(
                        "INSERT INTO meta VALUES (?, ?)",
                        (("format", str(FORMAT)), ("state", self.key)),
                    )
            finally:
                con.close()
            os.replace(tmp, self.path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


def _question(question: list) -> str:
    return json.dumps(question, ensure_ascii=False, separators=(",", ":"))


# -- `compile` of an unchanged tree ---------------------------------------------------------


def _out_stamp_path(directory: Path, out: Path) -> Path:
    real = os.path.realpath(out)
    return Path(directory) / f"out-{hashlib.sha256(real.encode()).hexdigest()[:24]}.json"


def _out_files(out: Path) -> dict[str, list[int]]:
    """relative POSIX path -> [size, mtime_ns, inode] of every file below `out`."""
    found: dict[str, list[int]] = {}
    for dirpath, _dirs, names in os.walk(out):
        for name in names:
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            found[Path(os.path.relpath(full, out)).as_posix()] = [
                st.st_size,
                st.st_mtime_ns,
                st.st_ino,
            ]
    return found


def output_up_to_date(root: Path, out: Path, option: str | None = None) -> list[str] | None:
    """The files of OUT when a compile would rewrite them byte for byte; else None.

    True when (1) the manifest in OUT names this compiler version and exactly the
    current digest of every input, (2) the stamp this cache kept when OUT was
    written has the same inputs and compiler (source included), and (3) every file
    of OUT is still the one written then (same set, size, mtime and inode). Only
    outputs written without any diagnostic are stamped, so nothing is left unsaid.
    """
    directory = cache_dir(option)
    if directory is None or not Path(out).is_dir():
        return None
    try:
        stamp = json.loads(_out_stamp_path(directory, out).read_text(encoding="utf-8"))
        manifest = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))
        digests, notes = input_digests(root, exclude=out, memo_dir=directory)
        if manifest.get("compiler", {}).get("version") != __version__:
            return None
        if {p: v.get("sha256") for p, v in manifest.get("inputs", {}).items()} != digests:
            return None
        if stamp.get("state") != _state_key(digests, notes):
            return None
        if stamp.get("files") != _out_files(out):
            return None
        return sorted(stamp["files"], key=lambda p: p.encode())
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def record_output(root: Path, out: Path, key: str, option: str | None = None) -> None:
    """Stamp OUT as just written from the tree whose state key was `key` (before compiling)."""
    directory = cache_dir(option)
    if directory is None:
        return
    try:
        if state_key(root, exclude=out, memo_dir=directory) != key:
            return  # the tree changed while compiling
        body = json.dumps({"state": key, "files": _out_files(out)}, sort_keys=True)
        Path(directory).mkdir(parents=True, exist_ok=True)
        target = _out_stamp_path(directory, out)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.replace(tmp, target)
    except OSError:
        pass
