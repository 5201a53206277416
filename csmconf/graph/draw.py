"""Drawings of the access graph: Graphviz dot, Mermaid, and a self-contained HTML page (draw_html.py).

Every label is data and is escaped for its target; nodes and edges are
sorted so the same configuration always draws the same text.
"""

from __future__ import annotations

import re

import networkx as nx

_SHAPES = {
    "account": "box",
    "contact": "ellipse",
    "consumer": "ellipse",
    "user": "ellipse",
    "role": "hexagon",
    "responsibility": "octagon",
    "relationship_type": "diamond",
    "related_party_config": "diamond",
    "sold_product": "component",
}


def _edges(g: nx.MultiDiGraph):
    return sorted(
        ((u, v, d["label"], d["rel"]) for u, v, d in g.edges(data=True)),
        key=lambda e: (e[0].encode(), e[1].encode(), e[3], e[2]),
    )


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: nx.MultiDiGraph) -> str:
    lines = ["digraph csmconf {", "  rankdir=LR;", "  node [fontname=Helvetica];"]
    for n in sorted(g.nodes, key=str.encode):
        obj = g.nodes[n]["obj"]
        name = getattr(obj, "name", None) or obj.id
        shape = _SHAPES.get(obj.kind, "box")
        style = ", style=dashed" if getattr(obj, "active", True) is False else ""
        lines.append(
            f"  {_dot_quote(n)} [label={_dot_quote(n + chr(10) + name)}, shape={shape}{style}];"
        )
    for u, v, label, _rel in _edges(g):
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_id(node: str, ids: dict[str, str]) -> str:
    if node not in ids:
        ids[node] = f"n{len(ids)}_" + re.sub(r"[^A-Za-z0-9_]", "_", node)[:40]
    return ids[node]


def _mermaid_text(text: str) -> str:
    # Mermaid labels sit inside double quotes; entity codes keep any character safe.
    return "".join(c if c.isalnum() or c in " :_.-/()" else f"#{ord(c)};" for c in text)


def to_mermaid(g: nx.MultiDiGraph) -> str:
    ids: dict[str, str] = {}
    lines = ["flowchart LR"]
    for n in sorted(g.nodes, key=str.encode):
        obj = g.nodes[n]["obj"]
        name = getattr(obj, "name", None) or obj.id
        lines.append(f'  {_mermaid_id(n, ids)}["{_mermaid_text(n)}<br/>{_mermaid_text(name)}"]')
    for u, v, label, _rel in _edges(g):
        lines.append(f'  {_mermaid_id(u, ids)} -->|"{_mermaid_text(label)}"| {_mermaid_id(v, ids)}')
    return "\n".join(lines) + "\n"


def neighbourhood(g: nx.MultiDiGraph, node: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within `depth` edges of `node` (either direction), with the edges among them."""
    return g.subgraph(nx.ego_graph(g, node, radius=depth, undirected=True).nodes).copy()


def to_html(g: nx.MultiDiGraph) -> str:
    from .draw_html import to_html as draw

    return draw(g)


DRAWERS = {"dot": to_dot, "mermaid": to_mermaid, "html": to_html}
