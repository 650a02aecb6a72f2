"""The ``mecfs-kg`` command line: a thin click group; heavy imports happen inside commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

STORE = click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Store directory (default: $MECFS_KG_STORE or ./.mecfs-kg).",
)


def _store_dir(store: Path | None) -> Path:
    from graph.store import default_store

    return store if store is not None else default_store()


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


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
    from loaders import ParseError, iter_documents, load_path

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
    extractions = []
    seen: dict[str, Path] = {}
    with click.progressbar(files, label="loading", file=sys.stderr, hidden=len(files) < 200) as bar:
        for f in bar:
            try:
                if f.name in seen:
                    raise ParseError(f.name, 1, f"a document with this name was already read from {seen[f.name]}")
                extractions.append(load_path(f))
                seen[f.name] = f
            except ParseError as exc:
                failures += 1
                click.echo(f"error: {f.parent / str(exc)}", err=True)
                if strict:
                    click.echo("stopped (--strict): nothing saved", err=True)
                    sys.exit(1)
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


@main.command()
@STORE
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True, help="Export format.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: standard output).",
)
def export(store: Path | None, fmt: str, out: Path | None) -> None:
    """Export the graph (JSON: the stable contract in docs/json-export.md)."""
    from graph.store import DocumentStore, StoreError

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


if __name__ == "__main__":
    main()
