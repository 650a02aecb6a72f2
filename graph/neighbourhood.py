"""The neighbourhood of one node, like :func:`networkx.ego_graph`, with type filters, a date cut-off and a cap.

Pure functions of a graph in the JSON-export shape (``graph.build``): nothing here reads files or
stores. :func:`neighbourhood` returns a new :class:`networkx.MultiDiGraph` (node and edge attributes
copied from the input, plus ``distance`` on every node) and a :class:`Summary` of what was kept and
what was left out.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for nid, label, name, extra in [
...     ("mechanism:m", "Mechanism", "neuroinflammation", {}),
...     ("doi:a", "Study", "A 2015", {"year": 2015}),
...     ("doi:b", "Study", "B 2021", {"year": 2021}),
...     ("drug:d", "Drug", "low-dose naltrexone", {}),
...     ("researcher:x", "Researcher", "X", {}),
... ]:
...     G.add_node(nid, id=nid, label=label, name=name, aliases=[], source_docs=["s.txt"], **extra)
>>> for s, t, typ in [("doi:a", "mechanism:m", "PROPOSES"), ("doi:b", "mechanism:m", "PROPOSES"),
...                   ("drug:d", "mechanism:m", "TARGETS"), ("researcher:x", "doi:a", "AUTHORED")]:
...     _ = G.add_edge(s, t, key=f"{typ}|s.txt", source=s, target=t, type=typ, source_doc="s.txt", evidence="...")
>>> H, summary = neighbourhood(G, "Neuroinflammation")
>>> sorted(H.nodes), H.nodes["researcher:x"]["distance"]
(['doi:a', 'doi:b', 'drug:d', 'mechanism:m', 'researcher:x'], 2)

``since`` drops older studies and what only they connected (researcher X wrote only study A):

>>> sorted(neighbourhood(G, "mechanism:m", since=2020)[0].nodes)
['doi:b', 'drug:d', 'mechanism:m']

Type filters keep the centre and the nodes reachable through the allowed labels and relationships:

>>> sorted(neighbourhood(G, "mechanism:m", types=["Drug"])[0].nodes)
['drug:d', 'mechanism:m']
>>> sorted(neighbourhood(G, "mechanism:m", types=["PROPOSES"])[0].nodes)
['doi:a', 'doi:b', 'mechanism:m']

A cap keeps the nearest, best-connected nodes and says what it left out:

>>> H, summary = neighbourhood(G, "mechanism:m", max_nodes=3)
>>> sorted(H.nodes), summary.omitted
(['doi:a', 'doi:b', 'mechanism:m'], {'Drug': 1, 'Researcher': 1})
>>> print(str(summary).split("; ")[1])
left out 2 nodes to stay under --max-nodes 3 (1 Drug, 1 Researcher)
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.lookup import find_node
from ontology.enums import NodeLabel, RelType

DEFAULT_DEPTH = 2
DEFAULT_MAX_NODES = 60
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


class FilterError(ValueError):
    """A type name that is neither a node label nor a relationship type."""


@dataclass(frozen=True)
class Summary:
    """What a neighbourhood holds and what it left out."""

    centre: str
    centre_name: str
    depth: int
    nodes: int
    edges: int
    by_distance: dict[int, int]
    omitted: dict[str, int] = field(default_factory=dict)  # label → nodes left out by the cap
    omitted_ids: tuple[str, ...] = ()
    max_nodes: int | None = None
    too_old: int = 0  # nodes dropped by ``since`` (before what only they connected)

    def __str__(self) -> str:
        text = (
            f"neighbourhood of {self.centre_name} ({self.centre}), depth {self.depth}: "
            f"{self.nodes} nodes, {self.edges} edges"
        )
        if self.too_old:
            text += f"; {self.too_old} dated nodes older than the cut-off dropped"
        if self.omitted:
            parts = ", ".join(f"{n} {label}" for label, n in sorted(self.omitted.items()))
            text += (
                f"; left out {sum(self.omitted.values())} nodes to stay under --max-nodes {self.max_nodes} ({parts})"
            )
        return text


def split_types(types: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Node labels and relationship types from names given in any case (``drug``, ``null_result``).

    >>> split_types(["drug", "Trial", "null_result"])
    (('Drug', 'Trial'), ('NULL_RESULT',))
    """
    labels = {lab.value.lower(): lab.value for lab in NodeLabel}
    rels = {rel.value.lower(): rel.value for rel in RelType}
    node_types: set[str] = set()
    rel_types: set[str] = set()
    for raw in types:
        for name in (part.strip() for part in raw.split(",")):
            key = name.lower().replace("-", "_")
            if not name:
                continue
            if key in labels or key.replace("_", "") in labels:
                node_types.add(labels.get(key) or labels[key.replace("_", "")])
            elif key in rels:
                rel_types.add(rels[key])
            else:
                known = ", ".join([*sorted(labels.values()), *sorted(rels.values())])
                raise FilterError(f"unknown type {name!r}; known: {known}")
    return tuple(sorted(node_types)), tuple(sorted(rel_types))


def node_year(data: dict[str, object]) -> int | None:
    """The year a dated node (study, conference, news article) is from; None if undated.

    >>> node_year({"year": 2019}), node_year({"date": "November 07, 2025"}), node_year({"name": "x"})
    (2019, 2025, None)
    """
    year = data.get("year")
    if isinstance(year, int):
        return year
    match = _YEAR.search(str(data.get("date", "")))
    return int(match.group(1)) if match else None


def distances(G: nx.MultiDiGraph[str], centre: str, depth: int) -> dict[str, int]:
    """Hops from ``centre`` to every node within ``depth``, following edges in either direction.

    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> distances(G, "a", 2)
    {'a': 0, 'b': 1, 'c': 2}
    """
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for other in sorted({*G.successors(node), *G.predecessors(node)}):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    return seen


def neighbourhood(
    G: nx.MultiDiGraph[str],
    name: str,
    *,
    depth: int = DEFAULT_DEPTH,
    types: Iterable[str] = (),
    since: int | None = None,
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> tuple[nx.MultiDiGraph[str], Summary]:
    """The nodes within ``depth`` hops of the node named ``name`` (id, name or synonym), and the edges between them.

    ``types`` names node labels and/or relationship types to keep (the centre always stays); paths go
    only through what is kept, so a node reachable only through a filtered-out one is left out too.
    ``since`` drops dated nodes (studies, news, conferences) from before that year, likewise.
    ``max_nodes`` keeps the nearest nodes, then the best connected, then those with most evidence.
    Raises :class:`graph.lookup.LookupFailed` (with the closest matches) for an unknown or ambiguous name.
    """
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError("max_nodes must be 1 or more")
    centre = find_node(G, name)
    node_types, rel_types = split_types(types)
    old = {n for n, d in G.nodes(data=True) if since is not None and n != centre and (node_year(d) or since) < since}

    def typed_ok(n: str) -> bool:
        return n == centre or not node_types or G.nodes[n].get("label") in node_types

    def node_ok(n: str) -> bool:
        return n not in old and typed_ok(n)

    def edge_ok(u: str, v: str, k: Any) -> bool:
        return not rel_types or G.edges[u, v, k].get("type") in rel_types

    view = nx.subgraph_view(G, filter_node=node_ok, filter_edge=edge_ok)
    dist = distances(view, centre, depth)
    too_old = 0
    if old:  # count only the old nodes that would otherwise have been in the picture
        undated = nx.subgraph_view(G, filter_node=typed_ok, filter_edge=edge_ok)
        too_old = len(old & set(distances(undated, centre, depth)))
    ball = view.subgraph(dist)
    ranked = sorted(dist, key=lambda n: (dist[n], -len(set(nx.all_neighbors(ball, n))), -ball.degree(n), n))
    kept = ranked if max_nodes is None else ranked[:max_nodes]
    left_out = sorted(set(ranked) - set(kept))
    H: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for n in sorted(kept):
        H.add_node(n, **G.nodes[n], distance=dist[n])
    for u, v, k, data in sorted(ball.subgraph(kept).edges(keys=True, data=True), key=lambda e: e[:3]):
        H.add_edge(u, v, key=k, **data)
    summary = Summary(
        centre=centre,
        centre_name=str(G.nodes[centre].get("name", centre)),
        depth=depth,
        nodes=H.number_of_nodes(),
        edges=H.number_of_edges(),
        by_distance=dict(sorted(Counter(dist[n] for n in kept).items())),
        omitted=dict(sorted(Counter(str(G.nodes[n].get("label")) for n in left_out).items())),
        omitted_ids=tuple(left_out),
        max_nodes=max_nodes,
        too_old=too_old,
    )
    return H, summary
