"""YAML text -> plain Python data plus a position tree, from libyaml's event stream.

This is the only module that knows which YAML library parses the text; the
rest of the compiler sees `ParsedDocument` (plain dicts, lists and scalars)
and `Node` positions. It consumes libyaml events directly instead of
composing a node graph: composing costs about three times as much as the
events themselves (docs/performance.md), and events also carry the place of
every alias, which the expansion budget reports.

Scalars are resolved by the YAML 1.2 core schema, not PyYAML's 1.1 rules: only
true/false spellings are booleans, `on`/`yes`/`no` stay strings.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Self

import yaml
from yaml import events as ev

from ..diagnostics import Diagnostic, Place, Related
from .positions import Node, ScalarNode, pack, unpacked

#: Collections nested deeper than this are refused (CSM104): the builder recurses, and
#: no configuration needs more than a handful of levels.
MAX_DEPTH = 100

#: Nodes that aliases may copy into one file before the file is rejected
#: (CSM104). A merge of a small default block into every row of a large file
#: stays far below it; a "billion laughs" document crosses it at once.
ALIAS_EXPANSION_BUDGET = 200_000

_CORE = "tag:yaml.org,2002:"


class Invalid:
    """Stands for a value already reported as CSM202 (bad tag, unreadable tagged value)."""

    _instance: Invalid | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<invalid>"


INVALID = Invalid()

_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_OCT_RE = re.compile(r"0o[0-7]+\Z")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF_RE = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN_RE = re.compile(r"\.(nan|NaN|NAN)\Z")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
# Plain scalars starting with anything else are strings: skip the regexes.
_MAYBE_NOT_STR = frozenset("-+.0123456789~nNtTfF")


def resolve_plain(text: str):
    """YAML 1.2 core schema resolution of a plain (unquoted, untagged) scalar."""
    if text and text[0] not in _MAYBE_NOT_STR:
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT_RE.match(text):
        return int(text, 10)
    if _OCT_RE.match(text):
        return int(text, 0)
    if _HEX_RE.match(text):
        return int(text, 0)
    if _FLOAT_RE.match(text):
        return float(text)
    if _INF_RE.match(text):
        return -math.inf if text[0] == "-" else math.inf
    if _NAN_RE.match(text):
        return math.nan
    return text


def _explicit(tag: str, text: str):
    """Value of a scalar with an explicit core tag, or INVALID when it cannot be read as one."""
    kind = tag[len(_CORE) :]
    if kind == "str":
        return text
    value = resolve_plain(text)
    if kind == "null":
        return None if value is None else INVALID
    if kind == "bool":
        return value if isinstance(value, bool) else INVALID
    if kind == "int":
        return value if isinstance(value, int) and not isinstance(value, bool) else INVALID
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return INVALID
        return float(value)
    return INVALID


_SCALAR_TAGS = frozenset(_CORE + k for k in ("str", "int", "float", "bool", "null"))


class _SyntaxProblem(Exception):
    def __init__(self, code: str, message: str, line: int, column: int, hint: str | None = None):
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = (
            code,
            message,
            line,
            column,
            hint,
        )


@dataclass
class ParsedDocument:
    """One file's content: plain data and, in parallel, where each piece was written.

    `root` is the position tree. Of a file read by the fast reader (fast_yaml.py)
    only where to find its text is kept (its bytes for an in-memory tree, else
    its path and digest), and the tree is built from that text, by this
    module's exact reader, the first time `root` is read.
    """

    file: str
    data: object = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: section -> ids seen by a line scan, for a file that did not parse (see files.scan_ids)
    scanned_ids: dict[str, set[str]] = field(default_factory=dict)
    _root: Node | None = field(default=None, repr=False)
    #: the UTF-8 text (no byte-order mark) of a file whose positions are still to build:
    #: bytes, not str, which would take two or four bytes a character once one is not ASCII
    _text: bytes | None = field(default=None, repr=False)
    #: instead of `_text`, for a file on disk: (its path, the SHA-256 of its bytes as read),
    #: to read it again then (load/files.py: the tree's bytes are not all kept in memory)
    _source: tuple | None = field(default=None, repr=False)
    #: `_source` once the tree is built from it: the tree may be let go and built again
    _again: tuple | None = field(default=None, repr=False)

    @property
    def root(self) -> Node | None:
        if self._root is None:
            if self._text is not None:
                text = self._text.decode("utf-8")
            elif self._source is not None:
                from .files import read_again

                text = read_again(*self._source, self.file)
            else:
                return None
            self._root = positions_of(text, self.file)
            self._again = self._source
            self._text = self._source = None
        return self._root

    @root.setter
    def root(self, node: Node | None) -> None:
        self._root = node

    @classmethod
    def read_fast(cls, file: str, data, text: bytes) -> ParsedDocument:
        """A document the fast reader read: its data, its UTF-8 text for the positions."""
        return cls(file, data, _text=text)

    def positions_from_file(self, path, digest: str) -> None:
        """Build the positions, if ever, from the file at `path` (read again, its SHA-256
        checked) instead of keeping the text in memory."""
        if self._text is not None:
            self._text, self._source = None, (path, digest)

    @property
    def rebuilds_positions(self) -> bool:
        """Whether the position tree is built from the file, and may be let go (so a
        reader must not keep its nodes: `model.validate.Row.node`)."""
        return self._source is not None or self._again is not None

    def forget_positions(self) -> None:
        """Let the position tree go, if it can be built again from the file when next read."""
        if self._again is not None and self._root is not None:
            self._root, self._source, self._again = None, self._again, None

    @property
    def parsed(self) -> bool:
        """Whether the text was one YAML document (its positions built or still to build)."""
        return self._root is not None or self._text is not None or self._source is not None

    @property
    def has_positions(self) -> bool:
        """Whether the position tree is built (reading `root` costs nothing)."""
        return self._text is None and self._source is None


def positions_of(text: str, file: str) -> Node:
    """The position tree of a text the fast reader read. The exact reader must find it
    clean, as the fast one did (tests/test_fast_yaml.py); a disagreement is a bug."""
    doc = parse_text(text, file)
    if doc.diagnostics or doc.root is None:
        raise RuntimeError(f"csmconf's two YAML readers disagree about {file}: please report it")
    return doc.root


class _Loader(yaml.CSafeLoader):
    pass


def parse_text(text: str, file: str) -> ParsedDocument:
    """Parse one file's text. Never raises for bad input: problems become diagnostics."""
    doc = ParsedDocument(file)
    builder = _Builder(file, doc.diagnostics)
    loader = _Loader(text)
    try:
        doc.data, doc.root = builder.build(loader)
    except _SyntaxProblem as p:
        doc.data, doc.root = None, None
        doc.diagnostics.append(
            Diagnostic(p.code, p.message, Place(file, p.line, p.column), hint=p.hint)
        )
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = e.problem or "invalid YAML"
        if (
            "cannot start any token" in what
            and text.splitlines()[line - 1 : line]
            and "\t" in (text.splitlines()[line - 1][:col])
        ):
            what = "tab character used for indentation"
        msg = f"YAML syntax error: {what}"
        if e.context:
            msg += f" ({e.context})"
        doc.data, doc.root = None, None
        doc.diagnostics.append(Diagnostic("CSM100", msg, Place(file, line, col)))
    except yaml.reader.ReaderError as e:  # a control character (NUL...) in the text
        before = text[: e.position]
        line = before.count("\n") + 1
        col = e.position - (before.rfind("\n") + 1) + 1
        doc.data, doc.root = None, None
        doc.diagnostics.append(
            Diagnostic(
                "CSM100",
                f"control character U+{ord(e.character) if isinstance(e.character, str) else e.character:04X} "
                "is not allowed in YAML text",
                Place(file, line, col),
            )
        )
    except yaml.YAMLError as e:
        doc.data, doc.root = None, None
        doc.diagnostics.append(Diagnostic("CSM100", f"YAML syntax error: {e}", Place(file, 1, 1)))
    finally:
        loader.dispose()
    return doc


class _Builder:
    """Builds data and positions from the event stream in one pass."""

    def __init__(self, file: str, diagnostics: list[Diagnostic]):
        self.file = file
        self.diags = diagnostics
        self.anchors: dict[str, tuple[object, Node, int]] = {}
        self.expanded = 0
        self.depth = 0

    def error(self, code: str, message: str, line: int, column: int, hint=None) -> None:
        self.diags.append(Diagnostic(code, message, Place(self.file, line, column), hint=hint))

    def build(self, loader: _Loader):
        get = loader.get_event
        get()  # StreamStart
        event = get()
        if isinstance(event, ev.StreamEndEvent):
            return None, None  # empty or comment-only: the caller reports CSM102
        first = get()  # the event after DocumentStart
        data, node, _size = self.node(first, get)
        get()  # DocumentEnd
        nxt = get()
        if not isinstance(nxt, ev.StreamEndEvent):
            m = nxt.start_mark
            raise _SyntaxProblem(
                "CSM100",
                "a file holds one YAML document; found a second one",
                m.line + 1,
                m.column + 1,
            )
        return data, node

    def node(self, event, get):
        """Returns (data, position node, expanded size) for the node starting at `event`."""
        sm = event.start_mark
        cls = event.__class__
        if cls is ev.ScalarEvent:
            result = self.scalar(event)
        elif cls is ev.MappingStartEvent or cls is ev.SequenceStartEvent:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _SyntaxProblem(
                    "CSM104",
                    f"values are nested more than {MAX_DEPTH} levels deep",
                    sm.line + 1,
                    sm.column + 1,
                )
            try:
                if cls is ev.MappingStartEvent:
                    result = self.mapping(event, get)
                    valid = self.check_tag(event.tag, "map", sm)
                else:
                    result = self.sequence(event, get)
                    valid = self.check_tag(event.tag, "seq", sm)
            finally:
                self.depth -= 1
            if not valid:
                result = (INVALID, *result[1:])
        elif cls is ev.AliasEvent:
            return self.alias(event)
        else:  # pragma: no cover - libyaml only produces the events above here
            raise _SyntaxProblem("CSM100", "unexpected YAML event", sm.line + 1, sm.column + 1)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors[anchor] = result
        return result

    def scalar(self, event):
        sm, em = event.start_mark, event.end_mark
        text = event.value
        tag = event.tag
        if tag is None or tag == "!":
            value = resolve_plain(text) if event.implicit[0] and tag is None else text
        elif tag in _SCALAR_TAGS:
            value = _explicit(tag, text)
            if value is INVALID:
                self.error(
                    "CSM202",
                    f"'{text}' cannot be read as {tag[len(_CORE) :]}",
                    sm.line + 1,
                    sm.column + 1,
                )
        else:
            value = INVALID
            self.error(
                "CSM202",
                f"tag '{tag}' is not allowed; only the YAML core tags are",
                sm.line + 1,
                sm.column + 1,
            )
        if isinstance(value, str) and "\x00" in value:
            # A "\0" escape: no target (SQL, XML, CSV) can hold it safely.
            value = INVALID
            self.error(
                "CSM202",
                "value contains a NUL character (\\0), which no output can hold",
                sm.line + 1,
                sm.column + 1,
            )
        line = sm.line + 1
        node = ScalarNode(
            line, sm.column + 1, line if em.line == sm.line else em.line + 1, em.column + 1
        )
        if event.implicit[0] and not isinstance(value, str):
            node.raw = text
        return value, node, 1

    def alias(self, event):
        sm = event.start_mark
        anchored = self.anchors.get(event.anchor)
        if anchored is None:  # an alias inside its own anchor, or before it
            raise _SyntaxProblem(
                "CSM100", f"unknown alias '*{event.anchor}'", sm.line + 1, sm.column + 1
            )
        data, node, size = anchored
        self.expanded += size
        if self.expanded > ALIAS_EXPANSION_BUDGET:
            raise _SyntaxProblem(
                "CSM104",
                f"aliases expand past the budget of {ALIAS_EXPANSION_BUDGET:,} nodes",
                sm.line + 1,
                sm.column + 1,
                hint="write the repeated values out, or use fewer nested aliases",
            )
        return data, node, size

    def check_tag(self, tag, kind: str, mark) -> bool:
        """Reports a tag other than the core one of this node kind (CSM202); False when bad."""
        if tag is not None and tag != "!" and tag != _CORE + kind:
            self.error(
                "CSM202",
                f"tag '{tag}' is not allowed here",
                mark.line + 1,
                mark.column + 1,
            )
            return False
        return True

    def sequence(self, start, get):
        items: list = []
        nodes: list[Node] = []
        size = 1
        fast = _plain_scalar
        while True:
            event = get()
            cls = event.__class__
            if cls is ev.SequenceEndEvent:
                break
            if cls is ev.ScalarEvent and event.tag is None and event.anchor is None:
                value, node = fast(event)  # most items: see _plain_scalar
                if value is _NUL:
                    value, node, n = self.node(event, get)
                else:
                    n = 1
            else:
                value, node, n = self.node(event, get)
            items.append(value)
            nodes.append(node)
            size += n
        sm, em = start.start_mark, event.end_mark
        pos = Node(sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)
        pos._items = nodes
        return items, pos, size

    def mapping(self, start, get):
        data: dict = {}
        keys: dict[str, Node] = {}
        values: dict[str, Node] = {}
        merges: list[tuple[object, Node, object]] = []
        size = 1
        fast = _plain_scalar
        while True:
            event = get()
            cls = event.__class__
            if cls is ev.MappingEndEvent:
                break
            # Keys and values are mostly untagged scalars without anchors: build them here,
            # without two calls each through node() and scalar() (same result, see below).
            if cls is ev.ScalarEvent and event.tag is None and event.anchor is None:
                key_data, key_node = fast(event)
                if key_data is _NUL:
                    key_data, key_node, _ = self.node(event, get)
            else:
                key_data, key_node, _ = self.node(event, get)
            value_event = get()
            if (
                value_event.__class__ is ev.ScalarEvent
                and value_event.tag is None
                and value_event.anchor is None
            ):
                value, value_node = fast(value_event)
                if value is _NUL:
                    value, value_node, n = self.node(value_event, get)
                else:
                    n = 1
            else:
                value, value_node, n = self.node(value_event, get)
            size += n + 1
            key_raw = event.value if event.__class__ is ev.ScalarEvent else None
            if key_raw == "<<" and event.implicit[0] and event.tag is None:
                merges.append((value, value_node, key_node))
                continue
            if not isinstance(key_data, str):
                if key_raw is None or isinstance(key_data, (dict, list)):
                    at = unpacked(key_node)
                    self.error("CSM202", "mapping keys must be plain text", at.line, at.column)
                    continue
                key_data = key_raw  # `1:` or `true:` as a key: keep the text as written
            if key_data in keys:
                first = unpacked(keys[key_data])
                at = unpacked(key_node)
                self.diags.append(
                    Diagnostic(
                        "CSM101",
                        f"duplicate key '{key_data}'",
                        Place(self.file, at.line, at.column),
                        related=(_related(self.file, first, f"'{key_data}' first given here"),),
                    )
                )
                continue
            data[key_data] = value
            keys[key_data] = key_node
            values[key_data] = value_node
        # Merge keys: explicit keys win; among merged maps the earlier one wins.
        for value, value_node, key_node in merges:
            sources = (
                list(zip(value, value_node._items or ()))
                if isinstance(value, list)
                else [(value, value_node)]
            )
            for src, src_node in sources:
                src_node = unpacked(src_node)
                if not isinstance(src, dict) or src_node.keys is None:
                    self.error(
                        "CSM202",
                        "a merge key (<<) takes a mapping or a list of mappings",
                        src_node.line,
                        src_node.column,
                    )
                    continue
                for k, v in src.items():
                    if k not in data:
                        data[k] = v
                        keys[k] = src_node._keys[k]
                        values[k] = src_node._values[k]
        sm, em = start.start_mark, event.end_mark
        pos = Node(sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)
        pos._keys = keys
        pos._values = values
        return data, pos, size


_NUL = object()


def _plain_scalar(event):
    """(value, position) of an untagged scalar without anchor, as `_Builder.scalar` gives;
    the position packed in an int when it fits (positions.pack).

    Returns (_NUL, None) for a value holding a NUL character: `scalar` reports it.
    """
    text = event.value
    plain = event.implicit[0]
    value = resolve_plain(text) if plain else text
    if value.__class__ is str and "\x00" in value:
        return _NUL, None
    sm, em = event.start_mark, event.end_mark
    line = sm.line + 1
    if plain and value.__class__ is not str:
        node = ScalarNode(
            line, sm.column + 1, line if em.line == sm.line else em.line + 1, em.column + 1
        )
        node.raw = text
        return value, node
    return value, pack(line, sm.column + 1, em.line + 1, em.column + 1)


def _related(file: str, node: Node, message: str) -> Related:
    return Related(Place(file, node.line, node.column), message)
