"""SHACL shapes (``ontology/shapes.ttl``) for every class, generated from the same tables as the ontology.

Every node shape is closed: a property the schema does not give a class (including a relationship
from a class that is not among its allowed sources) is a violation. Assertions are checked for their
evidence, for properties that belong to one relationship type only (``direction`` on measured,
``outcome`` on tested), and for the plain triple they describe.

>>> g = shapes_graph()
>>> from rdflib import URIRef
>>> (URIRef(SHAPES + "Study"), URIRef(SH + "targetClass"), URIRef(MKG + "Study")) in g
True
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, SKOS, XSD, Namespace

from ontology.enums import NodeLabel, RelType
from ontology.owl import GENERATED_HEADER
from ontology.rdf_terms import (
    ASSERTION_CLASS,
    BASE,
    DATATYPE,
    DOCUMENT_CLASS,
    EDGE_FIELDS,
    EDGE_PROPERTY_FIELDS,
    FILE_NAME,
    MKG,
    NODE_FIELDS,
    ONTOLOGY_PREFIXES,
    SH,
    TEXT_LANGUAGE,
    FieldSpec,
    Kind,
    class_iri,
    rel_iri,
    to_lexical,
)
from ontology.schema import RELATIONSHIPS

SHAPES = BASE + "shapes#"
S = Namespace(SH)
# The one relationship type each edge property belongs to (ontology.model.Edge checks the same rule).
EDGE_PROPERTY_OWNER: dict[str, RelType] = {"direction": RelType.MEASURED, "outcome": RelType.TESTED}
_PLAIN_TRIPLE_QUERY = f"""SELECT $this ?s ?p ?o WHERE {{
    $this <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o .
    FILTER NOT EXISTS {{ ?s ?p ?o }}
}}"""


def _list(g: Graph, items: Sequence[URIRef | Literal | BNode]) -> BNode:
    head = BNode()
    Collection(g, head, list(items))
    return head


def _property(g: Graph, shape: URIRef, name: str, path: str, **constraints: object) -> URIRef:
    """A named property shape (named, so validation reports say which rule failed)."""
    prop = URIRef(f"{shape}-{name}")
    g.add((shape, S.property, prop))
    g.add((prop, RDF.type, S.PropertyShape))
    g.add((prop, S.path, URIRef(path)))
    for key, value in constraints.items():
        if value is None:
            continue
        if isinstance(value, (URIRef, BNode, Literal)):
            g.add((prop, S[key], value))
        else:
            g.add((prop, S[key], Literal(value)))
    return prop


def _field(g: Graph, shape: URIRef, spec: FieldSpec) -> None:
    name = spec.iri.rsplit("#", 1)[-1]
    if spec.kind is Kind.XREFS:
        _property(g, shape, name, spec.iri, datatype=XSD.string, pattern="^[^:]+:.+$")
        return
    limits: dict[str, object] = {
        "minCount": 1 if spec.always else None,
        "maxCount": None if spec.multi else 1,
        "pattern": spec.pattern,
        "minLength": spec.min_length,
        "maxLength": spec.max_length,
    }
    for key, bound in (("minInclusive", spec.min_inclusive), ("maxInclusive", spec.max_inclusive)):
        if bound is not None:  # typed like the value it bounds, so no numeric promotion is needed
            limits[key] = Literal(to_lexical(spec.kind, bound), datatype=URIRef(DATATYPE[spec.kind]))
    if spec.kind is Kind.DOCUMENT:
        prop = _property(g, shape, name, spec.iri, nodeKind=S.IRI, **{"class": URIRef(DOCUMENT_CLASS)}, **limits)
    else:
        prop = _property(g, shape, name, spec.iri, datatype=URIRef(DATATYPE[spec.kind]), **limits)
    if spec.kind is Kind.TEXT:
        g.add((prop, S.languageIn, _list(g, [Literal(TEXT_LANGUAGE)])))
    if spec.kind is Kind.ENUM:
        g.add((prop, S["in"], _list(g, [Literal(v) for v in spec.values])))
    if spec.multi:
        _property(g, shape, name + "Order", spec.order_iri, maxCount=1, nodeKind=S.BlankNodeOrIRI)


def _node_shape(g: Graph, target: str, local: str) -> URIRef:
    shape = URIRef(SHAPES + local)
    g.add((shape, RDF.type, S.NodeShape))
    g.add((shape, S.targetClass, URIRef(target)))
    g.add((shape, S.closed, Literal(True)))
    g.add((shape, S.ignoredProperties, _list(g, [RDF.type])))
    return shape


def _relationships(g: Graph, shape: URIRef, label: NodeLabel) -> None:
    for rel, spec in RELATIONSHIPS.items():
        if label not in spec.sources:
            continue
        prop = _property(g, shape, rel_iri(rel).removeprefix(MKG), rel_iri(rel), nodeKind=S.IRI)
        targets = [URIRef(class_iri(t)) for t in spec.targets]
        if len(targets) == 1:
            g.add((prop, S["class"], targets[0]))
        else:
            alternatives = []
            for t in targets:
                alt = BNode()
                g.add((alt, S["class"], t))
                alternatives.append(alt)
            g.add((prop, S["or"], _list(g, alternatives)))


def _assertion_shape(g: Graph) -> None:
    shape = _node_shape(g, ASSERTION_CLASS, "Assertion")
    relationships = [URIRef(rel_iri(r)) for r in RelType]
    _property(g, shape, "subject", RDF.subject, minCount=1, maxCount=1, nodeKind=S.IRI)
    pred = _property(g, shape, "predicate", RDF.predicate, minCount=1, maxCount=1)
    g.add((pred, S["in"], _list(g, relationships)))
    _property(g, shape, "object", RDF.object, minCount=1, maxCount=1, nodeKind=S.IRI)
    for spec in EDGE_FIELDS:
        _field(g, shape, spec)
    for spec in EDGE_PROPERTY_FIELDS:
        owner = EDGE_PROPERTY_OWNER[spec.key]
        only = URIRef(f"{SHAPES}Assertion-{spec.key}Only{owner.value.title().replace('_', '')}")
        absent, owned = BNode(), BNode()
        g.add((absent, S.path, URIRef(spec.iri)))
        g.add((absent, S.maxCount, Literal(0)))
        g.add((owned, S.path, RDF.predicate))
        g.add((owned, S.hasValue, URIRef(rel_iri(owner))))
        g.add((only, RDF.type, S.NodeShape))
        g.add((only, S["or"], _list(g, [absent, owned])))
        g.add((only, S.message, Literal(f"{spec.key} belongs to {owner.value} relationships only")))
        g.add((shape, S.node, only))
    sparql = URIRef(SHAPES + "Assertion-plainTriple")
    g.add((shape, S.sparql, sparql))
    g.add((sparql, RDF.type, S.SPARQLConstraint))
    g.add((sparql, S.message, Literal("the relationship this assertion describes is missing as a plain triple")))
    g.add((sparql, S.select, Literal(_PLAIN_TRIPLE_QUERY)))


def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib Graph (pure: the same graph on every call)."""
    g = Graph()
    for name, ns in ONTOLOGY_PREFIXES.items():
        g.bind(name, ns, override=True, replace=True)
    g.bind("mkgsh", SHAPES)
    for label, specs in NODE_FIELDS.items():
        shape = _node_shape(g, class_iri(label), label.value)
        for spec in specs:
            _field(g, shape, spec)
        _property(g, shape, "sameAs", OWL.sameAs, nodeKind=S.IRI)
        _property(g, shape, "exactMatch", SKOS.exactMatch, nodeKind=S.IRI)
        _relationships(g, shape, label)
    _assertion_shape(g)
    doc = _node_shape(g, DOCUMENT_CLASS, "SourceDocument")
    _property(g, doc, "fileName", FILE_NAME, datatype=XSD.string, minCount=1, maxCount=1, minLength=1)
    return g


def shapes_turtle() -> str:
    """The committed text of ``ontology/shapes.ttl``."""
    return GENERATED_HEADER + shapes_graph().serialize(format="longturtle")
