"""Reshaped alternations match exactly as the plain patterns do (loaders.branches)."""

from __future__ import annotations

import random
import re

import pytest

from loaders import atlas, news_subjects, people, rules
from loaders.branches import compile_branches
from loaders.prefilter import Prefiltered
from loaders.text import lower_same_length
from tests.test_prefilter import _patterns, _texts


def _same(plain: re.Pattern[str], fast: re.Pattern[str], text: str) -> None:
    for pos in (0, 1, 7, len(text) // 2):
        for a, b in (
            (plain.search(text, pos), fast.search(text, pos)),
            (plain.match(text, pos), fast.match(text, pos)),
        ):
            assert (a and (a.span(), a.groups(), a.lastindex)) == (b and (b.span(), b.groups(), b.lastindex)), (
                plain.pattern,
                text,
                pos,
            )
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def _random_texts(words: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 14))) for _ in range(n)]


def test_cue_patterns_match_as_before() -> None:
    patterns = _patterns()
    texts = [lower_same_length(t) for t in _texts()]
    words = sorted({w for t in texts for w in t.split()})
    texts += _random_texts(words, 3000, seed=1)
    reshaped = 0
    for p in patterns:
        fast = compile_branches(p.pattern.pattern)
        reshaped += fast.pattern is None
        for text in texts:
            _same(p.pattern, fast, text)
    assert reshaped > len(patterns) // 2  # most cue patterns are alternations worth reshaping


def test_gates_match_as_before() -> None:
    gates = [
        v.gate
        for module in (atlas, news_subjects, people, rules)
        for v in vars(module).values()
        if isinstance(v, Prefiltered) and v.gate is not None
    ]
    assert gates  # the candidate-drug pattern's suffix gate
    texts = _texts()
    for gate in gates:
        fast = compile_branches(gate.pattern)
        for text in texts:
            _same(gate, fast, text)


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:did not|didn't|does not) (?:help|work)|\bno (?:benefit|effect)|\bdid(?:n't)? fail",
        r"(?:ab|a)(?:bc|b)c?",  # overlapping alternatives: the first that leads to a match wins
        r"(?:a|ab)(?P<g>c|bcd)",  # a capturing group after the alternation: not distributed
        r"x(?:y|)|xz|(?:x|)w",  # empty alternatives are barriers
        r"(?:a|b)+c|a\b|\d+|a(?=c)",
        r"(?:(?:a|b)c|d)e|ace",
    ],
)
def test_tricky_shapes(source: str) -> None:
    fast = compile_branches(source)
    for text in _random_texts(["a", "b", "c", "d", "e", "x", "y", "z", "w", "ab", "abc", "bcd", "1", " "], 2000, 2):
        _same(re.compile(source), fast, text.replace(" ", ""))
        _same(re.compile(source), fast, text)
