"""The store: a directory holding every loaded document's extraction and the graph built from them.

Layout of a store directory (default ``.mecfs-kg`` in the current directory, or ``$MECFS_KG_STORE``):

- ``extractions.jsonl`` — one loader result per document, sorted by document name;
- ``graph.json`` — the JSON export of the graph built from all of them;
- ``ladybug/graph.lbug`` — the embedded Cypher database mirroring ``graph.json`` (``graph.api``).

Adding documents is incremental and idempotent: a document already stored with the same content is
left alone, a changed one replaces its old extraction, and nothing is removed unless asked
(:meth:`DocumentStore.wipe`). The graph is always rebuilt from all stored extractions, so it is the
same whatever order the documents arrived in.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graph.build import build_graph
from graph.jsonio import graph_from_json, to_json
from ontology.model import Extraction

DEFAULT_STORE = ".mecfs-kg"
EXTRACTIONS = "extractions.jsonl"
GRAPH = "graph.json"


def default_store() -> Path:
    return Path(os.environ.get("MECFS_KG_STORE", DEFAULT_STORE))


class StoreError(RuntimeError):
    pass


@dataclass(frozen=True)
class AddReport:
    new: int
    updated: int
    unchanged: int


class DocumentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self) -> bool:
        return (self.root / GRAPH).is_file()

    def extractions(self) -> dict[str, Extraction]:
        path = self.root / EXTRACTIONS
        if not path.exists():
            return {}
        out: dict[str, Extraction] = {}
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                try:
                    e = Extraction.model_validate_json(line)
                except ValueError as exc:
                    raise StoreError(f"{path}:{n}: damaged store record ({exc.__class__.__name__})") from exc
                out[e.doc] = e
        return out

    def add(self, extractions: Iterable[Extraction]) -> tuple[AddReport, nx.MultiDiGraph[str]]:
        """Merge new extractions into the store, rebuild and save the graph."""
        stored = self.extractions()
        new = updated = unchanged = 0
        for e in extractions:
            old = stored.get(e.doc)
            if old is None:
                new += 1
            elif old.sha256 == e.sha256:
                unchanged += 1
                continue
            else:
                updated += 1
            stored[e.doc] = e
        G = build_graph(stored.values())
        if new or updated or not self.exists():
            self._write(stored, G)
        self.sync_embedded()
        return AddReport(new, updated, unchanged), G

    def sync_embedded(self) -> None:
        """Bring the embedded Cypher database (``ladybug/``) up to date with ``graph.json``."""
        from graph.api import sync_embedded

        sync_embedded(self.root)

    def graph(self) -> nx.MultiDiGraph[str]:
        path = self.root / GRAPH
        if not path.exists():
            raise StoreError(f"no graph in {self.root}: run 'mecfs-kg build PATH…' first (or pass --store DIR)")
        return graph_from_json(path.read_text(encoding="utf-8"))

    def graph_json(self) -> str:
        path = self.root / GRAPH
        if not path.exists():
            raise StoreError(f"no graph in {self.root}: run 'mecfs-kg build PATH…' first (or pass --store DIR)")
        return path.read_text(encoding="utf-8")

    def wipe(self) -> None:
        from graph.api import remove_embedded

        remove_embedded(self.root)
        for name in (EXTRACTIONS, GRAPH):
            (self.root / name).unlink(missing_ok=True)

    def _write(self, stored: dict[str, Extraction], G: nx.MultiDiGraph[str]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        lines = "".join(stored[d].model_dump_json() + "\n" for d in sorted(stored))
        _atomic_write(self.root / EXTRACTIONS, lines)
        _atomic_write(self.root / GRAPH, to_json(G))


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    shutil.move(str(tmp), path)
