"""The closed schema: enums, endpoint rules, the checked identifier helper, the vocabularies."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ontology.enums import NodeLabel, RelType
from ontology.model import Drug, Edge, Evidence, Study, Trial
from ontology.schema import RELATIONSHIPS, SchemaError, identifier
from ontology.vocab import VocabularyError, find_conference_series, load_vocabularies, parse_vocabulary

EV = Evidence(source_doc="d.txt", sentence="s", line=1, section="body", rule="r", confidence=0.5)  # type: ignore[arg-type]


def test_every_relationship_type_has_endpoints() -> None:
    assert set(RELATIONSHIPS) == set(RelType)


def test_edge_with_wrong_endpoints_is_rejected_with_a_clear_message() -> None:
    drug = Drug(id="drug:x", name="x")
    trial = Trial(id="trial:x", name="x")
    with pytest.raises(ValidationError, match="TESTED goes from Study\\|Trial to Drug, not from Drug to Trial"):
        Edge.between(RelType.TESTED, drug, trial, EV)


def test_direction_only_on_measured() -> None:
    with pytest.raises(ValidationError, match="direction is a property of MEASURED"):
        Edge.between(
            RelType.TESTED, Study(id="study:x", name="x"), Drug(id="drug:x", name="x"), EV, direction="elevated"
        )  # type: ignore[arg-type]


def test_identifier_accepts_only_schema_members() -> None:
    assert identifier(NodeLabel.NEWS_ARTICLE) == "`NewsArticle`"
    with pytest.raises(SchemaError):
        identifier("Study`) DETACH DELETE n //")  # type: ignore[arg-type]


def test_vocabulary_sizes() -> None:
    v = load_vocabularies()
    assert len(v.terms[NodeLabel.MECHANISM]) >= 60
    assert len(v.terms[NodeLabel.DRUG]) >= 80
    assert len(v.terms[NodeLabel.BIOMARKER]) >= 60
    assert len(v.terms[NodeLabel.CONDITION]) >= 20


@pytest.mark.parametrize(
    ("name", "series"),
    [
        ("IACFS/ME 2025", "iacfsme-conference"),
        ("9th IACFS/ME Research and Clinical Conference", "iacfsme-conference"),
        ("AACFS Conference 2001", "iacfsme-conference"),  # the association's name before 2004
        ("Invest in ME Research 2023", "invest-in-me-conference"),
        ("BRMEC12", "brmec"),
        ("CMRC 2018", "cmrc-conference"),
        ("iime 2011", None),  # abbreviations are matched as written
        ("ME Conference Week 2019", None),  # a whole name, never a word inside one
        ("Keystone Symposia 2025", None),  # an organiser of many unrelated meetings
    ],
)
def test_conference_series_are_named_whole(name: str, series: str | None) -> None:
    term = find_conference_series(name)
    assert (term.id if term else None) == series


def test_vocabulary_rejects_duplicates_and_bad_xrefs() -> None:
    dup = '[[term]]\nid = "a-b"\nlabel = "ab"\n[[term]]\nid = "a-c"\nlabel = "AB"\n'
    with pytest.raises(VocabularyError, match="names both"):
        parse_vocabulary(NodeLabel.DRUG, dup, "t.toml")
    bad = '[[term]]\nid = "x-y"\nlabel = "xy"\nxrefs = { chebi = "CHEBI:1" }\n'
    with pytest.raises(VocabularyError, match="does not match"):
        parse_vocabulary(NodeLabel.DRUG, bad, "t.toml")
    cue = '[[term]]\nid = "x-z"\nlabel = "xz"\nanchors = ["x"]\nanchor_cue = "persist("\n'
    with pytest.raises(VocabularyError, match="not a regular expression"):
        parse_vocabulary(NodeLabel.MECHANISM, cue, "t.toml")
