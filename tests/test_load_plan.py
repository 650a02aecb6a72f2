"""The load plan checks a graph a column at a time; what it stores and refuses must be what checking
each value (``graph.load_plan.encode``) stores and refuses. No store needed."""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
import pytest

from graph.ddl import edge_columns, node_columns
from graph.jsonio import to_data
from graph.load_plan import EDGE_FIELDS, LoadPlan, Snapshot, StoreError, encode, node_fields, plan_load
from ontology.enums import NodeLabel, RelType
from ontology.schema import SchemaError, check_endpoints


def _data(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(to_data(G)))
    return data


def _node(plan: LoadPlan, node_id: str) -> dict[str, Any]:
    for label, records in plan.create_nodes.items():
        for record in records:
            if record[0] == node_id:
                return dict(zip(node_fields(label), record, strict=True))
    raise KeyError(node_id)


def _edges(plan: LoadPlan) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    rows = (dict(zip(EDGE_FIELDS, r, strict=True)) for records in plan.create_edges.values() for r in records)
    return {(r["source"], r["type"], r["target"], r["source_doc"]): r for r in rows}


def test_every_value_is_stored_as_encode_stores_it(seed_graph: nx.MultiDiGraph[str]) -> None:
    data = _data(seed_graph)
    plan = plan_load(Snapshot(), data)
    assert sum(map(len, plan.create_nodes.values())) == len(data["nodes"])
    for node in data["nodes"]:
        stored = _node(plan, node["id"])
        assert stored == {c.name: encode(c, node.get(c.name), str) for c in node_columns(NodeLabel(node["label"]))}
    assert any(n.get("xrefs") for n in data["nodes"]) and any(n.get("aliases") for n in data["nodes"])
    edges = _edges(plan)
    assert len(edges) == len(data["edges"])
    for edge in data["edges"]:
        stored = edges[(edge["source"], edge["type"], edge["target"], edge["source_doc"])]
        expected = {c.name: encode(c, edge.get(c.name), str) for c in edge_columns()}
        assert stored == {"source": edge["source"], "target": edge["target"], **expected}


def test_values_off_the_fast_path_are_converted_like_encode_does(seed_graph: nx.MultiDiGraph[str]) -> None:
    data = _data(seed_graph)
    edge = data["edges"][0]
    edge["confidence"] = 1  # an int where a float is stored
    edge["type"] = RelType(edge["type"])  # a StrEnum member where a string is stored
    node = next(n for n in data["nodes"] if n["label"] == "Drug")
    node["label"] = NodeLabel.DRUG
    plan = plan_load(Snapshot(), data)
    row = _edges(plan)[(edge["source"], edge["type"].value, edge["target"], edge["source_doc"])]
    assert row["confidence"] == 1.0 and type(row["confidence"]) is float
    assert type(row["type"]) is str and row["type"] == edge["type"].value
    assert type(_node(plan, node["id"])["label"]) is str


def _first_study(data: dict[str, Any]) -> dict[str, Any]:
    study: dict[str, Any] = next(n for n in data["nodes"] if n["label"] == "Study")
    return study


def _schema_message() -> str:
    """What the schema says about a TESTED relationship from a Drug to a Study."""
    try:
        check_endpoints(RelType.TESTED, NodeLabel.DRUG, NodeLabel.STUDY)
    except SchemaError as exc:
        return re.escape(str(exc))
    raise AssertionError("a Drug may not test a Study")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["edges"].append(dict(d["edges"][0])), "appears twice"),
        (lambda d: _first_study(d).update(id=7), "id must be a string"),
        (lambda d: _first_study(d).update(aliases=["a", 2]), "aliases should be a string list"),
        (lambda d: _first_study(d).update(aliases=("a",)), "aliases should be a string list"),
        (lambda d: _first_study(d).update(label="Colour"), "no known label"),
        (lambda d: _first_study(d).update(label=["Study"]), "no known label"),
        (lambda d: d["edges"][0].update(source_doc=None), "source_doc must be a string"),
        (lambda d: d["edges"][0].update(line="3"), "line should be a int"),
        (lambda d: d["edges"][0].update(type="CURES"), "unknown type"),
    ],
)
def test_what_a_store_cannot_hold_is_refused(seed_graph: nx.MultiDiGraph[str], change: Any, message: str) -> None:
    data = _data(seed_graph)
    change(data)
    with pytest.raises(StoreError, match=message):
        plan_load(Snapshot(), data)


def test_a_relationship_the_schema_does_not_allow_is_refused_with_the_schema_s_reason(
    seed_graph: nx.MultiDiGraph[str],
) -> None:
    data = _data(seed_graph)
    drug = next(n["id"] for n in data["nodes"] if n["label"] == "Drug")
    study = next(n["id"] for n in data["nodes"] if n["label"] == "Study")
    data["edges"].append({"source": drug, "target": study, "type": "TESTED", "source_doc": "x.txt"})
    with pytest.raises(StoreError, match=_schema_message()):
        plan_load(Snapshot(), data)
