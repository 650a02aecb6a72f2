"""What every Cypher store does, whatever the backend: idempotent incremental loads, counts, queries.

A load takes the JSON export (``graph.jsonio.to_data``), reads what the store already holds, and
works out a :class:`LoadPlan`: the nodes and relationships to create, the ones whose properties
changed, and (only when asked) the ones the graph no longer has. Identity is the JSON contract's:
a node is its ``id`` (within its label), a relationship is (source, type, target, source_doc).
Loading the same graph twice therefore changes nothing, and a graph with one more document adds
only what that document brings. Both backends apply the same plan, so they hold the same data.
"""

from __future__ import annotations

import gc
import json
import time
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import TracebackType
from typing import Any, ClassVar

from graph.ddl import Column, Kind, column_names, edge_columns, node_columns, quote
from graph.named_queries import get_query
from ontology.enums import NodeLabel, RelType
from ontology.schema import SchemaError, check_endpoints, endpoint_pairs, identifier

Row = dict[str, Any]
RelGroup = tuple[RelType, NodeLabel, NodeLabel]
EdgeKey = tuple[str, str, str, str]  # source, type, target, source_doc


class StoreError(RuntimeError):
    """Data a store cannot hold as given, or a store that cannot be used."""


@dataclass
class Snapshot:
    """What a store holds, in stored form: nodes by (label, id), relationships by their identity."""

    nodes: dict[tuple[NodeLabel, str], Row] = field(default_factory=dict)
    edges: dict[EdgeKey, tuple[RelGroup, Row]] = field(default_factory=dict)


@dataclass
class LoadPlan:
    create_nodes: dict[NodeLabel, list[Row]] = field(default_factory=lambda: defaultdict(list))
    update_nodes: dict[NodeLabel, list[Row]] = field(default_factory=lambda: defaultdict(list))
    delete_nodes: dict[NodeLabel, list[str]] = field(default_factory=lambda: defaultdict(list))
    create_edges: dict[RelGroup, list[Row]] = field(default_factory=lambda: defaultdict(list))
    update_edges: dict[RelGroup, list[Row]] = field(default_factory=lambda: defaultdict(list))
    delete_edges: dict[RelGroup, list[Row]] = field(default_factory=lambda: defaultdict(list))
    unchanged_nodes: int = 0
    unchanged_edges: int = 0
    stale_nodes: int = 0
    stale_edges: int = 0


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


# Values of these exact types are stored as they are; anything else takes the checked path.
_AS_IS: dict[Kind, tuple[type, ...]] = {
    Kind.STRING: (str,),
    Kind.INT: (int,),
    Kind.FLOAT: (float,),
    Kind.BOOL: (bool,),
    Kind.STRING_LIST: (),
    Kind.JSON: (),
}


def encode(column: Column, value: Any, where: Callable[[], str]) -> Any:
    """A JSON value as stored; raises :class:`StoreError` rather than store something else."""
    if value is None or type(value) in _AS_IS[column.kind]:
        return value
    kind = column.kind
    if kind is Kind.STRING and isinstance(value, str):
        return str(value)  # a StrEnum member, say
    if kind is Kind.FLOAT and type(value) is int:
        return float(value)
    if kind is Kind.STRING_LIST and isinstance(value, list) and all(type(x) is str for x in value):
        return list(value)
    if kind is Kind.JSON and isinstance(value, dict) and all(type(v) is str for v in value.values()):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    raise StoreError(f"{where()}: {column.name} should be a {kind.value}, not {value!r}")


def decode(column: Column, value: Any) -> Any:
    if column.kind is Kind.JSON and value is not None:
        return json.loads(value)
    if column.kind is Kind.STRING_LIST and value is not None:
        return list(value)
    return value


_LABELS = {lab.value: lab for lab in NodeLabel}
_RELS = {rel.value: rel for rel in RelType}
_GROUPS = frozenset((rel, s, t) for rel in RelType for s, t in endpoint_pairs(rel))
_EDGE_SPEC = tuple((c.name, c, _AS_IS[c.kind]) for c in edge_columns())
_EDGE_KEYS = frozenset(c.name for c in edge_columns()) | {"source", "target"}


@cache
def _node_spec(label: NodeLabel) -> tuple[tuple[str, Column, tuple[type, ...]], ...]:
    return tuple((c.name, c, _AS_IS[c.kind]) for c in node_columns(label))


def stored_node(node: Mapping[str, Any]) -> tuple[NodeLabel, Row]:
    """A JSON-export node object as (label, stored properties); every column present, absent ones null."""

    def where() -> str:
        return f"node {node.get('id')!r}"

    label = _LABELS.get(node.get("label"))  # type: ignore[arg-type]
    if label is None:
        raise StoreError(f"{where()}: no known label ({node.get('label')!r})")
    cols = node_columns(label)
    if len(node) > len(cols) or not set(node) <= column_names(label):
        unknown = sorted(set(node) - column_names(label))
        raise StoreError(f"{where()}: {unknown} not in the {label} schema (would be lost)")
    if type(node.get("id")) is not str:
        raise StoreError(f"{where()}: id must be a string")
    row: Row = {}
    for name, col, as_is in _node_spec(label):  # encode() only when needed, as for relationships
        v = node.get(name)
        row[name] = v if v is None or type(v) in as_is else encode(col, v, where)
    return label, row


def stored_edge(edge: Mapping[str, Any], labels: Mapping[str, NodeLabel]) -> tuple[RelGroup, EdgeKey, Row]:
    """A JSON-export edge object as (group, identity, stored properties incl. source and target)."""

    def where() -> str:
        return f"edge {edge.get('source')!r} -{edge.get('type')}-> {edge.get('target')!r}"

    kind: Any = edge.get("type")
    rel = _RELS.get(kind)
    src, tgt = labels.get(edge.get("source")), labels.get(edge.get("target"))  # type: ignore[arg-type]
    if rel is None or src is None or tgt is None:
        raise StoreError(f"{where()}: unknown type, or an endpoint that is not among the graph's nodes")
    group = (rel, src, tgt)
    if group not in _GROUPS:
        try:
            check_endpoints(rel, src, tgt)
        except SchemaError as exc:
            raise StoreError(f"{where()}: {exc}") from exc
    if not set(edge) <= _EDGE_KEYS:
        raise StoreError(f"{where()}: {sorted(set(edge) - _EDGE_KEYS)} not in the relationship schema (would be lost)")
    doc = edge.get("source_doc")
    if type(doc) is not str:
        raise StoreError(f"{where()}: source_doc must be a string")
    row: Row = {"source": edge["source"], "target": edge["target"]}
    for name, col, as_is in _EDGE_SPEC:  # the hot loop of a load: encode() only when needed
        v = edge.get(name)
        row[name] = v if v is None or type(v) in as_is else encode(col, v, where)
    return group, (edge["source"], kind, edge["target"], doc), row  # kind == rel.value


def node_record(label: NodeLabel, row: Row) -> Row:
    """Stored properties back to the JSON-export node object (nulls left out, as the contract says)."""
    out = {c.name: decode(c, row.get(c.name)) for c in node_columns(label)}
    return {k: v for k, v in out.items() if v is not None}


def edge_record(row: Row) -> Row:
    out = {"source": row["source"], "target": row["target"]}
    out.update({c.name: decode(c, row.get(c.name)) for c in edge_columns()})
    return {k: v for k, v in out.items() if v is not None}


def plan_load(held: Snapshot, data: Mapping[str, Any], *, prune: bool = False) -> LoadPlan:
    """Compare the graph to load with what the store holds (both in stored form)."""
    plan = LoadPlan()
    labels: dict[str, NodeLabel] = {}
    for node in data["nodes"]:
        label, row = stored_node(node)
        if row["id"] in labels:
            raise StoreError(f"node id {row['id']!r} appears twice in the graph")
        labels[row["id"]] = label
        old = held.nodes.get((label, row["id"]))
        if old is None:
            plan.create_nodes[label].append(row)
        elif old != row:
            plan.update_nodes[label].append(row)
        else:
            plan.unchanged_nodes += 1
    seen: set[EdgeKey] = set()
    for edge in data["edges"]:
        group, key, row = stored_edge(edge, labels)
        if key in seen:
            raise StoreError(f"relationship {key} appears twice in the graph")
        seen.add(key)
        held_edge = held.edges.get(key)
        if held_edge is None or held_edge[0] != group:
            plan.create_edges[group].append(row)
        elif held_edge[1] != row:
            plan.update_edges[group].append(row)
        else:
            plan.unchanged_edges += 1
    stale_nodes = [(lab, nid) for lab, nid in held.nodes if labels.get(nid) is not lab]
    stale_edges = [(key, group) for key, (group, _) in held.edges.items() if key not in seen]
    plan.stale_nodes, plan.stale_edges = len(stale_nodes), len(stale_edges)
    if prune:
        for lab, nid in stale_nodes:
            plan.delete_nodes[lab].append(nid)
        for (s, _, t, doc), group in stale_edges:
            plan.delete_edges[group].append({"source": s, "target": t, "source_doc": doc})
    return plan


def snapshot_node_query(label: NodeLabel) -> str:
    cols = ", ".join(f"n.{quote(c.name)} AS {quote(c.name)}" for c in node_columns(label))
    return f"MATCH (n:{identifier(label)}) RETURN {cols}"


def snapshot_edge_query(group: RelGroup) -> str:
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


class CypherStore(ABC):
    """A graph store that speaks Cypher. Use as a context manager, or call :meth:`close`."""

    backend: ClassVar[str]

    @abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement (reads and writes) and return its rows as dicts."""

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one statement that must not write."""
        return self.run(query, params)

    def read_table(self, query: str) -> list[Row]:
        """A read returning many rows of plain values (the snapshot); backends may stream it faster."""
        return self.read(query)

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
            for row in self.read_table(snapshot_node_query(label)):
                snap.nodes[(label, row["id"])] = row
        for group in all_groups():
            for row in self.read_table(snapshot_edge_query(group)):
                snap.edges[(row["source"], group[0].value, row["target"], row["source_doc"])] = (group, row)
        return snap

    def load(self, data: Mapping[str, Any], *, wipe: bool = False, prune: bool = False) -> LoadReport:
        """Load a JSON-export graph: adds and updates; removes nothing unless ``wipe`` or ``prune``."""
        start = time.perf_counter()
        if wipe:
            self.wipe()
        self.ensure_schema()
        # A load allocates hundreds of thousands of acyclic dicts; cyclic GC passes over a big live
        # heap (a build keeps every extraction alive) would only add seconds.
        collecting = gc.isenabled()
        gc.disable()
        try:
            plan = plan_load(self.snapshot(), data, prune=prune)
            self.apply(plan)
        finally:
            if collecting:
                gc.enable()

        def total(groups: Mapping[Any, list[Any]]) -> int:
            return sum(len(rows) for rows in groups.values())

        return LoadReport(
            nodes_created=total(plan.create_nodes),
            nodes_updated=total(plan.update_nodes),
            nodes_unchanged=plan.unchanged_nodes,
            rels_created=total(plan.create_edges),
            rels_updated=total(plan.update_edges),
            rels_unchanged=plan.unchanged_edges,
            stale_nodes=plan.stale_nodes,
            stale_rels=plan.stale_edges,
            removed=prune,
            seconds=time.perf_counter() - start,
        )

    def export_data(self) -> dict[str, Any]:
        """What the store holds, as the JSON export (same order and keys as ``graph.jsonio.to_data``)."""
        snap = self.snapshot()
        nodes = [node_record(lab, row) for (lab, _), row in sorted(snap.nodes.items(), key=lambda kv: kv[0][1])]
        edges = [edge_record(row) for _, (_, row) in sorted(snap.edges.items())]
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
