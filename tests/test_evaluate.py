"""The evaluation script's matching: what counts as found, what is not scored."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from loaders import load_text
from ontology.enums import RelType

ROOT = Path(__file__).resolve().parents[1]


def _evaluate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate_script", ROOT / "scripts" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ATLAS = "\n".join(
    [
        "Doe, Jane, Roe, Richard · Journal of translational medicine · 2021 · DOI",
        "In a randomized placebo-controlled trial, 60 patients with ME/CFS received coenzyme Q10 or placebo, "
        "and coenzyme Q10 was no better than placebo on fatigue.",
        "The result argues against the supplement.",
        "The trial does not prove that mitochondria are normal.",
        "About the PEM badge: the badge says whether post-exertional malaise was an entry criterion.",
    ]
)


def test_a_hand_annotation_is_matched_and_the_study_to_trial_link_is_not_scored() -> None:
    ev = _evaluate_module()
    ex = load_text(ATLAS + "\n", "doe.txt")
    # the extractor links the entry's study to its own trial; annotators are not asked for that link
    assert any(e.type is RelType.REPORTS for e in ex.edges)
    gold = {
        "entities": [
            {"ref": "S", "label": "Study", "this_document": True},
            {"ref": "doe", "label": "Researcher", "name": "Jane Doe"},
            {"ref": "q10", "label": "Drug", "name": "coenzyme Q10"},
            {"ref": "t", "label": "Trial", "drugs": ["coenzyme Q10"], "phase": None},
            {"ref": "mecfs", "label": "Condition", "name": "ME/CFS"},
        ],
        "relations": [
            {"type": "AUTHORED", "source": "doe", "target": "S"},
            {"type": "TESTED", "source": "S", "target": "q10"},
            {"type": "NULL_RESULT", "source": "S", "target": "q10"},
            {"type": "TESTED", "source": "t", "target": "q10"},
            {"type": "NULL_RESULT", "source": "t", "target": "q10"},
            {"type": "STUDIED", "source": "S", "target": "mecfs"},
        ],
    }
    system, expected = ev.compare(ex, gold)
    for kind, keys in expected.items():
        assert keys <= system.get(kind, set()), kind
    assert "rel:REPORTS" not in system
    # a relationship the text does not support is a miss, not silently matched
    gold["relations"].append({"type": "TARGETS", "source": "q10", "target": "mecfs"})
    system, expected = ev.compare(ex, gold)
    assert expected["rel:TARGETS"] - system.get("rel:TARGETS", set())


def test_the_seed_documents_score_as_their_facts_say() -> None:
    ev = _evaluate_module()
    counts = ev.evaluate(ROOT / "examples" / "seeds", verbose=False)
    tp = sum(c["tp"] for k, c in counts.items() if k.startswith("rel:"))
    fp = sum(c["fp"] for k, c in counts.items() if k.startswith("rel:"))
    fn = sum(c["fn"] for k, c in counts.items() if k.startswith("rel:"))
    precision, recall, _ = ev.prf(tp, fp, fn)
    assert precision >= 0.9 and recall >= 0.9


def test_unseen_batches_are_pooled_into_one_micro_average() -> None:
    from collections import Counter

    ev = _evaluate_module()
    a = {"rel:TESTED": Counter(tp=2, fp=1, fn=0), "entity:Drug": Counter(tp=1)}
    b = {"rel:TESTED": Counter(tp=1, fn=3), "rel:LED_BY": Counter(fp=2)}
    total = ev.pooled([a, b])
    assert total["rel:TESTED"] == Counter(tp=3, fp=1, fn=3)
    assert total["rel:LED_BY"] == Counter(fp=2) and total["entity:Drug"] == Counter(tp=1)
    assert all((ROOT / "examples" / "corpus" / name).is_dir() for name in ev.UNSEEN)
