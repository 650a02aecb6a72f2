"""What every command module shares: the --store option, where the store is, how a command fails."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

STORE = click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Store directory (default: $MECFS_KG_STORE or ./.mecfs-kg).",
)


def store_dir(store: Path | None) -> Path:
    from graph.store import default_store

    return store if store is not None else default_store()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` on standard error and exit with ``code``."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)
