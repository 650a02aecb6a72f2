"""The facts a reader sees in the seed documents, asserted on the built graph."""

from __future__ import annotations

import networkx as nx

from ontology.enums import NodeLabel, RelType
from ontology.model import Extraction

ROERINK = "doi:10.1186/s12967-017-1371-9"
ANDERSON = "doi:10.1016/j.pnpbp.2020.109976"


def edges(G: nx.MultiDiGraph, source: str, rel: RelType) -> dict[str, dict[str, object]]:
    return {v: d for _, v, d in G.out_edges(source, data=True) if d["type"] == rel.value}


def node_by_name(G: nx.MultiDiGraph, label: NodeLabel, name: str) -> str:
    hits = [n for n, d in G.nodes(data=True) if d["label"] == label.value and d["name"] == name]
    assert len(hits) == 1, (label, name, hits)
    return hits[0]


def test_roerink_tested_and_null_result_anakinra(seed_graph: nx.MultiDiGraph) -> None:
    tested = edges(seed_graph, ROERINK, RelType.TESTED)
    assert tested["drug:anakinra"]["outcome"] == "null"
    null = edges(seed_graph, ROERINK, RelType.NULL_RESULT)
    assert "did not significantly change cytokine levels" in str(null["drug:anakinra"]["evidence"])


def test_roerink_measured_cytokines_elevated(seed_graph: nx.MultiDiGraph) -> None:
    measured = edges(seed_graph, ROERINK, RelType.MEASURED)
    il12 = node_by_name(seed_graph, NodeLabel.BIOMARKER, "IL-12p40")
    csf1 = next(n for n in measured if n != il12)
    assert measured[il12]["direction"] == "elevated"
    assert measured[csf1]["direction"] == "elevated"
    assert "CSF-1" in {seed_graph.nodes[csf1]["name"], *seed_graph.nodes[csf1]["aliases"]}
    assert set(measured) == {il12, csf1}


def test_roerink_studied_mecfs_and_identity(seed_graph: nx.MultiDiGraph) -> None:
    study = seed_graph.nodes[ROERINK]
    assert study["pmid"] == "29284500"
    assert study["year"] == 2017
    assert study["design"] == "case-control"
    assert study["title"].startswith("Cytokine signatures in chronic fatigue syndrome patients")
    studied = edges(seed_graph, ROERINK, RelType.STUDIED)
    assert [seed_graph.nodes[c]["name"] for c in studied] == ["ME/CFS"]
    authors = {u for u, _, d in seed_graph.in_edges(ROERINK, data=True) if d["type"] == "AUTHORED"}
    # Seven authors: three from the header, completed by the BibTeX list, not duplicated.
    assert len(authors) == 7
    assert "researcher:van-der-meer-jwm" in authors


def test_anderson_maes_proposes_mitochondria_and_immune(seed_graph: nx.MultiDiGraph) -> None:
    proposes = {seed_graph.nodes[m]["name"] for m in edges(seed_graph, ANDERSON, RelType.PROPOSES)}
    assert {"mitochondrial dysfunction", "immune dysfunction"} <= proposes
    assert seed_graph.nodes[ANDERSON]["design"] == "review"


def test_wirth_steinacker_proposes_na_k_atpase(seed_graph: nx.MultiDiGraph) -> None:
    study = next(n for n, d in seed_graph.nodes(data=True) if d.get("first_author") == "Wirth")
    assert seed_graph.nodes[study]["design"] == "hypothesis"
    assert "doi" not in seed_graph.nodes[study]
    proposes = {seed_graph.nodes[m]["name"] for m in edges(seed_graph, study, RelType.PROPOSES)}
    assert any("Na+/K+-ATPase" in name for name in proposes)


def _trial(G: nx.MultiDiGraph, drug: str, phase: str | None) -> str:
    hits = [
        n
        for n, d in G.nodes(data=True)
        if d["label"] == "Trial" and d.get("phase") == phase and f"drug:{drug}" in edges(G, n, RelType.TESTED)
    ]
    assert len(hits) == 1, (drug, phase, hits)
    return hits[0]


def test_rituximab_phase3_null_result_led_by_fluge(seed_graph: nx.MultiDiGraph) -> None:
    trial = _trial(seed_graph, "rituximab", "3")
    assert "drug:rituximab" in edges(seed_graph, trial, RelType.NULL_RESULT)
    leads = [seed_graph.nodes[r]["name"] for r in edges(seed_graph, trial, RelType.LED_BY)]
    assert leads == ["Øystein Fluge"]
    assert seed_graph.nodes[trial]["status"] == "completed"
    assert "randomized" in seed_graph.nodes[trial]["features"]


def test_japanese_rituximab_phase2_trial(seed_graph: nx.MultiDiGraph) -> None:
    trial = _trial(seed_graph, "rituximab", "2")
    node = seed_graph.nodes[trial]
    assert node["size"] == 30
    assert node["status"] == "ongoing"
    assert "crossover" in node["features"]
    assert not edges(seed_graph, trial, RelType.NULL_RESULT)
    leads = [seed_graph.nodes[r]["name"] for r in edges(seed_graph, trial, RelType.LED_BY)]
    assert leads == ["Wakiro Sato"]


def test_daratumumab_trials(seed_graph: nx.MultiDiGraph) -> None:
    pilot = seed_graph.nodes[_trial(seed_graph, "daratumumab", None)]
    assert pilot["size"] == 10 and pilot["outcome"] == "positive" and "pilot" in pilot["features"]
    phase2_id = _trial(seed_graph, "daratumumab", "2")
    phase2 = seed_graph.nodes[phase2_id]
    assert phase2["size"] == 66 and phase2["status"] == "ongoing"
    assert {"randomized", "double-blind", "placebo-controlled"} <= set(phase2["features"])
    assert edges(seed_graph, phase2_id, RelType.TESTED)["drug:daratumumab"]["outcome"] == "pending"


def test_immunoadsorption_trial(seed_graph: nx.MultiDiGraph) -> None:
    trial = _trial(seed_graph, "immunoadsorption", None)
    assert seed_graph.nodes[trial]["size"] == 20
    assert seed_graph.nodes[trial]["outcome"] == "positive"
    leads = [seed_graph.nodes[r]["name"] for r in edges(seed_graph, trial, RelType.LED_BY)]
    assert leads == ["Carmen Scheibenbogen"]
    assert seed_graph.nodes["drug:immunoadsorption"]["kind"] == "procedure"


def test_low_dose_naltrexone_and_trpm3(seed_graph: nx.MultiDiGraph) -> None:
    targets = {seed_graph.nodes[m]["name"] for m in edges(seed_graph, "drug:low-dose-naltrexone", RelType.TARGETS)}
    assert "neuroinflammation" in targets
    assert any("TRPM3" in t for t in targets)
    trial = _trial(seed_graph, "low-dose-naltrexone", None)
    assert seed_graph.nodes[trial]["size"] == 9
    tested = edges(seed_graph, trial, RelType.TESTED)["drug:low-dose-naltrexone"]
    # "no significant difference ... between patients and healthy controls" after treatment is a success.
    assert tested["outcome"] == "positive"
    assert not edges(seed_graph, trial, RelType.NULL_RESULT)
    studied = [seed_graph.nodes[c]["name"] for c in edges(seed_graph, trial, RelType.STUDIED)]
    assert studied == ["long COVID"]


def test_scheibenbogen_affiliated_with_charite(seed_graph: nx.MultiDiGraph) -> None:
    person = node_by_name(seed_graph, NodeLabel.RESEARCHER, "Carmen Scheibenbogen")
    insts = {seed_graph.nodes[i]["name"] for i in edges(seed_graph, person, RelType.AFFILIATED_WITH)}
    assert len(insts) == 1 and "Charité" in next(iter(insts))
    fluge = node_by_name(seed_graph, NodeLabel.RESEARCHER, "Øystein Fluge")
    fluge_insts = {seed_graph.nodes[i]["name"] for i in edges(seed_graph, fluge, RelType.AFFILIATED_WITH)}
    assert fluge_insts == {"University of Bergen", "Haukeland University Hospital"}


def test_news_article_and_conference(seed_graph: nx.MultiDiGraph) -> None:
    article = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "NewsArticle")
    conf = edges(seed_graph, article, RelType.COVERS)
    # one node per edition of a known series, whatever the outlet calls it; the name as written is an alias
    assert [seed_graph.nodes[c]["name"] for c in conf] == [
        "IACFS/ME International Research and Clinical Conference 2025"
    ]
    assert [(seed_graph.nodes[c]["aliases"], seed_graph.nodes[c]["year"]) for c in conf] == [(["IACFS/ME 2025"], 2025)]
    assert seed_graph.nodes[article]["byline"] == "Miriam E. Tucker"
    # The journalist is not a researcher.
    assert not any(d.get("surname") == "Tucker" for _, d in seed_graph.nodes(data=True))


def test_no_edge_from_does_not_prove_paragraphs(seed_extractions: dict[str, Extraction]) -> None:
    for key in ("000", "001", "002", "003"):
        for edge in seed_extractions[key].edges:
            assert edge.evidence.section.value != "limitations", edge
            assert edge.evidence.line != 4, edge  # the third paragraph of every seed entry


def test_interferon_alpha_is_a_trigger_not_a_treatment(seed_extractions: dict[str, Extraction]) -> None:
    assert not [e for e in seed_extractions["001"].edges if e.type in (RelType.TESTED, RelType.NULL_RESULT)]


def test_every_edge_has_provenance(seed_graph: nx.MultiDiGraph) -> None:
    for _, _, d in seed_graph.edges(data=True):
        assert d["source_doc"] in seed_graph.nodes[d["source"]]["source_docs"]
        assert d["evidence"] and 0 < d["confidence"] <= 1 and d["rule"] and d["line"] >= 1


def test_evidence_is_verbatim_text_of_its_document(seed_extractions: dict[str, Extraction]) -> None:
    from tests.conftest import SEEDS

    for extraction in seed_extractions.values():
        text = (SEEDS / extraction.doc).read_text(encoding="utf-8")
        lines = text.splitlines()
        for edge in extraction.edges:
            assert edge.evidence.sentence in lines[edge.evidence.line - 1], edge


def test_decodeme_findings_are_proposed_mechanisms(seed_graph: nx.MultiDiGraph) -> None:
    study = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "Study" and d["name"] == "Decode ME")
    proposes = {seed_graph.nodes[m]["name"] for m in edges(seed_graph, study, RelType.PROPOSES)}
    # The last item of a list ("..., and mitochondrial function") still counts: its clause says "impaired".
    assert {"autoimmunity", "mitochondrial dysfunction", "immune dysfunction"} <= proposes
    assert seed_graph.nodes[study]["design"] == "genome-wide association study"
    assert seed_graph.nodes[study]["size"] == 15579
