"""The published OWL ontology, SHACL shapes and JSON-LD context: up to date, and in step with the code."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology.enums import NodeLabel, RelType
from ontology.model import NODE_MODELS, Edge, Evidence
from ontology.owl import ontology_turtle
from ontology.rdf_terms import (
    ASSERTION_CLASS,
    DOCUMENT_CLASS,
    FILE_NAME,
    MKG,
    NODE_FIELDS,
    RDFS_LABEL,
    SCHEMA,
    SKOS_ALTLABEL,
    class_iri,
    jsonld_context,
    jsonld_context_text,
    rel_iri,
)
from ontology.schema import RELATIONSHIPS
from ontology.shacl import SHAPES, shapes_turtle

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "mecfs-kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.mark.parametrize(
    ("name", "make"),
    [("mecfs-kg.ttl", ontology_turtle), ("shapes.ttl", shapes_turtle), ("context.jsonld", jsonld_context_text)],
)
def test_committed_file_is_what_the_code_generates(name: str, make: object) -> None:
    committed = (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
    assert callable(make)
    assert committed == make(), f"ontology/{name} is stale: run python scripts/generate_ontology.py"


def _mkg(g: rdflib.Graph, kind: rdflib.URIRef) -> set[str]:
    return {str(s) for s in g.subjects(RDF.type, kind) if str(s).startswith(MKG)}


def _members(g: rdflib.Graph, node: rdflib.term.Node | None) -> set[str]:
    """A class or the members of an owl:unionOf."""
    assert node is not None
    union = g.value(node, OWL.unionOf)
    return {str(node)} if union is None else {str(m) for m in Collection(g, union)}


def test_every_node_label_is_a_class_and_every_class_a_node_label(onto: rdflib.Graph) -> None:
    expected = {class_iri(label) for label in NodeLabel} | {ASSERTION_CLASS, DOCUMENT_CLASS}
    assert _mkg(onto, OWL.Class) == expected


def test_every_relationship_type_is_an_object_property_with_the_schema_endpoints(onto: rdflib.Graph) -> None:
    declared = {
        str(p): str(onto.value(p, SKOS.notation))
        for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if onto.value(p, SKOS.notation) is not None
    }
    assert declared == {rel_iri(r): r.value for r in RelType}
    for rel, spec in RELATIONSHIPS.items():
        p = rdflib.URIRef(rel_iri(rel))
        assert _members(onto, onto.value(p, RDFS.domain)) == {class_iri(s) for s in spec.sources}, rel
        assert _members(onto, onto.value(p, RDFS.range)) == {class_iri(t) for t in spec.targets}, rel
        assert str(onto.value(p, SKOS.definition)) == spec.definition


def test_every_model_field_is_a_declared_property_and_every_property_a_field(onto: rdflib.Graph) -> None:
    declared = _mkg(onto, OWL.DatatypeProperty) | _mkg(onto, OWL.ObjectProperty)
    relationship_properties = {rel_iri(r) for r in RelType}
    field_properties = {FILE_NAME}
    for label, model in NODE_MODELS.items():
        by_field = {s.field: s for s in NODE_FIELDS[label]}
        for field in model.model_fields:
            if field == "label":  # the discriminator: rdf:type
                continue
            iri = by_field[field].iri
            assert iri in declared or iri in {RDFS_LABEL, SKOS_ALTLABEL}, (label, field, iri)
            field_properties.add(iri)
            if iri.startswith(MKG):
                domain = _members(onto, onto.value(rdflib.URIRef(iri), RDFS.domain))
                assert class_iri(label) in domain, (label, field)
    structural = {"type", "source", "target", "source_label", "target_label", "evidence"}
    edge_fields = [*Evidence.model_fields, *(f for f in Edge.model_fields if f not in structural)]
    for field in edge_fields:
        iri = MKG + {"source_doc": "sourceDocument", "sentence": "evidenceSentence", "rule": "extractionRule"}.get(
            field, field
        )
        assert iri in declared, field
        assert ASSERTION_CLASS in _members(onto, onto.value(rdflib.URIRef(iri), RDFS.domain)), field
        field_properties.add(iri)
    assert declared == relationship_properties | (field_properties & declared)


def test_every_term_has_a_label_and_a_definition(onto: rdflib.Graph) -> None:
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(MKG)}
    assert len(terms) > 40
    for term in terms:
        assert onto.value(term, RDFS.label) is not None, term
        assert onto.value(term, SKOS.definition) is not None, term
        assert onto.value(term, RDFS.isDefinedBy) == rdflib.URIRef(MKG.rstrip("#")), term


def test_alignments_to_established_vocabularies(onto: rdflib.Graph) -> None:
    sdo = rdflib.Namespace(SCHEMA)

    def parents(label: NodeLabel) -> set[rdflib.term.Node]:
        return set(onto.objects(rdflib.URIRef(class_iri(label)), RDFS.subClassOf))

    assert sdo.ScholarlyArticle in parents(NodeLabel.STUDY)
    assert sdo.MedicalTrial in parents(NodeLabel.TRIAL)
    assert sdo.Person in parents(NodeLabel.RESEARCHER)
    assert sdo.Organization in parents(NodeLabel.INSTITUTION)
    assert sdo.Drug in set(onto.objects(rdflib.URIRef(class_iri(NodeLabel.DRUG)), SKOS.closeMatch))
    assert rdflib.URIRef("http://purl.org/spar/fabio/Journal") in parents(NodeLabel.JOURNAL)
    assert rdflib.URIRef("http://www.w3.org/ns/prov#Entity") in set(
        onto.objects(rdflib.URIRef(ASSERTION_CLASS), RDFS.subClassOf)
    )
    biolink = "https://w3id.org/biolink/vocab/"
    for rel in RelType:
        assert rdflib.URIRef(biolink + "related_to") in set(
            onto.objects(rdflib.URIRef(rel_iri(rel)), RDFS.subPropertyOf)
        )
    # a null result is a kind of test: a reasoner (or a property path) finds both
    assert (
        rdflib.URIRef(rel_iri(RelType.NULL_RESULT)),
        RDFS.subPropertyOf,
        rdflib.URIRef(rel_iri(RelType.TESTED)),
    ) in onto


def test_every_class_has_a_closed_shape(onto: rdflib.Graph, shapes: rdflib.Graph) -> None:
    targets = {str(t) for t in shapes.objects(None, SH.targetClass)}
    assert targets == _mkg(onto, OWL.Class)
    for shape in shapes.subjects(SH.targetClass, None):
        assert str(shape).startswith(SHAPES)
        assert shapes.value(shape, SH.closed) == rdflib.Literal(True)


def test_files_parse_with_a_second_parser() -> None:
    for name in ("mecfs-kg.ttl", "shapes.ttl"):
        assert len(list(ox.parse(path=ONTOLOGY_DIR / name, format=ox.RdfFormat.TURTLE))) > 200


def test_jsonld_context_maps_terms_to_declared_iris(onto: rdflib.Graph) -> None:
    ctx = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert ctx == jsonld_context()["@context"]
    declared = {str(s) for s in onto.subjects(RDF.type, None)}
    for term, value in ctx.items():
        iri = value["@id"] if isinstance(value, dict) else value
        if iri.startswith(MKG) and iri != MKG:  # the mkg: prefix itself is no term
            assert iri in declared, term
    assert ctx["nullResult"] == {"@id": rel_iri(RelType.NULL_RESULT), "@type": "@id"}
    assert ctx["confidence"]["@type"].endswith("#decimal")
    assert ctx["year"]["@type"].endswith("#gYear")
