"""Static outputs of a seed neighbourhood: DOT (checked by Graphviz), Mermaid, SVG and PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph.neighbourhood import neighbourhood
from graph.render import to_dot, to_mermaid
from graph.render_svg import to_png, to_svg
from tests.neo4j_harness import in_ci

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def rituximab(seed_graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    H, _ = neighbourhood(seed_graph, "rituximab")
    assert any(d["type"] == "NULL_RESULT" for _, _, d in H.edges(data=True))
    return H


def _awkward(H: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """The same graph with names that need escaping in every format."""
    G = H.copy()
    for i, n in enumerate(sorted(G)):
        G.nodes[n]["name"] = ['a "quoted" name', "back\\slash\nnew line", "<b>&amp; #1</b>", "{{x}} [y] |z|"][i % 4]
    return G


def test_dot_is_read_by_graphviz(rituximab: nx.MultiDiGraph[str]) -> None:
    dot = shutil.which("dot")
    if dot is None:
        if in_ci():
            pytest.fail("Graphviz 'dot' is missing under CI (apt-get install -y graphviz)")
        pytest.skip("Graphviz 'dot' is not installed (apt-get install -y graphviz)")
    for H in (rituximab, _awkward(rituximab)):
        text = to_dot(H)
        plain = subprocess.run([dot, "-Tplain"], input=text, capture_output=True, text=True, check=True).stdout
        lines = plain.splitlines()
        assert sum(line.startswith("node ") for line in lines) == H.number_of_nodes()
        assert sum(line.startswith("edge ") for line in lines) == H.number_of_edges()
        assert sum(" dashed " in line for line in lines if line.startswith("edge ")) == sum(
            d["type"] == "NULL_RESULT" for _, _, d in H.edges(data=True)
        )
    assert '"a \\"quoted\\" name"' in to_dot(_awkward(rituximab))


_MERMAID_NODE = re.compile(
    r'^  n\d+(\{\{|\[/|\[\[|\(\[|\[\(|\(\(|[\[{(>])"[^"]*"(\}\}|\\\]|/\]|\]\]|\]\)|\)\]|\)\)|[\]})])$'
)
_MERMAID_EDGE = re.compile(r"^  n\d+ (-->|-\.->)\|[A-Z_]+\| n\d+$")


def test_mermaid_lines_are_well_formed(rituximab: nx.MultiDiGraph[str]) -> None:
    for H in (rituximab, _awkward(rituximab)):
        lines = to_mermaid(H).splitlines()
        assert lines[0] == "flowchart LR"
        nodes = [line for line in lines if _MERMAID_NODE.match(line)]
        edges = [line for line in lines if _MERMAID_EDGE.match(line)]
        other = [line for line in lines[1:] if line not in nodes and line not in edges]
        assert len(nodes) == H.number_of_nodes() and len(edges) == H.number_of_edges()
        assert all(re.match(r"^  (classDef|class|style|linkStyle) ", line) for line in other), other
        assert sum("-.->|NULL_RESULT|" in line for line in edges) == 1
    text = to_mermaid(_awkward(rituximab))
    assert "#quot;quoted#quot;" in text and "#lt;b#gt;#amp;amp; #35;1#lt;/b#gt;" in text and "\\slash" in text


def test_svg_has_every_node_and_a_legend(rituximab: nx.MultiDiGraph[str]) -> None:
    for H in (rituximab, _awkward(rituximab)):
        root = ET.fromstring(to_svg(H, title="rituximab <&>"))
        nodes = root.findall(f".//{SVG_NS}g[@class='node']")
        assert sorted(g.get("data-id") for g in nodes) == sorted(H.nodes)
        assert all(len(g.findall(f"{SVG_NS}polygon") + g.findall(f"{SVG_NS}circle")) == 1 for g in nodes)
        assert len(root.findall(f".//{SVG_NS}path[@class='edge']")) == H.number_of_edges()
        dashed = root.findall(f".//{SVG_NS}path[@stroke-dasharray]")
        assert [p.get("data-type") for p in dashed] == ["NULL_RESULT"]
        legend = root.find(f".//{SVG_NS}g[@class='legend']")
        assert legend is not None
        texts = {t.text for t in legend.iter(f"{SVG_NS}text")}
        assert {d["label"] for _, d in H.nodes(data=True)} <= texts and "Legend" in texts
        assert any(t and t.startswith("NULL_RESULT") for t in texts)


def test_png(rituximab: nx.MultiDiGraph[str]) -> None:
    import io

    from PIL import Image  # installed with CairoSVG

    from graph.render import NULL_COLOUR, style

    png = to_png(rituximab)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width > 800 and height > 600
    # Every node type's colour, and the null-result red, is painted (nodes and legend swatches).
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = {rgb for _, rgb in image.getcolors(maxcolors=1 << 24) or []}
    for colour in {style(d["label"]).colour for _, d in rituximab.nodes(data=True)} | {NULL_COLOUR}:
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in pixels, colour
