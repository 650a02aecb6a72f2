"""SPARQL over the graph: its RDF export loaded into an in-memory pyoxigraph store.

pyoxigraph (Oxigraph's Python binding) is a complete SPARQL 1.1 engine written in Rust; on a
million triples it answers in seconds where rdflib's pure-Python engine takes minutes. The query
sees the data prefixes (``mkg:``, ``drug:``, ``rdfs:``...) without declaring them.

>>> data = {"nodes": [{"id": "drug:x", "label": "Drug", "name": "x", "aliases": [], "source_docs": []}],
...         "edges": []}
>>> store = load_store(data)
>>> result = run_query(store, "SELECT ?name WHERE { ?d a mkg:Drug ; rdfs:label ?name }")
>>> print(format_table(result))
name
----
x
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.rdf_export import write_ntriples
from ontology.rdf_terms import DATA_PREFIXES, ONTOLOGY_PREFIXES

PREFIXES = {**ONTOLOGY_PREFIXES, **DATA_PREFIXES}
ONTOLOGY_FILE = Path(__file__).resolve().parents[1] / "ontology" / "mecfs-kg.ttl"


@dataclass
class QueryResult:
    """A SELECT result (``variables`` and ``rows``), an ASK result (``boolean``) or triples (CONSTRUCT)."""

    variables: list[str]
    rows: list[list[Any]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def load_store(data: dict[str, Any] | None = None, files: Iterable[Path] = (), ontology: bool = False) -> ox.Store:
    """An in-memory store holding the graph (a JSON export object), RDF files, and optionally the ontology."""
    store = ox.Store()
    if data is not None:  # through a temporary file: no second copy of the graph as one big string
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "graph.nt"
            with path.open("w", encoding="utf-8") as fh:
                write_ntriples(data, fh)
            store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
    for path in files:
        store.bulk_load(path=path)  # format from the file extension; quads keep their graphs
    if ontology:
        store.bulk_load(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)
    return store


def run_query(store: ox.Store, query: str) -> QueryResult:
    """Run a SPARQL query; named graphs (TriG files) are part of the default graph."""
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult([], [], boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return QueryResult(variables, [[solution[v] for v in variables] for solution in result])
    return QueryResult([], [], triples=list(result))


def _compact(iri: str) -> str:
    for name, ns in DATA_PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{name}:{iri[len(ns) :]}"
    return f"<{iri}>"


def cell(term: Any) -> str:
    """A readable cell: prefixed IRIs, literal values without quotes (numbers, years, text)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        text = str(term.value)
        return text.replace("\n", "\\n")
    return str(term)


def format_table(result: QueryResult) -> str:
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if result.triples is not None:
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result.triples)
    rows = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(v), *(len(r[i]) for r in rows)]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    return "\n".join(lines)


def serialize(store: ox.Store, query: str, fmt: str) -> bytes:
    """The standard SPARQL results serialisation (csv, tsv, json, xml) of a SELECT or ASK query."""
    formats = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
    }
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    return result.serialize(format=formats[fmt]) or b""
