"""``mecfs-kg show``: draw the neighbourhood of a node (registered on the group in ``graph/cli.py``)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli_common import STORE
from graph.cli_common import fail as _fail
from graph.cypher_cli import neo4j_options


@click.command("show")
@click.argument("name")
@click.option("--depth", type=click.IntRange(0, 4), default=2, show_default=True, help="Hops out from the node.")
@click.option(
    "--types",
    "types",
    multiple=True,
    metavar="TYPE[,TYPE…]",
    help="Keep only these node labels and/or relationship types (e.g. Drug,Trial or NULL_RESULT); repeatable.",
)
@click.option("--since", type=int, default=None, metavar="YEAR", help="Leave out studies and news older than YEAR.")
@click.option(
    "--max-nodes",
    type=click.IntRange(0),
    default=60,
    show_default=True,
    help="Keep at most this many nodes (nearest and best connected first); 0: no cap.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write .html (interactive), .svg, .png, .dot or .mmd (Mermaid); the format follows the suffix.",
)
@STORE
@neo4j_options
def show(
    name: str,
    depth: int,
    types: tuple[str, ...],
    since: int | None,
    max_nodes: int,
    out: Path | None,
    store: Path | None,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
) -> None:
    """Draw everything within --depth hops of NAME (a name, synonym or id), from the store or Neo4j.

    Example: mecfs-kg show neuroinflammation --out neuroinflammation.html
    """
    from graph.api import open_store
    from graph.cypher_store import StoreError
    from graph.lookup import LookupFailed
    from graph.neighbourhood import FilterError, split_types
    from graph.neighbourhood_store import store_neighbourhood
    from graph.render import FORMATS, render
    from graph.store import StoreError as DocumentStoreError

    if out is not None and out.suffix.lower() not in FORMATS:
        _fail(f"cannot tell the format from {out.name!r}; use one of {', '.join(FORMATS)}")
    try:
        split_types(types)  # an unknown type is reported before anything is opened
        with open_store(
            store, neo4j=(uri or True) if use_neo4j or uri else None, user=user, password=password, database=database
        ) as db:
            H, summary = store_neighbourhood(
                db, name, depth=depth, types=types, since=since, max_nodes=max_nodes or None
            )
    except (LookupFailed, FilterError, StoreError, DocumentStoreError) as exc:
        _fail(str(exc))
    click.echo(str(summary), err=out is None)
    if out is None:
        for n in sorted(H.nodes, key=lambda n: (H.nodes[n]["distance"], n)):
            d = H.nodes[n]
            click.echo(f"{d['distance']}\t{d.get('label')}\t{n}\t{d.get('name')}")
        return
    try:
        render(H, out, str(summary))
    except RuntimeError as exc:  # PNG without CairoSVG / libcairo
        _fail(str(exc))
    click.echo(f"wrote {out}", err=True)


def register(group: click.Group) -> None:
    group.add_command(show)
