"""Candidate mechanisms are searched from a few words before the first trigger word: same matches."""

from __future__ import annotations

import random

from loaders.rules import _MECHANISM_TRIGGER, CANDIDATE_MECHANISM
from loaders.text import words_before

WORDS = (
    "impaired dysfunctional defective abnormal dysregulated disrupted dysfunction impairment abnormalities "
    "deficiency insufficiency overactivity nervous system immune t-cell b/cell mast the and of in with to "
    "(immune) autonomic IL-6 mitochondrial nonimpairing x1 a an"
).split()
SPACES = (" ", " ", " ", "  ", "\t", "\n", ", ", "; ", " (", ") ", "-", "/")


def _spans(text: str, pos: int) -> list[tuple[int, int]]:
    return [m.span() for m in CANDIDATE_MECHANISM.finditer(text, pos)]


def test_window_gives_the_same_matches() -> None:
    rng = random.Random(11)
    found = 0
    for _ in range(20_000):
        n = rng.randint(1, 14)
        text = "".join(rng.choice(WORDS) + rng.choice(SPACES) for _ in range(n)).strip()
        trigger = _MECHANISM_TRIGGER.search(text)
        if trigger is None:
            assert _spans(text, 0) == []
            continue
        whole = _spans(text, 0)
        assert _spans(text, words_before(text, trigger.start(), 3)) == whole, text
        found += len(whole)
    assert found > 1000  # the texts exercise the pattern


def test_words_before() -> None:
    text = "one two  three\tfour five"
    assert words_before(text, text.index("five"), 3) <= text.index("two")
    assert words_before(text, text.index("ive"), 3) <= text.index("two")
    assert words_before(text, text.index("five"), 9) == 0
