"""Shared fixtures: the seeds, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.build import build_graph
from loaders import iter_documents, load_path
from ontology.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="session")
def seed_extractions() -> dict[str, Extraction]:
    return {p.name[:3]: load_path(p) for p in iter_documents([SEEDS])}


@pytest.fixture(scope="session")
def seed_graph(seed_extractions: dict[str, Extraction]) -> nx.MultiDiGraph:
    return build_graph(seed_extractions.values())
