"""The JSON export (``docs/json-export.md``): graph → JSON text and back.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("drug:x", id="drug:x", label="Drug", name="x", aliases=[], source_docs=["a.txt"])
>>> graph_from_json(to_json(G)).nodes["drug:x"]["name"]
'x'
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

SCHEMA_VERSION = 1


def to_data(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    nodes = [dict(G.nodes[n]) for n in sorted(G.nodes)]
    edges = sorted(
        (dict(d) for _, _, d in G.edges(data=True)),
        key=lambda e: (e["source"], e["type"], e["target"], e["source_doc"]),
    )
    return {"schema_version": SCHEMA_VERSION, "nodes": nodes, "edges": edges}


def to_json(G: nx.MultiDiGraph[str]) -> str:
    """Stable text: sorted nodes, edges and keys; UTF-8 kept as is; one trailing newline."""
    return json.dumps(to_data(G), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def graph_from_data(data: dict[str, Any]) -> nx.MultiDiGraph[str]:
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ValueError(f"unsupported schema_version {version} (this is version {SCHEMA_VERSION})")
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in data["nodes"]:
        G.add_node(node["id"], **node)
    for edge in data["edges"]:
        G.add_edge(edge["source"], edge["target"], key=f"{edge['type']}|{edge['source_doc']}", **edge)
    return G


def graph_from_json(text: str) -> nx.MultiDiGraph[str]:
    return graph_from_data(json.loads(text))
