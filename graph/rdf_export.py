"""The JSON export (``docs/json-export.md``) as RDF: Turtle, N-Triples, TriG (streamed) and JSON-LD.

Each node becomes a resource typed with its class (``mkg:Drug``), its fields typed literals. Each edge
becomes a plain triple (``study mkg:nullResult drug``, for easy SPARQL) and an ``mkg:Assertion``: an
``rdf:Statement`` with the evidence sentence, source document, confidence, extraction rule, line,
section and the edge's own properties (``direction``, ``outcome``). External identifiers become IRIs
(``owl:sameAs`` for DOI, PubMed and ORCID; ``skos:exactMatch`` for vocabulary cross-references).

Every format is written block by block (one subject at a time) straight to a file handle, never
building an RDF graph in memory: at a million triples this is 30x faster than rdflib and needs no
memory beyond the JSON export itself (``bench/rdf.py``). JSON-LD is compacted with the published
context. ``to_rdflib`` gives the same triples as an rdflib Graph. IRIs and names: ``ontology.rdf_terms``.

>>> data = {"nodes": [{"id": "drug:x", "label": "Drug", "name": 'a "b"', "aliases": [], "source_docs": []}],
...         "edges": []}
>>> import io; out = io.StringIO(); write_ntriples(data, out)
>>> print(out.getvalue().replace("https://w3id.org/mecfs-kg/", "…/").strip())
<…/id/drug/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <…/ontology#Drug> .
<…/id/drug/x> <…/ontology#id> "drug:x" .
<…/id/drug/x> <http://www.w3.org/2000/01/rdf-schema#label> "a \\"b\\"" .
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from ontology.enums import NodeLabel, RelType
from ontology.rdf_terms import (
    ASSERTION,
    ASSERTION_CLASS,
    DATA_PREFIXES,
    DATATYPE,
    DOCUMENT_CLASS,
    EDGE_FIELDS,
    FILE_NAME,
    ID,
    NODE_FIELDS,
    NODE_PREFIXES,
    OWL_SAMEAS,
    RDF,
    RDF_TYPE,
    SAME_AS,
    SKOS_EXACTMATCH,
    TEXT_LANGUAGE,
    XSD,
    FieldSpec,
    Kind,
    assertion_iri,
    class_iri,
    doc_iri,
    jsonld_context,
    node_iri,
    rel_iri,
    same_as_iri,
    to_lexical,
    xref_iri,
)

if TYPE_CHECKING:
    import rdflib


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (None for a plain string) and language tag."""

    lex: str
    datatype: str | None = None
    lang: str | None = None


class Coll(tuple[str | Lit, ...]):
    """An RDF collection (list) of IRIs and literals; written as ``( ... )`` in Turtle."""


Obj = str | Lit | Coll  # a str object is an IRI
Block = tuple[str | None, str, list[tuple[str, Obj]]]  # (graph name or None, subject IRI, (predicate, object)...)

_CLASS = {label.value: class_iri(label) for label in NodeLabel}
_REL = {rel.value: rel_iri(rel) for rel in RelType}
_FIELDS = {label.value: specs for label, specs in NODE_FIELDS.items()}
_KEYS = {label: frozenset({"label", *(s.key for s in specs)}) for label, specs in _FIELDS.items()}
_EDGE_KEYS = frozenset({"source", "target", "type", *(s.key for s in EDGE_FIELDS)})
_XREF_PROPERTY = next(s.iri for specs in NODE_FIELDS.values() for s in specs if s.kind is Kind.XREFS)
_SUBJECT, _PREDICATE, _OBJECT = RDF + "subject", RDF + "predicate", RDF + "object"


# --- the triples -------------------------------------------------------------------------------------


def _literal(spec: FieldSpec, value: Any) -> Lit:
    if spec.kind is Kind.TEXT:
        return Lit(value, None, TEXT_LANGUAGE)
    if spec.kind in (Kind.STRING, Kind.ENUM):
        return Lit(value)
    return Lit(to_lexical(spec.kind, value), DATATYPE[spec.kind])


def _object(spec: FieldSpec, value: Any) -> str | Lit:
    return doc_iri(value) if spec.kind is Kind.DOCUMENT else _literal(spec, value)


def _field_pairs(spec: FieldSpec, value: Any, pairs: list[tuple[str, Obj]]) -> None:
    if value is None:
        return
    if spec.kind is Kind.XREFS:
        for prefix, local in sorted(value.items()):
            pairs.append((_XREF_PROPERTY, Lit(f"{prefix}:{local}")))
            pairs.append((SKOS_EXACTMATCH, xref_iri(prefix, local)))
    elif spec.multi:
        objects = [_object(spec, v) for v in value]
        pairs.extend((spec.iri, o) for o in objects)
        if list(value) != sorted(set(value)):  # sets read back sorted: keep any other order explicitly
            pairs.append((spec.order_iri, Coll(objects)))
    else:
        pairs.append((spec.iri, _object(spec, value)))
        if spec.key in SAME_AS:
            pairs.append((OWL_SAMEAS, same_as_iri(spec.key, value)))


def node_block(node: dict[str, Any]) -> tuple[str, list[tuple[str, Obj]]]:
    label = node["label"]
    specs = _FIELDS.get(label)
    if specs is None:
        raise ValueError(f"node {node.get('id')!r}: unknown label {label!r}")
    unknown = node.keys() - _KEYS[label]
    if unknown:
        raise ValueError(f"node {node['id']!r}: keys outside the schema: {sorted(unknown)}")
    pairs: list[tuple[str, Obj]] = [(RDF_TYPE, _CLASS[label])]
    for spec in specs:
        _field_pairs(spec, node.get(spec.key), pairs)
    return node_iri(node["id"]), pairs


def assertion_block(edge: dict[str, Any], s: str, o: str) -> tuple[str, list[tuple[str, Obj]]]:
    unknown = edge.keys() - _EDGE_KEYS
    if unknown:
        raise ValueError(f"edge {edge['source']} {edge['type']} {edge['target']}: keys outside the schema: {unknown}")
    pairs: list[tuple[str, Obj]] = [
        (RDF_TYPE, ASSERTION_CLASS),
        (_SUBJECT, s),
        (_PREDICATE, _REL[edge["type"]]),
        (_OBJECT, o),
    ]
    for spec in EDGE_FIELDS:
        _field_pairs(spec, edge.get(spec.key), pairs)
    return assertion_iri(edge["source"], edge["type"], edge["target"], edge["source_doc"]), pairs


def iter_blocks(data: dict[str, Any], *, by_document: bool = False) -> Iterator[Block]:
    """Every triple of the graph, grouped by subject, in a stable order.

    Nodes, then source documents (default graph), then edges: plain triples grouped by subject, then
    assertions. With ``by_document`` the edges come per source document, named by its IRI (TriG).
    """
    iris: dict[str, str] = {}
    docs: set[str] = set()
    for node in data["nodes"]:
        subject, pairs = node_block(node)
        iris[node["id"]] = subject
        docs.update(node.get("source_docs", ()))
        yield None, subject, pairs
    edges: list[dict[str, Any]] = data["edges"]
    docs.update(e["source_doc"] for e in edges)
    for name in sorted(docs):
        yield None, doc_iri(name), [(RDF_TYPE, DOCUMENT_CLASS), (FILE_NAME, Lit(name))]

    def iri(node_id: str) -> str:
        return iris.get(node_id) or node_iri(node_id)

    if not by_document:
        yield from _edge_blocks(edges, iri, None)
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for e in edges:
        groups.setdefault(e["source_doc"], []).append(e)
    for name in sorted(groups):
        yield from _edge_blocks(groups[name], iri, doc_iri(name))


def _edge_blocks(edges: list[dict[str, Any]], iri: Any, graph: str | None) -> Iterator[Block]:
    subject: str | None = None
    pairs: list[tuple[str, Obj]] = []
    for e in edges:  # sorted by source: consecutive edges share a subject block
        s = iri(e["source"])
        if s != subject:
            if subject is not None:
                yield graph, subject, pairs
            subject, pairs = s, []
        pair = (_REL[e["type"]], iri(e["target"]))
        if not pairs or pairs[-1] != pair:  # the same claim from two documents is one triple
            pairs.append(pair)
    if subject is not None:
        yield graph, subject, pairs
    for e in edges:
        yield (graph, *assertion_block(e, iri(e["source"]), iri(e["target"])))


# --- text syntaxes -----------------------------------------------------------------------------------

_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_BARE = {XSD + "integer": re.compile(r"[+-]?[0-9]+"), XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+")}
_BARE[XSD + "boolean"] = re.compile(r"true|false")


def _quoted(lex: str) -> str:
    if _NEEDS_ESCAPE.search(lex):
        lex = lex.translate(_ESCAPES)
    return f'"{lex}"'


class _Syntax:
    """Renders terms as N-Triples, or as Turtle with prefixed names and bare numbers."""

    def __init__(self, turtle: bool) -> None:
        self.turtle = turtle
        self._namespaces = sorted(DATA_PREFIXES.items(), key=lambda kv: -len(kv[1])) if turtle else []
        self._cache: dict[str, str] = {}
        self._bnodes = 0

    def iri(self, iri: str) -> str:
        if not self.turtle:
            return f"<{iri}>"
        cached = self._cache.get(iri)
        if cached is None:
            cached = self._prefixed(iri)
            if not iri.startswith(ASSERTION):  # each assertion is written once; the rest is bounded by the graph
                self._cache[iri] = cached
        return cached

    def _prefixed(self, iri: str) -> str:
        """``prefix:local`` when the local part is a plain Turtle name, else ``<iri>``."""
        if iri.startswith(ID):
            prefix, _, local = iri[len(ID) :].partition("/")
            if prefix in NODE_PREFIXES and _PN_LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
            return f"<{iri}>"
        for name, ns in self._namespaces:
            if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri[len(ns) :]):
                return f"{name}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def literal(self, lit: Lit) -> str:
        text = _quoted(lit.lex)
        if lit.lang:
            return f"{text}@{lit.lang}"
        if lit.datatype is None:
            return text
        if self.turtle:
            bare = _BARE.get(lit.datatype)
            if bare is not None and bare.fullmatch(lit.lex):
                return lit.lex
        return f"{text}^^{self.iri(lit.datatype)}"

    def term(self, obj: Obj) -> str:
        if isinstance(obj, str):
            return self.iri(obj)
        if isinstance(obj, Lit):
            return self.literal(obj)
        return "( " + " ".join(self.term(o) for o in obj) + " )"

    def new_bnode(self) -> str:
        self._bnodes += 1
        return f"_:l{self._bnodes}"


def _turtle_block(syn: _Syntax, subject: str, pairs: list[tuple[str, Obj]], indent: str) -> str:
    parts = [indent, syn.iri(subject)]
    previous = None
    for p, o in pairs:
        if p == previous:
            parts.append(" , ")
        else:
            parts.append(" ;\n" + indent + "    " if previous is not None else " ")
            parts.append("a" if p == RDF_TYPE else syn.iri(p))
            parts.append(" ")
            previous = p
        parts.append(syn.term(o))
    parts.append(" .\n\n")
    return "".join(parts)


def _nt_lines(syn: _Syntax, subject: str, pairs: list[tuple[str, Obj]], graph: str | None) -> Iterator[str]:
    s = syn.iri(subject)
    tail = f" {syn.iri(graph)} .\n" if graph is not None else " .\n"
    for p, o in pairs:
        if type(o) is Coll:
            head = syn.new_bnode() if o else syn.iri(RDF + "nil")
            yield f"{s} {syn.iri(p)} {head}{tail}"
            node = head
            for i, item in enumerate(o):
                rest = syn.new_bnode() if i + 1 < len(o) else syn.iri(RDF + "nil")
                yield f"{node} {syn.iri(RDF + 'first')} {syn.term(item)}{tail}"
                yield f"{node} {syn.iri(RDF + 'rest')} {rest}{tail}"
                node = rest
        else:
            yield f"{s} {syn.iri(p)} {syn.term(o)}{tail}"


class _Buffered:
    """Joins small strings and writes them in large chunks (one write per ~1 MB)."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.parts, self.size = out, list[str](), 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > 1 << 20:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.parts))
        self.parts.clear()
        self.size = 0


def _prefix_lines() -> str:
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in DATA_PREFIXES.items()) + "\n"


def write_turtle(data: dict[str, Any], out: TextIO) -> None:
    """Stream the graph as Turtle to ``out`` (a text file opened with encoding="utf-8")."""
    syn, buf = _Syntax(turtle=True), _Buffered(out)
    buf.write(_prefix_lines())
    for _, subject, pairs in iter_blocks(data):
        buf.write(_turtle_block(syn, subject, pairs, ""))
    buf.flush()


def write_trig(data: dict[str, Any], out: TextIO) -> None:
    """Stream the graph as TriG: nodes in the default graph, each document's claims in its own graph."""
    syn, buf = _Syntax(turtle=True), _Buffered(out)
    buf.write(_prefix_lines())
    current: str | None = None
    for graph, subject, pairs in iter_blocks(data, by_document=True):
        if graph != current:
            if current is not None:
                buf.write("}\n\n")
            if graph is not None:
                buf.write(f"GRAPH {syn.iri(graph)} {{\n")
            current = graph
        buf.write(_turtle_block(syn, subject, pairs, "    " if graph is not None else ""))
    if current is not None:
        buf.write("}\n")
    buf.flush()


def write_ntriples(data: dict[str, Any], out: TextIO) -> None:
    """Stream the graph as N-Triples (one triple per line, full IRIs)."""
    syn, buf = _Syntax(turtle=False), _Buffered(out)
    for _, subject, pairs in iter_blocks(data):
        for line in _nt_lines(syn, subject, pairs, None):
            buf.write(line)
    buf.flush()


# --- rdflib (the benchmark baseline, tests) and JSON-LD --------------------------------------------


def to_rdflib(blocks: Iterable[Block], dataset: bool = False) -> rdflib.Graph:
    """The same triples as an rdflib Graph (or Dataset with named graphs when ``dataset``)."""
    import rdflib
    from rdflib.collection import Collection

    ds = rdflib.Dataset() if dataset else None
    g: rdflib.Graph = ds if ds is not None else rdflib.Graph()
    for name, ns in DATA_PREFIXES.items():
        g.bind(name, ns, override=True, replace=True)

    def term(obj: Obj, target: rdflib.Graph) -> rdflib.term.Node:
        if isinstance(obj, str):
            return rdflib.URIRef(obj)
        if isinstance(obj, Lit):
            dt = rdflib.URIRef(obj.datatype) if obj.datatype else None
            return rdflib.Literal(obj.lex, lang=obj.lang, datatype=dt)
        head = rdflib.BNode()
        Collection(target, head, [term(o, target) for o in obj])
        return head

    for graph, subject, pairs in blocks:
        target = ds.graph(rdflib.URIRef(graph)) if ds is not None and graph is not None else g
        s = rdflib.URIRef(subject)
        for p, o in pairs:
            target.add((s, rdflib.URIRef(p), term(o, target)))
    return g


class _JsonLd:
    """Compacts terms with the published context: property and class terms, prefixed IRIs."""

    def __init__(self) -> None:
        self.context = typing.cast(dict[str, Any], jsonld_context()["@context"])
        self.terms: dict[str, tuple[str, str | None, str | None]] = {}  # IRI -> (term, @type, @language)
        self.prefixes = sorted(
            ((k, v) for k, v in self.context.items() if isinstance(v, str) and v[-1] in "/#"),
            key=lambda kv: -len(kv[1]),
        )
        for term, value in self.context.items():
            if isinstance(value, dict):
                self.terms[value["@id"]] = (term, value.get("@type"), value.get("@language"))
            elif isinstance(value, str) and value[-1] not in "/#":
                self.terms[value] = (term, None, None)

    def iri(self, iri: str) -> str:
        for name, ns in self.prefixes:
            if iri.startswith(ns) and not iri[len(ns) :].startswith("//"):
                return f"{name}:{iri[len(ns) :]}"
        return iri

    def value(self, obj: Obj, coerce: str | None, lang: str | None) -> Any:
        if type(obj) is str:
            return self.iri(obj) if coerce == "@id" else {"@id": self.iri(obj)}
        if type(obj) is Coll:
            return [self.value(o, coerce, lang) for o in obj]
        lit = typing.cast(Lit, obj)
        if lit.lang is not None:
            return lit.lex if lit.lang == lang else {"@value": lit.lex, "@language": lit.lang}
        if lit.datatype is None:
            return lit.lex if coerce is None and lang is None else {"@value": lit.lex}
        return lit.lex if coerce == lit.datatype else {"@value": lit.lex, "@type": lit.datatype}

    def node(self, subject: str, pairs: list[tuple[str, Obj]]) -> dict[str, Any]:
        obj: dict[str, Any] = {"@id": self.iri(subject)}
        for p, o in pairs:
            if p == RDF_TYPE:
                key, value = "@type", self.terms[typing.cast(str, o)][0]
            else:
                term, coerce, lang = self.terms.get(p) or (p, None, None)
                key, value = term, self.value(o, coerce, lang)
            if key not in obj:
                obj[key] = value
            elif isinstance(obj[key], list) and type(o) is not Coll:
                obj[key].append(value)
            else:
                obj[key] = [obj[key], value]
        return obj


def write_jsonld(data: dict[str, Any], out: TextIO) -> None:
    """Stream JSON-LD compacted with the published context (``ontology/context.jsonld``, embedded)."""
    ld, buf = _JsonLd(), _Buffered(out)
    head = json.dumps({"@context": ld.context}, ensure_ascii=False, indent=1)
    buf.write(head[:-2] + ',\n "@graph": [\n')
    sep = ""
    for _, subject, pairs in iter_blocks(data):
        buf.write(sep + json.dumps(ld.node(subject, pairs), ensure_ascii=False))
        sep = ",\n"
    buf.write("\n ]\n}\n")
    buf.flush()


WRITERS = {"turtle": write_turtle, "nt": write_ntriples, "trig": write_trig, "jsonld": write_jsonld}
