"""Graphs for the linked-data tests: a generated corpus, a graph of hostile strings, RDF parsing helpers."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

import pyoxigraph as ox
import rdflib

from graph.build import build_graph, edge_record, node_record
from graph.jsonio import graph_from_data, to_data
from graph.rdf_export import WRITERS, iter_blocks, to_rdflib
from ontology.enums import Direction, Outcome, PemBadge, RelType, Section, StudyDesign, TrialFeature, TrialStatus
from ontology.model import (
    Biomarker,
    Condition,
    Conference,
    Drug,
    Edge,
    Evidence,
    Institution,
    Journal,
    Mechanism,
    NewsArticle,
    NodeBase,
    Researcher,
    Study,
    Trial,
)

RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}
OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def generated_data(n: int) -> dict[str, Any]:
    """The JSON export of a graph built from ``n`` documents of ``bench.corpus`` (loaded for real)."""
    from bench.corpus import generate_documents
    from loaders import load_text

    return to_data(build_graph(load_text(text, name) for name, text in generate_documents(n, seed=7)))


def export(data: dict[str, Any], fmt: str) -> str:
    out = io.StringIO()
    WRITERS[fmt](data, out)
    return out.getvalue()


def parse_rdflib(text: str, fmt: str) -> rdflib.Graph:
    """Parse with rdflib; named graphs (TriG) are merged into one graph."""
    if fmt != "trig":
        return rdflib.Graph().parse(data=text, format=RDFLIB_FORMAT[fmt])
    ds = rdflib.Dataset()
    ds.parse(data=text, format="trig")
    merged = rdflib.Graph()
    for s, p, o, _ in ds.quads():
        merged.add((s, p, o))
    return merged


def parse_oxigraph(text: str, fmt: str) -> rdflib.Graph:
    """Parse with pyoxigraph, converted to rdflib terms so rdflib.compare can judge isomorphism."""
    bnodes: dict[str, rdflib.BNode] = {}

    def term(t: Any) -> rdflib.term.Node:
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return bnodes.setdefault(t.value, rdflib.BNode())
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return rdflib.Literal(t.value, datatype=None if dt == XSD_STRING else rdflib.URIRef(dt))

    g = rdflib.Graph()
    for q in ox.parse(text.encode("utf-8"), format=OX_FORMAT[fmt]):
        g.add((term(q.subject), term(q.predicate), term(q.object)))
    return g


def reference_graph(data: dict[str, Any]) -> rdflib.Graph:
    """The triples the exporter means to write, put straight into an rdflib Graph (no text syntax)."""
    return to_rdflib(iter_blocks(data))


_FIRST = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first>"
_REST = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>"
_NIL = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"


def canonical_lines(text: str, fmt: str) -> set[str]:
    """pyoxigraph's N-Triples form of every triple. The only blank nodes the exporter writes are RDF
    list cells (a trial's features in order); each list is written out as ``( item item … )`` in
    place of its head, so the lines compare across formats whatever the blank node labels."""
    triples = [
        (str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(text.encode("utf-8"), format=OX_FORMAT[fmt])
    ]
    first = {s: o for s, p, o in triples if p == _FIRST}
    rest = {s: o for s, p, o in triples if p == _REST}

    def unfold(node: str) -> str:
        items = []
        while node != _NIL:
            items.append(first[node])
            node = rest[node]
        return "( " + " ".join(items) + " )"

    lines = set()
    for s, p, o in triples:
        if p in (_FIRST, _REST):
            continue
        assert not s.startswith("_:"), s
        lines.add(f"{s} {p} {unfold(o) if o.startswith('_:') else o} .")
    return lines


NASTY = 'a "quoted" word, a back\\slash, a\nnew line, a\rreturn, a\ttab, \x01 \x07 \x7f controls, Øystein, 🧬'


def _ev(doc: str, sentence: str, confidence: float, line: int = 1, section: Section = Section.BODY) -> Evidence:
    return Evidence(source_doc=doc, sentence=sentence, line=line, section=section, rule="test.hostile",
                    confidence=confidence)  # fmt: skip


@cache
def hostile_data() -> dict[str, Any]:
    """A graph that exercises escaping and IRI encoding, made through the models and the JSON contract.

    Ids with characters that are illegal in IRIs, document names with spaces, '#', '%' and non-ASCII,
    literals with quotes, backslashes, line breaks and control characters, unsorted and repeated list
    values, extreme numbers, and every relationship type.
    """
    d1, d2, d3 = "doc with space #1?.txt", "Øystein's notes\\2.txt", "%41 percent.txt"
    study = Study(id='doi:10.1000/<odd>"{}|^`\\%41#?', name=f"Study: {NASTY}", title=f"Title {NASTY}", year=999,
                  journal="J. \"Quotes\"", doi='10.1000/<odd>"{}|^`\\%41#?', pmid="123", first_author="Fluge",
                  design=StudyDesign.RCT, pem_badge=PemBadge.REQUIRED, size=0, source_docs=(d2, d1),
                  aliases=("zeta", "Alpha", "zeta"))  # fmt: skip
    xrefs = {"drugbank": "DB00073", "mesh": "D000069283", "odd prefix": "a b/c#d"}
    drug = Drug(id='drug:é<x>_"y"{z}|^`/ü', name="rituximab\\", kind="biologic", vocab_id="rituximab",
                xrefs=xrefs, source_docs=(d1,))  # fmt: skip
    mechanism = Mechanism(id="mechanism:b-cell-autoimmunity", name="B-cell autoimmunity", category="immune",
                          candidate=True, xrefs={"go": "0002377"}, source_docs=(d1, d3))  # fmt: skip
    trial = Trial(id="trial:rituxme", name="RituxME", phase="3", size=151, registry_id="NCT01156909",
                  features=(TrialFeature.RANDOMIZED, TrialFeature.DOUBLE_BLIND, TrialFeature.PLACEBO_CONTROLLED),
                  status=TrialStatus.COMPLETED, outcome=Outcome.NULL, country="Norway", source_docs=(d3,))  # fmt: skip
    person = Researcher(id="researcher:fluge-o", name="Øystein Fluge", surname="Fluge", given="Øystein",
                        initials="O", orcid="0000-0002-1825-0097", source_docs=(d2,))  # fmt: skip
    nodes: list[NodeBase] = [
        study,
        drug,
        mechanism,
        trial,
        person,
        Biomarker(id="biomarker:il-6", name="IL-6", source_docs=(d1,)),
        Condition(id="condition:me-cfs", name="ME/CFS", aliases=("CFS", "ME"), xrefs={"icd10": "G93.3"}),
        Institution(
            id="institution:haukeland", name="Haukeland", city="Bergen", country="Norway", xrefs={"ror": "03np4e098"}
        ),
        Journal(id="journal:x", name="Journal \\ of <things>"),
        NewsArticle(
            id="news:a",
            name="News",
            title=NASTY,
            outlet="Outlet",
            byline="A. Writer",
            date="November 07, 2025",
            url='https://example.org/a b?x="1"&y=<2>#frag',
        ),
        Conference(id="conference:iacfs-me-2025", name="IACFS/ME 2025", year=2025),
    ]
    by_id = {n.id: n for n in nodes}

    def edge(rel: RelType, s: str, t: str, ev: Evidence, **props: Any) -> Edge:
        return Edge.between(rel, by_id[s], by_id[t], ev, **props)

    edges = [
        edge(RelType.TESTED, trial.id, drug.id, _ev(d3, NASTY, 1e-05), outcome=Outcome.NULL),
        edge(RelType.NULL_RESULT, trial.id, drug.id, _ev(d3, "It did not reach its endpoint.", 1.0, line=7)),
        edge(RelType.NULL_RESULT, trial.id, drug.id, _ev(d1, "Same claim, another document.", 0.3333333333333333)),
        edge(RelType.MEASURED, study.id, "biomarker:il-6", _ev(d1, "IL-6 up.", 0.5), direction=Direction.ELEVATED),
        edge(RelType.PROPOSES, study.id, mechanism.id, _ev(d2, "B cells matter.", 0.9, section=Section.FINDINGS)),
        edge(RelType.TARGETS, drug.id, mechanism.id, _ev(d1, "It depletes B cells.", 0.8)),
        edge(RelType.LED_BY, trial.id, person.id, _ev(d3, "Led by Fluge.", 0.7)),
        edge(RelType.AUTHORED, person.id, study.id, _ev(d2, "Fluge wrote it.", 0.95, section=Section.BIBTEX)),
        edge(RelType.STUDIED, trial.id, "condition:me-cfs", _ev(d3, "Patients with ME/CFS.", 0.6)),
        edge(RelType.AFFILIATED_WITH, person.id, "institution:haukeland", _ev(d2, "At Haukeland.", 0.6)),
        edge(RelType.PUBLISHED_IN, study.id, "journal:x", _ev(d2, "In the journal.", 0.99, section=Section.HEADER)),
        edge(RelType.REPORTS, "news:a", trial.id, _ev(d1, "The news reports the trial.", 0.5)),
        edge(RelType.COVERS, "news:a", "conference:iacfs-me-2025", _ev(d1, "At the conference.", 0.5)),
        edge(RelType.INVESTIGATES, person.id, mechanism.id, _ev(d2, "Fluge works on B cells.", 0.5)),
    ]  # fmt: skip
    data = {"schema_version": 1, "nodes": [node_record(n) for n in nodes], "edges": [edge_record(e) for e in edges]}
    return to_data(graph_from_data(data))
