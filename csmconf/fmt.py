"""`fmt`: rewrite configuration files in canonical form, comments kept.

Canonical form: `version` first, then the sections in the order of the
language reference; inside each row the fields in the order the models
declare them (`id` and `name` first); two-space indentation with list items
indented under their key; LF line endings, UTF-8 without a byte-order mark.
Quotes are kept as written: `"007"` must stay text.

ruamel.yaml's round-trip mode keeps comments and flow style. A file is
rewritten only when the new text parses (with csmconf's own loader) to
exactly the same data as the old one; a formatting that would change
meaning is refused, never written.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from .diagnostics import Diagnostic
from .load import load_tree, parse_text
from .load.files import MAX_FILE_BYTES, SECTIONS, decode
from .model.sections import SECTION_MODELS, AccessEntry, RawModel, RelatedParty, Settings
from .regular_files import read_regular

#: Problems that make a file unsafe to rewrite: it does not parse as one clean document.
BLOCKING = ("CSM100", "CSM101", "CSM104")


def _field_order(model: type[RawModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


_TOP = ["version", *SECTIONS]
_ROW_ORDER = {section: _field_order(model) for section, (model, _kind) in SECTION_MODELS.items()}
_NESTED = {"access": _field_order(AccessEntry), "related_parties": _field_order(RelatedParty)}


def _reorder(mapping, order: list[str]) -> None:
    """Put known keys in `order`, unknown ones after them as written; comments move with keys."""
    if not isinstance(mapping, CommentedMap):
        return
    keys = list(mapping.keys())
    ranked = sorted(
        keys, key=lambda k: (order.index(k) if k in order else len(order), keys.index(k))
    )
    if ranked == keys:
        return
    for key in ranked:
        mapping.move_to_end(key)


def _canonical(data) -> None:
    _reorder(data, _TOP)
    if not isinstance(data, CommentedMap):
        return
    if isinstance(data.get("settings"), CommentedMap):
        _reorder(data["settings"], _field_order(Settings))
    for section, order in _ROW_ORDER.items():
        rows = data.get(section)
        if not isinstance(rows, list):
            continue
        for row in rows:
            _reorder(row, order)
            if not isinstance(row, CommentedMap):
                continue
            for nested, nested_order in _NESTED.items():
                items = row.get(nested)
                if isinstance(items, list):
                    for item in items:
                        _reorder(item, nested_order)


def _yaml() -> YAML:
    y = YAML()  # round-trip
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold long values: a reformat must not move text between lines
    return y


def format_text(text: str, file: str) -> str:
    """The canonical text of one file. Raises ValueError when it cannot be formatted safely."""
    y = _yaml()
    data = y.load(text)
    if data is None:
        return text
    _canonical(data)
    out = io.StringIO()
    y.dump(data, out)
    new = out.getvalue()
    before, after = parse_text(text, file), parse_text(new, file)
    if after.diagnostics and not before.diagnostics or before.data != after.data:
        raise ValueError("formatting would change what the file means; left as it is")
    return new


@dataclass
class FormatResult:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)


def format_tree(root: Path, check: bool) -> FormatResult:
    """Format every file of the tree (or, with `check`, only find those that would change)."""
    result = FormatResult()
    tree = load_tree(root)
    blocked = {d.place.file for d in tree.diagnostics if d.code in BLOCKING}
    result.diagnostics = [d for d in tree.diagnostics if d.code in BLOCKING]
    for doc in tree.documents:
        rel = doc.file
        if rel in blocked:
            continue
        path = root / rel
        try:
            raw = read_regular(path, MAX_FILE_BYTES)
        except OSError as exc:  # changed since it was loaded (now a FIFO, gone, too large)
            result.refused[rel] = str(exc)
            continue
        text, problem = decode(raw, rel)
        if problem is not None or text is None:
            continue
        try:
            new = format_text(text, rel)
        except Exception as exc:  # noqa: BLE001 - ruamel raises many types; report, never crash
            result.refused[rel] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            continue
        if new.encode("utf-8") == raw:
            result.unchanged.append(rel)
            continue
        if not check:
            # csmconf/emit is heavy to import: only when a file is really rewritten
            from .emit.outdir import UnsafeOutput, check_output_file

            try:
                check_output_file(path)  # still a regular file: replaced, never written through
            except UnsafeOutput as exc:
                result.refused[rel] = str(exc)
                continue
            _write_atomically(path, new)
        result.changed.append(rel)
    return result


def _write_atomically(path: Path, text: str) -> None:
    real = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, os.stat(real).st_mode & 0o777)
        os.replace(tmp, real)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
