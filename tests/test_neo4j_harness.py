"""End-to-end check of the Neo4j test server: version, a parameterised write, a read, a delete."""

from __future__ import annotations

import uuid

import pytest

from tests.neo4j_harness import Neo4jURI, in_ci, neo4j_server  # noqa: F401  (fixture)

if in_ci():
    import neo4j  # under CI a missing driver is an error, not a skip
else:
    neo4j = pytest.importorskip("neo4j", reason="the neo4j Python driver is not installed (pip install neo4j)")


def test_server_is_neo4j_5_26_and_round_trips_a_node(neo4j_server: Neo4jURI) -> None:  # noqa: F811
    marker = f"harness-{uuid.uuid4()}"
    db = neo4j_server.database
    with neo4j.GraphDatabase.driver(neo4j_server, auth=neo4j_server.auth) as driver:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version",
            database_=db,
        )
        versions = {r["name"]: r["version"] for r in records}
        assert versions["Neo4j Kernel"].startswith("5.26"), versions

        try:
            records, summary, _ = driver.execute_query(
                "CREATE (n:HarnessProbe {marker: $marker, n: $n}) RETURN n.marker AS marker",
                marker=marker,
                n=42,
                database_=db,
            )
            assert [r["marker"] for r in records] == [marker]
            assert summary.counters.nodes_created == 1

            records, _, _ = driver.execute_query(
                "MATCH (n:HarnessProbe {marker: $marker}) RETURN n.n AS n, labels(n) AS labels",
                marker=marker,
                database_=db,
                routing_=neo4j.RoutingControl.READ,
            )
            assert [(r["n"], r["labels"]) for r in records] == [(42, ["HarnessProbe"])]
        finally:
            _, summary, _ = driver.execute_query(
                "MATCH (n:HarnessProbe {marker: $marker}) DELETE n", marker=marker, database_=db
            )
        assert summary.counters.nodes_deleted == 1

        records, _, _ = driver.execute_query(
            "MATCH (n:HarnessProbe {marker: $marker}) RETURN count(n) AS c", marker=marker, database_=db
        )
        assert records[0]["c"] == 0
