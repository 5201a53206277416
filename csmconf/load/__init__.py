"""Stage 1: configuration files -> documents of plain data with positions (CSM100-104)."""

from .files import LoadedTree, load_tree
from .positions import Node

__all__ = ["INVALID", "LoadedTree", "Node", "ParsedDocument", "load_tree", "parse_text"]


def __getattr__(name: str):
    # The YAML parser is imported when first used, not by `discover` (cache.py).
    if name in ("INVALID", "ParsedDocument", "parse_text"):
        from . import yaml_events

        return getattr(yaml_events, name)
    raise AttributeError(name)
