"""CSM400-404: cycles in the hierarchy, role containment, includes and relationships of one type.

Cycles are found with strongly connected components on small typed
subgraphs (`nx.find_cycle` restarts from every node and takes minutes on a
large acyclic graph). Each component is reported once, as the shortest
closed path through its smallest id, every hop with its place.
"""

from __future__ import annotations

import itertools
from collections import deque

import networkx as nx

from ..diagnostics import Diagnostic, Place, Related
from ..graph import AccessEngine
from ..graph.build import CONTAINS, INCLUDES, PARENT_OF
from ..resolve import Config
from .registry import check


def _cycle_through(sub: nx.DiGraph, members: set, start) -> list:
    """Shortest closed path start -> ... -> start inside `members`; ties go to the smaller id."""
    parents = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(sub.successors(node)):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while parents[path[-1]] is not None:
                    path.append(parents[path[-1]])
                return [*reversed(path), start]
            if nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    return []


def _short(node: str) -> str:
    return node.split(":", 1)[1]


def cycle_diagnostics(sub: nx.DiGraph, code: str, what: str) -> list[Diagnostic]:
    """`sub` holds edges a -> b with attribute `place` (where the edge was declared), or
    `link`, the row whose `to` value declared it (its place is made only for a cycle's hops)."""
    out = []
    for component in nx.strongly_connected_components(sub):
        if len(component) < 2:
            continue
        start = min(component, key=lambda n: _short(n).encode())
        path = _cycle_through(sub, component, start)
        hops = list(itertools.pairwise(path))
        places: list[Place] = [_edge_place(sub.edges[a, b]) for a, b in hops]
        text = " -> ".join(_short(n) for n in path)
        out.append(
            Diagnostic(
                code,
                f"{what} cycle: {text}",
                places[0],
                related=tuple(
                    Related(place, f"{_short(a)} -> {_short(b)}")
                    for (a, b), place in zip(hops, places)
                ),
                hint="break the cycle by removing one of these links",
            )
        )
    return out


def _edge_place(data: dict) -> Place:
    return data["place"] if "place" in data else data["link"].place("to")


def _typed_subgraph(engine: AccessEngine, rel: str, reverse: bool = False, key=None) -> nx.DiGraph:
    sub = nx.DiGraph()
    for u, v, data in engine.edges_of(rel):  # the edges of one type, not all 156k at scale 1
        if u == v or (key is not None and not key(data)):
            continue
        a, b = (v, u) if reverse else (u, v)
        if not sub.has_edge(a, b):
            sub.add_edge(a, b, place=data["place"])
    return sub


@check("CSM400")
def hierarchy_cycles(config: Config, engine: AccessEngine):
    # Hops read child -> parent, each at the child's `parent` value.
    return cycle_diagnostics(
        _typed_subgraph(engine, PARENT_OF, reverse=True), "CSM400", "account hierarchy"
    )


@check("CSM401")
def containment_cycles(config: Config, engine: AccessEngine):
    return cycle_diagnostics(_typed_subgraph(engine, CONTAINS), "CSM401", "role containment")


@check("CSM402")
def includes_cycles(config: Config, engine: AccessEngine):
    return cycle_diagnostics(_typed_subgraph(engine, INCLUDES), "CSM402", "responsibility includes")


@check("CSM403")
def relationship_cycles(config: Config, engine: AccessEngine):
    out = []
    by_type: dict[str, nx.DiGraph] = {}
    for rel in config.account_relationships:
        if rel.from_account is None or rel.to_account is None or rel.type is None:
            continue
        if rel.from_account is rel.to_account:
            continue
        sub = by_type.setdefault(rel.type.id, nx.DiGraph())
        a, b = f"account:{rel.from_account.id}", f"account:{rel.to_account.id}"
        if not sub.has_edge(a, b):
            # the place of 20k relationships at scale 1 was built for the few on a cycle
            sub.add_edge(a, b, link=rel)
    for type_id in sorted(by_type):
        out.extend(cycle_diagnostics(by_type[type_id], "CSM403", f"'{type_id}' relationship"))
    return out


@check("CSM404")
def self_references(config: Config, engine: AccessEngine):
    for account in config.accounts.values():
        if account.parent is account:
            yield Diagnostic(
                "CSM404", f"account '{account.id}' is its own parent", account.place("parent")
            )
    for role in config.roles.values():
        for i, inner in enumerate(role.contains):
            if inner is role:
                yield Diagnostic(
                    "CSM404", f"role '{role.id}' contains itself", role.place("contains", i)
                )
    for resp in config.responsibilities.values():
        for i, inner in enumerate(resp.includes):
            if inner is resp:
                yield Diagnostic(
                    "CSM404",
                    f"responsibility '{resp.id}' includes itself",
                    resp.place("includes", i),
                )
    for rel in config.account_relationships:
        if rel.from_account is not None and rel.from_account is rel.to_account:
            yield Diagnostic(
                "CSM404",
                f"account '{rel.from_account.id}' is related to itself",
                rel.place("to"),
            )
