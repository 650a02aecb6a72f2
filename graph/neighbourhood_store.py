"""A neighbourhood read from a Cypher store (embedded LadybugDB or Neo4j) instead of the whole graph in memory.

Only the part of the graph within ``depth`` hops is fetched: one breadth-first hop per query, then
the nodes (every property, per label) and the relationships between them. That subgraph goes through
the same pure :func:`graph.neighbourhood.neighbourhood` as the in-memory graph, so both give the same
result: every path of at most ``depth`` hops from the centre lies inside the fetched subgraph, so
filtering it gives what filtering the whole graph would.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from graph.cypher_store import CypherStore, Row, edge_record, node_record
from graph.ddl import edge_columns, node_columns, quote
from graph.jsonio import graph_from_data
from graph.lookup import find_node
from graph.neighbourhood import DEFAULT_DEPTH, DEFAULT_MAX_NODES, Summary, neighbourhood
from ontology.enums import NodeLabel
from ontology.schema import identifier

_NAMES = "MATCH (n) RETURN n.id AS id, n.label AS label, n.name AS name, n.aliases AS aliases"
_HOP = "MATCH (a)-[]-(b) WHERE a.id IN $ids RETURN DISTINCT b.id AS id"


def name_index(store: CypherStore) -> nx.MultiDiGraph[str]:
    """Every node's id, label, name and aliases, for :func:`graph.lookup.find_node` (no edges)."""
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for row in store.read(_NAMES):
        G.add_node(row["id"], label=row["label"], name=row["name"], aliases=row["aliases"] or [])
    return G


def _node_query(label: NodeLabel) -> str:
    cols = ", ".join(f"n.{quote(c.name)} AS {quote(c.name)}" for c in node_columns(label))
    return f"MATCH (n:{identifier(label)}) WHERE n.id IN $ids RETURN {cols}"


def _edge_query() -> str:
    cols = ", ".join(f"r.{quote(c.name)} AS {quote(c.name)}" for c in edge_columns())
    return f"MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS source, b.id AS target, {cols}"


def fetch_ball(store: CypherStore, centre: str, depth: int) -> nx.MultiDiGraph[str]:
    """The subgraph induced by the nodes within ``depth`` hops of the node with id ``centre``."""
    seen = {centre}
    frontier = [centre]
    for _ in range(depth):
        if not frontier:
            break
        found = {row["id"] for row in store.read(_HOP, {"ids": frontier})}
        frontier = sorted(found - seen)
        seen.update(frontier)
    ids = sorted(seen)
    nodes: list[Row] = []
    for label in NodeLabel:
        nodes += [node_record(label, row) for row in store.read(_node_query(label), {"ids": ids})]
    edges = [edge_record(row) for row in store.read(_edge_query(), {"ids": ids})]
    return graph_from_data({"nodes": sorted(nodes, key=lambda n: n["id"]), "edges": _sorted_edges(edges)})


def _sorted_edges(edges: Iterable[Row]) -> list[Row]:
    return sorted(edges, key=lambda e: (e["source"], e["type"], e["target"], e["source_doc"]))


def store_neighbourhood(
    store: CypherStore,
    name: str,
    *,
    depth: int = DEFAULT_DEPTH,
    types: Iterable[str] = (),
    since: int | None = None,
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> tuple[nx.MultiDiGraph[str], Summary]:
    """:func:`graph.neighbourhood.neighbourhood`, reading only what it needs from a Cypher store."""
    centre = find_node(name_index(store), name)
    ball = fetch_ball(store, centre, depth)
    return neighbourhood(ball, centre, depth=depth, types=types, since=since, max_nodes=max_nodes)
