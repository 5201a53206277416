"""Where each piece of a document was written: a tree parallel to the data.

The data itself stays plain (dicts, lists, scalars) so pydantic validates it
at full speed; positions live beside it and are looked up by path only when a
diagnostic needs one.
"""

from __future__ import annotations

from collections.abc import Iterable


class Node:
    """Position of one YAML node (1-based, end exclusive) and of its children."""

    __slots__ = ("column", "end_column", "end_line", "items", "keys", "line", "raw", "values")

    def __init__(self, line: int, column: int, end_line: int, end_column: int):
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.keys: dict[str, Node] | None = None  # mapping: key -> position of the key
        self.values: dict[str, Node] | None = None  # mapping: key -> position of the value
        self.items: list[Node] | None = None  # sequence: item positions
        self.raw: str | None = None  # plain scalar resolved to a non-string: its text

    def child(self, step: str | int) -> Node | None:
        if self.values is not None and isinstance(step, str):
            return self.values.get(step)
        if self.items is not None and isinstance(step, int) and 0 <= step < len(self.items):
            return self.items[step]
        return None

    def key(self, name: str) -> Node | None:
        return self.keys.get(name) if self.keys is not None else None

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
