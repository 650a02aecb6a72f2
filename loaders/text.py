"""Text plumbing shared by the loaders: typographic folding and sentence splitting.

>>> [s.text for s in sentences("Dr. Fluge et al. found it. The 2.5 mg dose (vs. placebo) did not help.", 3)]
['Dr. Fluge et al. found it.', 'The 2.5 mg dose (vs. placebo) did not help.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from loaders.ascii import Twin
from loaders.branches import compile_branches, compile_branches_ascii
from loaders.prefilter import needles

# One character for one character, so offsets in the folded text are offsets in the original.
_TYPO = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)


def fold_typography(text: str) -> str:
    if text.isascii():  # every character folded is outside ASCII; translate() would copy it char by char
        return text
    return text.translate(_TYPO)


_ABBREV = frozenset(
    [
        "e.g",
        "i.e",
        "al",
        "vs",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "fig",
        "figs",
        "st",
        "no",
        "approx",
        "ca",
        "cf",
        "etc",
        "inc",
        "ltd",
        "jr",
        "sr",
        "dept",
        "univ",
    ]
)
_END = Twin(re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])"))


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    line: int  # 1-based line of the document
    start: int  # offset within the line


def sentences(line_text: str, line_no: int) -> list[Sentence]:
    """Split one line (a paragraph) into sentences, keeping abbreviations and initials intact."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(line_text):
        last = line_text[start : m.start()].rsplit(None, 1)  # [] when only spaces are before the stop
        word = last[-1] if last else ""
        bare = word.lstrip("(\"'").casefold()
        if bare in _ABBREV or (len(bare) == 1 and bare.isalpha()) or bare.endswith(("e.g", "i.e")):
            continue
        end = m.start() + 1
        chunk = line_text[start:end].strip()
        if chunk:
            out.append(Sentence(chunk, line_no, start))
        start = m.end()
    tail = line_text[start:].strip()
    if tail:
        out.append(Sentence(tail, line_no, start))
    return out


def words_before(text: str, end: int, words: int) -> int:
    """An offset at or before the start of the ``words``-th whitespace-separated word before the one
    holding ``end`` (0 when there are fewer): a search that needs no more words than that before
    ``end`` can start there (``re`` still sees the characters before it for ``\\b`` and look-behinds)."""
    parts = text[:end].rsplit(None, words + 1)
    return len(parts[0]) if len(parts) > words + 1 else 0


_QUOTE = re.compile(r"\"[^\"]*(?:\"|$)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (in typographically folded text): claims inside are someone's opinion."""
    return [m.span() for m in _QUOTE.finditer(text)]


_LAST_LOWERED: list[str] = ["", ""]  # the rules ask about one sentence many times in a row


def lower_same_length(text: str) -> str:
    """Lower case that keeps every offset (a few characters lower-case to two; those stay as they are)."""
    if text is _LAST_LOWERED[0]:
        return _LAST_LOWERED[1]
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    _LAST_LOWERED[0], _LAST_LOWERED[1] = text, low
    return low


def _lower_pattern_source(source: str) -> str:
    """Lower-case a pattern's literals, leaving escapes (``\\S``, ``\\W``, ``\\B``) as they are."""
    out, i = [], 0
    while i < len(source):
        if source[i] == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            i += 2
        else:
            out.append(source[i].lower())
            i += 1
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


class CaselessPattern:
    """A case-insensitive pattern that runs case-sensitively on lower-cased text.

    Python's regex engine compares every character through a case-folding table when a pattern
    is compiled with IGNORECASE, and cannot skip ahead on a leading alternation; lower-casing the
    text once (offsets kept) and matching literals is several times faster. Matched text comes
    back lower-cased.

    >>> CaselessPattern(r"\\bdid not (?:meet|achieve)").search("It Did Not MEET its endpoint").span()
    (3, 15)
    """

    __slots__ = ("_ascii", "_last", "_last_all", "_search", "needles", "pattern")

    def __init__(self, source: str) -> None:
        lowered = _lower_pattern_source(source)
        self.pattern = re.compile(lowered)
        # The same matches from a pattern whose alternatives the engine skips faster (loaders.branches):
        # the big cue alternations take about half the time.
        self._search = compile_branches(lowered)
        # The same for ASCII text (most sentences), with cheaper \w, \b and \d tests (loaders.ascii).
        self._ascii = compile_branches_ascii(lowered) or self._search
        # Literals one of which every match contains: most sentences have none, and a few ``in``
        # tests are much cheaper than running the pattern at every position (loaders.prefilter).
        self.needles = needles(lowered)
        self._last: tuple[str | None, int, re.Match[str] | None] = (None, 0, None)
        self._last_all: tuple[str | None, int, list[re.Match[str]]] = (None, 0, [])

    def _lowered(self, text: str) -> str | None:
        """The lower-cased text, or None when it lacks every literal a match needs."""
        low = lower_same_length(text)
        if self.needles is None:
            return low
        for needle in self.needles:
            if needle in low:
                return low
        return None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        # Several rules ask one pattern about the very same sentence object in a row (a sentence's
        # outcome, then whether it continues a trial): the answer is a pure function of the
        # pattern, the text and pos, so the last one is kept (by identity: no text comparison).
        if text is self._last[0] and pos == self._last[1]:
            return self._last[2]
        # _lowered() spelled out: the rules call this ~75 times per document, and two Python calls
        # fewer per call are a few per cent of the whole run.
        low = _LAST_LOWERED[1] if text is _LAST_LOWERED[0] else lower_same_length(text)
        found = self.needles
        if found is not None:
            for needle in found:
                if needle in low:
                    break
            else:
                self._last = (text, pos, None)
                return None
        m = (self._ascii if low.isascii() else self._search).search(low, pos)
        self._last = (text, pos, m)
        return m

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        low = self._lowered(text)
        return None if low is None else (self._ascii if low.isascii() else self._search).match(low, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        # As search() keeps its last answer: a drug's outcome is asked of the very same sentence object
        # for each drug in it and for the sentence (a quarter of the calls repeat the last text object).
        if text is self._last_all[0] and pos == self._last_all[1]:
            return iter(self._last_all[2])
        low = self._lowered(text)
        found = [] if low is None else list((self._ascii if low.isascii() else self._search).finditer(low, pos))
        self._last_all = (text, pos, found)
        return iter(found)

    def split(self, text: str) -> list[str | Any]:
        """Split the original text (not its lower-cased copy) at the pattern's matches."""
        out: list[str | Any] = []
        start = 0
        for m in self.finditer(text):
            out.append(text[start : m.start()])
            start = m.end()
        out.append(text[start:])
        return out
