"""The Python entry point: open a store, run named queries or Cypher, get rows as plain dicts::

    from graph.api import open_store

    with open_store() as store:  # the embedded store of ./.mecfs-kg
        store.query("null_results", drug="rituximab")
        # [{'drug_id': 'drug:rituximab', 'drug': 'rituximab', 'found_by_id': 'trial:rituximab-phase-3-fluge', ...}]
        store.cypher("MATCH (d:Drug) RETURN d.name AS name ORDER BY name LIMIT 2")
        # [{'name': 'anakinra'}, {'name': 'cyclophosphamide'}]

``open_store()`` opens the embedded database of the store directory (``--store DIR``, else
``$MECFS_KG_STORE``, else ``./.mecfs-kg``), read-only unless ``write=True``;
``open_store(neo4j=True)`` connects to the Neo4j named by ``NEO4J_URI`` & co, and
``open_store(neo4j="bolt://host:7687", user=…, password=…)`` to another one.

The embedded database (``<store>/ladybug/graph.lbug``) mirrors the store's ``graph.json``: ``mecfs-kg
build`` updates it after every build, and opening a store whose database is missing or older than
its ``graph.json`` brings it up to date first (incrementally: only what changed is written; nodes
and relationships the graph no longer has are removed, since the database is a derived copy).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from graph.cypher_store import CypherStore, LoadReport, StoreError
from graph.ladybug_store import LadybugStore
from graph.named_queries import NamedQuery, load_queries
from graph.store import GRAPH, default_store

EMBEDDED_DIR = "ladybug"
EMBEDDED_FILE = "graph.lbug"
SYNC_MARKER = "graph.json.sha256"  # digest of the graph.json the database mirrors


def embedded_path(root: Path) -> Path:
    return root / EMBEDDED_DIR / EMBEDDED_FILE


def remove_embedded(root: Path) -> None:
    shutil.rmtree(root / EMBEDDED_DIR, ignore_errors=True)


def sync_embedded(root: Path, *, wipe: bool = False) -> LoadReport | None:
    """Bring the store's embedded database up to date with its ``graph.json``; None if it already was."""
    graph_file = root / GRAPH
    if not graph_file.is_file():
        raise StoreError(f"no graph in {root}: run 'mecfs-kg build PATH…' first (or pass --store DIR)")
    raw = graph_file.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    marker = root / EMBEDDED_DIR / SYNC_MARKER
    db = embedded_path(root)
    if not wipe and db.exists() and marker.is_file() and marker.read_text(encoding="ascii").strip() == digest:
        return None
    marker.unlink(missing_ok=True)  # stale until the load below has committed
    with LadybugStore(db) as store:
        report = store.load(json.loads(raw), wipe=wipe, prune=True)
    marker.write_text(digest + "\n", encoding="ascii")
    return report


def open_store(
    path: str | Path | None = None,
    *,
    neo4j: str | bool | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    write: bool = False,
    batch_size: int | None = None,
) -> CypherStore:
    """The embedded store of a store directory (default), or a Neo4j database (``neo4j=``)."""
    if neo4j:
        from graph.neo4j_store import DEFAULT_BATCH, Neo4jConfig, Neo4jStore

        uri = neo4j if isinstance(neo4j, str) else None
        config = Neo4jConfig.from_env(uri, user, password, database)
        return Neo4jStore(config, batch_size=batch_size or DEFAULT_BATCH)
    root = Path(path) if path is not None else default_store()
    sync_embedded(root)
    return LadybugStore(embedded_path(root), read_only=not write)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query (name → description, parameters, example, text per backend)."""
    return dict(load_queries())
