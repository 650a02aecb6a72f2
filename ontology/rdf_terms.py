"""The RDF names of the schema: one base IRI, the namespaces, and a table of every property.

IRIs (one base, ``https://w3id.org/mecfs-kg/``, redirected by w3id.org to the published files):

- ``ontology#Term``: classes and properties (prefix ``mkg:``), e.g. ``mkg:Study``, ``mkg:nullResult``;
- ``id/<prefix>/<local>``: a node, from its JSON id ``<prefix>:<local>``, the local part percent-encoded
  (``drug:anakinra`` → ``id/drug/anakinra``, ``doi:10.1186/x`` → ``id/doi/10.1186/x``);
- ``doc/<file name>``: a source document, also the TriG graph name of the claims read from it;
- ``assertion/<hash>``: one edge with its evidence (a hash of source, type, target and document).

The property table is derived from the pydantic models, so a field added there reaches the ontology,
the SHACL shapes, the JSON-LD context, the exporter and the importer without a second list to keep.

>>> node_iri("doi:10.1186/s12967-017-1371-9")
'https://w3id.org/mecfs-kg/id/doi/10.1186/s12967-017-1371-9'
>>> node_iri("drug:x y<z>")
'https://w3id.org/mecfs-kg/id/drug/x%20y%3Cz%3E'
>>> xref_iri("go", "0006955"), xref_iri("drugbank", "DB00026"), xref_iri("icd10", "G93.3")
('http://purl.obolibrary.org/obo/GO_0006955', 'https://identifiers.org/drugbank:DB00026', 'https://bioregistry.io/icd10:G93.3')
>>> rel_iri(RelType.NULL_RESULT)
'https://w3id.org/mecfs-kg/ontology#nullResult'
>>> decimal_lexical(0.9), decimal_lexical(1e-05), year_lexical(2017)
('0.9', '0.00001', '2017')
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from urllib.parse import quote

from pydantic.fields import FieldInfo

from ontology.enums import NodeLabel, RelType
from ontology.identity import ID_PREFIX
from ontology.model import NODE_MODELS, Edge, Evidence

BASE = "https://w3id.org/mecfs-kg/"
ONTOLOGY = BASE + "ontology"
MKG = ONTOLOGY + "#"
ID = BASE + "id/"
DOC = BASE + "doc/"
ASSERTION = BASE + "assertion/"
CONTEXT_URL = BASE + "context.jsonld"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"
FABIO = "http://purl.org/spar/fabio/"
BIBO = "http://purl.org/ontology/bibo/"
BIOLINK = "https://w3id.org/biolink/vocab/"
FOAF = "http://xmlns.com/foaf/0.1/"
SH = "http://www.w3.org/ns/shacl#"
VANN = "http://purl.org/vocab/vann/"

RDF_TYPE = RDF + "type"
RDF_LANGSTRING = RDF + "langString"
RDFS_LABEL = RDFS + "label"
SKOS_ALTLABEL = SKOS + "altLabel"
OWL_SAMEAS = OWL + "sameAs"
SKOS_EXACTMATCH = SKOS + "exactMatch"

ASSERTION_CLASS = MKG + "Assertion"
DOCUMENT_CLASS = MKG + "SourceDocument"
FILE_NAME = MKG + "fileName"
SOURCE_DOCUMENT = MKG + "sourceDocument"

TEXT_LANGUAGE = "en"  # the loaders read English documents only

# Prefixes for data files. Node namespaces are named after the JSON id prefixes (drug:, study:, ...).
NODE_PREFIXES: dict[str, str] = {p: f"{ID}{p}/" for p in sorted({*ID_PREFIX.values(), "doi", "pmid"})}
DATA_PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "mkg": MKG,
    "doc": DOC,
    "assertion": ASSERTION,
    **NODE_PREFIXES,
}
ONTOLOGY_PREFIXES: dict[str, str] = {
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "mkg": MKG,
    "dcterms": DCTERMS,
    "prov": PROV,
    "schema": SCHEMA,
    "fabio": FABIO,
    "bibo": BIBO,
    "biolink": BIOLINK,
    "foaf": FOAF,
    "sh": SH,
    "vann": VANN,
}

# Canonical IRIs of external identifiers: the resource's own linked-data IRI where it publishes one
# (OBO PURLs, MeSH RDF, UniProt, PubChem RDF, ROR), else the identifiers.org compact form for the
# registries it resolves, else the bioregistry.io resolver (it knows every bioregistry prefix).
XREF_IRI: dict[str, str] = {
    "drugbank": "https://identifiers.org/drugbank:",
    "hgnc": "https://identifiers.org/hgnc:",
    "ncbigene": "https://identifiers.org/ncbigene:",
    "mesh": "http://id.nlm.nih.gov/mesh/",
    "chebi": "http://purl.obolibrary.org/obo/CHEBI_",
    "go": "http://purl.obolibrary.org/obo/GO_",
    "cl": "http://purl.obolibrary.org/obo/CL_",
    "hp": "http://purl.obolibrary.org/obo/HP_",
    "mondo": "http://purl.obolibrary.org/obo/MONDO_",
    "doid": "http://purl.obolibrary.org/obo/DOID_",
    "ncit": "http://purl.obolibrary.org/obo/NCIT_",
    "uniprot": "http://purl.uniprot.org/uniprot/",
    "pubchem.compound": "http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID",
    "ror": "https://ror.org/",
}
BIOREGISTRY = "https://bioregistry.io/"
# Node fields that identify the same publication or person elsewhere: linked with owl:sameAs.
SAME_AS: dict[str, str] = {
    "doi": "https://doi.org/",
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/",
    "orcid": "https://orcid.org/",
}


class Kind(StrEnum):
    """How a field's value is written in RDF."""

    STRING = "string"  # xsd:string
    TEXT = "text"  # English prose: rdf:langString tagged "en"
    INTEGER = "integer"
    YEAR = "year"  # xsd:gYear
    BOOLEAN = "boolean"
    DECIMAL = "decimal"
    ENUM = "enum"  # xsd:string, one of a closed list
    URI = "uri"  # xsd:anyURI literal (kept as text: a web address need not be a valid IRI)
    DOCUMENT = "document"  # the IRI of a source document
    XREFS = "xrefs"  # {prefix: local id}: mkg:xref "prefix:local" plus skos:exactMatch <expansion>


DATATYPE: dict[Kind, str] = {
    Kind.STRING: XSD + "string",
    Kind.TEXT: RDF_LANGSTRING,
    Kind.INTEGER: XSD + "integer",
    Kind.YEAR: XSD + "gYear",
    Kind.BOOLEAN: XSD + "boolean",
    Kind.DECIMAL: XSD + "decimal",
    Kind.ENUM: XSD + "string",
    Kind.URI: XSD + "anyURI",
    Kind.XREFS: XSD + "string",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of the JSON export and the RDF property it becomes."""

    key: str  # the JSON export key
    field: str  # the pydantic model field
    iri: str  # the RDF property
    kind: Kind
    multi: bool = False  # a list in JSON, repeated triples in RDF
    always: bool = False  # present in every JSON object of its kind (required, or a non-None default)
    values: tuple[str, ...] = ()  # allowed values of an ENUM
    pattern: str | None = None  # a regular expression the value must match
    min_length: int | None = None
    max_length: int | None = None
    min_inclusive: float | None = None
    max_inclusive: float | None = None

    @property
    def order_iri(self) -> str:
        """Property holding the list's original order, written only when it is not sorted and unique."""
        return MKG + camel(self.key) + "Order"


_LOCAL_NAMES = {
    "source_docs": "sourceDocument",
    "source_doc": "sourceDocument",
    "features": "feature",
    "xrefs": "xref",
    "sentence": "evidenceSentence",
    "rule": "extractionRule",
}
_STANDARD = {"name": RDFS_LABEL, "aliases": SKOS_ALTLABEL}
_KIND_BY_KEY = {
    "title": Kind.TEXT,
    "sentence": Kind.TEXT,
    "url": Kind.URI,
    "year": Kind.YEAR,
    "source_docs": Kind.DOCUMENT,
    "source_doc": Kind.DOCUMENT,
}
# Evidence fields whose JSON key differs from the model field (graph.build.edge_record).
_EVIDENCE_KEYS = {"sentence": "evidence"}
_STRUCTURAL_EDGE_FIELDS = frozenset({"type", "source", "target", "source_label", "target_label", "evidence"})


def camel(name: str) -> str:
    """``first_author`` → ``firstAuthor``, ``NULL_RESULT`` → ``nullResult``."""
    first, *rest = name.lower().split("_")
    return first + "".join(w.capitalize() for w in rest)


def class_iri(label: NodeLabel) -> str:
    return MKG + label.value


def rel_iri(rel: RelType) -> str:
    return MKG + camel(rel.value)


def _field_spec(model_field: str, info: FieldInfo, key: str) -> FieldSpec:
    annotation = info.annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = args[0]
    origin = typing.get_origin(annotation)
    multi = origin is tuple
    inner = typing.get_args(annotation)[0] if multi else annotation
    values: tuple[str, ...] = ()
    if origin is dict:
        kind = Kind.XREFS
    elif model_field in _KIND_BY_KEY:
        kind = _KIND_BY_KEY[model_field]
    elif isinstance(inner, type) and issubclass(inner, Enum):
        kind, values = Kind.ENUM, tuple(str(m.value) for m in inner)
    elif inner is bool:
        kind = Kind.BOOLEAN
    elif inner is int:
        kind = Kind.INTEGER
    elif inner is float:
        kind = Kind.DECIMAL
    elif inner is str:
        kind = Kind.STRING
    else:  # a new field type needs a decision here, not a silent guess
        raise TypeError(f"no RDF mapping for field {model_field!r} of type {info.annotation!r}")
    iri = _STANDARD.get(model_field) or MKG + _LOCAL_NAMES.get(model_field, camel(model_field))
    has_default = info.default is not None and info.default_factory is None
    always = not multi and kind is not Kind.XREFS and (info.is_required() or has_default)
    return FieldSpec(
        key,
        model_field,
        iri,
        kind,
        multi,
        always,
        values,
        pattern=_constraint(info, "pattern"),
        min_length=_constraint(info, "min_length"),
        max_length=_constraint(info, "max_length"),
        min_inclusive=_constraint(info, "ge"),
        max_inclusive=_constraint(info, "le"),
    )


def _constraint(info: FieldInfo, name: str) -> typing.Any:
    """A constraint declared on the pydantic field (``Field(pattern=...)``, ``ge=``...), or None."""
    return next((getattr(m, name) for m in info.metadata if getattr(m, name, None) is not None), None)


NODE_FIELDS: dict[NodeLabel, tuple[FieldSpec, ...]] = {
    label: tuple(_field_spec(k, info, k) for k, info in model.model_fields.items() if k != "label")
    for label, model in NODE_MODELS.items()
}
EVIDENCE_FIELDS: tuple[FieldSpec, ...] = tuple(
    _field_spec(k, info, _EVIDENCE_KEYS.get(k, k)) for k, info in Evidence.model_fields.items()
)
EDGE_PROPERTY_FIELDS: tuple[FieldSpec, ...] = tuple(
    _field_spec(k, info, k) for k, info in Edge.model_fields.items() if k not in _STRUCTURAL_EDGE_FIELDS
)
EDGE_FIELDS = EVIDENCE_FIELDS + EDGE_PROPERTY_FIELDS


def _properties() -> dict[str, FieldSpec]:
    """Every data property once; a property shared by several classes must mean the same everywhere."""
    out: dict[str, FieldSpec] = {}
    for spec in (*(s for specs in NODE_FIELDS.values() for s in specs), *EDGE_FIELDS):
        old = out.setdefault(spec.iri, spec)
        if (old.kind, old.values) != (spec.kind, spec.values):
            raise TypeError(f"{spec.iri} is used with two meanings: {old} and {spec}")
    return out


PROPERTIES: dict[str, FieldSpec] = _properties()
REL_BY_IRI: dict[str, RelType] = {rel_iri(r): r for r in RelType}
LABEL_BY_CLASS: dict[str, NodeLabel] = {class_iri(label): label for label in NodeLabel}


# --- IRIs for values ---------------------------------------------------------------------------------

_SAFE_PATH = "/:"  # kept readable in node IRIs (DOIs); everything else outside unreserved is %-encoded


def node_iri(node_id: str) -> str:
    """The IRI of a node id ``prefix:local``; injective because ``%`` itself is encoded."""
    prefix, sep, local = node_id.partition(":")
    if not sep or not prefix or not local:
        raise ValueError(f"not a node id (prefix:local): {node_id!r}")
    return f"{ID}{quote(prefix, safe='')}/{quote(local, safe=_SAFE_PATH)}"


def doc_iri(name: str) -> str:
    return DOC + quote(name, safe="")


def assertion_iri(source: str, rel: str, target: str, source_doc: str) -> str:
    """Stable across builds: a hash of the edge's identity (one edge per source, type, target, document)."""
    key = "\x1f".join((source, rel, target, source_doc)).encode("utf-8", "surrogatepass")
    return ASSERTION + hashlib.blake2b(key, digest_size=12).hexdigest()


def xref_iri(prefix: str, local: str) -> str:
    base = XREF_IRI.get(prefix)
    if base is not None:
        return base + quote(local, safe="")
    return f"{BIOREGISTRY}{quote(prefix, safe='')}:{quote(local, safe='')}"


def same_as_iri(key: str, value: str) -> str:
    return SAME_AS[key] + quote(value, safe="/:;()")


# --- literal forms -----------------------------------------------------------------------------------


def decimal_lexical(x: float) -> str:
    """The shortest xsd:decimal form that reads back as the same float (never exponent notation)."""
    text = repr(float(x))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text if "." in text else text + ".0"


def year_lexical(year: int) -> str:
    """xsd:gYear needs at least four digits."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def to_lexical(kind: Kind, value: object) -> str:
    """The lexical form of a JSON value (not for DOCUMENT or XREFS, which are not plain literals)."""
    if kind is Kind.YEAR:
        return year_lexical(typing.cast(int, value))
    if kind is Kind.DECIMAL:
        return decimal_lexical(typing.cast(float, value))
    if kind is Kind.BOOLEAN:
        return "true" if value else "false"
    if kind is Kind.INTEGER:
        return str(int(typing.cast(int, value)))
    return typing.cast(str, value)


def from_lexical(kind: Kind, lexical: str) -> object:
    """The JSON value of a lexical form (inverse of :func:`to_lexical`)."""
    if kind in (Kind.YEAR, Kind.INTEGER):
        return int(lexical)
    if kind is Kind.DECIMAL:
        return float(lexical)
    if kind is Kind.BOOLEAN:
        if lexical not in ("true", "false", "1", "0"):
            raise ValueError(f"not an xsd:boolean: {lexical!r}")
        return lexical in ("true", "1")
    return lexical


def jsonld_context_text() -> str:
    """The committed text of ``ontology/context.jsonld``."""
    import json

    return json.dumps(jsonld_context(), indent=2, ensure_ascii=False) + "\n"


def jsonld_context() -> dict[str, object]:
    """The published JSON-LD context: class names and property local names as terms.

    Terms win over prefixes: the node prefixes ``doi``, ``pmid`` and ``journal`` share their names with
    properties, so nodes in those namespaces are written with full IRIs in JSON-LD.
    """
    terms: dict[str, object] = {}
    for label in NodeLabel:
        terms[label.value] = class_iri(label)
    terms["Assertion"] = ASSERTION_CLASS
    terms["SourceDocument"] = DOCUMENT_CLASS
    terms["fileName"] = FILE_NAME
    terms["label"] = RDFS_LABEL
    terms["altLabel"] = SKOS_ALTLABEL
    terms["sameAs"] = {"@id": OWL_SAMEAS, "@type": "@id"}
    terms["exactMatch"] = {"@id": SKOS_EXACTMATCH, "@type": "@id"}
    for part in ("subject", "predicate", "object"):
        terms[part] = {"@id": RDF + part, "@type": "@id"}
    for rel in RelType:
        terms[camel(rel.value)] = {"@id": rel_iri(rel), "@type": "@id"}
    for iri, spec in PROPERTIES.items():
        if iri.startswith(MKG):
            term: dict[str, str] = {"@id": iri}
            if spec.kind is Kind.DOCUMENT:
                term["@type"] = "@id"
            elif spec.kind is Kind.TEXT:
                term["@language"] = TEXT_LANGUAGE
            elif spec.kind not in (Kind.STRING, Kind.ENUM, Kind.XREFS):
                term["@type"] = DATATYPE[spec.kind]
            terms[iri.removeprefix(MKG)] = term
        if spec.multi:
            order: dict[str, str] = {"@id": spec.order_iri, "@container": "@list"}
            if spec.kind is Kind.DOCUMENT:
                order["@type"] = "@id"
            terms[spec.order_iri.removeprefix(MKG)] = order
    prefixes = {name: ns for name, ns in DATA_PREFIXES.items() if name not in terms}
    return {"@context": {**prefixes, **dict(sorted(terms.items()))}}
