"""Both Cypher stores hold exactly the JSON export, and loads are idempotent and incremental.

Every test runs on the embedded store (LadybugDB) and on a real Neo4j 5.26.
"""

# ruff: noqa: F811  (pytest fixtures are imported, then named as parameters)

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.build import build_graph, edge_record, node_record
from graph.cypher_store import CypherStore, LoadReport, StoreError
from graph.jsonio import to_data
from loaders import load_text
from ontology.enums import NodeLabel, RelType, Section, StudyDesign, TrialFeature
from ontology.model import Drug, Edge, Evidence, Extraction, Researcher, Study, Trial
from tests.conftest import SEEDS
from tests.cypher_fixtures import cypher_store, neo4j_server, neo4j_store, open_neo4j  # noqa: F401
from tests.neo4j_harness import Neo4jURI

EdgeKey = tuple[str, str, str, str]


def _edges(data: dict[str, Any]) -> dict[EdgeKey, dict[str, Any]]:
    return {(e["source"], e["type"], e["target"], e["source_doc"]): e for e in data["edges"]}


def _expected(old: dict[str, Any], new: dict[str, Any]) -> dict[str, int]:
    """What loading ``new`` over ``old`` must do, worked out from the two JSON exports alone."""
    old_nodes = {n["id"]: n for n in old["nodes"]}
    new_nodes = {n["id"]: n for n in new["nodes"]}
    old_edges, new_edges = _edges(old), _edges(new)
    return {
        "nodes_created": len(new_nodes.keys() - old_nodes.keys()),
        "nodes_updated": sum(1 for k in new_nodes.keys() & old_nodes.keys() if new_nodes[k] != old_nodes[k]),
        "nodes_unchanged": sum(1 for k in new_nodes.keys() & old_nodes.keys() if new_nodes[k] == old_nodes[k]),
        "rels_created": len(new_edges.keys() - old_edges.keys()),
        "rels_updated": sum(1 for k in new_edges.keys() & old_edges.keys() if new_edges[k] != old_edges[k]),
        "rels_unchanged": sum(1 for k in new_edges.keys() & old_edges.keys() if new_edges[k] == old_edges[k]),
        "stale_nodes": len(old_nodes.keys() - new_nodes.keys()),
        "stale_rels": len(old_edges.keys() - new_edges.keys()),
    }


def _numbers(report: LoadReport) -> dict[str, int]:
    return {k: getattr(report, k) for k in _expected({"nodes": [], "edges": []}, {"nodes": [], "edges": []})}


def _counts(G: nx.MultiDiGraph[str]) -> dict[str, int]:
    out = {lab.value: 0 for lab in NodeLabel} | {rel.value: 0 for rel in RelType}
    for _, d in G.nodes(data=True):
        out[d["label"]] += 1
    for _, _, d in G.edges(data=True):
        out[d["type"]] += 1
    return out


def test_a_load_holds_every_node_relationship_and_property(
    cypher_store: CypherStore,
    seed_graph: nx.MultiDiGraph[str],
) -> None:
    data = to_data(seed_graph)
    report = cypher_store.load(data)
    assert report.nodes_created == seed_graph.number_of_nodes() > 50
    assert report.rels_created == seed_graph.number_of_edges() > 50
    assert cypher_store.export_data() == data  # provenance, lists, xrefs, types: all of it
    assert cypher_store.counts() == _counts(seed_graph)


def test_loading_the_same_graph_twice_changes_nothing(
    cypher_store: CypherStore,
    seed_graph: nx.MultiDiGraph[str],
) -> None:
    data = to_data(seed_graph)
    cypher_store.load(data)
    counts = cypher_store.counts()
    again = cypher_store.load(data)
    assert _numbers(again) == _expected(data, data)
    assert again.nodes_created == again.rels_created == again.nodes_updated == again.rels_updated == 0
    assert cypher_store.counts() == counts
    assert cypher_store.export_data() == data


def test_a_new_document_adds_only_what_it_brings(
    cypher_store: CypherStore,
    seed_extractions: dict[str, Extraction],
) -> None:
    four = to_data(build_graph(e for k, e in seed_extractions.items() if k != "002"))
    five = to_data(build_graph(seed_extractions.values()))
    cypher_store.load(four)
    report = cypher_store.load(five)
    expected = _expected(four, five)
    assert _numbers(report) == expected
    assert expected["nodes_created"] > 0 and expected["rels_created"] > 0
    held = cypher_store.export_data()
    assert [n for n in held["nodes"] if n["id"] in {m["id"] for m in five["nodes"]}] == five["nodes"]
    assert len(held["nodes"]) == len(five["nodes"]) + expected["stale_nodes"]  # nothing deleted unasked


def test_a_changed_document_updates_properties_and_prune_removes_what_is_gone(
    cypher_store: CypherStore,
    seed_extractions: dict[str, Extraction],
) -> None:
    before = to_data(build_graph(seed_extractions.values()))
    path = SEEDS / "002_4a60cbe270207572.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    # the same entry without its sentence on anakinra: a shorter, still true, version of the document
    lines[1] = lines[1].split(" They also tested")[0]
    edited = load_text("\n".join(lines), path.name)
    after = to_data(build_graph([*(e for k, e in seed_extractions.items() if k != "002"), edited]))
    cypher_store.load(before)
    report = cypher_store.load(after)
    expected = _expected(before, after)
    assert _numbers(report) == expected
    assert expected["nodes_updated"] > 0 and expected["stale_rels"] > 0
    assert len(cypher_store.export_data()["edges"]) == len(after["edges"]) + expected["stale_rels"]
    pruned = cypher_store.load(after, prune=True)
    assert pruned.removed and cypher_store.export_data() == after


def test_wipe_empties_the_graph(cypher_store: CypherStore, seed_graph: nx.MultiDiGraph[str]) -> None:
    cypher_store.load(to_data(seed_graph))
    cypher_store.wipe()
    assert set(cypher_store.counts().values()) == {0}
    assert cypher_store.load(to_data(seed_graph), wipe=True).nodes_created == seed_graph.number_of_nodes()


def _hostile_graph() -> dict[str, Any]:
    """Strings that break naive CSV, Cypher string building or list parsing."""
    nasty = 'Øystein "quoted", back\\slash, it\'s [a,b] {x} ␟ tab\there\nnew line\r\nCRLF 😀 $param `tick`'
    study = Study(
        id="study:hostile-2024",
        name=nasty,
        title="",
        aliases=("", "a,b", "[x]", '"q"', "it's", nasty),
        source_docs=("hostile doc.txt",),
        year=2024,
        design=StudyDesign.COHORT,
        size=0,
    )
    drug = Drug(
        id='drug:x\\y"z',
        name="x",
        xrefs={"drugbank": "DB0'1", "mesh": 'D"2'},
        candidate=True,
        source_docs=("hostile doc.txt",),
    )
    trial = Trial(id="trial:hostile", name="t", features=(TrialFeature.RANDOMIZED, TrialFeature.CROSSOVER))
    person = Researcher(id="researcher:o-x", name="Ø X", surname="Ø", initials="")
    ev = Evidence(
        source_doc="hostile doc.txt", sentence=nasty, line=3, section=Section.FINDINGS, rule="r'1", confidence=0.1 + 0.2
    )
    edges = [
        Edge.between(RelType.TESTED, study, drug, ev),
        Edge.between(RelType.TESTED, trial, drug, ev.model_copy(update={"source_doc": "other.txt"})),
        Edge.between(RelType.AUTHORED, person, study, ev),
    ]
    nodes = sorted((node_record(n) for n in (study, drug, trial, person)), key=lambda n: n["id"])
    return {
        "schema_version": 1,
        "nodes": nodes,
        "edges": sorted(
            (edge_record(e) for e in edges), key=lambda e: (e["source"], e["type"], e["target"], e["source_doc"])
        ),
    }


def test_hostile_strings_survive_unchanged(cypher_store: CypherStore) -> None:
    data = _hostile_graph()
    cypher_store.load(data)
    assert cypher_store.export_data() == data
    assert cypher_store.load(data).nodes_unchanged == len(data["nodes"])
    rows = cypher_store.cypher(
        "MATCH (s:Study) WHERE s.name = $n RETURN s.aliases AS a", {"n": data["nodes"][2]["name"]}
    )
    assert rows and rows[0]["a"] == data["nodes"][2]["aliases"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["nodes"][0].update(colour="red"), "not in the"),
        (lambda d: d["nodes"][0].update(year="2020"), "should be a int"),
        (lambda d: d["edges"][0].update(extra=1), "not in the relationship schema"),
        (lambda d: d["edges"][0].update(target="drug:nowhere"), "not among the graph's nodes"),
        (lambda d: d["nodes"].append(dict(d["nodes"][0])), "appears twice"),
    ],
)
def test_data_a_store_cannot_hold_is_refused_before_anything_is_written(
    cypher_store: CypherStore,
    seed_graph: nx.MultiDiGraph[str],
    change: Any,
    message: str,
) -> None:
    data = json.loads(json.dumps(to_data(seed_graph)))
    data["nodes"].sort(key=lambda n: n["label"] != "Study")  # a Study first: it has a year
    change(data)
    with pytest.raises(StoreError, match=message):
        cypher_store.load(data)
    assert set(cypher_store.counts().values()) == {0}


def test_reads_refuse_to_write_unless_asked(cypher_store: CypherStore) -> None:
    cypher_store.ensure_schema()
    with pytest.raises(StoreError, match="writes"):
        cypher_store.cypher("CREATE (:Drug {id: 'drug:aspirin', name: 'aspirin'})")
    assert cypher_store.counts()["Drug"] == 0
    cypher_store.cypher("CREATE (:Drug {id: 'drug:aspirin', name: 'aspirin'})", write=True)
    assert cypher_store.cypher("MATCH (d:Drug) RETURN d.name AS name") == [{"name": "aspirin"}]


def test_neo4j_batches_of_any_size_give_the_same_graph(
    neo4j_server: Neo4jURI,
    seed_graph: nx.MultiDiGraph[str],
) -> None:
    data = to_data(seed_graph)
    with open_neo4j(neo4j_server) as store:
        store.wipe()
        store.batch_size = 7  # type: ignore[attr-defined]
        report = store.load(data)
        assert report.rels_created == len(data["edges"])
        assert store.export_data() == data
        store.wipe()


def test_neo4j_wipe_leaves_other_data_alone(neo4j_store: CypherStore, seed_graph: nx.MultiDiGraph[str]) -> None:
    neo4j_store.cypher("CREATE (:Unrelated {id: 'keep-me'})", write=True)
    neo4j_store.load(to_data(seed_graph))
    neo4j_store.wipe()
    assert neo4j_store.cypher("MATCH (n:Unrelated) RETURN n.id AS id") == [{"id": "keep-me"}]
    neo4j_store.cypher("MATCH (n:Unrelated) DELETE n", write=True)


def test_neo4j_has_a_uniqueness_constraint_per_label(neo4j_store: CypherStore) -> None:
    neo4j_store.ensure_schema()
    rows = neo4j_store.cypher("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {r["labelsOrTypes"][0] for r in rows if r["type"] == "UNIQUENESS" and r["properties"] == ["id"]}
    assert unique == {lab.value for lab in NodeLabel}


def test_the_embedded_database_lives_in_the_store_directory(tmp_path: Path) -> None:
    from graph.api import embedded_path, open_store
    from graph.store import DocumentStore
    from loaders import iter_documents, load_path

    ds = DocumentStore(tmp_path / "store")
    _, G = ds.add(load_path(p) for p in iter_documents([SEEDS]))
    assert embedded_path(ds.root).is_file()
    with open_store(ds.root) as store:
        assert store.export_data() == to_data(G)
        with pytest.raises(StoreError, match="writes"):
            store.cypher("MATCH (n:Drug) DETACH DELETE n")
    ds.wipe()
    assert not embedded_path(ds.root).exists()


def test_large_embedded_results_come_back_as_they_do_row_by_row(tmp_path: Path) -> None:
    import ladybug

    from graph.ladybug_store import _ARROW_SAFE, rows_of

    query = (
        "UNWIND range(1, 300) AS i RETURN i AS n, CAST(i AS INT32) AS n32, CAST(i AS INT16) AS n16, "
        "CAST(i % 100 AS INT8) AS n8, i / 7.0 AS x, i % 2 = 0 AS b, "
        "CASE WHEN i % 5 = 0 THEN NULL ELSE 'Ø \"q\" \\\\ 😀 ' + CAST(i AS STRING) END AS s, "
        "CASE WHEN i % 3 = 0 THEN NULL ELSE [CAST(i AS STRING), ''] END AS l, [i, i + 1] AS li"
    )
    db = ladybug.Database(str(tmp_path / "rows.lbug"))
    conn = ladybug.Connection(db)
    try:
        by_arrow, by_row = conn.execute(query), conn.execute(query)
        assert not isinstance(by_arrow, list) and not isinstance(by_row, list)
        kinds = by_arrow.get_column_data_types()
        assert all(_ARROW_SAFE.fullmatch(k) for k in kinds), kinds  # else the Arrow path is not tested
        assert set(kinds) >= {"INT64", "INT32", "INT16", "INT8", "DOUBLE", "BOOL", "STRING", "STRING[]", "INT64[]"}
        rows = rows_of(by_arrow, arrow_from=1)
        assert rows == rows_of(by_row, arrow_from=10**9)
        assert len(rows) == 300 and rows[4]["s"] is None and rows[0]["s"] == 'Ø "q" \\ 😀 1'
        assert [type(v) for v in rows[0].values()] == [int, int, int, int, float, bool, str, list, list]
    finally:
        conn.close()
        db.close()
