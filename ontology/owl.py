"""The OWL ontology (``ontology/mecfs-kg.ttl``), generated from the schema so the two cannot drift.

Classes come from ``NodeLabel``, object properties from ``RELATIONSHIPS`` (with their definitions,
domains and ranges), datatype properties from the pydantic model fields (``ontology.rdf_terms``).
Alignments to schema.org, FaBiO/BIBO, DCTERMS, PROV-O, FOAF and the Biolink model are listed here.
Regenerate the committed files with ``python scripts/generate_ontology.py``.

>>> g = ontology_graph()
>>> from rdflib import URIRef, OWL, RDF
>>> (URIRef(MKG + "Study"), RDF.type, OWL.Class) in g
True
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, Namespace

from ontology.enums import NodeLabel, RelType
from ontology.rdf_terms import (
    ASSERTION_CLASS,
    BIBO,
    BIOLINK,
    DATATYPE,
    DCTERMS,
    DOCUMENT_CLASS,
    EDGE_FIELDS,
    FABIO,
    FILE_NAME,
    FOAF,
    MKG,
    NODE_FIELDS,
    ONTOLOGY,
    ONTOLOGY_PREFIXES,
    PROPERTIES,
    PROV,
    SCHEMA,
    TEXT_LANGUAGE,
    VANN,
    FieldSpec,
    Kind,
    class_iri,
    rel_iri,
)
from ontology.schema import RELATIONSHIPS

GENERATED_HEADER = "# Generated from the Python schema by scripts/generate_ontology.py: do not edit by hand.\n"
SDO, BL, DCT, PRV = Namespace(SCHEMA), Namespace(BIOLINK), Namespace(DCTERMS), Namespace(PROV)
FAB, BIB, FOA = Namespace(FABIO), Namespace(BIBO), Namespace(FOAF)

CLASS_DEFINITIONS: dict[NodeLabel, str] = {
    NodeLabel.STUDY: "A published research paper (original study, review, hypothesis or trial report) on ME/CFS "
    "or long COVID, identified by its DOI, else its PubMed id, else first author, year and venue.",
    NodeLabel.MECHANISM: "A disease mechanism proposed or investigated in ME/CFS or long COVID, such as immune "
    "dysfunction or impaired energy metabolism.",
    NodeLabel.DRUG: "A drug, biologic or supplement, or a non-drug intervention (a procedure such as "
    "immunoadsorption, a behavioural approach such as pacing), given or proposed as a treatment.",
    NodeLabel.TRIAL: "A clinical trial of one or more interventions, registered or described in a news report.",
    NodeLabel.RESEARCHER: "A person who authors, leads or works on research in the field.",
    NodeLabel.BIOMARKER: "A measurable biological marker (a molecule, a cell population or a physiological "
    "measure) whose level or function is reported in patients.",
    NodeLabel.CONDITION: "A disease or condition of the people a study or trial enrolled, such as ME/CFS or "
    "long COVID.",
    NodeLabel.INSTITUTION: "A university, hospital, institute or other organisation where researchers work.",
    NodeLabel.JOURNAL: "A scholarly journal in which studies are published.",
    NodeLabel.NEWS_ARTICLE: "A news report, for example conference coverage, describing studies and trials.",
    NodeLabel.CONFERENCE: "A scientific meeting covered by news reports.",
}
AUX_CLASS_DEFINITIONS: dict[str, tuple[str, str]] = {
    ASSERTION_CLASS: (
        "assertion",
        "One relationship of the graph as read from one source document, with its evidence: the sentence, "
        "its line and section, the extraction rule and its confidence. The relationship is also stated as a "
        "plain triple between the two nodes.",
    ),
    DOCUMENT_CLASS: (
        "source document",
        "An input document (an ME/CFS Atlas entry or a news report, as a text file) that nodes and "
        "relationships were read from.",
    ),
}
# Keyed by JSON export key. rdfs:label (name) and skos:altLabel (aliases) are standard and not redefined.
FIELD_DEFINITIONS: dict[str, str] = {
    "id": "The node's stable identifier in the JSON export and the property graph, written prefix:local.",
    "source_docs": "A source document the node or relationship was read from.",
    "title": "Title of the study or news report.",
    "year": "Year of publication of a study, or the year a conference took place.",
    "journal": "Name of the journal as written in the source; the journal node is linked with publishedIn.",
    "doi": "Digital Object Identifier, lower-cased, without resolver prefix.",
    "pmid": "PubMed identifier.",
    "first_author": "Surname of the first author.",
    "design": "Design of the study, classified from its text.",
    "pem_badge": "The ME/CFS Atlas badge saying whether post-exertional malaise was an entry criterion.",
    "size": "Number of participants.",
    "vocab_id": "Identifier of the term in the project's controlled vocabulary; for a conference, its series.",
    "category": "Category of the term in the controlled vocabulary, such as immune or metabolic.",
    "xrefs": "A cross-reference to an external vocabulary as a bioregistry CURIE (prefix:local id); the same "
    "entry is linked as an IRI with skos:exactMatch.",
    "candidate": "True when the term was found by a pattern and is not in the controlled vocabulary.",
    "kind": "Kind of intervention: drug, biologic, supplement, procedure, device, behavioural or vaccine.",
    "city": "City of the institution.",
    "country": "Country of the institution, or where the trial runs.",
    "phase": "Trial phase as written, such as 2 or 2/3.",
    "features": "A design feature of the trial.",
    "status": "Status of the trial.",
    "outcome": "What was found for the drug: on a trial, its overall outcome; on an assertion of a tested "
    "relationship, what that study or trial found.",
    "registry_id": "Identifier of the trial in a trial registry, such as an NCT number.",
    "surname": "Family name of the person.",
    "given": "Given name(s) or initials of the person, as written.",
    "initials": "Initials of the given names, used to reconcile people named differently.",
    "orcid": "ORCID iD of the person (bare, without https://orcid.org/).",
    "outlet": "Name of the news outlet.",
    "byline": "Author(s) of the news report as printed.",
    "date": "Publication date of the news report, as written in it.",
    "url": "Web address of the news report.",
    "evidence": "The sentence the relationship was read from.",
    "line": "Line (1-based) of the evidence sentence in its source document.",
    "section": "Part of the source document the evidence sentence stands in.",
    "rule": "Name of the extraction rule that produced the relationship.",
    "confidence": "Confidence of the extraction rule, from 0 to 1.",
    "direction": "Reported direction of the biomarker in patients (on assertions of measured relationships).",
}
CLASS_ALIGNMENTS: dict[str, list[tuple[URIRef, URIRef]]] = {
    class_iri(NodeLabel.STUDY): [(RDFS.subClassOf, SDO.ScholarlyArticle), (RDFS.subClassOf, BIB.AcademicArticle),
                                 (RDFS.subClassOf, BL.Publication), (RDFS.subClassOf, PRV.Entity)],
    class_iri(NodeLabel.MECHANISM): [(RDFS.subClassOf, BL.PathologicalProcess)],
    # Not a subclass of schema:Drug / biolink:Drug: the class also holds procedures and behavioural approaches.
    class_iri(NodeLabel.DRUG): [(RDFS.subClassOf, BL.Treatment), (SKOS.closeMatch, SDO.Drug),
                                (SKOS.closeMatch, BL.Drug)],
    class_iri(NodeLabel.TRIAL): [(RDFS.subClassOf, SDO.MedicalTrial), (RDFS.subClassOf, BL.ClinicalTrial)],
    class_iri(NodeLabel.RESEARCHER): [(RDFS.subClassOf, SDO.Person), (RDFS.subClassOf, FOA.Person),
                                      (RDFS.subClassOf, PRV.Person), (RDFS.subClassOf, BL.Agent)],
    class_iri(NodeLabel.BIOMARKER): [(RDFS.subClassOf, BL.ClinicalAttribute)],
    class_iri(NodeLabel.CONDITION): [(RDFS.subClassOf, SDO.MedicalCondition), (RDFS.subClassOf, BL.Disease)],
    class_iri(NodeLabel.INSTITUTION): [(RDFS.subClassOf, SDO.Organization), (RDFS.subClassOf, FOA.Organization),
                                       (RDFS.subClassOf, PRV.Organization), (RDFS.subClassOf, BL.Agent)],
    class_iri(NodeLabel.JOURNAL): [(RDFS.subClassOf, FAB.Journal), (RDFS.subClassOf, BIB.Journal),
                                   (RDFS.subClassOf, SDO.Periodical)],
    class_iri(NodeLabel.NEWS_ARTICLE): [(RDFS.subClassOf, SDO.NewsArticle), (RDFS.subClassOf, BIB.Article),
                                        (RDFS.subClassOf, PRV.Entity)],
    class_iri(NodeLabel.CONFERENCE): [(RDFS.subClassOf, SDO.Event), (RDFS.subClassOf, BIB.Conference)],
    ASSERTION_CLASS: [(RDFS.subClassOf, RDF.Statement), (RDFS.subClassOf, PRV.Entity),
                      (RDFS.subClassOf, BL.Association)],
    DOCUMENT_CLASS: [(RDFS.subClassOf, PRV.Entity), (RDFS.subClassOf, SDO.DigitalDocument),
                     (RDFS.subClassOf, FOA.Document)],
}  # fmt: skip
REL_ALIGNMENTS: dict[RelType, list[tuple[URIRef, URIRef]]] = {
    RelType.AUTHORED: [(OWL.inverseOf, SDO.author)],
    RelType.PROPOSES: [(RDFS.subPropertyOf, SDO.about)],
    RelType.TESTED: [(RDFS.subPropertyOf, SDO.studySubject)],
    RelType.NULL_RESULT: [(RDFS.subPropertyOf, URIRef(rel_iri(RelType.TESTED)))],
    RelType.TARGETS: [(RDFS.subPropertyOf, BL.affects)],
    RelType.STUDIED: [(RDFS.subPropertyOf, SDO.healthCondition)],
    RelType.AFFILIATED_WITH: [(RDFS.subPropertyOf, SDO.affiliation)],
    RelType.PUBLISHED_IN: [(RDFS.subPropertyOf, SDO.isPartOf), (RDFS.subPropertyOf, DCT.isPartOf)],
    RelType.REPORTS: [(RDFS.subPropertyOf, SDO.about)],
    RelType.COVERS: [(RDFS.subPropertyOf, SDO.about)],
    RelType.INVESTIGATES: [(RDFS.subPropertyOf, SDO.knowsAbout)],
}
FIELD_ALIGNMENTS: dict[str, list[tuple[URIRef, URIRef]]] = {
    "id": [(RDFS.subPropertyOf, DCT.identifier)],
    "source_docs": [(RDFS.subPropertyOf, PRV.wasDerivedFrom)],
    "title": [(RDFS.subPropertyOf, DCT.title)],
    "doi": [(RDFS.subPropertyOf, BIB.doi)],
    "pmid": [(RDFS.subPropertyOf, BIB.pmid), (RDFS.subPropertyOf, FAB.hasPubMedId)],
    "phase": [(RDFS.subPropertyOf, SDO.phase)],
    "status": [(RDFS.subPropertyOf, SDO.status)],
    "registry_id": [(RDFS.subPropertyOf, DCT.identifier)],
    "surname": [(RDFS.subPropertyOf, SDO.familyName), (RDFS.subPropertyOf, FOA.familyName)],
    "given": [(RDFS.subPropertyOf, SDO.givenName), (RDFS.subPropertyOf, FOA.givenName)],
    "date": [(RDFS.subPropertyOf, DCT.date)],
    "url": [(RDFS.subPropertyOf, SDO.url)],
}


def _en(text: str) -> Literal:
    return Literal(text, lang=TEXT_LANGUAGE)


def _label(local: str) -> str:
    """``nullResult`` → ``null result``, ``NewsArticle`` → ``news article``."""
    words: list[str] = []
    for ch in local:
        if ch.isupper() and words:
            words.append(" ")
        words.append(ch.lower())
    return "".join(words)


def _class_union(g: Graph, classes: Iterable[str]) -> URIRef | BNode:
    members = sorted(set(classes))
    if len(members) == 1:
        return URIRef(members[0])
    union = BNode()
    g.add((union, RDF.type, OWL.Class))
    items = BNode()
    Collection(g, items, [URIRef(c) for c in members])
    g.add((union, OWL.unionOf, items))
    return union


def _range(g: Graph, spec: FieldSpec) -> URIRef | BNode:
    if spec.kind is Kind.DOCUMENT:
        return URIRef(DOCUMENT_CLASS)
    if spec.kind is not Kind.ENUM:
        return URIRef(DATATYPE[spec.kind])
    datatype = BNode()
    g.add((datatype, RDF.type, RDFS.Datatype))
    items = BNode()
    Collection(g, items, [Literal(v) for v in spec.values])
    g.add((datatype, OWL.oneOf, items))
    return datatype


def _declare(g: Graph, iri: str, kind: URIRef, definition: str, align: Iterable[tuple[URIRef, URIRef]]) -> URIRef:
    term = URIRef(iri)
    g.add((term, RDF.type, kind))
    g.add((term, RDFS.label, _en(_label(iri.removeprefix(MKG)))))
    g.add((term, SKOS.definition, _en(definition)))
    g.add((term, RDFS.isDefinedBy, URIRef(ONTOLOGY)))
    for predicate, target in align:
        g.add((term, predicate, target))
    return term


def _field_domains() -> dict[str, set[str]]:
    """For each data property, the classes (node classes and mkg:Assertion) that use it."""
    domains: dict[str, set[str]] = {}
    for label, specs in NODE_FIELDS.items():
        for spec in specs:
            domains.setdefault(spec.iri, set()).add(class_iri(label))
    for spec in EDGE_FIELDS:
        domains.setdefault(spec.iri, set()).add(ASSERTION_CLASS)
    return domains


def ontology_graph() -> Graph:
    """The ontology as an rdflib Graph (pure: the same graph on every call)."""
    g = Graph()
    for name, ns in ONTOLOGY_PREFIXES.items():
        g.bind(name, ns, override=True, replace=True)
    onto = URIRef(ONTOLOGY)
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, DCT.title, _en("ME/CFS knowledge graph ontology")))
    g.add((onto, DCT.description, _en(
        "Classes and properties of the mecfs-kg knowledge graph of ME/CFS and long COVID research. Terms are "
        "<https://w3id.org/mecfs-kg/ontology#Term>; nodes are <https://w3id.org/mecfs-kg/id/{prefix}/{local}> "
        "for the JSON id prefix:local (local part percent-encoded); source documents are "
        "<https://w3id.org/mecfs-kg/doc/{file name}>; assertions <https://w3id.org/mecfs-kg/assertion/{hash}>. "
        "Each relationship is a plain triple and an mkg:Assertion (rdf:Statement) carrying its evidence."
    )))  # fmt: skip
    g.add((onto, DCT.license, URIRef("https://spdx.org/licenses/MIT")))
    g.add((onto, URIRef(VANN + "preferredNamespacePrefix"), Literal("mkg")))
    g.add((onto, URIRef(VANN + "preferredNamespaceUri"), Literal(MKG, datatype=XSD.anyURI)))

    for label in NodeLabel:
        iri = class_iri(label)
        _declare(g, iri, OWL.Class, CLASS_DEFINITIONS[label], CLASS_ALIGNMENTS.get(iri, []))
    for iri, (name, definition) in AUX_CLASS_DEFINITIONS.items():
        term = _declare(g, iri, OWL.Class, definition, CLASS_ALIGNMENTS.get(iri, []))
        g.set((term, RDFS.label, _en(name)))

    for rel, spec in RELATIONSHIPS.items():
        term = _declare(g, rel_iri(rel), OWL.ObjectProperty, spec.definition, REL_ALIGNMENTS.get(rel, []))
        g.add((term, SKOS.notation, Literal(rel.value)))  # the relationship type in the property graph
        g.add((term, RDFS.domain, _class_union(g, (class_iri(s) for s in spec.sources))))
        g.add((term, RDFS.range, _class_union(g, (class_iri(t) for t in spec.targets))))
        g.add((term, RDFS.subPropertyOf, BL.related_to))

    domains = _field_domains()
    for iri, field in PROPERTIES.items():
        if iri.startswith(MKG):
            kind = OWL.ObjectProperty if field.kind is Kind.DOCUMENT else OWL.DatatypeProperty
            term = _declare(g, iri, kind, FIELD_DEFINITIONS[field.key], FIELD_ALIGNMENTS.get(field.key, []))
            g.add((term, RDFS.domain, _class_union(g, domains[iri])))
            g.add((term, RDFS.range, _range(g, field)))
        if field.multi:
            definition = (
                f"The values of the JSON field {field.key} in their original order, as an RDF list; written only "
                "when that order is not alphabetical or a value repeats."
            )
            order = _declare(g, field.order_iri, OWL.AnnotationProperty, definition, [])
            g.add((order, RDFS.range, RDF.List))
    g.add((_declare(g, FILE_NAME, OWL.DatatypeProperty, "File name of the source document.", []),
           RDFS.domain, URIRef(DOCUMENT_CLASS)))  # fmt: skip
    g.add((URIRef(FILE_NAME), RDFS.range, XSD.string))
    return g


def ontology_turtle() -> str:
    """The committed text of ``ontology/mecfs-kg.ttl`` (rdflib's sorted "longturtle" layout)."""
    return GENERATED_HEADER + ontology_graph().serialize(format="longturtle")
