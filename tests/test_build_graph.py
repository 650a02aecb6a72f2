"""build_graph fills networkx's dicts directly: the graph must be the one add_node/add_edge make."""

from __future__ import annotations

from typing import Any

import networkx as nx

from bench.corpus import generate_documents
from graph.build import _fill, node_record
from loaders import load_text
from ontology.model import Extraction


def _rows(G: nx.MultiDiGraph) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, str, dict[str, Any]]]]:
    nodes = [(n, dict(d)) for n, d in G.nodes(data=True)]
    edges = [(u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True)]
    return nodes, edges


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert list(a.in_edges(keys=True, data=True)) == list(b.in_edges(keys=True, data=True))
    for n in a:  # neighbour order, both ways
        assert list(a.successors(n)) == list(b.successors(n))
        assert list(a.predecessors(n)) == list(b.predecessors(n))
    assert a.number_of_edges() == b.number_of_edges()


def test_fill_matches_add_edge(seed_graph: nx.MultiDiGraph) -> None:
    nodes, edges = _rows(seed_graph)
    # an edge whose end is not among the nodes, and a self-loop: add_edge adds the end bare
    edges.append((nodes[0][0], "drug:not-listed", "TESTED|x.txt", {"type": "TESTED"}))
    edges.append((nodes[1][0], nodes[1][0], "REPORTS|x.txt", {"type": "REPORTS"}))
    expected: nx.MultiDiGraph = nx.MultiDiGraph()
    for n, d in nodes:
        expected.add_node(n, **d)
    for u, v, k, d in edges:
        expected.add_edge(u, v, k, **d)
    got: nx.MultiDiGraph = nx.MultiDiGraph()
    _fill(got, [(n, dict(d)) for n, d in nodes], [(u, v, k, dict(d)) for u, v, k, d in edges])
    _same(got, expected)
    assert got.nodes["drug:not-listed"] == {}
    assert got.has_edge(nodes[1][0], nodes[1][0], "REPORTS|x.txt")


def test_node_record_is_the_json_dump(seed_extractions: dict[str, Extraction]) -> None:
    extractions = list(seed_extractions.values()) + [load_text(t, n) for n, t in generate_documents(200, seed=5)]
    nodes = [n for x in extractions for n in x.nodes]
    assert {type(n).__name__ for n in nodes} >= {"Study", "Trial", "Researcher", "Drug", "NewsArticle", "Conference"}
    for node in nodes:
        expected = node.model_dump(mode="json", exclude_none=True)
        expected["label"] = node.node_label.value
        got = node_record(node)
        assert got == expected and list(got) == list(expected)
        assert all(type(got[k]) is type(expected[k]) for k in got)
