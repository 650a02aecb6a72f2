"""An interactive neighbourhood page: one HTML file that works offline (script and styles inline, nothing fetched).

The layout and shapes are the static picture's (:mod:`graph.render_svg`); ``graph/viewer/viewer.js``
draws them, and adds pan and zoom, a search box, type filters (node labels and relationship types)
and a panel with a clicked node's or edge's properties, evidence sentences and source documents.

>>> import networkx as nx
>>> H = nx.MultiDiGraph()
>>> H.add_node("m", label="Mechanism", name="</script><b>x", distance=0)
>>> page = to_html(H)
>>> page.count("</script>") == page.count("<script")  # the name cannot close the data element
True
"""

from __future__ import annotations

from collections import Counter
from html import escape
from importlib.resources import files
from typing import Any

import networkx as nx

from graph.render import EDGE_COLOUR, NULL_COLOUR, STYLES, centre_of, edge_list, json_for_script, node_items, style
from graph.render_svg import CENTRE_R, MARGIN, NODE_R, bends, edge_geometry, radial_layout, wrap
from ontology.enums import RelType


def viewer_asset(name: str) -> str:
    """A file of the viewer (``viewer.js``, ``viewer.css``), read from the package data."""
    return files("graph").joinpath("viewer", name).read_text(encoding="utf-8")


def page_data(H: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """Everything the viewer script draws: positioned nodes and edges with all their properties."""
    pos = radial_layout(H)
    centre = centre_of(H)
    nodes = []
    for n, d in node_items(H):
        x, y = pos[n]
        props = {k: v for k, v in d.items() if k != "distance"}
        nodes.append(
            {
                "id": n,
                "label": str(d.get("label")),
                "name": str(d.get("name") or n),
                "x": round(x, 1),
                "y": round(y, 1),
                "r": CENTRE_R if n == centre else NODE_R,
                "centre": n == centre,
                "distance": d.get("distance"),
                "lines": wrap(str(d.get("name") or n)),
                "props": props,
            }
        )
    edges = []
    for (u, v, _, d), bend in zip(edge_list(H), bends(H), strict=True):
        path, mid = edge_geometry(
            pos[u], pos[v], bend, CENTRE_R if u == centre else NODE_R, CENTRE_R if v == centre else NODE_R
        )
        rel = str(d.get("type", ""))
        props = {k: val for k, val in d.items() if k not in ("source", "target")}
        edges.append(
            {
                "source": u,
                "target": v,
                "type": rel,
                "null": rel == RelType.NULL_RESULT,
                "d": path,
                "mid": [round(mid[0], 1), round(mid[1], 1)],
                "props": props,
            }
        )
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    labels = sorted({str(d.get("label")) for _, d in node_items(H)})
    rels = sorted({str(d.get("type", "")) for _, _, _, d in edge_list(H)})
    counts = Counter(
        [str(d.get("label")) for _, d in node_items(H)] + [str(d.get("type", "")) for *_, d in edge_list(H)]
    )
    return {
        "nodes": nodes,
        "edges": edges,
        "labels": labels,
        "relTypes": rels,
        "counts": dict(counts),
        "styles": {
            label: {"colour": style(label).colour, "sides": style(label).sides, "rotation": style(label).rotation}
            for label in {*labels, *map(str, STYLES)}
        },
        "edgeColour": EDGE_COLOUR,
        "nullColour": NULL_COLOUR,
        "viewBox": [
            min(xs) - MARGIN,
            min(ys) - MARGIN / 2,
            max(xs) - min(xs) + 2 * MARGIN,
            max(ys) - min(ys) + 1.5 * MARGIN,
        ],
    }


def to_html(H: nx.MultiDiGraph[str], title: str = "neighbourhood") -> str:
    """The page as one string (UTF-8; no external resources)."""
    data = page_data(H)
    markers = "".join(
        f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        for name, colour in (("edge", EDGE_COLOUR), ("null", NULL_COLOUR))
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
{viewer_asset("viewer.css")}
</style>
</head>
<body>
<div id="side">
<h1>{escape(title)}</h1>
<div id="summary">{len(data["nodes"])} nodes, {len(data["edges"])} relationships. Drag to pan, wheel to zoom,
click a node or a line for its evidence. <button id="fit" type="button">fit</button></div>
<h2>Search</h2>
<input id="search" type="search" placeholder="name, synonym or id" autocomplete="off">
<div id="search-result"></div>
<h2>Node types</h2>
<div id="legend-nodes"></div>
<h2>Relationship types</h2>
<div id="legend-edges"></div>
<div id="details"></div>
</div>
<svg id="canvas" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
<defs>{markers}</defs>
<g id="world"></g>
</svg>
<script type="application/json" id="graph-data">{json_for_script(data)}</script>
<script>
{viewer_asset("viewer.js")}
</script>
</body>
</html>
"""
