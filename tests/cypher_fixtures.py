"""Fixtures for the Cypher store tests: both backends, empty, plus the graphs to load into them.

Import the fixtures you use into a test module (``from tests.cypher_fixtures import ...``).
``cypher_store`` is parametrised over the two backends; the Neo4j one comes from the real server of
``tests.neo4j_harness`` and is wiped (schema labels only) before each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.build import build_graph
from graph.cypher_store import CypherStore
from graph.jsonio import to_data
from graph.ladybug_store import LadybugStore
from tests.neo4j_harness import Neo4jURI, neo4j_server

__all__ = ["cypher_store", "generated_graph", "neo4j_server", "neo4j_store", "open_neo4j"]

GENERATED_DOCUMENTS = 10_000


def open_neo4j(uri: Neo4jURI) -> CypherStore:
    from graph.neo4j_store import Neo4jConfig, Neo4jStore

    user, password = uri.auth if uri.auth else (None, None)
    return Neo4jStore(Neo4jConfig(str(uri), user, password, uri.database), batch_size=2000)


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jURI) -> Iterator[CypherStore]:
    store = open_neo4j(neo4j_server)
    store.wipe()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=["ladybug", "neo4j"])
def cypher_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CypherStore]:
    """An empty store of each backend."""
    if request.param == "ladybug":
        with LadybugStore(tmp_path / "db" / "graph.lbug") as store:
            yield store
    else:
        yield request.getfixturevalue("neo4j_store")


@pytest.fixture(scope="session")
def generated_graph() -> nx.MultiDiGraph[str]:
    """The graph of 10,000 generated documents (``bench.corpus``), built by the real loaders."""
    from bench.corpus import generate_documents
    from loaders import load_text

    return build_graph(load_text(text, name) for name, text in generate_documents(GENERATED_DOCUMENTS, seed=0))


def data_of(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    return to_data(G)
