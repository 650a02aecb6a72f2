"""Loader output is built without a second validation: it must be what validation would make."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from bench.corpus import generate_documents
from loaders import load_text
from loaders.drafts import EdgeDraft
from ontology.enums import NodeLabel, RelType, Section
from ontology.model import Extraction

ROOT = Path(__file__).resolve().parents[1]


def _same_model(got: BaseModel, expected: BaseModel) -> None:
    assert type(got) is type(expected)
    assert got == expected
    assert got.model_fields_set == expected.model_fields_set
    assert list(got.__dict__) == list(expected.__dict__)  # field order


def _extractions() -> list[Extraction]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "seeds").glob("*.txt"))]
    texts += generate_documents(40, seed=3)
    return [load_text(text, name) for name, text in texts]


def test_extractions_are_what_validation_makes() -> None:
    for x in _extractions():
        validated = Extraction.model_validate(x.model_dump())
        _same_model(x, validated)
        assert x.model_dump_json() == validated.model_dump_json()
        for edge, checked in zip(x.edges, validated.edges, strict=True):
            _same_model(edge, checked)
            _same_model(edge.evidence, checked.evidence)


@pytest.mark.parametrize(("line", "confidence"), [(0, 0.5), (3, 1.2), (3, -0.1)])
def test_drafts_check_what_validation_checked(line: int, confidence: float) -> None:
    with pytest.raises(ValueError, match="line >= 1 and a confidence"):
        EdgeDraft(
            RelType.TESTED,
            "study:x",
            "drug:y",
            NodeLabel.STUDY,
            NodeLabel.DRUG,
            "a.txt",
            "A sentence.",
            line,
            Section.FINDINGS,
            "rule",
            confidence,
            None,
            None,
        )
