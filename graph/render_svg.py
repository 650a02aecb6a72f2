"""A static picture of a neighbourhood: a deterministic radial layout, SVG written here, PNG through CairoSVG.

The centre sits in the middle and each hop is a ring around it; a ring's nodes are ordered by where
their neighbours on the inner ring are, so edges mostly run outwards instead of across the picture.
Rings grow with their node count so names (wrapped under the shapes) keep clear of each other.

>>> import networkx as nx
>>> H = nx.MultiDiGraph()
>>> H.add_node("m", label="Mechanism", name="neuroinflammation", distance=0)
>>> H.add_node("d", label="Drug", name="low-dose naltrexone", distance=1)
>>> _ = H.add_edge("d", "m", key="TARGETS|a.txt", type="TARGETS")
>>> svg = to_svg(H)
>>> svg.count('class="node"'), 'class="legend"' in svg
(2, True)
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from itertools import pairwise
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from graph.neighbourhood import distances
from graph.render import EDGE_COLOUR, NULL_COLOUR, centre_of, edge_list, node_items, node_name, style
from ontology.enums import RelType

ARC = 130.0  # room along a ring for one node and its name
RING_GAP = 190.0
NODE_R = 15.0
CENTRE_R = 24.0
MARGIN = 90.0
LEGEND_W = 230.0
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
Point = tuple[float, float]


def radial_layout(H: nx.MultiDiGraph[str]) -> dict[str, Point]:
    """Node positions (centre at the origin), the same for the same graph.

    A radial tree: each node hangs from one neighbour on the ring inside it, and gets a slice of its
    parent's angle in proportion to how many outer nodes hang below it, so a node sits near what it
    connects. A ring's radius is what keeps its closest pair ``ARC`` apart.
    """
    if H.number_of_nodes() == 0:
        return {}
    centre = centre_of(H) or sorted(H.nodes)[0]
    dist = {n: int(H.nodes[n]["distance"]) for n in H.nodes if H.nodes[n].get("distance") is not None}
    if len(dist) != H.number_of_nodes():
        dist = distances(H, centre, H.number_of_nodes())
    far = max(dist.values(), default=0) + 1
    for n in H.nodes:  # nodes the graph does not connect to the centre: an outer ring of their own
        dist.setdefault(n, far)

    def order(n: str) -> tuple[str, str, str]:
        return (str(H.nodes[n].get("label")), node_name(H, n).lower(), n)

    children: dict[str, list[str]] = defaultdict(list)
    for n in sorted(H.nodes, key=order):
        if n == centre:
            continue
        inner = sorted((m for m in nx.all_neighbors(H, n) if dist[m] == dist[n] - 1), key=order)
        children[inner[0] if inner else centre].append(n)
    weight: dict[str, int] = {}

    def weigh(n: str) -> int:
        weight[n] = max(1, sum(weigh(c) for c in children[n]))
        return weight[n]

    weigh(centre)
    angle: dict[str, float] = {centre: 0.0}
    stack = [(centre, 0.0, 2 * math.pi)]
    while stack:
        node, start, span = stack.pop()
        for c in children[node]:
            share = span * weight[c] / weight[node]
            angle[c] = start + share / 2
            stack.append((c, start, share))
            start += share
    pos: dict[str, Point] = {centre: (0.0, 0.0)}
    radius = 0.0
    for d in sorted({dist[n] for n in H.nodes if n != centre}):
        ring = sorted(angle[n] for n in H.nodes if dist[n] == d and n != centre)
        gaps = [b - a for a, b in pairwise(ring)] + [2 * math.pi - ring[-1] + ring[0]]
        closest = min(gaps) if len(ring) > 1 else math.pi
        radius = max(radius + RING_GAP, ARC / max(closest, 1e-3))
        for n in H.nodes:
            if dist[n] == d and n != centre:
                pos[n] = (radius * math.sin(angle[n]), -radius * math.cos(angle[n]))
    return pos


def wrap(name: str, width: int = 20, lines: int = 2) -> list[str]:
    """A name in at most ``lines`` lines of about ``width`` characters (ellipsis when cut).

    >>> wrap("subcutaneous daratumumab trial (Øystein Fluge)")
    ['subcutaneous', 'daratumumab trial…']
    """
    out = textwrap.wrap(name, width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def shape_points(sides: int, rotation: float, r: float, x: float = 0.0, y: float = 0.0) -> str:
    """The ``points`` of a regular polygon (or a star, for a negative side count) of radius ``r``."""
    star = sides < 0
    count = -2 * sides if star else sides
    corners: list[Point] = []
    for i in range(count):
        a = math.radians(rotation) + 2 * math.pi * i / count
        radius = (r * 1.25 if i % 2 == 0 else r * 0.5) if star else r * (1.3 if sides == 3 else 1.15)
        corners.append((x + radius * math.cos(a), y + radius * math.sin(a)))
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in corners)


def shape_svg(label: object, r: float, x: float, y: float, extra: str = "") -> str:
    st = style(label)
    if st.sides == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{st.colour}"{extra}/>'
    return f'<polygon points="{shape_points(st.sides, st.rotation, r, x, y)}" fill="{st.colour}"{extra}/>'


def bends(H: nx.MultiDiGraph[str]) -> list[float]:
    """A sideways offset per edge (in :func:`graph.render.edge_list` order) so parallel edges stay apart."""
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    edges = edge_list(H)
    for i, (u, v, _, _) in enumerate(edges):
        groups[frozenset((u, v))].append(i)
    out = [0.0] * len(edges)
    for members in groups.values():
        for j, i in enumerate(members):
            u = edges[i][0]
            sign = 1.0 if u == min(edges[i][0], edges[i][1]) else -1.0  # same side whichever way it points
            out[i] = sign * (j - (len(members) - 1) / 2) * 22.0
    return out


def edge_geometry(p: Point, q: Point, bend: float, r_from: float, r_to: float) -> tuple[str, Point]:
    """An SVG path from ``p`` to ``q`` (shortened by the node radii, curved by ``bend``) and its midpoint."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx_, ny_ = -uy, ux
    mid = ((p[0] + q[0]) / 2 + nx_ * bend, (p[1] + q[1]) / 2 + ny_ * bend)
    ctrl = ((p[0] + q[0]) / 2 + 2 * nx_ * bend, (p[1] + q[1]) / 2 + 2 * ny_ * bend)
    start = (p[0] + ux * r_from, p[1] + uy * r_from)
    end = (q[0] - ux * (r_to + 4), q[1] - uy * (r_to + 4))
    d = f"M{start[0]:.1f},{start[1]:.1f} Q{ctrl[0]:.1f},{ctrl[1]:.1f} {end[0]:.1f},{end[1]:.1f}"
    return d, mid


def legend_entries(H: nx.MultiDiGraph[str]) -> list[str]:
    """The node labels present, in a fixed order."""
    return sorted({str(d.get("label")) for _, d in node_items(H)})


def to_svg(H: nx.MultiDiGraph[str], title: str = "neighbourhood") -> str:
    """A standalone SVG document with the picture and its legend."""
    pos = radial_layout(H)
    centre = centre_of(H)
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    labels = legend_entries(H)
    legend_h = 60 + 24 * (len(labels) + 3)
    left, top = min(xs) - MARGIN - 40, min(ys) - MARGIN
    width = max(xs) - min(xs) + 2 * MARGIN + 80 + LEGEND_W
    height = max(max(ys) - min(ys) + 2 * MARGIN, legend_h + 20)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        "<defs>",
        *(
            f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for name, colour in (("edge", EDGE_COLOUR), ("null", NULL_COLOUR))
        ),
        "</defs>",
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
        '<g class="edges">',
    ]
    labels_out: list[str] = []
    for (u, v, _, d), bend in zip(edge_list(H), bends(H), strict=True):
        rel = str(d.get("type", ""))
        null = rel == RelType.NULL_RESULT
        colour = NULL_COLOUR if null else EDGE_COLOUR
        path, mid = edge_geometry(pos[u], pos[v], bend, _radius(u, centre), _radius(v, centre))
        dash = ' stroke-dasharray="7 4"' if null else ""
        out.append(
            f'<path class="edge" data-type="{rel}" d="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="{2.2 if null else 1.4}"{dash} marker-end="url(#arrow-{"null" if null else "edge"})"/>'
        )
        for halo in (True, False):
            paint = 'stroke="#ffffff" stroke-width="3" fill="#ffffff"' if halo else f'fill="{colour}"'
            labels_out.append(
                f'<text x="{mid[0]:.1f}" y="{mid[1] + 3:.1f}" font-size="9" text-anchor="middle" {paint}>{rel}</text>'
            )
    out += ["</g>", '<g class="edge-labels">', *labels_out, "</g>", '<g class="nodes">']
    for n in sorted(H.nodes):
        x, y = pos[n]
        r = _radius(n, centre)
        ring = ' stroke="#000000" stroke-width="4"' if n == centre else ' stroke="#ffffff" stroke-width="1.5"'
        out.append(f'<g class="node" data-id={quoteattr(n)}>')
        out.append(f"<title>{escape(str(H.nodes[n].get('label')))}: {escape(n)}</title>")
        out.append(shape_svg(H.nodes[n].get("label"), r, x, y, ring))
        weight = ' font-weight="bold"' if n == centre else ""
        for i, line in enumerate(wrap(node_name(H, n))):
            for halo in (True, False):
                paint = 'stroke="#ffffff" stroke-width="3" fill="#ffffff"' if halo else 'fill="#222222"'
                out.append(
                    f'<text x="{x:.1f}" y="{y + r + 15 + 13 * i:.1f}" font-size="11" text-anchor="middle"'
                    f"{weight} {paint}>{escape(line)}</text>"
                )
        out.append("</g>")
    out.append("</g>")
    out += _legend(labels, left + width - LEGEND_W, top + 20)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _radius(n: str, centre: str | None) -> float:
    return CENTRE_R if n == centre else NODE_R


def _legend(labels: list[str], x: float, y: float) -> list[str]:
    rows = len(labels) + 3
    out = [
        '<g class="legend">',
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{LEGEND_W - 20:.1f}" height="{40 + 24 * rows:.1f}" '
        'fill="#fafafa" stroke="#cccccc" rx="6"/>',
        f'<text x="{x + 12:.1f}" y="{y + 24:.1f}" font-size="13" font-weight="bold" fill="#222222">Legend</text>',
    ]
    cy = y + 50
    for label in labels:
        out.append(shape_svg(label, 8, x + 24, cy, ' class="legend-shape"'))
        out.append(f'<text x="{x + 42:.1f}" y="{cy + 4:.1f}" font-size="12" fill="#222222">{escape(label)}</text>')
        cy += 24
    for text, colour, dash in (
        ("relationship (type on the line)", EDGE_COLOUR, ""),
        ("NULL_RESULT (no effect found)", NULL_COLOUR, ' stroke-dasharray="7 4"'),
    ):
        out.append(
            f'<line x1="{x + 12:.1f}" y1="{cy:.1f}" x2="{x + 36:.1f}" y2="{cy:.1f}" stroke="{colour}" '
            f'stroke-width="2"{dash}/>'
        )
        out.append(f'<text x="{x + 42:.1f}" y="{cy + 4:.1f}" font-size="11" fill="#222222">{escape(text)}</text>')
        cy += 24
    out.append(f'<circle cx="{x + 24:.1f}" cy="{cy:.1f}" r="8" fill="#ffffff" stroke="#000000" stroke-width="3"/>')
    out.append(f'<text x="{x + 42:.1f}" y="{cy + 4:.1f}" font-size="11" fill="#222222">centre (thick outline)</text>')
    out.append("</g>")
    return out


def to_png(H: nx.MultiDiGraph[str], title: str = "neighbourhood", scale: float = 1.5) -> bytes:
    """The SVG picture as PNG, through CairoSVG (``pip install 'mecfs-kg[png]'``; needs the system's libcairo2)."""
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: the Python package is there but libcairo is not
        raise RuntimeError(f"PNG output needs CairoSVG and libcairo2 (pip install 'mecfs-kg[png]'): {exc}") from exc
    png: bytes = cairosvg.svg2png(bytestring=to_svg(H, title).encode("utf-8"), scale=scale)
    return png
