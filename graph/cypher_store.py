"""What every Cypher store does, whatever the backend: idempotent incremental loads, counts, queries.

A load reads what the store already holds (:meth:`CypherStore.snapshot`), works out a plan with
:func:`graph.load_plan.plan_load` (the nodes and relationships to create, the ones whose properties
changed, and only when asked the ones the graph no longer has) and lets the backend apply it.
Both backends apply the same plan, so they hold the same data.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar

from graph.ddl import edge_columns, node_columns, quote
from graph.load_plan import (
    EDGE_FIELDS,
    EdgeKey,
    LoadPlan,
    Record,
    RelGroup,
    Row,
    Snapshot,
    StoreError,
    edge_record,
    node_fields,
    node_record,
    plan_load,
)
from graph.named_queries import get_query
from ontology.enums import NodeLabel, RelType
from ontology.schema import endpoint_pairs, identifier

__all__ = [
    "CypherStore",
    "EdgeKey",
    "LoadPlan",
    "LoadReport",
    "Record",
    "RelGroup",
    "Row",
    "Snapshot",
    "StoreError",
    "delete_edges_query",
    "delete_nodes_query",
    "edge_record",
    "node_record",
    "plan_load",
]


@dataclass(frozen=True)
class LoadReport:
    nodes_created: int
    nodes_updated: int
    nodes_unchanged: int
    rels_created: int
    rels_updated: int
    rels_unchanged: int
    stale_nodes: int
    stale_rels: int
    removed: bool
    seconds: float

    def __str__(self) -> str:
        text = (
            f"nodes: {self.nodes_created} created, {self.nodes_updated} updated, {self.nodes_unchanged} unchanged; "
            f"relationships: {self.rels_created} created, {self.rels_updated} updated, "
            f"{self.rels_unchanged} unchanged ({self.seconds:.2f} s)"
        )
        if self.stale_nodes or self.stale_rels:
            verb = "removed" if self.removed else "kept (no longer in the graph; --wipe reloads clean)"
            text += f"; {self.stale_nodes} nodes and {self.stale_rels} relationships {verb}"
        return text


def snapshot_node_query(label: NodeLabel) -> str:
    """Every node of a label, its columns in record order (``node_fields``)."""
    cols = ", ".join(f"n.{quote(c.name)} AS {quote(c.name)}" for c in node_columns(label))
    return f"MATCH (n:{identifier(label)}) RETURN {cols}"


def snapshot_edge_query(group: RelGroup) -> str:
    """Every relationship of a group, its columns in record order (``EDGE_FIELDS``)."""
    rel, src, tgt = group
    cols = ", ".join(f"r.{quote(c.name)} AS {quote(c.name)}" for c in edge_columns())
    return (
        f"MATCH (a:{identifier(src)})-[r:{identifier(rel)}]->(b:{identifier(tgt)}) "
        f"RETURN a.`id` AS `source`, b.`id` AS `target`, {cols}"
    )


def delete_edges_query(group: RelGroup) -> str:
    """Delete the relationships in ``$rows`` ({source, target, source_doc}); the same text on both backends."""
    rel, src, tgt = group
    return (
        f"UNWIND $rows AS row MATCH (a:{identifier(src)} {{id: row.source}})-[r:{identifier(rel)}]->"
        f"(b:{identifier(tgt)} {{id: row.target}}) WHERE r.source_doc = row.source_doc DELETE r"
    )


def delete_nodes_query(label: NodeLabel) -> str:
    """Delete the nodes whose ids are in ``$rows`` ({id}), with their relationships."""
    return f"UNWIND $rows AS row MATCH (n:{identifier(label)} {{id: row.id}}) DETACH DELETE n"


def all_groups() -> Iterator[RelGroup]:
    for rel in RelType:
        for src, tgt in endpoint_pairs(rel):
            yield rel, src, tgt


def _total(groups: Mapping[Any, list[Any]]) -> int:
    return sum(len(rows) for rows in groups.values())


class CypherStore(ABC):
    """A graph store that speaks Cypher. Use as a context manager, or call :meth:`close`."""

    backend: ClassVar[str]

    @abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement (reads and writes) and return its rows as dicts."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement that must not write."""
        return self.run(query, params)

    def read_records(self, query: str) -> list[Record]:
        """A read returning many rows of plain values (the snapshot), as tuples in ``RETURN`` order;
        backends may fetch them faster than :meth:`read`."""
        return [tuple(row.values()) for row in self.read(query)]

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create what the backend needs before data goes in (tables, constraints); idempotent."""

    @abstractmethod
    def wipe(self) -> None:
        """Remove every node and relationship of the schema's labels and types."""

    @abstractmethod
    def apply(self, plan: LoadPlan) -> None:
        """Carry out a load plan."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> CypherStore:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def snapshot(self) -> Snapshot:
        snap = Snapshot()
        for label in NodeLabel:
            for record in self.read_records(snapshot_node_query(label)):
                snap.nodes[(label, record[0])] = record  # id first
        present = {label for label, _ in snap.nodes}
        for group in all_groups():
            if group[1] not in present or group[2] not in present:
                continue  # no relationship without both ends: a read saved (all of them in an empty store)
            kind = group[0].value
            for record in self.read_records(snapshot_edge_query(group)):
                snap.edges[(record[0], kind, record[1], record[3])] = (group, record)  # as in EDGE_FIELDS
        return snap

    def load(self, data: Mapping[str, Any], *, wipe: bool = False, prune: bool = False) -> LoadReport:
        """Load a JSON-export graph: adds and updates; removes nothing unless ``wipe`` or ``prune``."""
        start = time.perf_counter()
        if wipe:
            self.wipe()
        self.ensure_schema()
        # A load allocates hundreds of thousands of acyclic objects; cyclic GC passes over a big live
        # heap (a build keeps every extraction alive) would only add seconds.
        collecting = gc.isenabled()
        gc.disable()
        try:
            plan = plan_load(self.snapshot(), data, prune=prune)
            self.apply(plan)
            report = LoadReport(
                nodes_created=_total(plan.create_nodes),
                nodes_updated=_total(plan.update_nodes),
                nodes_unchanged=plan.unchanged_nodes,
                rels_created=_total(plan.create_edges),
                rels_updated=_total(plan.update_edges),
                rels_unchanged=plan.unchanged_edges,
                stale_nodes=plan.stale_nodes,
                stale_rels=plan.stale_edges,
                removed=prune,
                seconds=0.0,
            )
            # Freed while collection is off: the first pass after gc.enable() would otherwise walk
            # every record still alive (~0.1 s for the 10,000-document benchmark graph).
            del plan
        finally:
            if collecting:
                gc.enable()
        return dataclasses.replace(report, seconds=time.perf_counter() - start)

    def export_data(self) -> dict[str, Any]:
        """What the store holds, as the JSON export (same order and keys as ``graph.jsonio.to_data``)."""
        snap = self.snapshot()
        nodes = [
            node_record(lab, dict(zip(node_fields(lab), record, strict=True)))
            for (lab, _), record in sorted(snap.nodes.items(), key=lambda kv: kv[0][1])
        ]
        edges = [
            edge_record(dict(zip(EDGE_FIELDS, record, strict=True))) for _, (_, record) in sorted(snap.edges.items())
        ]
        return {"schema_version": 1, "nodes": nodes, "edges": edges}

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (zero ones included)."""
        out: dict[str, int] = {}
        for label in NodeLabel:
            out[label.value] = int(self.read(f"MATCH (n:{identifier(label)}) RETURN count(n) AS c")[0]["c"])
        for rel in RelType:
            out[rel.value] = int(self.read(f"MATCH ()-[r:{identifier(rel)}]->() RETURN count(r) AS c")[0]["c"])
        return out

    def query(self, name: str, **params: Any) -> list[Row]:
        """Run a named query from ``queries/`` with its declared parameters (defaults filled in)."""
        text, bound = get_query(name).render(self.backend, params)
        return self.read(text, bound)

    def cypher(self, text: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[Row]:
        """Ad-hoc Cypher; refused if it writes, unless ``write``."""
        return self.run(text, params) if write else self.read(text, params)
