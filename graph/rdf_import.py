"""RDF back to the JSON export (``docs/json-export.md``): the inverse of ``graph.rdf_export``.

Nodes are read from resources typed with a schema class, edges from ``mkg:Assertion`` statements
(the plain triples are derived from them and not needed). Every node and edge goes through the
pydantic models, so what comes back obeys the schema (endpoints, enums, ranges) or is refused with
the offending resource named. Triples outside the schema are ignored, so an export may be loaded
together with other data.

Parsing uses pyoxigraph: a strict, fast parser independent of the rdflib code that writes JSON-LD.

>>> from graph.rdf_export import write_turtle
>>> import io
>>> data = {"nodes": [{"id": "drug:x", "label": "Drug", "name": "x", "aliases": ["b", "a"],
...                    "source_docs": ["d.txt"], "candidate": False, "xrefs": {"mesh": "D000001"}}],
...         "edges": []}
>>> out = io.StringIO(); write_turtle(data, out)
>>> read_rdf(out.getvalue().encode(), "turtle")["nodes"] == data["nodes"]
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from graph.build import edge_record, node_record
from graph.jsonio import SCHEMA_VERSION
from ontology.enums import NodeLabel
from ontology.model import NODE_MODELS, Edge, Evidence
from ontology.rdf_terms import (
    ASSERTION_CLASS,
    DOCUMENT_CLASS,
    EDGE_PROPERTY_FIELDS,
    EVIDENCE_FIELDS,
    FILE_NAME,
    LABEL_BY_CLASS,
    NODE_FIELDS,
    RDF,
    RDF_TYPE,
    REL_BY_IRI,
    FieldSpec,
    Kind,
    from_lexical,
)

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nq", ".jsonld": "jsonld"}

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Props = dict[str, list[Term]]


class RdfImportError(ValueError):
    """The RDF does not describe a graph of this schema."""


def read_rdf(source: str | Path | bytes | IO[bytes], fmt: str) -> dict[str, Any]:
    """Parse a file (path, bytes or binary stream) and rebuild the JSON export object.

    Named graphs are merged (a TriG export keeps each document's claims in its own graph).
    """
    if fmt not in FORMATS:
        raise RdfImportError(f"unknown RDF format {fmt!r} (one of {', '.join(FORMATS)})")
    if isinstance(source, (str, Path)):
        quads = ox.parse(path=source, format=FORMATS[fmt])
    else:
        quads = ox.parse(source, format=FORMATS[fmt])
    try:
        return data_from_triples((q.subject, q.predicate, q.object) for q in quads)
    except SyntaxError as exc:  # pyoxigraph reports parse errors as SyntaxError
        raise RdfImportError(f"not valid {fmt}: {exc}") from exc


def data_from_triples(triples: Iterable[tuple[Any, ox.NamedNode, Any]]) -> dict[str, Any]:
    """The JSON export object described by ``triples`` (pyoxigraph terms)."""
    subjects: defaultdict[Term, Props] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        subjects[s][p.value].append(o)
    docs = {s: _one(s, props, FILE_NAME, Kind.STRING) for s, props in subjects.items() if _typed(props, DOCUMENT_CLASS)}
    nodes: dict[str, dict[str, Any]] = {}
    node_of: dict[Term, tuple[str, NodeLabel]] = {}
    for s, props in subjects.items():
        labels = {LABEL_BY_CLASS[t.value] for t in props.get(RDF_TYPE, ()) if t.value in LABEL_BY_CLASS}
        if not labels:
            continue
        if len(labels) > 1:
            raise RdfImportError(f"{s}: typed with several node classes: {sorted(labels)}")
        label = labels.pop()
        record = _read_node(s, label, props, docs, subjects)
        if record["id"] in nodes:
            raise RdfImportError(f"{s}: node id {record['id']!r} is used by two resources")
        nodes[record["id"]] = record
        node_of[s] = (record["id"], label)
    edges = [_read_edge(s, props, docs, node_of) for s, props in subjects.items() if _typed(props, ASSERTION_CLASS)]
    edges.sort(key=lambda e: (e["source"], e["type"], e["target"], e["source_doc"]))
    return {"schema_version": SCHEMA_VERSION, "nodes": [nodes[k] for k in sorted(nodes)], "edges": edges}


def _typed(props: Props, cls: str) -> bool:
    return any(t.value == cls for t in props.get(RDF_TYPE, ()))


def _lexical(subject: Term, term: Term, spec_iri: str) -> str:
    if not isinstance(term, ox.Literal):
        raise RdfImportError(f"{subject}: {spec_iri} should be a literal, not {term}")
    return term.value


def _one(subject: Term, props: Props, iri: str, kind: Kind, required: bool = True) -> Any:
    values = props.get(iri, [])
    if len(values) > 1:
        raise RdfImportError(f"{subject}: {len(values)} values for {iri}, at most one allowed")
    if not values:
        if required:
            raise RdfImportError(f"{subject}: no value for {iri}")
        return None
    return _value(subject, values[0], iri, kind)


def _value(subject: Term, term: Term, iri: str, kind: Kind, docs: dict[Term, str] | None = None) -> Any:
    if kind is Kind.DOCUMENT:
        if docs is None or term not in docs:
            raise RdfImportError(f"{subject}: {iri} points to {term}, which is not an mkg:SourceDocument")
        return docs[term]
    try:
        return from_lexical(kind, _lexical(subject, term, iri))
    except ValueError as exc:
        raise RdfImportError(f"{subject}: bad value for {iri}: {exc}") from exc


def _list(subject: Term, head: Term, subjects: defaultdict[Term, Props]) -> list[Term]:
    """The members of an RDF collection starting at ``head``."""
    items: list[Term] = []
    seen: set[Term] = set()
    while not (isinstance(head, ox.NamedNode) and head.value == RDF + "nil"):
        if head in seen or head not in subjects:
            raise RdfImportError(f"{subject}: malformed RDF list at {head}")
        seen.add(head)
        cell = subjects[head]
        if len(cell.get(RDF + "first", [])) != 1 or len(cell.get(RDF + "rest", [])) != 1:
            raise RdfImportError(f"{subject}: malformed RDF list at {head}")
        items.append(cell[RDF + "first"][0])
        head = cell[RDF + "rest"][0]
    return items


def _field(
    subject: Term, spec: FieldSpec, props: Props, docs: dict[Term, str], subjects: defaultdict[Term, Props]
) -> Any:
    if spec.kind is Kind.XREFS:
        xrefs: dict[str, str] = {}
        for term in props.get(spec.iri, []):
            prefix, sep, local = _lexical(subject, term, spec.iri).partition(":")
            if not sep:
                raise RdfImportError(f"{subject}: cross-reference without a prefix: {term}")
            xrefs[prefix] = local
        return xrefs or None
    if not spec.multi:
        if spec.kind is Kind.DOCUMENT:
            values = props.get(spec.iri, [])
            if len(values) != 1:
                raise RdfImportError(f"{subject}: {len(values)} values for {spec.iri}, exactly one allowed")
            return _value(subject, values[0], spec.iri, spec.kind, docs)
        return _one(subject, props, spec.iri, spec.kind, required=False)
    values = [_value(subject, t, spec.iri, spec.kind, docs) for t in props.get(spec.iri, [])]
    order = props.get(spec.order_iri)
    if order:
        listed = [_value(subject, t, spec.iri, spec.kind, docs) for t in _list(subject, order[0], subjects)]
        if sorted(set(listed)) != sorted(set(values)):
            raise RdfImportError(f"{subject}: {spec.order_iri} does not list the values of {spec.iri}")
        return listed
    return sorted(set(values))


def _read_node(
    s: Term, label: NodeLabel, props: Props, docs: dict[Term, str], subjects: defaultdict[Term, Props]
) -> dict[str, Any]:
    fields = {spec.field: _field(s, spec, props, docs, subjects) for spec in NODE_FIELDS[label]}
    try:
        node = NODE_MODELS[label].model_validate({k: v for k, v in fields.items() if v is not None})
    except ValueError as exc:
        raise RdfImportError(f"{s}: not a valid {label.value}: {exc}") from exc
    return node_record(node)


def _read_edge(
    s: Term, props: Props, docs: dict[Term, str], node_of: dict[Term, tuple[str, NodeLabel]]
) -> dict[str, Any]:
    def endpoint(part: str) -> tuple[str, NodeLabel]:
        values = props.get(RDF + part, [])
        if len(values) != 1 or values[0] not in node_of:
            raise RdfImportError(f"{s}: rdf:{part} must be exactly one node of the graph, found {values}")
        return node_of[values[0]]

    predicates = props.get(RDF + "predicate", [])
    if len(predicates) != 1 or predicates[0].value not in REL_BY_IRI:
        raise RdfImportError(f"{s}: rdf:predicate must be one relationship of the schema, found {predicates}")
    (source, source_label), (target, target_label) = endpoint("subject"), endpoint("object")
    empty: defaultdict[Term, Props] = defaultdict(lambda: defaultdict(list))
    evidence = {spec.field: _field(s, spec, props, docs, empty) for spec in EVIDENCE_FIELDS}
    extra = {spec.field: _field(s, spec, props, docs, empty) for spec in EDGE_PROPERTY_FIELDS}
    try:
        edge = Edge(
            type=REL_BY_IRI[predicates[0].value],
            source=source,
            target=target,
            source_label=source_label,
            target_label=target_label,
            evidence=Evidence.model_validate(evidence),
            **{k: v for k, v in extra.items() if v is not None},
        )
    except ValueError as exc:
        raise RdfImportError(f"{s}: not a valid edge: {exc}") from exc
    return edge_record(edge)


def save_to_store(root: Path, data: dict[str, Any]) -> None:
    """Make ``data`` the graph of the store at ``root`` (which then holds no source documents)."""
    import os

    from graph.jsonio import graph_from_data, to_json
    from graph.store import GRAPH, DocumentStore

    DocumentStore(root).wipe()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / (GRAPH + ".tmp")
    tmp.write_text(to_json(graph_from_data(data)), encoding="utf-8")
    os.replace(tmp, root / GRAPH)
