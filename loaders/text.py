"""Text plumbing shared by the loaders: typographic folding and sentence splitting.

>>> [s.text for s in sentences("Dr. Fluge et al. found it. The 2.5 mg dose (vs. placebo) did not help.", 3)]
['Dr. Fluge et al. found it.', 'The 2.5 mg dose (vs. placebo) did not help.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


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
        before = line_text[start : m.start()]
        word = before.rsplit(None, 1)[-1] if before.split() else ""
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


_QUOTE = re.compile(r"\"[^\"]*(?:\"|$)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech (in typographically folded text): claims inside are someone's opinion."""
    return [m.span() for m in _QUOTE.finditer(text)]
