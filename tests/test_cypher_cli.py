"""The Cypher commands end to end: build → query/cypher on the embedded store; load → Neo4j."""

# ruff: noqa: F811  (pytest fixtures are imported, then named as parameters)

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import SEEDS
from tests.cypher_fixtures import neo4j_server  # noqa: F401
from tests.neo4j_harness import Neo4jURI


def run(*args: str, code: int = 0, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def store(tmp_path: Path) -> str:
    root = str(tmp_path / "store")
    run("build", str(SEEDS), "--store", root)
    return root


def test_build_makes_the_graph_queryable_by_name(store: str) -> None:
    out = run("query", "null_results", "--store", store)
    assert "rituximab" in out and "anakinra" in out and out.rstrip().endswith("(2 rows)")
    rows = json.loads(run("query", "null_results", "-p", "drug=Rituximab", "--store", store, "--format", "json"))
    assert [r["found_by_id"] for r in rows] == ["trial:rituximab-phase-3-fluge"]
    table = list(
        csv.DictReader(
            io.StringIO(
                run(
                    "query",
                    "mechanism_neighbourhood",
                    "-p",
                    "mechanism=neuroinflammation",
                    "-p",
                    "depth=1",
                    "--store",
                    store,
                    "--format",
                    "csv",
                )
            )
        )
    )
    assert {r["distance"] for r in table} == {"1"} and "drug:low-dose-naltrexone" in {r["id"] for r in table}


def test_queries_lists_every_query_with_its_parameters() -> None:
    out = run("queries")
    for name in ("mechanism_neighbourhood", "shortest_path", "contradicting_evidence", "researcher_works"):
        assert name in out
    listed = json.loads(run("queries", "--format", "json"))
    assert len(listed) >= 12 and all(q["example"].startswith("mecfs-kg query") for q in listed)


def test_bad_query_use_gets_a_clear_error(store: str) -> None:
    assert "no named query 'nul_results'" in run("query", "nul_results", "--store", store, code=1)
    assert "needs --param mechanism" in run("query", "mechanism_neighbourhood", "--store", store, code=1)
    assert "NAME=VALUE" in run("query", "null_results", "-p", "rituximab", "--store", store, code=1)
    assert "no graph in" in run("query", "null_results", "--store", store + "-missing", code=1)


def test_cypher_reads_by_default_and_writes_only_when_asked(store: str) -> None:
    out = run(
        "cypher",
        "MATCH (d:Drug) WHERE d.name STARTS WITH $p RETURN d.name AS drug ORDER BY drug",
        "-p",
        "p=r",
        "--store",
        store,
    )
    assert "rituximab" in out
    refused = run("cypher", "MATCH (d:Drug {name: 'rituximab'}) SET d.kind = 'x'", "--store", store, code=1)
    assert "writes" in refused
    run("cypher", "CREATE (:Drug {id: 'drug:aspirin', name: 'aspirin'})", "--write", "--store", store)
    assert "aspirin" in run("cypher", "MATCH (d:Drug {id: 'drug:aspirin'}) RETURN d.name AS n", "--store", store)


def test_load_into_neo4j_is_idempotent_and_reads_are_read_only(store: str, neo4j_server: Neo4jURI) -> None:
    env = {"NEO4J_URI": str(neo4j_server), "NEO4J_DATABASE": neo4j_server.database or ""}
    if neo4j_server.auth:
        env |= {"NEO4J_USERNAME": neo4j_server.auth[0], "NEO4J_PASSWORD": neo4j_server.auth[1]}
    first = run("load", str(SEEDS), "--store", store, "--to", "neo4j", "--wipe", "--batch-size", "10", env=env)
    assert "0 unchanged; relationships" in first and " 0 created" not in first
    second = run("load", "--store", store, "--neo4j", env=env)
    assert "nodes: 0 created, 0 updated" in second and "relationships: 0 created, 0 updated" in second
    embedded = run("query", "trials_by_status", "-p", "status=ongoing", "--store", store, "--format", "json")
    neo = run("query", "trials_by_status", "-p", "status=ongoing", "--neo4j", "--format", "json", env=env)
    assert json.loads(embedded) == json.loads(neo) != []
    assert "writes" in run("cypher", "CREATE (:Drug {id: 'drug:x'})", "--neo4j", env=env, code=1)
