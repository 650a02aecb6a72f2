"""Round trips: JSON → RDF → JSON identical (evidence included), RDF → graph → RDF isomorphic; the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from graph.cli import main
from graph.jsonio import graph_from_data, to_data, to_json
from graph.rdf_import import RdfImportError, read_rdf
from tests.rdf_helpers import OX_FORMAT, export, generated_data, hostile_data, parse_rdflib

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
FORMATS = list(OX_FORMAT)


def _json(data: dict[str, Any]) -> str:
    return to_json(graph_from_data(data))


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code != 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("graph", ["seeds", "hostile"])
def test_json_to_rdf_to_json_is_identical(fmt: str, graph: str, seed_graph: nx.MultiDiGraph[str]) -> None:
    data = to_data(seed_graph) if graph == "seeds" else hostile_data()
    back = read_rdf(export(data, fmt).encode("utf-8"), fmt)
    assert _json(back) == _json(data)
    assert back["edges"] and all("evidence" in e and "confidence" in e for e in back["edges"])


@pytest.mark.parametrize("graph", ["seeds", "hostile"])
def test_rdf_to_graph_to_rdf_is_isomorphic(graph: str, seed_graph: nx.MultiDiGraph[str]) -> None:
    data = to_data(seed_graph) if graph == "seeds" else hostile_data()
    first = export(data, "turtle")
    second = export(read_rdf(first.encode("utf-8"), "turtle"), "turtle")
    assert isomorphic(parse_rdflib(first, "turtle"), parse_rdflib(second, "turtle"))
    assert second == first  # and, the writer being deterministic, byte for byte


@pytest.mark.parametrize("fmt", FORMATS)
def test_generated_graph_round_trips(fmt: str) -> None:
    data = generated_data(1400)
    assert len(data["edges"]) > 14_000
    assert _json(read_rdf(export(data, fmt).encode("utf-8"), fmt)) == _json(data)


def test_cli_export_import_export(tmp_path: Path) -> None:
    store, copy = str(tmp_path / "s"), str(tmp_path / "copy")
    run("build", str(SEEDS), "--store", store)
    original = run("export", "--store", store, "--format", "json")
    for fmt, suffix in (("turtle", ".ttl"), ("nt", ".nt"), ("jsonld", ".jsonld"), ("trig", ".trig")):
        rdf = tmp_path / f"seeds{suffix}"
        run("export", "--store", store, "--format", fmt, "--out", str(rdf))
        out = tmp_path / f"back-{fmt}.json"
        run("import", str(rdf), "--out", str(out))  # format from the extension
        assert out.read_text(encoding="utf-8") == original, fmt
    assert "Øystein Fluge" in run("export", "--store", store, "--format", "turtle")
    message = run("import", str(tmp_path / "seeds.ttl"), "--format", "turtle", "--store", copy)
    assert "imported into" in message
    assert run("export", "--store", copy, "--format", "json") == original
    assert "already holds a graph" in run("import", str(tmp_path / "seeds.ttl"), "--store", copy, ok=False)
    run("import", str(tmp_path / "seeds.ttl"), "--store", copy, "--replace")
    stats = json.loads(run("stats", "--store", copy, "--format", "json"))
    assert stats == json.loads(run("stats", "--store", store, "--format", "json"))


def test_cli_import_rejects_bad_rdf(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    assert "not valid turtle" in run("import", str(bad), "--out", str(tmp_path / "x.json"), ok=False)
    unknown = tmp_path / "graph.xyz"
    unknown.write_text("", encoding="utf-8")
    assert "--format" in run("import", str(unknown), ok=False)


def _turtle(data: dict[str, Any], old: str, new: str) -> bytes:
    text = export(data, "turtle")
    assert old in text
    return text.replace(old, new).encode("utf-8")


def test_import_refuses_what_the_schema_does_not_allow(seed_graph: nx.MultiDiGraph[str]) -> None:
    data = to_data(seed_graph)
    with pytest.raises(RdfImportError, match="sentence"):
        read_rdf(_turtle(data, "mkg:evidenceSentence", "mkg:somethingElse"), "turtle")
    with pytest.raises(RdfImportError, match="rdf:object must be exactly one node"):
        read_rdf(_turtle(data, "a mkg:Drug", "a mkg:NotAClass"), "turtle")
    with pytest.raises(RdfImportError, match="not a valid edge"):  # a trial cannot target a drug
        read_rdf(_turtle(data, "rdf:predicate mkg:tested", "rdf:predicate mkg:targets"), "turtle")
    with pytest.raises(RdfImportError, match="at most one"):
        read_rdf(_turtle(data, "mkg:confidence 0.9 ", "mkg:confidence 0.9, 0.8 "), "turtle")
    with pytest.raises(RdfImportError, match="unknown RDF format"):
        read_rdf(b"", "rdfxml")
