"""The RDF export: valid for two independent parsers, evidence kept, typed literals, SHACL conformance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pyshacl
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS

from graph.jsonio import to_data
from graph.rdf_export import iter_blocks
from ontology.rdf_terms import DOC, MKG, doc_iri, node_iri
from tests.rdf_helpers import (
    OX_FORMAT,
    canonical_lines,
    export,
    generated_data,
    hostile_data,
    parse_oxigraph,
    parse_rdflib,
    reference_graph,
)

SHAPES = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"
M = rdflib.Namespace(MKG)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
XSD_ = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module globals
ROERINK = "doi:10.1186/s12967-017-1371-9"
FORMATS = list(OX_FORMAT)


@pytest.fixture(scope="module")
def seeds(seed_graph: nx.MultiDiGraph[str]) -> dict[str, Any]:
    return to_data(seed_graph)


@pytest.fixture(scope="module")
def seeds_rdf(seeds: dict[str, Any]) -> rdflib.Graph:
    return parse_rdflib(export(seeds, "turtle"), "turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def _triple_count(data: dict[str, Any]) -> int:
    """Triples the blocks stand for, an RDF list (a trial's features in order) counted as one."""
    return sum(len(pairs) for _, _, pairs in iter_blocks(data))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("graph", ["seeds", "hostile"])
def test_both_parsers_read_every_format_as_the_intended_graph(fmt: str, graph: str, seeds: dict[str, Any]) -> None:
    data = seeds if graph == "seeds" else hostile_data()
    text = export(data, fmt)
    intended = reference_graph(data)
    by_rdflib, by_oxigraph = parse_rdflib(text, fmt), parse_oxigraph(text, fmt)
    assert len(by_rdflib) == len(by_oxigraph) == len(intended) == len(set(export(data, "nt").splitlines()))
    assert isomorphic(by_rdflib, intended)
    assert isomorphic(by_oxigraph, intended)


def test_generated_graph_every_format_is_the_same_set_of_triples() -> None:
    data = generated_data(1200)
    reference = canonical_lines(export(data, "nt"), "nt")
    assert len(reference) == _triple_count(data) > 200_000
    for fmt in ("turtle", "trig", "jsonld"):
        assert canonical_lines(export(data, fmt), fmt) == reference, fmt


def test_exports_are_byte_identical_across_runs(seeds: dict[str, Any]) -> None:
    for fmt in FORMATS:
        assert export(seeds, fmt) == export(seeds, fmt)


def test_edge_is_a_plain_triple_and_an_assertion_with_its_evidence(
    seeds: dict[str, Any], seeds_rdf: rdflib.Graph
) -> None:
    study, drug = rdflib.URIRef(node_iri(ROERINK)), rdflib.URIRef(node_iri("drug:anakinra"))
    assert (study, M.nullResult, drug) in seeds_rdf
    assertions = list(seeds_rdf.subjects(RDF.predicate, M.tested))
    tested = [
        a for a in assertions if seeds_rdf.value(a, RDF.subject) == study and seeds_rdf.value(a, RDF.object) == drug
    ]
    assert len(tested) == 1
    a = tested[0]
    assert (a, RDF.type, M.Assertion) in seeds_rdf
    edge = next(
        e for e in seeds["edges"] if (e["source"], e["type"], e["target"]) == (ROERINK, "TESTED", "drug:anakinra")
    )
    assert seeds_rdf.value(a, M.outcome) == rdflib.Literal("null")
    assert seeds_rdf.value(a, M.evidenceSentence) == rdflib.Literal(edge["evidence"], lang="en")
    assert seeds_rdf.value(a, M.confidence) == rdflib.Literal(str(edge["confidence"]), datatype=XSD_.decimal)
    assert seeds_rdf.value(a, M.line) == rdflib.Literal(str(edge["line"]), datatype=XSD_.integer)
    assert seeds_rdf.value(a, M.extractionRule) == rdflib.Literal(edge["rule"])
    assert seeds_rdf.value(a, M.section) == rdflib.Literal(edge["section"])
    doc = seeds_rdf.value(a, M.sourceDocument)
    assert doc == rdflib.URIRef(doc_iri(edge["source_doc"]))
    assert seeds_rdf.value(doc, M.fileName) == rdflib.Literal(edge["source_doc"])
    # every edge of the JSON export has its assertion, every assertion its plain triple
    assert len(set(seeds_rdf.subjects(RDF.type, M.Assertion))) == len(seeds["edges"])
    for a in seeds_rdf.subjects(RDF.type, M.Assertion):
        triple = (seeds_rdf.value(a, RDF.subject), seeds_rdf.value(a, RDF.predicate), seeds_rdf.value(a, RDF.object))
        assert triple in seeds_rdf


def test_measured_direction_is_kept(seeds_rdf: rdflib.Graph) -> None:
    measured = list(seeds_rdf.subjects(RDF.predicate, M.measured))
    assert measured
    assert {seeds_rdf.value(a, M.direction) for a in measured} == {rdflib.Literal("elevated")}


def test_typed_literals_and_external_identifiers(seeds_rdf: rdflib.Graph) -> None:
    study = rdflib.URIRef(node_iri(ROERINK))
    assert seeds_rdf.value(study, M.year) == rdflib.Literal("2017", datatype=XSD_.gYear)
    title = seeds_rdf.value(study, M.title)
    assert isinstance(title, rdflib.Literal) and title.language == "en"
    assert (study, OWL.sameAs, rdflib.URIRef("https://doi.org/10.1186/s12967-017-1371-9")) in seeds_rdf
    assert (study, OWL.sameAs, rdflib.URIRef("https://pubmed.ncbi.nlm.nih.gov/29284500")) in seeds_rdf
    matches = {str(o) for o in seeds_rdf.objects(None, SKOS.exactMatch)}
    assert any(m.startswith("https://ror.org/") for m in matches)
    assert all(m.startswith(("http://", "https://")) for m in matches)
    for s, o in seeds_rdf.subject_objects(M.xref):  # each CURIE has its IRI next to it
        assert len(list(seeds_rdf.objects(s, SKOS.exactMatch))) >= 1, (s, o)


def test_hostile_identifiers_and_literals_survive_as_written() -> None:
    data = hostile_data()
    g = parse_oxigraph(export(data, "turtle"), "turtle")
    for node in data["nodes"]:
        subject = rdflib.URIRef(node_iri(node["id"]))
        assert g.value(subject, M.id) == rdflib.Literal(node["id"])
        assert str(g.value(subject, rdflib.RDFS.label)) == node["name"]
    study = next(n for n in data["nodes"] if n["label"] == "Study")
    assert str(g.value(rdflib.URIRef(node_iri(study["id"])), M.title)) == study["title"]
    assert g.value(rdflib.URIRef(node_iri(study["id"])), M.year) == rdflib.Literal("0999", datatype=XSD_.gYear)
    smallest = min(e["confidence"] for e in data["edges"])
    assert rdflib.Literal("0.00001", datatype=XSD_.decimal) in set(g.objects(None, M.confidence))
    assert float("0.00001") == smallest
    docs = {str(g.value(s, M.fileName)): str(s) for s in g.subjects(M.fileName, None)}
    assert docs["Øystein's notes\\2.txt"] == DOC + "%C3%98ystein%27s%20notes%5C2.txt"
    assert docs["%41 percent.txt"] == DOC + "%2541%20percent.txt"  # '%' itself is encoded: no two names collide


def test_trig_has_one_named_graph_per_source_document(seeds: dict[str, Any]) -> None:
    ds = rdflib.Dataset()
    ds.parse(data=export(seeds, "trig"), format="trig")
    named = {str(c.identifier): c for c in ds.graphs() if isinstance(c.identifier, rdflib.URIRef)}
    named.pop(str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID), None)
    by_doc = Counter(e["source_doc"] for e in seeds["edges"])
    assert set(named) == {doc_iri(d) for d in by_doc}
    for doc, n in by_doc.items():
        g = named[doc_iri(doc)]
        assertions = set(g.subjects(RDF.type, M.Assertion))
        assert len(assertions) == n
        assert {g.value(a, M.sourceDocument) for a in assertions} == {rdflib.URIRef(doc_iri(doc))}


@pytest.mark.parametrize("graph", ["seeds", "hostile", "generated"])
def test_export_conforms_to_the_shapes(graph: str, seeds: dict[str, Any], shapes: rdflib.Graph) -> None:
    # pyshacl needs about 1 s per 1,000 triples: the generated graph is kept small here
    make: dict[str, Callable[[], dict[str, Any]]] = {
        "seeds": lambda: seeds,
        "hostile": hostile_data,
        "generated": lambda: generated_data(40),
    }
    data = make[graph]()
    rdf = parse_rdflib(export(data, "turtle"), "turtle")
    conforms, _, report = pyshacl.validate(rdf, shacl_graph=shapes, advanced=True)
    assert conforms, report


def _assertion(g: rdflib.Graph, predicate: rdflib.URIRef) -> rdflib.term.Node:
    return next(iter(g.subjects(RDF.predicate, predicate)))


def _break(g: rdflib.Graph, case: str) -> None:
    trial = next(iter(g.subjects(RDF.type, M.Trial)))
    study = next(iter(g.subjects(RDF.type, M.Study)))
    drug = next(iter(g.subjects(RDF.type, M.Drug)))
    if case == "relationship from a class that may not have it":
        g.add((drug, M.tested, drug))
    elif case == "relationship to a class outside its range":
        g.add((trial, M.tested, study))
    elif case == "confidence above 1":
        a = _assertion(g, M.targets)
        g.set((a, M.confidence, rdflib.Literal("1.5", datatype=XSD_.decimal)))
    elif case == "assertion without its evidence sentence":
        g.remove((_assertion(g, M.targets), M.evidenceSentence, None))
    elif case == "direction on a tested relationship":
        g.add((_assertion(g, M.tested), M.direction, rdflib.Literal("elevated")))
    elif case == "assertion without its plain triple":
        a = _assertion(g, M.targets)
        g.remove((g.value(a, RDF.subject), M.targets, g.value(a, RDF.object)))
    elif case == "title without a language tag":
        g.set((study, M.title, rdflib.Literal("untagged")))
    elif case == "year typed as an integer":
        g.set((study, M.year, rdflib.Literal(2017)))
    elif case == "section outside the list":
        g.set((_assertion(g, M.targets), M.section, rdflib.Literal("appendix")))
    elif case == "node without its id":
        g.remove((trial, M.id, None))
    elif case == "unknown property":
        g.add((trial, M.colour, rdflib.Literal("blue")))
    else:
        raise AssertionError(case)


BROKEN = [
    ("relationship from a class that may not have it", "ClosedConstraintComponent"),
    ("relationship to a class outside its range", "ClassConstraintComponent"),
    ("confidence above 1", "MaxInclusiveConstraintComponent"),
    ("assertion without its evidence sentence", "MinCountConstraintComponent"),
    ("direction on a tested relationship", "NodeConstraintComponent"),
    ("assertion without its plain triple", "SPARQLConstraintComponent"),
    ("title without a language tag", "DatatypeConstraintComponent"),
    ("year typed as an integer", "DatatypeConstraintComponent"),
    ("section outside the list", "InConstraintComponent"),
    ("node without its id", "MinCountConstraintComponent"),
    ("unknown property", "ClosedConstraintComponent"),
]


@pytest.mark.parametrize(("case", "component"), BROKEN)
def test_a_broken_graph_does_not_conform(case: str, component: str, shapes: rdflib.Graph) -> None:
    g = parse_rdflib(export(hostile_data(), "turtle"), "turtle")  # valid (tested above) until broken
    _break(g, case)
    conforms, results, _ = pyshacl.validate(g, shacl_graph=shapes, advanced=True)
    assert not conforms
    found = {str(c).rsplit("#", 1)[-1] for c in results.objects(None, SH.sourceConstraintComponent)}
    assert component in found, found
