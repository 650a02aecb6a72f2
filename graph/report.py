"""Text reports on a graph: counts (``stats``) and one node with its evidence (``explain``)."""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import Any

import networkx as nx

from ontology.enums import NodeLabel, RelType


def graph_stats(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    labels = Counter(d["label"] for _, d in G.nodes(data=True))
    types = Counter(d["type"] for _, _, d in G.edges(data=True))
    docs = {doc for _, d in G.nodes(data=True) for doc in d.get("source_docs", [])}
    return {
        "documents": len(docs),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "nodes_by_label": {lab.value: labels.get(lab.value, 0) for lab in NodeLabel},
        "edges_by_type": {t.value: types.get(t.value, 0) for t in RelType},
        "candidate_nodes": sum(1 for _, d in G.nodes(data=True) if d.get("candidate")),
    }


def stats_table(data: dict[str, Any]) -> str:
    rows = [f"{data['documents']} documents, {data['nodes']} nodes, {data['edges']} edges", "", "nodes by label"]
    rows += [f"  {k:<16} {v:>8}" for k, v in data["nodes_by_label"].items()]
    rows += ["", "edges by type"]
    rows += [f"  {k:<16} {v:>8}" for k, v in data["edges_by_type"].items()]
    rows += ["", f"candidate nodes (not in the vocabularies): {data['candidate_nodes']}"]
    return "\n".join(rows)


_SKIP = {"id", "label", "name", "aliases", "source_docs"}


def explain_node(G: nx.MultiDiGraph[str], node: str, width: int = 100) -> str:
    d = G.nodes[node]
    out = [f"{d['name']}  [{d['label']}]  {node}"]
    if d.get("aliases"):
        out.append(f"  also: {', '.join(d['aliases'])}")
    for k in sorted(set(d) - _SKIP):
        out.append(f"  {k}: {d[k]}")
    out.append(f"  from: {', '.join(d.get('source_docs', []))}")
    sections = [
        ("out", sorted(G.out_edges(node, data=True), key=lambda e: (e[2]["type"], e[1], e[2]["source_doc"]))),
        ("in", sorted(G.in_edges(node, data=True), key=lambda e: (e[2]["type"], e[0], e[2]["source_doc"]))),
    ]
    for direction, edges in sections:
        for u, v, e in edges:
            other = v if direction == "out" else u
            od = G.nodes[other]
            arrow = f"-[{e['type']}]->" if direction == "out" else f"<-[{e['type']}]-"
            props = "".join(f" {k}={e[k]}" for k in ("direction", "outcome") if k in e)
            out.append("")
            out.append(f"  {arrow} {od['name']} [{od['label']}]{props}")
            out.append(
                f"     {e['source_doc']}:{e['line']} ({e['section']}, {e['rule']}, confidence {e['confidence']})"
            )
            out.extend(
                textwrap.wrap(f"“{e['evidence']}”", width=width, initial_indent="     ", subsequent_indent="      ")
            )
    if len(out) and not G.degree(node):
        out.append("  (no edges)")
    return "\n".join(out)
