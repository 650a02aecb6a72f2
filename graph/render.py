"""Render a neighbourhood (:mod:`graph.neighbourhood`) as DOT, Mermaid, SVG, PNG or an interactive HTML page.

Rendering only reads the networkx graph it is given (node attribute ``distance`` marks the centre
with 0); extraction lives elsewhere. :func:`render` picks the format from the file name.

>>> import networkx as nx
>>> H = nx.MultiDiGraph()
>>> H.add_node("drug:x", label="Drug", name='say "x"', distance=0)
>>> H.add_node("doi:y", label="Study", name="Y", distance=1)
>>> _ = H.add_edge("doi:y", "drug:x", key="NULL_RESULT|a.txt", type="NULL_RESULT")
>>> print(to_dot(H).splitlines()[-2])
  "doi:y" -> "drug:x" [label="NULL_RESULT", color="#d62728", fontcolor="#d62728", style=dashed];
>>> print(to_mermaid(H).splitlines()[4])
  n1{"say #quot;x#quot;"}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ontology.enums import NodeLabel, RelType

NULL_COLOUR = "#d62728"
EDGE_COLOUR = "#6b6b6b"


@dataclass(frozen=True)
class Style:
    colour: str
    sides: int  # 0: circle; else a regular polygon (a negative count: a star with that many points)
    rotation: float  # degrees
    dot_shape: str
    mermaid: tuple[str, str]  # opening and closing brackets of the Mermaid node shape


# Okabe-Ito colours first (readable with the common colour-vision deficiencies), then Tol's.
STYLES: dict[str, Style] = {
    NodeLabel.MECHANISM: Style("#D55E00", 6, 0, "hexagon", ("{{", "}}")),
    NodeLabel.STUDY: Style("#0072B2", 4, 45, "box", ("[", "]")),
    NodeLabel.DRUG: Style("#009E73", 4, 0, "diamond", ("{", "}")),
    NodeLabel.TRIAL: Style("#CC79A7", 3, -90, "triangle", ("[/", "\\]")),
    NodeLabel.RESEARCHER: Style("#E69F00", 0, 0, "ellipse", ("((", "))")),
    NodeLabel.BIOMARKER: Style("#56B4E9", 5, -90, "pentagon", ("[[", "]]")),
    NodeLabel.CONDITION: Style("#882255", 8, 22.5, "octagon", ("([", "])")),
    NodeLabel.INSTITUTION: Style("#999933", 3, 90, "invtriangle", ("[(", ")]")),
    NodeLabel.JOURNAL: Style("#777777", 4, 45, "note", ("(", ")")),
    NodeLabel.NEWS_ARTICLE: Style("#332288", -5, -90, "star", (">", "]")),
    NodeLabel.CONFERENCE: Style("#44AA99", 5, 90, "invhouse", ("[/", "/]")),
}
FALLBACK = Style("#bbbbbb", 0, 0, "ellipse", ("(", ")"))


def style(label: object) -> Style:
    return STYLES.get(str(label), FALLBACK)


def node_name(H: nx.MultiDiGraph[str], n: str) -> str:
    return str(H.nodes[n].get("name") or n)


def node_items(H: nx.MultiDiGraph[str]) -> list[tuple[str, dict[str, Any]]]:
    """Every node with its attributes, sorted by id."""
    return [(n, H.nodes[n]) for n in sorted(H.nodes)]


def centre_of(H: nx.MultiDiGraph[str]) -> str | None:
    return next((n for n, d in node_items(H) if d.get("distance") == 0), None)


def edge_list(H: nx.MultiDiGraph[str]) -> list[tuple[str, str, str, dict[str, object]]]:
    """Every edge once, in a fixed order (source, target, key)."""
    return sorted(((u, v, str(k), d) for u, v, k, d in H.edges(keys=True, data=True)), key=lambda e: e[:3])


def _dot_str(text: object) -> str:
    """A DOT double-quoted string: backslashes (escape sequences in DOT labels), quotes and newlines escaped."""
    s = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    return f'"{s}"'


def to_dot(H: nx.MultiDiGraph[str], title: str = "neighbourhood") -> str:
    """Graphviz DOT text: nodes shaped and filled by label, NULL_RESULT edges dashed red, the centre bold."""
    centre = centre_of(H)
    lines = [
        f"digraph {_dot_str(title)} {{",
        '  graph [rankdir=LR, overlap=false, splines=true, fontname="Helvetica"];',
        '  node [style=filled, fontname="Helvetica", fontsize=10, fontcolor="white"];',
        f'  edge [fontname="Helvetica", fontsize=8, color="{EDGE_COLOUR}", fontcolor="{EDGE_COLOUR}"];',
    ]
    for n, d in node_items(H):
        st = style(d.get("label"))
        extra = ", penwidth=4, color=black" if n == centre else ""
        lines.append(
            f"  {_dot_str(n)} [label={_dot_str(node_name(H, n))}, shape={st.dot_shape}, "
            f"fillcolor={_dot_str(st.colour)}, tooltip={_dot_str(d.get('label', ''))}{extra}];"
        )
    for u, v, _, d in edge_list(H):
        rel = str(d.get("type", ""))
        null = rel == RelType.NULL_RESULT
        extra = f', color="{NULL_COLOUR}", fontcolor="{NULL_COLOUR}", style=dashed' if null else ""
        lines.append(f"  {_dot_str(u)} -> {_dot_str(v)} [label={_dot_str(rel)}{extra}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


_MERMAID_ESCAPES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}


def _mermaid_text(text: object) -> str:
    """Text for inside a quoted Mermaid label: characters Mermaid or HTML would read as syntax become entity codes."""
    return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in " ".join(str(text).split()))


def to_mermaid(H: nx.MultiDiGraph[str]) -> str:
    """A Mermaid flowchart; node ids are ``n0``, ``n1``… (graph ids are not Mermaid-safe), names quoted and escaped."""
    ids = {n: f"n{i}" for i, n in enumerate(sorted(H.nodes))}
    lines = ["flowchart LR"]
    labels = sorted({str(d.get("label")) for _, d in node_items(H)})
    for label in labels:
        lines.append(f"  classDef {label} fill:{style(label).colour},color:#ffffff,stroke:#333333")
    for n, d in node_items(H):
        opening, closing = style(d.get("label")).mermaid
        lines.append(f'  {ids[n]}{opening}"{_mermaid_text(node_name(H, n))}"{closing}')
    nulls = []
    for i, (u, v, _, d) in enumerate(edge_list(H)):
        rel = str(d.get("type", ""))
        arrow = "-.->" if rel == RelType.NULL_RESULT else "-->"
        if rel == RelType.NULL_RESULT:
            nulls.append(str(i))
        lines.append(f"  {ids[u]} {arrow}|{rel}| {ids[v]}")
    for n, d in node_items(H):
        lines.append(f"  class {ids[n]} {d.get('label')}")
    centre = centre_of(H)
    if centre is not None:
        lines.append(f"  style {ids[centre]} stroke:#000000,stroke-width:4px")
    if nulls:
        lines.append(f"  linkStyle {','.join(nulls)} stroke:{NULL_COLOUR},color:{NULL_COLOUR},stroke-dasharray:5 5")
    return "\n".join(lines) + "\n"


FORMATS = (".html", ".svg", ".png", ".dot", ".gv", ".mmd")


def render_text(H: nx.MultiDiGraph[str], fmt: str, title: str = "neighbourhood") -> str:
    """The neighbourhood as text in a format named by its file suffix (``.dot``, ``.mmd``, ``.svg``, ``.html``)."""
    from graph.render_svg import to_svg

    if fmt in (".dot", ".gv"):
        return to_dot(H, title)
    if fmt == ".mmd":
        return to_mermaid(H)
    if fmt == ".svg":
        return to_svg(H, title)
    if fmt == ".html":
        from graph.render_html import to_html

        html: str = to_html(H, title)
        return html
    raise ValueError(f"no text format {fmt!r}; known: {', '.join(FORMATS)}")


def render(H: nx.MultiDiGraph[str], path: Path, title: str = "neighbourhood") -> None:
    """Write the neighbourhood to ``path`` in the format its suffix names (see :data:`FORMATS`)."""
    fmt = path.suffix.lower()
    if fmt not in FORMATS:
        raise ValueError(f"cannot tell the format from {path.name!r}; use one of {', '.join(FORMATS)}")
    if fmt == ".png":
        from graph.render_svg import to_png

        path.write_bytes(to_png(H, title))
    else:
        path.write_text(render_text(H, fmt, title), encoding="utf-8")


def json_for_script(data: object) -> str:
    """JSON safe inside an HTML ``<script>`` element (no ``</script>`` or ``<!--`` can appear)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace("\u2028", "\\u2028")
