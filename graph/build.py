"""Build the networkx graph from loader output, merging the same entity across documents.

The graph is a :class:`networkx.MultiDiGraph`: node attributes and edge attributes are exactly the
JSON export's objects (``docs/json-export.md``), edge keys are ``"TYPE|source_doc"``.

>>> from loaders import load_path
>>> from pathlib import Path
>>> G = build_graph([load_path(p) for p in sorted(Path("examples/seeds").glob("*.txt"))])
>>> G.nodes["drug:anakinra"]["label"]
'Drug'
>>> sorted({d["type"] for _, _, d in G.out_edges("doi:10.1186/s12967-017-1371-9", data=True)})[:3]
['MEASURED', 'NULL_RESULT', 'PUBLISHED_IN']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.reconcile import reconcile_researchers, reconcile_studies
from ontology.model import Edge, Extraction, NodeBase, Researcher, Study, TermNode

_EMPTY: tuple[object, ...] = (None, (), {}, "", [])


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph[str]:
    """Merge per-document extractions into one graph (input order does not matter)."""
    docs = sorted(extractions, key=lambda e: e.doc)
    study_ids = reconcile_studies((e.doc, n) for e in docs for n in e.nodes if isinstance(n, Study))
    person_ids = reconcile_researchers((e.doc, n) for e in docs for n in e.nodes if isinstance(n, Researcher))

    def canonical(doc: str, node_id: str) -> str:
        return study_ids.get((doc, node_id)) or person_ids.get((doc, node_id)) or node_id

    nodes: dict[str, NodeBase] = {}
    for e in docs:
        for n in e.nodes:
            cid = canonical(e.doc, n.id)
            nodes[cid] = _merge(nodes.get(cid), n.model_copy(update={"id": cid}))
    edges: dict[tuple[str, str, str, str], Edge] = {}
    for e in docs:
        for edge in e.edges:
            moved = edge.model_copy(
                update={"source": canonical(e.doc, edge.source), "target": canonical(e.doc, edge.target)}
            )
            key = (moved.source, moved.type.value, moved.target, moved.evidence.source_doc)
            old = edges.get(key)
            if old is None or moved.evidence.confidence > old.evidence.confidence:
                edges[key] = moved
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for nid in sorted(nodes):
        G.add_node(nid, **node_record(nodes[nid]))
    for key in sorted(edges):
        rec = edge_record(edges[key])
        G.add_edge(rec["source"], rec["target"], key=f"{rec['type']}|{rec['source_doc']}", **rec)
    return G


def _merge(old: NodeBase | None, new: NodeBase) -> NodeBase:
    """Union of names and documents; the first document (in name order) wins a disagreement."""
    if old is None:
        return new
    update: dict[str, Any] = {
        k: v for k, v in new.__dict__.items() if v not in _EMPTY and old.__dict__.get(k) in _EMPTY
    }
    names = {*old.aliases, *new.aliases, new.name}
    if isinstance(old, Researcher) and isinstance(new, Researcher) and len(new.initials) > len(old.initials):
        update.update(name=new.name, given=new.given, initials=new.initials)
        names.add(old.name)
    names.discard(update.get("name", old.name))
    update["aliases"] = tuple(sorted(names))
    update["source_docs"] = tuple(sorted({*old.source_docs, *new.source_docs}))
    if isinstance(old, TermNode) and isinstance(new, TermNode):
        update["candidate"] = old.candidate and new.candidate
    return old.model_copy(update=update)


def node_record(node: NodeBase) -> dict[str, Any]:
    """A node as its JSON export object (unknown values left out)."""
    rec: dict[str, Any] = node.model_dump(mode="json", exclude_none=True)
    rec["label"] = node.node_label.value
    return rec


def edge_record(edge: Edge) -> dict[str, Any]:
    """An edge as its JSON export object: provenance flattened beside the relationship's properties."""
    ev = edge.evidence
    rec: dict[str, Any] = {
        "source": edge.source,
        "target": edge.target,
        "type": edge.type.value,
        "source_doc": ev.source_doc,
        "evidence": ev.sentence,
        "confidence": ev.confidence,
        "rule": ev.rule,
        "line": ev.line,
        "section": ev.section.value,
    }
    if edge.direction is not None:
        rec["direction"] = edge.direction.value
    if edge.outcome is not None:
        rec["outcome"] = edge.outcome.value
    return rec
