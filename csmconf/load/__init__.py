"""Stage 1: configuration files -> documents of plain data with positions (CSM100-104)."""

from .files import LoadedTree, load_tree
from .positions import Node
from .yaml_events import INVALID, ParsedDocument, parse_text

__all__ = ["INVALID", "LoadedTree", "Node", "ParsedDocument", "load_tree", "parse_text"]
