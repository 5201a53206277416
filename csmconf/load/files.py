"""Find, read and decode the files of a configuration tree; check each document's frame.

The frame of a document is what holds before any section is read: one
mapping, `version: 1`, known section names (CSM102, CSM103). Everything here
is per file, so files can be parsed in any order (or in parallel) and the
result is sorted afterwards.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Place
from ..regular_files import FileTooLarge, NotRegularFile, not_regular, read_regular

if TYPE_CHECKING:
    from .yaml_events import ParsedDocument

#: A single file larger than this is refused (CSM104) before it is parsed.
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Smaller files go to the exact reader even when the fast one is asked for: importing
#: rapidyaml costs about what libyaml spends on 100 KB, and the example's files are a
#: few KB each (`validate configs/` stays within its start-up budget).
FAST_MIN_BYTES = 64 * 1024

YAML_SUFFIXES = (".yaml", ".yml")

SECTIONS = (
    "settings",
    "accounts",
    "contacts",
    "consumers",
    "users",
    "roles",
    "relationship_types",
    "account_relationships",
    "responsibilities",
    "contact_relationships",
    "team_members",
    "related_party_configs",
    "sold_products",
    "tests",
)
TOP_LEVEL_KEYS = ("version", *SECTIONS)

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


@dataclass
class LoadedTree:
    root: Path
    documents: list[ParsedDocument] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: relative path -> SHA-256 of the file's bytes, for the manifest
    digests: dict[str, str] = field(default_factory=dict)
    #: the bytes of every file read: how big the work ahead is (emit/lanes.py)
    input_bytes: int = 0
    #: section -> ids written in files that did not parse (known to reference checks only)
    scanned_ids: dict[str, set[str]] = field(default_factory=dict)

    def forget_positions(self) -> None:
        """Let the position trees built from files read fast go (built again if read again)."""
        for doc in self.documents:
            doc.forget_positions()


def _file_error(rel: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic("CSM104", message, Place(rel, 1, 1), hint=hint)


def discover(
    root: Path, exclude: Path | None = None
) -> tuple[list[tuple[str, Path]], list[Diagnostic]]:
    """Every YAML file below `root` as (relative POSIX path, real path), in canonical order.

    Hidden entries and `exclude` (the output directory) are skipped. Symbolic
    links are followed only while their target stays inside the tree; each
    real file is read once, under the first path (bytewise) that reaches it.
    """
    real_root = Path(os.path.realpath(root))
    real_exclude = Path(os.path.realpath(exclude)) if exclude is not None else None
    found: list[tuple[str, Path]] = []
    diags: list[Diagnostic] = []
    visited_dirs: set[Path] = set()

    def inside(p: Path) -> bool:
        return p == real_root or real_root in p.parents

    def walk(directory: Path, rel_parts: tuple[str, ...]) -> None:
        real_dir = Path(os.path.realpath(directory))
        if real_dir in visited_dirs:
            return
        visited_dirs.add(real_dir)
        try:
            entries = sorted(
                os.scandir(directory), key=lambda e: e.name.encode("utf-8", "surrogateescape")
            )
        except OSError as exc:
            rel = "/".join(rel_parts) or "."
            diags.append(_file_error(rel, f"cannot read directory: {exc.strerror}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = "/".join((*rel_parts, entry.name))
            path = Path(entry.path)
            real = Path(os.path.realpath(path))
            if real_exclude is not None and (real == real_exclude or real_exclude in real.parents):
                continue
            is_yaml = entry.name.endswith(YAML_SUFFIXES)
            if entry.is_symlink():
                if not real.exists():
                    if is_yaml:
                        diags.append(_file_error(rel, "symbolic link leads nowhere"))
                    continue
                if not inside(real):
                    if is_yaml or real.is_dir():
                        diags.append(
                            _file_error(
                                rel,
                                "symbolic link leads outside the configuration tree",
                                hint="copy the file into the tree, or link to a file inside it",
                            )
                        )
                    continue
            if real.is_dir():
                walk(path, (*rel_parts, entry.name))
            elif is_yaml:
                kind = not_regular(real)
                if kind is None:
                    found.append((rel, real))
                else:
                    diags.append(_file_error(rel, f"{kind}, not a regular file: never opened"))

    if not real_root.is_dir():
        raise NotADirectoryError(str(root))
    walk(real_root, ())
    # Canonical order is bytewise on the relative path; a real file reached twice counts once.
    found.sort(key=lambda item: item[0].encode("utf-8", "surrogateescape"))
    # The same real file: by device and inode, so hard links count once like symlinks.
    seen: set = set()
    unique = []
    for rel, real in found:
        try:
            st = real.stat()
            identity = (st.st_dev, st.st_ino)
        except OSError:
            identity = real
        if identity not in seen:
            seen.add(identity)
            unique.append((rel, real))
    return unique, diags


def decode(raw: bytes, rel: str) -> tuple[str | None, Diagnostic | None]:
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            return None, _file_error(rel, f"file is encoded as {name}; csmconf reads UTF-8 only")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        # UTF-8 YAML never holds a NUL byte; UTF-16/32 without a byte-order mark does.
        line = raw.count(b"\n", 0, nul) + 1
        return None, _file_error(
            rel,
            f"file holds a NUL byte (line {line}): it is not UTF-8 text (UTF-16 or binary?)",
            hint="save the file as UTF-8",
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, _file_error(
            rel,
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} on line {line})",
            hint="save the file as UTF-8",
        )


def _parse_one(rel: str, real: Path, fast: bool) -> tuple[ParsedDocument, bytes | None]:
    from .yaml_events import ParsedDocument

    try:
        raw = read_regular(real, MAX_FILE_BYTES)
    except FileTooLarge as exc:
        doc = ParsedDocument(rel)
        doc.diagnostics.append(
            _file_error(rel, f"file is {exc.size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        )
        return doc, None
    except NotRegularFile as exc:
        doc = ParsedDocument(rel)
        doc.diagnostics.append(_file_error(rel, str(exc)))
        return doc, None
    except OSError as exc:
        doc = ParsedDocument(rel)
        doc.diagnostics.append(_file_error(rel, f"cannot read file: {exc.strerror}"))
        return doc, None
    return parse_bytes(rel, raw, fast), raw


def parse_bytes(rel: str, raw: bytes, fast: bool = False) -> ParsedDocument:
    """One file's bytes: decoded, parsed, its frame checked.

    `fast`: a large file goes to the fast reader first (fast_yaml.py), which
    leaves the positions to be built when first asked for.
    """
    # Imported here: `discover` alone (the answer cache's digests) needs no YAML parser.
    from .yaml_events import ParsedDocument, parse_text

    text, problem = decode(raw, rel)
    if problem is not None:
        doc = ParsedDocument(rel)
        doc.diagnostics.append(problem)
        return doc
    if fast and len(raw) >= FAST_MIN_BYTES:
        from . import fast_yaml

        utf8 = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        data = fast_yaml.read(utf8)
        if data is not None:
            doc = ParsedDocument.read_fast(rel, data, utf8)
            check_frame(doc)
            return doc
    doc = parse_text(text, rel)
    if doc.root is None and any(d.code == "CSM100" for d in doc.diagnostics):
        doc.scanned_ids = scan_ids(text)
    check_frame(doc)
    return doc


_SECTION_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")
_ID_VALUE = re.compile(
    r"""(?:^|[\s{,])id\s*:\s*["']?([a-z0-9][a-z0-9_.-]{0,99})["']?\s*(?:[,}#]|$)"""
)


def scan_ids(text: str) -> dict[str, set[str]]:
    """Ids written in a file that does not parse, found line by line under their section.

    Only used to keep a syntax error in one file from turning every reference
    to its entities, in other files, into a CSM301: the file's own CSM100 is
    the one problem to fix.
    """
    found: dict[str, set[str]] = {}
    section = None
    for line in text.splitlines():
        head = _SECTION_LINE.match(line)
        if head:
            section = head.group(1)
            continue
        if section in SECTIONS:
            for match in _ID_VALUE.finditer(line):
                found.setdefault(section, set()).add(match.group(1))
    return found


def check_frame(doc: ParsedDocument) -> None:
    """CSM102/CSM103: one mapping, `version: 1`, known sections. Unusable documents lose their data.

    Positions are read only for a diagnostic: a clean file from the fast reader
    keeps its position tree unbuilt.
    """
    if not doc.parsed:
        if not doc.diagnostics:
            doc.diagnostics.append(
                Diagnostic(
                    "CSM102",
                    "file is empty; a configuration file is a mapping with `version: 1`",
                    Place(doc.file, 1, 1),
                )
            )
        doc.data = None
        return
    if not isinstance(doc.data, dict):
        doc.diagnostics.append(
            Diagnostic(
                "CSM102",
                "a configuration file must be a mapping of sections, not " + _kind_of(doc.data),
                Place(doc.file, doc.root.line, doc.root.column),
            )
        )
        doc.data = None
        return
    version = doc.data.get("version", _MISSING)
    if version is _MISSING:
        doc.diagnostics.append(
            Diagnostic(
                "CSM102",
                "`version` is missing; add `version: 1`",
                Place(doc.file, doc.root.line, doc.root.column),
            )
        )
    elif type(version) is not int or version != 1:
        node = doc.root.values["version"]
        shown = node.raw if node.raw is not None else repr(version)
        doc.diagnostics.append(
            Diagnostic(
                "CSM102",
                f"`version` must be the integer 1, not {shown}",
                Place(doc.file, node.line, node.column),
                hint="write `version: 1` (unquoted)" if version in ("1", 1.0) else None,
            )
        )
    for key in doc.data:
        if key not in TOP_LEVEL_KEYS:
            node = doc.root.keys[key]
            close = difflib.get_close_matches(key, TOP_LEVEL_KEYS, n=1)
            doc.diagnostics.append(
                Diagnostic(
                    "CSM103",
                    f"unknown section '{key}'"
                    + (f" (did you mean '{close[0]}'?)" if close else ""),
                    Place(doc.file, node.line, node.column),
                    hint="sections are: " + ", ".join(TOP_LEVEL_KEYS),
                )
            )


_MISSING = object()


def _kind_of(value) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return f"a single value ({value!r})"


def load_tree(root: Path, exclude: Path | None = None, fast: bool = False) -> LoadedTree:
    """Load every file below `root`. Raises NotADirectoryError when `root` is no directory.

    Files are parsed one after another: a pool of worker processes was measured
    3x slower on the 12 MB benchmark tree (docs/performance.md), because sending
    the position trees back between processes costs more than parsing them.
    `fast`: large files are read by the fast reader (see `parse_bytes`).
    """
    tree = LoadedTree(Path(root))
    files, tree.diagnostics = discover(Path(root), exclude)
    for rel, real in files:
        doc, raw = _parse_one(rel, real, fast)
        _add(tree, doc, raw, real)
    return tree


def load_files(root: Path, files: dict[str, bytes], fast: bool = False) -> LoadedTree:
    """A tree given in memory (relative POSIX path -> bytes), loaded as `load_tree` would.

    For the fuzzer and other in-process callers: no file system is read.
    """
    tree = LoadedTree(Path(root))
    for rel in sorted(files, key=lambda r: r.encode("utf-8", "surrogateescape")):
        _add(tree, parse_bytes(rel, files[rel], fast), files[rel])
    return tree


def _add(
    tree: LoadedTree, doc: ParsedDocument, raw: bytes | None, real: Path | None = None
) -> None:
    tree.documents.append(doc)
    tree.diagnostics.extend(doc.diagnostics)
    for section, ids in doc.scanned_ids.items():
        tree.scanned_ids.setdefault(section, set()).update(ids)
    if raw is not None:
        tree.input_bytes += len(raw)
        digest = tree.digests[doc.file] = hashlib.sha256(raw).hexdigest()
        if real is not None:
            # A file read fast is read again if its positions are ever needed, rather than
            # kept: 12.5 MB of the peak at benchmark scale 1, for positions most runs never read.
            doc.positions_from_file(real, digest)


def read_again(real: Path, digest: str, rel: str) -> str:
    """The text of a file read before, for its positions: the same bytes, or CannotRun."""
    from ..errors import CannotRun

    try:
        raw = read_regular(real, MAX_FILE_BYTES)
    except OSError as exc:  # FileTooLarge and NotRegularFile are OSErrors
        raise CannotRun(f"{rel}: cannot read it again for its positions ({exc})") from None
    text, _problem = decode(raw, rel)
    if hashlib.sha256(raw).hexdigest() != digest or text is None:
        raise CannotRun(f"{rel} changed while csmconf was reading the tree: run it again")
    return text
