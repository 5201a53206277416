"""Where each piece of a document was written: a tree parallel to the data.

The data itself stays plain (dicts, lists, scalars) so pydantic validates it
at full speed; positions live beside it and are looked up by path only when a
diagnostic needs one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


class Node:
    """Position of one YAML node (1-based, end exclusive) and of its children.

    A child scalar may be kept packed in one int (see `pack`); `keys`, `values`,
    `items` and `child` hand out unpacked nodes, so readers never see the ints.
    """

    __slots__ = ("_items", "_keys", "_values", "column", "end_column", "end_line", "line", "raw")

    def __init__(self, line: int, column: int, end_line: int, end_column: int):
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self._keys: dict | None = None  # mapping: key -> position of the key
        self._values: dict | None = None  # mapping: key -> position of the value
        self._items: list | None = None  # sequence: item positions
        self.raw: str | None = None  # plain scalar resolved to a non-string: its text

    @property
    def keys(self) -> Mapping[str, Node] | None:
        return None if self._keys is None else _Unpacked(self._keys)

    @property
    def values(self) -> Mapping[str, Node] | None:
        return None if self._values is None else _Unpacked(self._values)

    @property
    def items(self) -> Sequence[Node] | None:
        return None if self._items is None else _UnpackedList(self._items)

    def child(self, step: str | int) -> Node | None:
        if self._values is not None and isinstance(step, str):
            found = self._values.get(step)
        elif self._items is not None and isinstance(step, int) and 0 <= step < len(self._items):
            found = self._items[step]
        else:
            return None
        return unpack(found) if found.__class__ is int else found

    def key(self, name: str) -> Node | None:
        found = self._keys.get(name) if self._keys is not None else None
        return unpack(found) if found.__class__ is int else found

    def find(self, path: Iterable[str | int]) -> tuple[Node, bool]:
        """The deepest node along `path`, and whether the whole path was found."""
        node = self
        for step in path:
            nxt = node.child(step)
            if nxt is None:
                return node, False
            node = nxt
        return node, True

    def __repr__(self) -> str:
        return f"Node({self.line}:{self.column})"


class ScalarNode:
    """Position of a scalar: a `Node` without children, in fewer bytes.

    Scalars are most of the nodes (800k at benchmark scale 1): five slots instead
    of eight, and one-line scalars share their line number object, saving about
    50 bytes each. It answers the same questions as a Node with no children.
    """

    __slots__ = ("column", "end_column", "end_line", "line", "raw")

    keys = None
    values = None
    items = None

    def __init__(self, line: int, column: int, end_line: int, end_column: int):
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.raw: str | None = None  # plain scalar resolved to a non-string: its text

    def child(self, step: str | int) -> None:
        return None

    def key(self, name: str) -> None:
        return None

    find = Node.find

    def __repr__(self) -> str:
        return f"Node({self.line}:{self.column})"


# A scalar written on at most 256 lines, starting on one of the first 16M lines and in the
# first 16k columns (every scalar of a real configuration) is kept as one int of 60 bits:
# 32 bytes instead of a ScalarNode and its line number (about 100 bytes; 800k scalars at
# benchmark scale 1). Others, and scalars with `raw` text, stay ScalarNode objects.
_LINE_BITS, _COLUMN_BITS, _SPAN_BITS = 24, 14, 8
_LINE_MAX, _COLUMN_MAX, _SPAN_MAX = 1 << _LINE_BITS, 1 << _COLUMN_BITS, 1 << _SPAN_BITS
_COLUMN_SHIFT = _LINE_BITS
_END_COLUMN_SHIFT = _LINE_BITS + _COLUMN_BITS
_SPAN_SHIFT = _LINE_BITS + 2 * _COLUMN_BITS


def pack(line: int, column: int, end_line: int, end_column: int) -> int | ScalarNode:
    """A scalar's position: packed in one int when it fits, else a ScalarNode."""
    span = end_line - line
    if line < _LINE_MAX and column < _COLUMN_MAX and end_column < _COLUMN_MAX and span < _SPAN_MAX:
        return (
            line | column << _COLUMN_SHIFT | end_column << _END_COLUMN_SHIFT | span << _SPAN_SHIFT
        )
    return ScalarNode(line, column, end_line, end_column)


def unpack(packed: int) -> ScalarNode:
    line = packed & (_LINE_MAX - 1)
    return ScalarNode(
        line,
        packed >> _COLUMN_SHIFT & (_COLUMN_MAX - 1),
        line + (packed >> _SPAN_SHIFT),
        packed >> _END_COLUMN_SHIFT & (_COLUMN_MAX - 1),
    )


def unpacked(node: Node | ScalarNode | int) -> Node | ScalarNode:
    """The node itself, or the ScalarNode a packed int stands for."""
    return unpack(node) if node.__class__ is int else node


class _Unpacked(Mapping):
    """Read-only view of a mapping's key or value positions, packed ints unpacked."""

    __slots__ = ("_d",)

    def __init__(self, d: dict):
        self._d = d

    def __getitem__(self, name):
        return unpacked(self._d[name])

    def __iter__(self):
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


class _UnpackedList(Sequence):
    """Read-only view of a sequence's item positions, packed ints unpacked."""

    __slots__ = ("_items",)

    def __init__(self, items: list):
        self._items = items

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [unpacked(n) for n in self._items[index]]
        return unpacked(self._items[index])

    def __iter__(self):
        return map(unpacked, self._items)

    def __len__(self) -> int:
        return len(self._items)
