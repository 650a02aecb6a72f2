"""The README's SPARQL questions (queries/*.rq): the CLI, pyoxigraph and rdflib give the same answers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from graph.cli import main
from graph.jsonio import to_data
from graph.sparql import cell, load_store, run_query
from tests.rdf_helpers import export, generated_data, parse_rdflib

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
SEEDS = ROOT / "examples" / "seeds"


def _rows_oxigraph(data: dict[str, Any], query: str) -> list[tuple[str, ...]]:
    result = run_query(load_store(data), query)
    return [tuple(cell(v) for v in row) for row in result.rows]


def _rows_rdflib(data: dict[str, Any], query: str) -> list[tuple[str, ...]]:
    g = parse_rdflib(export(data, "turtle"), "turtle")
    return [tuple("" if v is None else str(v) for v in row) for row in g.query(query)]  # type: ignore[union-attr]


def _comparable(rows: list[tuple[str, ...]], query: str) -> list[tuple[Any, ...]]:
    """Drop what SPARQL leaves to the engine: SAMPLE picks, and the order inside GROUP_CONCAT."""
    out = []
    for row in rows:
        if "SAMPLE(" in query:
            row = row[:-1]
        out.append(tuple(frozenset(v.split(" | ")) if " | " in v else v for v in row))
    return sorted(out, key=repr)


def test_the_three_questions_are_there() -> None:
    assert [q.stem for q in QUERIES] == [
        "drugs_with_null_results",
        "mechanisms_proposed_by_several_studies",
        "researchers_linking_mechanisms",
    ]
    for q in QUERIES:  # the header says what it answers, its parameters and an example
        header = q.read_text(encoding="utf-8").split("PREFIX")[0]
        assert header.startswith("# ") and "Parameters:" in header and "Example: mecfs-kg sparql" in header


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("graph", ["seeds", "generated"])
def test_pyoxigraph_and_rdflib_agree(query: Path, graph: str, seed_graph: nx.MultiDiGraph[str]) -> None:
    data = to_data(seed_graph) if graph == "seeds" else generated_data(40)  # rdflib SPARQL is slow
    text = query.read_text(encoding="utf-8")
    ox_rows, rdflib_rows = _rows_oxigraph(data, text), _rows_rdflib(data, text)
    assert ox_rows
    assert _comparable(ox_rows, text) == _comparable(rdflib_rows, text)


def test_seed_answers(seed_graph: nx.MultiDiGraph[str]) -> None:
    data = to_data(seed_graph)
    null = {r[0]: r for r in _rows_oxigraph(data, (ROOT / "queries" / "drugs_with_null_results.rq").read_text())}
    assert {"anakinra", "rituximab"} <= set(null)
    assert "did not significantly change cytokine levels" in null["anakinra"][2]
    several = {r[0]: int(r[1]) for r in _rows_oxigraph(data, (ROOT / "queries" / QUERIES[1].name).read_text())}
    assert several["immune dysfunction"] >= 2 and all(n > 1 for n in several.values())
    linking = _rows_oxigraph(data, QUERIES[2].read_text())
    assert all(m1 != m2 for _, m1, m2 in linking)
    assert any(r == "Carmen Scheibenbogen" for r, _, _ in linking)


def test_cli_sparql(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(SEEDS), "--store", store]).exit_code == 0
    table = runner.invoke(main, ["sparql", "-f", str(QUERIES[0]), "--store", store])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["drug", "sources", "evidence"]
    assert "anakinra" in table.output
    as_csv = runner.invoke(main, ["sparql", "-f", str(QUERIES[1]), "--store", store, "--format", "csv"])
    rows = list(csv.reader(io.StringIO(as_csv.output)))
    assert rows[0] == ["mechanism", "studies"] and len(rows) > 2
    # predeclared prefixes, the ontology on demand, JSON results
    query = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a/rdfs:subClassOf schema:ScholarlyArticle }"
    as_json = runner.invoke(main, ["sparql", query, "--store", store, "--with-ontology", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert int(json.loads(as_json.output)["results"]["bindings"][0]["n"]["value"]) > 0
    # a Turtle file loaded instead of the store: what another triple store would be given
    ttl = tmp_path / "seeds.ttl"
    assert runner.invoke(main, ["export", "--store", store, "--format", "turtle", "--out", str(ttl)]).exit_code == 0
    from_file = runner.invoke(main, ["sparql", "-f", str(QUERIES[0]), "--data", str(ttl)])
    assert from_file.output == table.output
    ask = runner.invoke(main, ["sparql", "ASK { drug:anakinra a mkg:Drug }", "--store", store])
    assert ask.output.strip() == "true"
    bad = runner.invoke(main, ["sparql", "SELECT WHERE {", "--store", store])
    assert bad.exit_code == 2 and "syntax error" in bad.output


def test_rdflib_graph_from_the_turtle_file_answers_without_the_project(seed_graph: nx.MultiDiGraph[str]) -> None:
    """Another store sees only the file: the README queries declare their prefixes."""
    g = rdflib.Graph().parse(data=export(to_data(seed_graph), "turtle"), format="turtle")
    for q in QUERIES:
        assert len(list(g.query(q.read_text(encoding="utf-8")))) > 0, q.name
