"""The Cypher commands of ``mecfs-kg``: load, query, queries, cypher (registered by ``graph.cli``).

Heavy imports (the database drivers) happen inside the commands, as in ``graph.cli``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graph.cli_common import STORE
from graph.cli_common import fail as _fail

F = TypeVar("F", bound=Callable[..., Any])

FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
PARAM = click.option(
    "--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter; repeat for several."
)


def neo4j_options(f: F) -> F:
    """--neo4j and the connection flags; each flag falls back to its standard NEO4J_* variable."""
    options = [
        click.option("--neo4j", "use_neo4j", is_flag=True, help="Use Neo4j instead of the embedded store."),
        click.option("--uri", default=None, help="Bolt URI (default: $NEO4J_URI)."),
        click.option("--user", default=None, help="User name (default: $NEO4J_USERNAME, else neo4j)."),
        click.option(
            "--password",
            default=None,
            help="Password (default: $NEO4J_PASSWORD; prefer the variable, flags show in ps).",
        ),
        click.option("--database", default=None, help="Database name (default: $NEO4J_DATABASE, else the server's)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _pairs(params: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            _fail(f"--param takes NAME=VALUE, not {p!r}")
        out[name.strip()] = value
    return out


def _open(
    store: Path | None,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    *,
    write: bool = False,
) -> Any:
    from graph.api import open_store

    return open_store(
        store,
        neo4j=(uri or True) if use_neo4j or uri else None,
        user=user,
        password=password,
        database=database,
        write=write,
    )


@click.command("load")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@STORE
@click.option(
    "--to",
    "target",
    type=click.Choice(["embedded", "neo4j"]),
    default="embedded",
    show_default=True,
    help="Where to load the graph.",
)
@neo4j_options
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=5000, show_default=True, help="Neo4j: rows per transaction."
)
@click.option("--wipe", is_flag=True, help="Empty the target graph first (the document store is kept).")
@click.option(
    "--prune",
    is_flag=True,
    help="Neo4j: also remove nodes and relationships the graph no longer has (the embedded store always mirrors it).",
)
@click.option("--strict", is_flag=True, help="Stop at the first document that fails; load nothing.")
@click.pass_context
def load(
    ctx: click.Context,
    paths: tuple[Path, ...],
    store: Path | None,
    target: str,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    batch_size: int,
    wipe: bool,
    prune: bool,
    strict: bool,
) -> None:
    """Build the graph from documents (exactly as ``build`` does) and load it into a Cypher store.

    With no PATHS, loads the graph already in the store directory. Loads are idempotent and
    incremental: loading the same documents again changes nothing, new documents add only what they
    bring, changed properties are updated, and nothing is deleted unless --wipe or --prune.
    """
    from graph.api import sync_embedded
    from graph.cypher_store import StoreError
    from graph.store import DocumentStore, default_store
    from graph.store import StoreError as DocumentStoreError

    root = store if store is not None else default_store()
    failed = False
    if paths:
        build = ctx.find_root().command.get_command(ctx, "build")  # type: ignore[attr-defined]
        try:
            ctx.invoke(build, paths=paths, store=store, strict=strict, wipe=False)
        except SystemExit as exc:
            if exc.code not in (0, None):
                if strict:
                    raise
                failed = True
    try:
        if target == "neo4j" or use_neo4j or uri:
            from graph.neo4j_store import Neo4jConfig, Neo4jStore

            data = json.loads(DocumentStore(root).graph_json())
            config = Neo4jConfig.from_env(uri, user, password, database)
            with Neo4jStore(config, batch_size=batch_size) as neo:
                report = neo.load(data, wipe=wipe, prune=prune)
            click.echo(f"Neo4j {config.uri}: {report}")
        else:
            embedded = sync_embedded(root, wipe=wipe)
            click.echo(f"embedded store {root}: {embedded if embedded else 'in step with graph.json'}")
    except (StoreError, DocumentStoreError) as exc:
        _fail(str(exc))
    if failed:
        sys.exit(1)


@click.command("query")
@click.argument("name")
@PARAM
@STORE
@neo4j_options
@FORMAT
def query(
    name: str,
    params: tuple[str, ...],
    store: Path | None,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    fmt: str,
) -> None:
    """Run a named query (see ``mecfs-kg queries``) on the embedded store or on Neo4j."""
    from graph.cypher_store import StoreError
    from graph.named_queries import QueryError
    from graph.row_output import format_rows
    from graph.store import StoreError as DocumentStoreError

    try:
        with _open(store, use_neo4j, uri, user, password, database) as s:
            rows = s.query(name, **_pairs(params))
    except (QueryError, StoreError, DocumentStoreError) as exc:
        _fail(str(exc))
    click.echo(format_rows(rows, fmt))


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def queries(fmt: str) -> None:
    """List the named queries: what each answers, its parameters and an example."""
    from graph.named_queries import load_queries

    qs = load_queries()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": q.name,
                        "description": q.description,
                        "example": q.example,
                        "params": [
                            {
                                "name": p.name,
                                "type": p.type,
                                "required": p.required,
                                "default": p.default,
                                "help": p.help,
                            }
                            for p in q.params
                        ],
                    }
                    for q in qs.values()
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    for q in qs.values():
        click.echo(click.style(q.name, bold=True) + f"  ({q.usage()})")
        click.echo(f"  {q.description}")
        for p in q.params:
            click.echo(f"    {p.name}: {p.help}")
        click.echo(f"  e.g. {q.example}\n")


@click.command("cypher")
@click.argument("text")
@PARAM
@STORE
@neo4j_options
@click.option("--write", is_flag=True, help="Allow a statement that writes (refused otherwise).")
@FORMAT
def cypher(
    text: str,
    params: tuple[str, ...],
    store: Path | None,
    use_neo4j: bool,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    write: bool,
    fmt: str,
) -> None:
    """Run ad-hoc Cypher, read-only unless --write. Parameter values are JSON when they parse as it.

    \b
    mecfs-kg cypher "MATCH (d:Drug) RETURN d.name AS drug ORDER BY drug LIMIT 5"
    mecfs-kg cypher "MATCH (s:Study) WHERE s.year >= \\$y RETURN s.name" --param y=2020 --neo4j
    """
    from graph.cypher_store import StoreError
    from graph.row_output import format_rows
    from graph.store import StoreError as DocumentStoreError

    values: dict[str, Any] = {}
    for k, v in _pairs(params).items():
        try:
            values[k] = json.loads(v)
        except ValueError:
            values[k] = v
    try:
        with _open(store, use_neo4j, uri, user, password, database, write=write) as s:
            rows = s.cypher(text, values, write=write)
    except (StoreError, DocumentStoreError) as exc:
        _fail(str(exc))
    click.echo(format_rows(rows, fmt))


def register(group: click.Group) -> None:
    for command in (load, query, queries, cypher):
        group.add_command(command)
