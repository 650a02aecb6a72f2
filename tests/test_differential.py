"""Every named query gives the same rows on LadybugDB and on Neo4j, over the same graph.

Two graphs: the seeds, and 10,000 generated documents (``bench.corpus``) read by the real loaders.
Parameters are picked from each graph so that most queries return rows. networkx is a third,
independent reference for the neighbourhood, shortest paths, most-supported mechanisms and null
results; and where a query has a per-backend variant, its portable form must agree with it.
"""

# ruff: noqa: F811  (pytest fixtures are imported, then named as parameters)

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.cypher_store import CypherStore
from graph.jsonio import to_data
from graph.ladybug_store import LadybugStore
from graph.named_queries import load_queries
from tests.cypher_fixtures import generated_graph, neo4j_server, open_neo4j  # noqa: F401
from tests.neo4j_harness import Neo4jURI

Rows = list[dict[str, Any]]
QUERIES = sorted(load_queries())


def _norm(rows: Rows) -> list[str]:
    """Rows compared as sorted JSON text: key order, and ints written as floats, do not matter."""

    def fix(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v

    return sorted(json.dumps({k: fix(v) for k, v in r.items()}, sort_keys=True, ensure_ascii=False) for r in rows)


def _nodes_of(G: nx.MultiDiGraph[str], label: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d["label"] == label)


def _busiest(G: nx.MultiDiGraph[str], label: str, edge_type: str | None = None) -> str:
    """The node of ``label`` with the most relationships (of ``edge_type``), ties broken by id."""

    def degree(n: str) -> int:
        return sum(
            1
            for *_, d in itertools.chain(G.in_edges(n, data=True), G.out_edges(n, data=True))
            if edge_type is None or d["type"] == edge_type
        )

    return sorted(_nodes_of(G, label), key=lambda n: (-degree(n), n))[0]


def param_sets(G: nx.MultiDiGraph[str]) -> dict[str, list[dict[str, Any]]]:
    def name(n: str) -> str:
        return str(G.nodes[n]["name"])

    mech = _busiest(G, "Mechanism", "PROPOSES")
    targeted = sorted({v for _, v, d in G.edges(data=True) if d["type"] == "TARGETS"}) or [mech]
    null_drug = _busiest(G, "Drug", "NULL_RESULT")
    drugs = sorted(_nodes_of(G, "Drug"), key=lambda n: (-G.degree(n), n))
    person = _busiest(G, "Researcher")
    leader = _busiest(G, "Researcher", "LED_BY")
    conditions = _nodes_of(G, "Condition")
    pair = Counter((u, v) for u, v in G.edges()).most_common(1)[0][0]
    measured = _busiest(G, "Biomarker", "MEASURED")
    return {
        "mechanism_neighbourhood": [{"mechanism": name(mech).upper(), "depth": d} for d in (1, 2, 3)]
        + [{"mechanism": "no such mechanism"}],
        "null_results": [{}, {"drug": name(null_drug)}],
        "studies_proposing_mechanism": [{"mechanism": mech}, {"mechanism": name(mech).upper()}],
        "drugs_for_mechanism": [{"mechanism": targeted[0]}, {"mechanism": name(mech)}],
        "researchers_working_on": [{"entity": name(null_drug)}, {"entity": mech}],
        "shared_mechanisms": [
            {"condition_a": name(a), "condition_b": name(b)} for a, b in itertools.product(conditions, repeat=2)
        ],
        "relationship_evidence": [
            {"source": pair[0], "target": pair[1]},
            {"source": name(pair[0]), "target": pair[1], "type": "NULL_RESULT"},
        ],
        "trials_by_status": [{}, {"status": "ongoing"}, {"status": "completed", "phase": "3"}],
        "most_supported_mechanisms": [{}, {"limit": 5}],
        "contradicting_evidence": [{}],
        "researcher_works": [{"researcher": name(person)}, {"researcher": leader}],
        "find_entity": [{"text": "in"}, {"text": name(drugs[0])[1:4], "label": "Drug", "limit": 3}],
        "biomarker_findings": [{}, {"biomarker": name(measured)}],
        "shortest_path": [
            {"from": name(null_drug), "to": drugs[1] if drugs[0] == null_drug else drugs[0]},
            {"from": person, "to": mech, "limit": 3},
        ],
    }


@pytest.fixture(scope="module", params=["seeds", "generated"])
def graph(request: pytest.FixtureRequest) -> nx.MultiDiGraph[str]:
    if request.param == "seeds":
        G: nx.MultiDiGraph[str] = request.getfixturevalue("seed_graph")
        return G
    G = request.getfixturevalue("generated_graph")
    assert len({d for _, n in G.nodes(data=True) for d in n["source_docs"]}) >= 10_000
    return G


@contextmanager
def _both_stores(graph: nx.MultiDiGraph[str], neo4j_server: Neo4jURI, folder: Path) -> Iterator[dict[str, CypherStore]]:
    data = to_data(graph)
    ladybug = LadybugStore(folder / "graph.lbug")
    neo4j = open_neo4j(neo4j_server)
    try:
        for store in (ladybug, neo4j):
            store.load(data, wipe=True)
        yield {"ladybug": ladybug, "neo4j": neo4j}
    finally:
        ladybug.close()
        neo4j.wipe()
        neo4j.close()


@pytest.fixture(scope="module")
def stores(
    graph: nx.MultiDiGraph[str],
    neo4j_server: Neo4jURI,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, CypherStore]]:
    with _both_stores(graph, neo4j_server, Path(tmp_path_factory.mktemp("ladybug"))) as both:
        yield both


def _run(store: CypherStore, name: str, params: dict[str, Any], form: str | None = None) -> Rows:
    text, bound = load_queries()[name].render(store.backend, params, form)
    return store.read(text, bound)


def _ordered(text: str) -> bool:
    """Whether a query text promises an order: it sorts, and no UNION puts parts side by side. A variant
    made of UNION ALL parts of which only one returns rows (mechanism_neighbourhood's, one per depth)
    must keep the order its portable text promises."""
    return "ORDER BY" in text and "UNION" not in text


def test_every_query_has_parameter_sets(graph: nx.MultiDiGraph[str]) -> None:
    assert sorted(param_sets(graph)) == QUERIES
    assert len(QUERIES) >= 12


@pytest.mark.parametrize("name", QUERIES)
def test_query_gives_the_same_rows_on_both_backends(
    name: str, graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]
) -> None:
    q = load_queries()[name]
    total = 0
    for params in param_sets(graph)[name]:
        ladybug, neo4j = (_run(stores[b], name, params) for b in ("ladybug", "neo4j"))
        assert _norm(ladybug) == _norm(neo4j), (name, params)
        if _ordered(q.text("ladybug")) or _ordered(q.portable):
            assert ladybug == neo4j, f"{name} {params}: same rows, different order"
        total += len(ladybug)
    if name != "contradicting_evidence" or graph.number_of_nodes() > 1000:  # the seeds have none
        assert total > 0, f"{name} returned nothing for any parameters: the comparison proves little"


@pytest.mark.parametrize("graph", ["seeds"], indirect=True)  # every path is enumerated: seeds only
def test_portable_forms_agree_with_the_variants(graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]) -> None:
    checked = 0
    for name, q in load_queries().items():
        for backend, store in stores.items():
            if backend in q.variants and q.runs_portable_on(backend):
                for params in param_sets(graph)[name]:
                    assert _norm(_run(store, name, params, "portable")) == _norm(_run(store, name, params))
                    checked += 1
    assert checked > 0


# networkx as an independent third implementation


def _undirected(G: nx.MultiDiGraph[str]) -> nx.Graph[str]:
    return nx.Graph(G.to_undirected(as_view=True))


def test_neighbourhood_matches_networkx(graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]) -> None:
    U = _undirected(graph)
    for params in param_sets(graph)["mechanism_neighbourhood"]:
        wanted = params["mechanism"].lower()
        starts = [n for n, d in graph.nodes(data=True) if d["label"] == "Mechanism" and d["name"].lower() == wanted]
        best: dict[str, int] = {}
        for s in starts:
            for n, dist in nx.single_source_shortest_path_length(U, s, cutoff=params.get("depth", 2)).items():
                if n != s:
                    best[n] = min(dist, best.get(n, dist))
        expected = [
            {"id": n, "label": graph.nodes[n]["label"], "name": graph.nodes[n]["name"], "distance": d}
            for n, d in best.items()
        ]
        for store in stores.values():
            assert _norm(store.query("mechanism_neighbourhood", **params)) == _norm(expected), params


def _types_between(G: nx.MultiDiGraph[str], u: str, v: str) -> set[str]:
    return {d["type"] for x, y in ((u, v), (v, u)) if G.has_edge(x, y) for d in G[x][y].values()}


def test_shortest_paths_match_networkx(graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]) -> None:
    U = _undirected(graph)
    for params in param_sets(graph)["shortest_path"]:
        ends = []
        for key in ("from", "to"):
            v = params[key]
            ends.append(
                [n for n, d in graph.nodes(data=True) if n == v or d["name"].lower() == v.lower() or v in d["aliases"]]
            )
        rows = set()
        for a, b in itertools.product(*ends):
            for path in nx.all_shortest_paths(U, a, b):
                hops = [sorted(_types_between(graph, u, v)) for u, v in itertools.pairwise(path)]
                for types in itertools.product(*hops):
                    rows.add((len(path) - 1, tuple(path), tuple(graph.nodes[n]["name"] for n in path), types))
        ordered = sorted(rows, key=lambda r: (r[0], "".join("|" + i for i in r[1]), "".join("|" + t for t in r[3])))
        expected = [
            {"length": r[0], "ids": list(r[1]), "names": list(r[2]), "types": list(r[3])}
            for r in ordered[: params.get("limit", 25)]
        ]
        assert expected
        for store in stores.values():
            assert store.query("shortest_path", **params) == expected, params


def test_most_supported_mechanisms_match_networkx(graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]) -> None:
    studies: dict[str, set[str]] = defaultdict(set)
    for u, v, d in graph.edges(data=True):
        if d["type"] == "PROPOSES" and graph.nodes[u]["label"] == "Study":
            studies[v].add(u)
    ranked = sorted(studies, key=lambda m: (-len(studies[m]), m))
    for params in param_sets(graph)["most_supported_mechanisms"]:
        expected = [
            {"mechanism_id": m, "mechanism": graph.nodes[m]["name"], "studies": len(studies[m])}
            for m in ranked[: params.get("limit", 20)]
        ]
        for store in stores.values():
            assert store.query("most_supported_mechanisms", **params) == expected


def test_null_results_match_networkx(graph: nx.MultiDiGraph[str], stores: dict[str, CypherStore]) -> None:
    found = Counter((v, u) for u, v, d in graph.edges(data=True) if d["type"] == "NULL_RESULT")
    expected = [
        {
            "drug_id": d,
            "drug": graph.nodes[d]["name"],
            "found_by_id": s,
            "found_by_label": graph.nodes[s]["label"],
            "found_by": graph.nodes[s]["name"],
            "documents": n,
        }
        for (d, s), n in found.items()
    ]
    assert expected
    for store in stores.values():
        assert _norm(store.query("null_results")) == _norm(expected)
