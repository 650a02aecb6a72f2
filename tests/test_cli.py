"""The command line, end to end on real files: build, export, stats, explain, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result.output


def test_build_then_export_is_byte_identical_across_builds(tmp_path: Path) -> None:
    run("build", str(SEEDS), "--store", str(tmp_path / "a"))
    run("build", str(SEEDS), "--store", str(tmp_path / "b"))
    run("export", "--store", str(tmp_path / "a"), "--format", "json", "--out", str(tmp_path / "a.json"))
    run("export", "--store", str(tmp_path / "b"), "--format", "json", "--out", str(tmp_path / "b.json"))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    node = data["nodes"][0]
    assert {"id", "label", "name", "aliases", "source_docs"} <= set(node)
    edge = data["edges"][0]
    assert {"source", "target", "type", "source_doc", "evidence", "confidence"} <= set(edge)
    assert "Øystein Fluge" in (tmp_path / "a.json").read_text(encoding="utf-8")


def test_export_to_stdout_and_reloading_is_idempotent(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    run("build", str(SEEDS), "--store", store)
    first = run("export", "--store", store)
    out = run("build", str(SEEDS), "--store", store)
    assert "0 new, 0 updated, 5 unchanged" in out
    assert run("export", "--store", store) == first
    assert json.loads(first)["schema_version"] == 1


def test_incremental_build_adds_one_document(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    docs = sorted(SEEDS.glob("*.txt"))
    run("build", *map(str, docs[:4]), "--store", store)
    before = json.loads(run("export", "--store", store))
    out = run("build", str(docs[4]), "--store", store)
    assert "1 new" in out
    after = json.loads(run("export", "--store", store))
    assert len(after["nodes"]) > len(before["nodes"])
    kept = {n["id"] for n in before["nodes"]}
    assert kept <= {n["id"] for n in after["nodes"]}
    run("build", str(docs[4]), "--store", store, "--wipe")
    wiped = json.loads(run("export", "--store", store))
    assert {d for n in wiped["nodes"] for d in n["source_docs"]} == {docs[4].name}


def test_stats_counts_labels_and_types(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    run("build", str(SEEDS), "--store", store)
    data = json.loads(run("stats", "--store", store, "--format", "json"))
    assert data["documents"] == 5
    assert data["edges_by_type"]["NULL_RESULT"] >= 2
    assert data["nodes_by_label"]["Trial"] >= 6
    table = run("stats", "--store", store)
    assert "NULL_RESULT" in table and "Researcher" in table


def test_explain_shows_edges_with_evidence(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    run("build", str(SEEDS), "--store", store)
    out = run("explain", "anakinra", "--store", store)
    assert "[Drug]" in out and "NULL_RESULT" in out and "did not significantly change" in out
    assert "002_4a60cbe270207572.txt:2" in out
    unknown = CliRunner().invoke(main, ["explain", "anakinr", "--store", store])
    assert unknown.exit_code == 1 and "closest: anakinra (Drug)" in unknown.output


def test_bad_documents_are_reported_and_the_rest_still_loads(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "zz_garbage.txt").write_text("just some words\nwith no header\n", encoding="utf-8")
    (docs / "zz_latin1.txt").write_bytes("Fluge, Ø · J · 2020 · DOI\n".encode("latin-1"))
    (docs / "zz_short.txt").write_text("Roerink, M · Journal · 2017 · DOI\nOnly one paragraph.\n", encoding="utf-8")
    store = str(tmp_path / "s")
    result = CliRunner().invoke(main, ["build", str(docs), "--store", store])
    assert result.exit_code == 1
    assert "zz_garbage.txt:1: unrecognised document kind" in result.output
    assert "zz_latin1.txt:1: not UTF-8 text" in result.output
    assert "zz_short.txt:3: expected three paragraphs" in result.output
    assert "5 documents read" in result.output and "3 failed" in result.output
    data = json.loads(run("export", "--store", store))
    assert len({d for n in data["nodes"] for d in n["source_docs"]}) == 5


def test_strict_stops_at_the_first_failure_and_saves_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_bad.txt").write_text("nothing here\n", encoding="utf-8")
    shutil.copy(next(SEEDS.glob("002_*.txt")), docs)
    store = tmp_path / "s"
    result = CliRunner().invoke(main, ["build", str(docs), "--store", str(store), "--strict"])
    assert result.exit_code == 1 and "--strict" in result.output
    assert not (store / "graph.json").exists()


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "run 'mecfs-kg build PATH…' first" in result.output


@pytest.mark.parametrize("command", ["build", "export", "stats", "explain"])
def test_help_everywhere(command: str) -> None:
    assert "Usage:" in run(command, "--help")
