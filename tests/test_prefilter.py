"""The literal prefilters never reject a text the pattern matches (loaders.prefilter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import affiliations, atlas, cues, leaders, news, news_reports, news_subjects, people, rules
from loaders.prefilter import needles, required_literals
from loaders.text import CaselessPattern, fold_typography, lower_same_length, sentences

ROOT = Path(__file__).resolve().parent.parent
# Tuned-on documents only (never the held-out examples/corpus/test/).
FOLDERS = ["examples/seeds", "examples/corpus/dev", "examples/corpus/dev2", "examples/corpus/dev3"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bpilot\b", {"pilot"}),
        (r"\b(?:did not|failed to)\s+(?:meet|reach)|\bno benefit", {"did not", "failed to", "no benefit"}),
        (r"\bphase[- ](i{1,3}v?|iv)", {"phase"}),
        (r"(?:very )?good", {"good"}),  # an optional group requires nothing; the literal after it does
        (r"(?:abc)+x", {"abc"}),  # a repeat that must happen once requires its body
        (r"(?:abc)*", None),  # one that may not happen requires nothing
        (r"a|(?:b)?", None),  # an alternative that matches the empty string
        (r"(?<!no )effect", {"effect"}),  # lookarounds require nothing
        (r"(?i)placebo", None),  # literals would match in any case
        (r"(?i:placebo)x", {"x"}),
        (r"\w+", None),
    ],
)
def test_required_literals(source: str, expected: set[str] | None) -> None:
    assert required_literals(source) == (None if expected is None else frozenset(expected))


def _patterns() -> list[CaselessPattern]:
    found: dict[int, CaselessPattern] = {}
    for module in (affiliations, atlas, cues, leaders, news, news_reports, news_subjects, people, rules):
        for value in vars(module).values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                pattern = item[1] if isinstance(item, tuple) and len(item) == 2 else item
                if isinstance(pattern, CaselessPattern):
                    found[id(pattern)] = pattern
    return list(found.values())


def _texts() -> list[str]:
    out = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*.txt")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                folded = fold_typography(line)
                out.append(folded)
                out.extend(s.text for s in sentences(folded, n))
    return out


def test_prefilters_keep_every_match() -> None:
    patterns = _patterns()
    texts = [lower_same_length(t) for t in _texts()]
    assert len(patterns) > 50 and len(texts) > 500
    filtered = [p for p in patterns if p.needles is not None]
    assert len(filtered) > len(patterns) // 2  # most cue patterns have a usable prefilter
    for p in filtered:
        for low in texts:
            if p.pattern.search(low):
                assert any(n in low for n in p.needles or ()), (p.pattern.pattern, low)


def test_needles_are_long_and_few() -> None:
    assert needles(r"\b(?:a|an|the) study") == (" study",)
    assert needles(r"\b(?:he|she)\b") is None  # too short to be selective
    assert needles("|".join(chr(97 + i) * 3 for i in range(20))) is None  # too many to check
    # a literal holding another adds no test: "Pharmaceuticals" is in a text only where "Pharma" is
    assert needles(r"(?:Pharmaceuticals|Pharma|Clinic)\b") == ("Clinic", "Pharma")


def test_institution_prefilter_is_on() -> None:
    # Fifteen keywords, more than needles' default: the pattern runs only on sentences naming one.
    assert people._INSTITUTION_WORDS is not None and "Hospital" in people._INSTITUTION_WORDS
    for text in _texts():
        if people.INSTITUTION_PATTERN.search(text):
            assert people._institution_matches(text)
