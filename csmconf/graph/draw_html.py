"""A self-contained HTML page of the access graph: laid out here, drawn as inline SVG.

No CDN, no external file: the page carries its own layout (computed below, in
Python, deterministic) and about forty lines of inline JavaScript for pan, zoom,
search and highlight. A Content-Security-Policy meta forbids every network load,
so the page behaves the same offline. The renderer is this module (part of
csmconf, Apache-2.0); no third-party code is embedded.

Layout: one column per kind of node (people, accounts, sold products, roles,
responsibilities, relationship types and related-party configs, tables), nodes
sorted by id inside a column, edges as curves between the columns; the page
grows linearly with the graph. `--around KIND:ID --depth N` draws a
neighbourhood instead of the whole graph (`neighbourhood()` in draw.py).
"""

from __future__ import annotations

import html

import networkx as nx

#: column of each kind, left to right
COLUMNS = (
    ("user", "contact", "consumer"),
    ("account",),
    ("sold_product",),
    ("role",),
    ("responsibility",),
    ("relationship_type", "related_party_config"),
    ("table",),
)
COLOURS = {
    "user": "#d8e8ff",
    "contact": "#dff5e1",
    "consumer": "#fdf0d5",
    "account": "#e8e0ff",
    "sold_product": "#ffe0e6",
    "role": "#fff6bf",
    "responsibility": "#ffe5cc",
    "relationship_type": "#e0f4f4",
    "related_party_config": "#e0f4f4",
    "table": "#eeeeee",
}
NODE_W, NODE_H, COL_GAP, ROW_GAP, MARGIN = 230, 36, 140, 14, 20

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

STYLE = """
body{margin:0;font:13px system-ui,sans-serif;background:#fafafa}
header{position:fixed;top:0;left:0;right:0;padding:6px 10px;background:#fff;border-bottom:1px solid #ddd;z-index:1}
header input{width:18em}
svg{display:block;width:100vw;height:100vh;cursor:grab}
.node rect{stroke:#555;stroke-width:1}
.node.inactive rect{stroke-dasharray:4 3}
.node text{font-size:12px;pointer-events:none}
.node text.name{fill:#555;font-size:11px}
.edge{fill:none;stroke:#8a8a8a;stroke-width:1.2;marker-end:url(#arrow)}
svg.dim .node,svg.dim .edge{opacity:.15}
svg.dim .hl{opacity:1}
svg.dim .edge.hl{stroke:#c0392b;stroke-width:2}
.node.focus rect{stroke:#c0392b;stroke-width:3}
"""

SCRIPT = """
(function(){
const svg=document.getElementById('graph');const vb=svg.viewBox.baseVal;
let drag=null;
svg.addEventListener('wheel',e=>{e.preventDefault();const k=e.deltaY>0?1.15:1/1.15;
 const r=svg.getBoundingClientRect();const px=vb.x+(e.clientX-r.left)/r.width*vb.width;
 const py=vb.y+(e.clientY-r.top)/r.height*vb.height;
 vb.x=px-(px-vb.x)*k;vb.y=py-(py-vb.y)*k;vb.width*=k;vb.height*=k;},{passive:false});
svg.addEventListener('mousedown',e=>{drag={x:e.clientX,y:e.clientY};svg.style.cursor='grabbing';});
window.addEventListener('mouseup',()=>{drag=null;svg.style.cursor='grab';});
window.addEventListener('mousemove',e=>{if(!drag)return;const r=svg.getBoundingClientRect();
 vb.x-=(e.clientX-drag.x)*vb.width/r.width;vb.y-=(e.clientY-drag.y)*vb.height/r.height;
 drag={x:e.clientX,y:e.clientY};});
function focus(id){svg.querySelectorAll('.hl,.focus').forEach(n=>n.classList.remove('hl','focus'));
 if(!id){svg.classList.remove('dim');return;}
 const node=svg.querySelector('.node[data-id="'+CSS.escape(id)+'"]');if(!node)return;
 svg.classList.add('dim');node.classList.add('hl','focus');
 svg.querySelectorAll('.edge').forEach(e=>{if(e.dataset.from===id||e.dataset.to===id){
  e.classList.add('hl');[e.dataset.from,e.dataset.to].forEach(n=>{
  const m=svg.querySelector('.node[data-id="'+CSS.escape(n)+'"]');if(m)m.classList.add('hl');});}});}
svg.addEventListener('click',e=>{const n=e.target.closest('.node');focus(n?n.dataset.id:null);});
document.getElementById('find').addEventListener('change',e=>focus(e.target.value.trim()));
})();
"""


def _column(kind: str) -> int:
    for i, kinds in enumerate(COLUMNS):
        if kind in kinds:
            return i
    return len(COLUMNS)


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """node -> (x, y) of its box's top-left corner; deterministic (sorted by kind order, then id)."""
    columns: dict[int, list[str]] = {}
    for n in g.nodes:
        columns.setdefault(_column(g.nodes[n]["obj"].kind), []).append(n)
    pos: dict[str, tuple[float, float]] = {}
    for x, col in enumerate(sorted(columns)):
        kinds = COLUMNS[col] if col < len(COLUMNS) else ()
        order = sorted(
            columns[col],
            key=lambda n: (
                kinds.index(g.nodes[n]["obj"].kind) if g.nodes[n]["obj"].kind in kinds else 99,
                n.encode(),
            ),
        )
        for y, n in enumerate(order):
            pos[n] = (MARGIN + x * (NODE_W + COL_GAP), MARGIN + 40 + y * (NODE_H + ROW_GAP))
    return pos


def _edge_path(a: tuple[float, float], b: tuple[float, float], bend: int) -> str:
    (ax, ay), (bx, by) = a, b
    y1, y2 = ay + NODE_H / 2, by + NODE_H / 2
    if abs(ax - bx) < 1:  # same column: a loop out to the right
        x1 = x2 = ax + NODE_W
        c = 60 + 12 * bend
        return f"M{x1:.0f},{y1:.0f} C{x1 + c:.0f},{y1:.0f} {x2 + c:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    forward = bx > ax
    x1 = ax + NODE_W if forward else ax
    x2 = bx if forward else bx + NODE_W
    c = (x2 - x1) / 2
    return f"M{x1:.0f},{y1:.0f} C{x1 + c:.0f},{y1 + 8 * bend:.0f} {x2 - c:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"


def to_html(g: nx.MultiDiGraph, title: str = "csmconf access graph") -> str:
    esc = html.escape
    pos = layout(g)
    width = max((x for x, _ in pos.values()), default=0) + NODE_W + 2 * MARGIN + 80
    height = max((y for _, y in pos.values()), default=0) + NODE_H + 2 * MARGIN
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        "<!-- drawn by csmconf (Apache-2.0): inline SVG and script, no external resources -->",
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        (
            f"<header><b>{esc(title)}</b> · {g.number_of_nodes()} nodes, {g.number_of_edges()} edges · "
            "drag to pan, wheel to zoom, click a node to highlight · "
            '<input id="find" placeholder="kind:id, then Enter" aria-label="find a node"></header>'
        ),
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}">',
        (
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a8a8a"/>'
            "</marker></defs>"
        ),
        '<g class="edges">',
    ]
    seen: dict[tuple[str, str], int] = {}
    edges = sorted(
        ((u, v, d["label"], d["rel"]) for u, v, d in g.edges(data=True)),
        key=lambda e: (e[0].encode(), e[1].encode(), e[3], e[2]),
    )
    for u, v, label, _rel in edges:
        bend = seen.get((u, v), 0)
        seen[(u, v)] = bend + 1
        parts.append(
            f'<path class="edge" data-from="{esc(u)}" data-to="{esc(v)}" '
            f'd="{_edge_path(pos[u], pos[v], bend)}"><title>{esc(u)} -[{esc(label)}]-&gt; '
            f"{esc(v)}</title></path>"
        )
    parts.append("</g>")
    parts.append('<g class="nodes">')
    for n in sorted(g.nodes, key=str.encode):
        obj = g.nodes[n]["obj"]
        name = getattr(obj, "name", None) or obj.id
        x, y = pos[n]
        inactive = " inactive" if getattr(obj, "active", True) is False else ""
        parts.append(
            f'<g class="node{inactive}" data-id="{esc(n)}" transform="translate({x:.0f},{y:.0f})">'
            f'<rect width="{NODE_W}" height="{NODE_H}" rx="6" fill="{COLOURS.get(obj.kind, "#fff")}"/>'
            f'<text x="8" y="15">{esc(_clip(n))}</text>'
            f'<text class="name" x="8" y="29">{esc(_clip(name))}</text>'
            f"<title>{esc(n)}\n{esc(name)}</title></g>"
        )
    parts += ["</g>", "</svg>", f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
