"""Neighbourhoods of the seeds: the same from the in-memory graph, the embedded store and Neo4j; and ``show``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.cypher_store import CypherStore
from graph.jsonio import to_data
from graph.ladybug_store import LadybugStore
from graph.lookup import LookupFailed
from graph.neighbourhood import FilterError, neighbourhood
from graph.neighbourhood_store import store_neighbourhood
from tests.conftest import SEEDS
from tests.cypher_fixtures import neo4j_server, neo4j_store  # noqa: F401

MITO = "mechanism:mitochondrial-dysfunction"
CASES: list[tuple[str, dict[str, Any]]] = [
    ("neuroinflammation", {}),
    ("mitochondrial dysfunction", {"depth": 3}),
    ("rituximab", {}),
    ("rituximab", {"types": ["Trial", "Drug", "NULL_RESULT", "TESTED"]}),
    ("rituximab", {"max_nodes": 6}),
    ("ME/CFS", {"depth": 1, "since": 2021}),
    ("Øystein Fluge", {"depth": 3, "max_nodes": 25}),
]


def test_seed_neighbourhood_of_mitochondrial_dysfunction(seed_graph: nx.MultiDiGraph[str]) -> None:
    H, summary = neighbourhood(seed_graph, "mitochondrial dysfunction")
    assert summary.centre == MITO and H.nodes[MITO]["distance"] == 0
    # The three studies that propose it (Anderson & Maes, Wirth & Steinacker, DecodeME) are one hop
    # away, their authors two.
    proposers = {u for u, _, d in seed_graph.in_edges(MITO, data=True) if d["type"] == "PROPOSES"}
    assert len(proposers) == 3 and all(H.nodes[s]["distance"] == 1 for s in proposers)
    assert {"researcher:wirth-kj", "researcher:maes-m"} <= {n for n in H if H.nodes[n]["distance"] == 2}
    assert max(d for _, d in H.nodes(data="distance")) == 2
    # Every edge between kept nodes is there, with its evidence.
    induced = seed_graph.subgraph(H.nodes)
    assert H.number_of_edges() == induced.number_of_edges() == summary.edges
    assert all(d["evidence"] for _, _, d in H.edges(data=True))


def test_cap_keeps_the_nearest_and_reports_the_rest(seed_graph: nx.MultiDiGraph[str]) -> None:
    full, _ = neighbourhood(seed_graph, "rituximab", max_nodes=None)
    H, summary = neighbourhood(seed_graph, "rituximab", max_nodes=8)
    assert H.number_of_nodes() == 8 < full.number_of_nodes()
    assert set(summary.omitted_ids) == set(full) - set(H)
    assert sum(summary.omitted.values()) == full.number_of_nodes() - 8
    assert all(full.nodes[n]["distance"] >= max(d for _, d in H.nodes(data="distance")) for n in summary.omitted_ids)
    assert nx.is_weakly_connected(H)
    assert "left out" in str(summary)


def test_since_drops_old_studies_and_what_only_they_connected(seed_graph: nx.MultiDiGraph[str]) -> None:
    roerink = "doi:10.1186/s12967-017-1371-9"  # 2017, the anakinra null result
    H, _ = neighbourhood(seed_graph, "anakinra", depth=2)
    assert roerink in H
    H, summary = neighbourhood(seed_graph, "anakinra", depth=2, since=2018)
    assert roerink not in H and summary.too_old >= 1
    assert all((d.get("year") or 9999) >= 2018 for _, d in H.nodes(data=True) if d["label"] == "Study")
    assert nx.is_weakly_connected(H)


def test_type_filters(seed_graph: nx.MultiDiGraph[str]) -> None:
    H, _ = neighbourhood(seed_graph, "rituximab", types=["trial"])
    assert {d["label"] for n, d in H.nodes(data=True) if n != "drug:rituximab"} == {"Trial"}
    H, _ = neighbourhood(seed_graph, "rituximab", types=["NULL_RESULT"])
    assert {d["type"] for _, _, d in H.edges(data=True)} == {"NULL_RESULT"}
    with pytest.raises(FilterError, match="unknown type 'Drugs'"):
        neighbourhood(seed_graph, "rituximab", types=["Drugs"])


def test_unknown_and_ambiguous_names(seed_graph: nx.MultiDiGraph[str]) -> None:
    with pytest.raises(LookupFailed, match="closest: Øystein Fluge"):
        neighbourhood(seed_graph, "Fluge")


@pytest.fixture
def embedded(tmp_path: Path, seed_graph: nx.MultiDiGraph[str]) -> Iterator[CypherStore]:
    with LadybugStore(tmp_path / "db" / "graph.lbug") as store:
        store.load(to_data(seed_graph))
        yield store


def _same_everywhere(store: CypherStore, G: nx.MultiDiGraph[str]) -> None:
    for name, kwargs in CASES:
        expected, expected_summary = neighbourhood(G, name, **kwargs)
        got, got_summary = store_neighbourhood(store, name, **kwargs)
        assert to_data(got) == to_data(expected), (name, kwargs)
        assert got_summary == expected_summary
    with pytest.raises(LookupFailed, match="closest: Øystein Fluge"):
        store_neighbourhood(store, "Fluge")


def test_embedded_store_gives_the_same_neighbourhoods(embedded: CypherStore, seed_graph: nx.MultiDiGraph[str]) -> None:
    _same_everywhere(embedded, seed_graph)


def test_neo4j_gives_the_same_neighbourhoods(
    neo4j_store: CypherStore,  # noqa: F811
    seed_graph: nx.MultiDiGraph[str],
) -> None:
    neo4j_store.load(to_data(seed_graph))
    _same_everywhere(neo4j_store, seed_graph)


def test_show_writes_every_format(tmp_path: Path) -> None:
    runner = CliRunner()
    store = tmp_path / "store"
    assert runner.invoke(main, ["build", str(SEEDS), "--store", str(store)]).exit_code == 0
    for suffix in (".html", ".svg", ".dot", ".mmd", ".png"):
        out = tmp_path / f"mito{suffix}"
        result = runner.invoke(main, ["show", "mitochondrial dysfunction", "--store", str(store), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 500
    assert (tmp_path / "mito.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(main, ["show", "Fluge", "--store", str(store)])
    assert result.exit_code == 1 and "closest: Øystein Fluge" in result.output
    result = runner.invoke(main, ["show", "rituximab", "--store", str(store), "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "cannot tell the format" in result.output
    result = runner.invoke(main, ["show", "rituximab", "--store", str(store), "--types", "Trial", "--depth", "1"])
    assert result.exit_code == 0
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["Drug", "Trial", "Trial"]
