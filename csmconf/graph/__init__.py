"""Stage 4: the access graph (networkx) and decisions computed from it."""

from .access import ALLOWED, CONDITIONAL, DENIED, LEVELS, TABLES, AccessEngine, Decision, Grant, Hop
from .build import build_graph, node_id

__all__ = [
    "ALLOWED",
    "CONDITIONAL",
    "DENIED",
    "LEVELS",
    "TABLES",
    "AccessEngine",
    "Decision",
    "Grant",
    "Hop",
    "build_graph",
    "node_id",
]
