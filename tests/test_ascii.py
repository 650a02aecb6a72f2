"""Twins for ASCII text find exactly what the Unicode patterns find (loaders.ascii)."""

from __future__ import annotations

import random
import re

import pytest

from loaders import atlas, news, news_cues, news_subjects, people, rules
from loaders import text as text_module
from loaders.ascii import Twin, compile_ascii
from loaders.matcher import vocabulary_matcher
from loaders.prefilter import Prefiltered
from loaders.text import lower_same_length
from tests.test_branches import _same
from tests.test_prefilter import _patterns, _texts

# Every ASCII character a text can hold, the separators Unicode calls space among them.
_ODD = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f _-'\".,;:()/+&0123456789"


def _ascii_texts(seed: int, n: int) -> list[str]:
    """The tuned-on sentences that are ASCII, and random ASCII strings of their words and odd characters."""
    texts = [t for t in _texts() if t.isascii()]
    words = sorted({w for t in texts for w in t.split()})
    rnd = random.Random(seed)
    for _ in range(n):
        parts = [rnd.choice(words) if rnd.random() < 0.7 else rnd.choice(_ODD) for _ in range(rnd.randint(1, 16))]
        texts.append("".join(p + rnd.choice([" ", " ", "", rnd.choice(_ODD)]) for p in parts))
    return texts


def test_cue_patterns_twins() -> None:
    texts = [lower_same_length(t) for t in _ascii_texts(1, 2000)]
    twins = 0
    for p in _patterns():
        twins += p._ascii is not p._search
        for text in texts:
            _same(p._search, p._ascii, text)
    assert twins == len(_patterns())  # every cue pattern is ASCII: each has a twin


def test_prefiltered_twins() -> None:
    modules = (atlas, news, news_cues, news_subjects, people, rules)
    found = [v for module in modules for v in vars(module).values() if isinstance(v, Prefiltered)]
    assert found
    texts = _ascii_texts(2, 1000)
    for p in found:
        assert p._ascii is not p.pattern
        for text in texts:
            _same(p.pattern, p._ascii, text)
            if p.gate is not None:
                _same(p._gate, p._ascii_gate, text)  # type: ignore[arg-type]


def test_plain_twins() -> None:
    modules = (news, news_cues, people, rules, text_module)
    found = {id(v): v for module in modules for v in vars(module).values() if isinstance(v, Twin)}
    assert len(found) >= 10
    texts = _ascii_texts(5, 1000)
    for p in found.values():
        assert p._ascii is not p.compiled
        for t in texts:
            _same(p.compiled, p._ascii, t)
            assert [m.span() for m in p.compiled.finditer(t, 2, 40)] == [m.span() for m in p.finditer(t, 2, 40)]


def test_vocabulary_twins() -> None:
    m = vocabulary_matcher()
    assert m._ci_ascii is not m._ci and m._cs_ascii is not m._cs
    for text in _ascii_texts(3, 1000):
        low = lower_same_length(text)
        assert [x.span() for x in m._ci.finditer(low)] == [x.span() for x in m._ci_ascii.finditer(low)]
        assert [x.span() for x in m._cs.finditer(text)] == [x.span() for x in m._cs_ascii.finditer(text)]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"a\s+b|\S+\s*$|[\s,]x|[^\s]y|[\S\d]z", 0),  # \s holds \x1c-\x1f in Unicode, not in ASCII
        (r"\b\w+\b|\d\D|\W+", 0),
        (r"(?i)\bNOT\s\w+", 0),
        (r"(?<![\w+/])ab(?![\w+])|(?=\s)", 0),
        (r"(?P<x>a)?(?(x)b|\s)", 0),
        (r"(?>\s+)a|(?:\s|x)*+y", 0),
        (r"café|\w", 0),  # a literal outside ASCII matches nothing in ASCII text, either way
    ],
)
def test_tricky_shapes(source: str, flags: int) -> None:
    twin = compile_ascii(source, flags)
    assert twin is not None
    rnd = random.Random(4)
    for _ in range(3000):
        text = "".join(rnd.choice("abxyzNOT not" + _ODD) for _ in range(rnd.randint(0, 12)))
        _same(re.compile(source, flags), twin, text)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        ("stra\u00dfe", re.IGNORECASE),  # Unicode folds characters outside ASCII with ASCII ones
        ("(?i)\u017fx", 0),  # 'ſ' matches 's' when case is ignored
        ("a(?i:\u212a)", 0),  # the Kelvin sign matches 'k'
        ("(?u)a", 0),  # cannot be compiled with re.ASCII
    ],
)
def test_no_twin(source: str, flags: int) -> None:
    assert compile_ascii(source, flags) is None
