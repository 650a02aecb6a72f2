"""The ``mecfs-kg`` command line: a thin click group; heavy imports happen inside commands."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.cli_common import STORE
from graph.cli_common import fail as _fail
from graph.cli_common import store_dir as _store_dir
from graph.cypher_cli import register as register_cypher_commands
from graph.show_cli import register as register_show_command

if TYPE_CHECKING:
    from ontology.model import Extraction


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mecfs-kg")
def main() -> None:
    """A knowledge graph of ME/CFS and long COVID research.

    Build it from ME/CFS Atlas entries and conference news, look at what it says, export it.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE
@click.option("--strict", is_flag=True, help="Stop at the first document that fails (nothing is saved).")
@click.option("--wipe", is_flag=True, help="Empty the store before loading (otherwise loads add to it).")
def build(paths: tuple[Path, ...], store: Path | None, strict: bool, wipe: bool) -> None:
    """Read documents (files, or the .txt files under folders) and save the graph in the store.

    Loading is incremental: documents already in the store are kept, a document loaded again with
    the same content changes nothing. A document that cannot be parsed is reported with its file,
    line and reason; the rest still load and the exit code is 1.
    """
    from graph.store import DocumentStore
    from loaders import batch, iter_documents

    root = _store_dir(store)
    files: list[Path] = []
    failures = 0
    for p in paths:
        if not p.exists():
            click.echo(f"error: {p}: no such file or folder", err=True)
            failures += 1
            if strict:
                sys.exit(1)
            continue
        files.extend(iter_documents([p]))
    with batch():
        extractions, unread = _read_documents(files, strict)
        failures += unread
        ds = DocumentStore(root)
        if wipe:
            ds.wipe()
        report, G = ds.add(extractions)
    click.echo(
        f"{len(extractions)} documents read ({report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged), {failures} failed; graph: {G.number_of_nodes()} nodes, "
        f"{G.number_of_edges()} edges in {root}"
    )
    if failures:
        sys.exit(1)


def _read_documents(files: list[Path], strict: bool) -> tuple[list[Extraction], int]:
    """Parse each file, reporting failures (file:line: reason); ``--strict`` stops at the first."""
    from loaders import ParseError, load_path

    extractions: list[Extraction] = []
    failures = 0
    seen: dict[str, Path] = {}
    with click.progressbar(files, label="loading", file=sys.stderr, hidden=len(files) < 200) as bar:
        for f in bar:
            try:
                if f.name in seen:
                    raise ParseError(f.name, 1, f"a document with this name was already read from {seen[f.name]}")
                extraction = load_path(f)
                for warning in extraction.warnings:
                    click.echo(f"warning: {f.parent / warning}", err=True)
                extractions.append(extraction)
                seen[f.name] = f
            except ParseError as exc:
                failures += 1
                click.echo(f"error: {f.parent / str(exc)}", err=True)
                if strict:
                    click.echo("stopped (--strict): nothing saved", err=True)
                    sys.exit(1)
    return extractions, failures


@main.command()
@STORE
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "turtle", "nt", "jsonld", "trig"]),
    default="json",
    show_default=True,
    help="json (docs/json-export.md), or RDF: turtle, nt (N-Triples), jsonld, trig (a graph per document).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: standard output).",
)
def export(store: Path | None, fmt: str, out: Path | None) -> None:
    """Export the graph: JSON (the stable contract in docs/json-export.md) or RDF with evidence kept."""
    from graph.store import DocumentStore, StoreError

    if fmt != "json":
        _export_rdf(store, fmt, out)
        return
    try:
        text = DocumentStore(_store_dir(store)).graph_json()
    except StoreError as exc:
        _fail(str(exc))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


@main.command()
@STORE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store: Path | None, fmt: str) -> None:
    """Counts of nodes by label and of edges by relationship type."""
    import json

    from graph.report import graph_stats, stats_table
    from graph.store import DocumentStore, StoreError

    try:
        G = DocumentStore(_store_dir(store)).graph()
    except StoreError as exc:
        _fail(str(exc))
    data = graph_stats(G)
    click.echo(json.dumps(data, indent=1, sort_keys=True) if fmt == "json" else stats_table(data))


@main.command()
@click.argument("name")
@STORE
@click.option("--label", default=None, help="Only consider nodes with this label (e.g. Mechanism).")
def explain(name: str, store: Path | None, label: str | None) -> None:
    """Show one node (by name, synonym or id) with its edges and their evidence sentences."""
    from graph.lookup import LookupFailed, find_node
    from graph.report import explain_node
    from graph.store import DocumentStore, StoreError

    try:
        G = DocumentStore(_store_dir(store)).graph()
        node = find_node(G, name, label)
    except (StoreError, LookupFailed) as exc:
        _fail(str(exc))
    click.echo(explain_node(G, node))


def _export_rdf(store: Path | None, fmt: str, out: Path | None) -> None:
    """Stream the RDF export (the JSON text is parsed and dropped before writing starts)."""
    import json

    from graph.rdf_export import WRITERS
    from graph.store import DocumentStore, StoreError

    try:
        data = json.loads(DocumentStore(_store_dir(store)).graph_json())
    except StoreError as exc:
        _fail(str(exc))
    if out is None:
        # UTF-8 whatever the terminal's locale; detached so standard output stays open.
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
        WRITERS[fmt](data, stream)
        stream.flush()
        stream.detach()
        return
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        WRITERS[fmt](data, fh)
    click.echo(f"wrote {out}", err=True)


@main.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nt", "trig", "nq", "jsonld"]),
    default=None,
    help="RDF syntax (default: from the file extension).",
)
@STORE
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the JSON export to this file instead of into the store.",
)
@click.option("--replace", is_flag=True, help="Replace the graph of a store that already holds one.")
def import_rdf(file: Path, fmt: str | None, store: Path | None, out: Path | None, replace: bool) -> None:
    """Rebuild the property graph from an RDF export (Turtle, N-Triples, TriG, JSON-LD).

    Nodes, edges and their evidence come back exactly as exported. The graph goes into the store, which
    then holds no source documents (a later build starts from the new documents only), or with --out
    into a JSON export file.
    """
    from graph.jsonio import graph_from_data, to_json
    from graph.rdf_import import SUFFIXES, RdfImportError, read_rdf, save_to_store
    from graph.store import DocumentStore

    fmt = fmt or SUFFIXES.get(file.suffix.lower())
    if fmt is None:
        _fail(f"{file}: cannot tell the RDF syntax from the file name; pass --format")
        return
    try:
        data = read_rdf(file, fmt)
    except RdfImportError as exc:
        _fail(f"{file}: {exc}")
    summary = f"{len(data['nodes'])} nodes, {len(data['edges'])} edges"
    if out is not None:
        out.write_text(to_json(graph_from_data(data)), encoding="utf-8")
        click.echo(f"{summary} written to {out}", err=True)
        return
    root = _store_dir(store)
    if DocumentStore(root).exists() and not replace:
        _fail(f"{root} already holds a graph: pass --replace, or another --store")
    save_to_store(root, data)
    click.echo(f"{summary} imported into {root}")


@main.command()
@click.argument("query", required=False)
@click.option(
    "--query-file",
    "-f",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Read the query from this file.",
)
@STORE
@click.option(
    "--data",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Query these RDF files (.ttl, .nt, .trig, .jsonld) instead of the store; repeatable.",
)
@click.option("--with-ontology", is_flag=True, help="Also load the ontology (class hierarchy and alignments).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="table, or a standard SPARQL results format.",
)
def sparql(
    query: str | None,
    query_file: Path | None,
    store: Path | None,
    files: tuple[Path, ...],
    with_ontology: bool,
    fmt: str,
) -> None:
    """Run a SPARQL query over the graph's RDF export.

    The prefixes of the export (mkg:, rdf:, rdfs:, skos:, drug:, mechanism:, ...) are predeclared.
    Example: mecfs-kg sparql "SELECT ?name WHERE { ?d a mkg:Drug ; rdfs:label ?name }"
    """
    import json

    from graph.sparql import format_table, load_store, run_query, serialize
    from graph.store import DocumentStore, StoreError

    if (query is None) == (query_file is None):
        _fail("give the query as an argument or with --query-file (one of the two)", code=2)
    text = query if query is not None else query_file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    try:
        data = None if files else json.loads(DocumentStore(_store_dir(store)).graph_json())
        db = load_store(data, files, ontology=with_ontology)
        if fmt == "table":
            click.echo(format_table(run_query(db, text)))
        else:
            sys.stdout.buffer.write(serialize(db, text, fmt))
            sys.stdout.buffer.flush()
    except StoreError as exc:
        _fail(str(exc))
    except SyntaxError as exc:  # pyoxigraph reports query and RDF syntax errors as SyntaxError
        _fail(f"syntax error: {exc}", code=2)


register_cypher_commands(main)  # load, query, queries, cypher (graph/cypher_cli.py)
register_show_command(main)  # show (graph/show_cli.py)

if __name__ == "__main__":
    main()
