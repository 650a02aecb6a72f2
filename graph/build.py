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
from enum import Enum, StrEnum
from typing import Any

import networkx as nx
from pydantic_core import to_jsonable_python

from graph.reconcile import reconcile_researchers, reconcile_studies
from ontology.enums import Direction, NodeLabel, Outcome, RelType, Section
from ontology.model import Edge, Extraction, NodeBase, Researcher, Study, TermNode

_EMPTY: tuple[object, ...] = (None, (), {}, "", [])
_RECONCILED = (NodeLabel.STUDY, NodeLabel.RESEARCHER)


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph[str]:
    """Merge per-document extractions into one graph (input order does not matter)."""
    docs = sorted(extractions, key=lambda e: e.doc)
    studies: list[tuple[str, Study]] = []
    people: list[tuple[str, Researcher]] = []
    for e in docs:  # one pass over every node for both
        for n in e.nodes:
            if isinstance(n, Study):
                studies.append((e.doc, n))
            elif isinstance(n, Researcher):
                people.append((e.doc, n))
    moved = {**reconcile_studies(studies), **reconcile_researchers(people)}

    nodes: dict[str, _Merged] = {}
    for e in docs:
        doc = e.doc
        for n in e.nodes:
            # Only studies and researchers are given canonical ids: skip the lookup for other nodes.
            cid = moved.get((doc, n.id), n.id) if n.node_label in _RECONCILED else n.id
            merged = nodes.get(cid)
            if merged is None:
                nodes[cid] = _Merged(n, doc)
            else:
                merged.add(n, doc)
    edges: dict[tuple[str, str, str, str], tuple[Edge, str, str, float]] = {}
    for e in docs:
        doc = e.doc
        for edge in e.edges:
            # The fields read from the model's __dict__: a pydantic model's attributes go through its
            # __getattr__ hook, twice the cost of a dict look-up, and there are 13 edges a document.
            d = edge.__dict__
            # Only studies and researchers are given canonical ids: skip the lookup for other endpoints.
            source, target = d["source"], d["target"]
            if d["source_label"] in _RECONCILED:
                source = moved.get((doc, source), source)
            if d["target_label"] in _RECONCILED:
                target = moved.get((doc, target), target)
            key = (source, _VALUE[d["type"]], target, doc)
            old = edges.get(key)
            confidence = d["evidence"].__dict__["confidence"]
            if old is None or confidence > old[3]:
                edges[key] = (edge, source, target, confidence)
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    node_rows = [(nid, nodes[nid].record(nid)) for nid in sorted(nodes)]
    edge_rows = []
    for key in sorted(edges):
        edge, source, target, _ = edges[key]
        edge_rows.append((source, target, f"{key[1]}|{key[3]}", edge_record(edge, source, target)))
    _fill(G, node_rows, edge_rows)
    return G


def _fill(
    G: nx.MultiDiGraph[str],
    node_rows: list[tuple[str, dict[str, Any]]],
    edge_rows: list[tuple[str, str, str, dict[str, Any]]],
) -> None:
    """Put nodes and edges into an empty graph as ``add_node``/``add_edge`` would, in the same order.

    ``add_edge(u, v, key, **attr)`` copies the attributes twice and checks both ends on every call: a
    quarter of ``build_graph`` on 10,000 documents. The records here are fresh dicts made for the
    graph, so they become its attribute dicts directly; every (u, v, key) is new, as the caller
    merged duplicates. ``networkx``'s documented dict-of-dicts layout: ``_node[n]`` is n's attribute
    dict, ``_succ[u][v]`` and ``_pred[v][u]`` are one ``{key: attributes}`` dict
    (tests/test_build_graph.py checks the result against ``add_edge``)."""
    g: Any = G  # the layout's attributes are not in the type stubs
    node, succ, pred = g._node, g._succ, g._pred
    for nid, rec in node_rows:
        node[nid] = rec
        succ[nid] = {}
        pred[nid] = {}
    for u, v, key, rec in edge_rows:
        for end in (u, v):
            if end not in succ:  # an end no extraction lists as a node: add_edge adds it bare
                node[end] = {}
                succ[end] = {}
                pred[end] = {}
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[key] = rec
    nx._clear_cache(G)


class _Merged:
    """One entity seen in several documents: union of names and documents; for other fields the
    first document (in name order) that states a value wins; a researcher is named by the fullest form.
    """

    def __init__(self, node: NodeBase, doc: str) -> None:
        self.head = node
        self.fills: dict[str, Any] = {}
        self.missing: list[str] | None = None  # the head's empty fields, worked out on a second sighting
        self.names = {*node.aliases}
        self.docs = {doc, *node.source_docs}
        self.candidate = isinstance(node, TermNode) and node.candidate

    def add(self, node: NodeBase, doc: str) -> None:
        if node is self.head:
            # The very object again (a vocabulary term's node is one object for every document that
            # names it the same way: 60 % of repeats on the bench corpus): its names, documents and
            # fields are all in already, the head stays, only the document is new.
            self.docs.add(doc)
            return
        self.names.add(node.name)
        self.names.update(node.aliases)
        self.docs.add(doc)
        self.docs.update(node.source_docs)
        if self.candidate and isinstance(node, TermNode) and not node.candidate:
            self.candidate = False
        if self.missing is None:
            self.missing = [k for k, v in self.head.__dict__.items() if v in _EMPTY and k != "source_docs"]
        for k in self.missing:
            if k not in self.fills and node.__dict__.get(k) not in _EMPTY:
                self.fills[k] = node.__dict__[k]
        head = self.head
        if isinstance(head, Researcher) and isinstance(node, Researcher) and len(node.initials) > len(head.initials):
            self.names.add(head.name)
            self.head = node

    def record(self, node_id: str) -> dict[str, Any]:
        rec = node_record(self.head)
        for k, v in self.fills.items():
            rec.setdefault(k, to_jsonable_python(v))
        rec["id"] = node_id
        self.names.discard(rec["name"])
        rec["aliases"] = sorted(self.names)
        rec["source_docs"] = sorted(self.docs)
        if isinstance(self.head, TermNode):
            rec["candidate"] = self.candidate
        return rec


def node_record(node: NodeBase) -> dict[str, Any]:
    """A node as its JSON export object (unknown values left out): ``node.model_dump(mode="json",
    exclude_none=True)`` with the label's value, spelled out for the field types nodes have (strings,
    numbers, enums, tuples of strings or enums, a dict of strings) at half the cost for 35,000 nodes
    (tests/test_build_graph.py compares the two on the seeds' and generated documents' nodes)."""
    rec: dict[str, Any] = {}
    for key, value in node.__dict__.items():
        if value is None:
            continue
        if isinstance(value, Enum):  # before str: the schema's enums are StrEnums
            value = value.value
        elif isinstance(value, tuple):
            value = [v.value if isinstance(v, Enum) else v for v in value]
        elif isinstance(value, dict):
            value = dict(value)
        rec[key] = value
    rec["label"] = node.node_label.value
    return rec


def edge_record(edge: Edge, source: str | None = None, target: str | None = None) -> dict[str, Any]:
    """An edge as its JSON export object: provenance flattened beside the relationship's properties."""
    d = edge.__dict__  # the fields, without the model's __getattr__ hook (see build_graph)
    ev = d["evidence"].__dict__
    rec: dict[str, Any] = {
        "source": source or d["source"],
        "target": target or d["target"],
        "type": _VALUE[d["type"]],
        "source_doc": ev["source_doc"],
        "evidence": ev["sentence"],
        "confidence": ev["confidence"],
        "rule": ev["rule"],
        "line": ev["line"],
        "section": _VALUE[ev["section"]],
    }
    direction, outcome = d["direction"], d["outcome"]
    if direction is not None:
        rec["direction"] = _VALUE[direction]
    if outcome is not None:
        rec["outcome"] = _VALUE[outcome]
    return rec


# Plain strings for enum members: ``member.value`` goes through a descriptor and is slow in bulk.
_VALUE: dict[StrEnum, str] = {m: m.value for e in (RelType, Section, Direction, Outcome) for m in e}
