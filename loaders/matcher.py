"""Find vocabulary terms in text: one trie-shaped regular expression per case mode, built once.

A trie-shaped pattern lets the C regex engine branch on the next character instead of trying
thousands of alternatives at each position, and its greedy optional groups give longest matches.

>>> m = vocabulary_matcher()
>>> [(x.text, x.refs[0].term_id) for x in m.find("Low-dose naltrexone (LDN) and IL-6 in ME/CFS")]
[('Low-dose naltrexone', 'low-dose-naltrexone'), ('LDN', 'low-dose-naltrexone'), ('IL-6', 'il-6'), ('ME/CFS', 'me-cfs')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from loaders.ascii import compile_ascii
from loaders.text import fold_typography, lower_same_length
from ontology.enums import NodeLabel
from ontology.vocab import Vocabularies, load_vocabularies


@dataclass(frozen=True, slots=True)
class TermRef:
    label: NodeLabel
    term_id: str
    anchor: bool  # names the structure, not the mechanism: needs an impairment cue


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    refs: tuple[TermRef, ...]

    def ref(self, label: NodeLabel) -> TermRef | None:
        for r in self.refs:
            if r.label is label:
                return r
        return None


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _plurals(form: str) -> list[str]:
    """The form with its plural, or a plural with its singular ("autoimmune processes" names "process")."""
    if len(form) < 4 or not form[-1].isalpha():
        return [form]
    if form[-1] in "sS":
        return [form, *_singular(form)]
    if form.endswith("y") and form[-2] not in "aeiou":
        return [form, form[:-1] + "ies"]
    if form.endswith(("x", "ch", "sh")):
        return [form, form + "es"]
    return [form, form + "s"]


def _singular(form: str) -> list[str]:
    last = form.rsplit(" ", 1)[-1].lower()
    if len(last) < 5 or last.endswith(("ss", "us", "is", "ous")):
        return []
    if last.endswith("ies"):
        return [form[:-3] + "y"]
    if last.endswith(("sses", "xes", "ches", "shes")):
        return [form[:-2]]
    return [form[:-1]]


def _unhyphen(text: str) -> str:
    """'low-dose naltrexone' and 'low dose naltrexone', 'post-COVID' and 'post COVID' match alike."""
    return text.replace("-", " ")


def _add(table: dict[str, list[TermRef]], key: str, ref: TermRef) -> None:
    refs = table.setdefault(key, [])
    if ref not in refs:
        refs.append(ref)


class Matcher:
    """Leftmost-longest, non-overlapping vocabulary mentions in a text."""

    def __init__(self, vocab: Vocabularies) -> None:
        folded: dict[str, list[TermRef]] = {}
        exact: dict[str, list[TermRef]] = {}
        # A term's own sign that its anchor is wrong ("the virus persists"), instead of the generic one.
        self.anchor_cues: dict[str, re.Pattern[str]] = {}
        derived: list[tuple[str, TermRef]] = []
        for label, term in vocab:
            if term.anchor_cue is not None:
                self.anchor_cues[term.id] = re.compile(rf"\b(?:{term.anchor_cue})", re.IGNORECASE)
            forms: list[tuple[str, bool, bool]] = [(f, cs, False) for f, cs in term.surface_forms()]
            forms += [(a, False, True) for a in term.anchors]
            for form, case_sensitive, anchor in forms:
                form = _unhyphen(fold_typography(form))
                ref = TermRef(label, term.id, anchor)
                if case_sensitive:
                    exact.setdefault(form, []).append(ref)
                    continue
                first, *others = _plurals(form)
                _add(folded, lower_same_length(first), ref)
                derived += [(lower_same_length(v), ref) for v in others]
        # A plural or singular made here never takes a name another term of the label lists itself.
        for key, ref in derived:
            if not any(r.label is ref.label and r.term_id != ref.term_id for r in folded.get(key, ())):
                _add(folded, key, ref)
        # Full names win over anchors when a string is both.
        self._folded = {k: tuple(sorted(v, key=lambda r: r.anchor)) for k, v in folded.items()}
        self._exact = {k: tuple(v) for k, v in exact.items()}
        bound = r"(?<![\w+/]){}(?![\w+])"
        # Case-insensitive names match on a lower-cased copy of the text (same offsets): much faster
        # than an IGNORECASE pattern (see loaders.text.CaselessPattern).
        ci, cs = bound.format(_trie_pattern(self._folded)), bound.format(_trie_pattern(self._exact))
        self._ci, self._cs = re.compile(ci), re.compile(cs)
        # Twins for ASCII text (most sentences): the bounds' \w is a table look-up (loaders.ascii).
        self._ci_ascii, self._cs_ascii = compile_ascii(ci) or self._ci, compile_ascii(cs) or self._cs
        self._recent: list[tuple[str, list[Mention]]] = []

    def find(self, text: str) -> list[Mention]:
        # The rules ask about one sentence several times (mentions, people, affiliations), with a
        # few other texts in between (an affiliation span, a quote): the answers for the last four
        # text objects are kept, by identity (no text comparison; each is held, so no id is reused).
        # A fifth of the searches on the bench corpus are repeats of one of them, none further back.
        for seen, found in self._recent:
            if seen is text:
                return list(found)
        found = self._find(text)
        self._recent.insert(0, (text, found))
        del self._recent[_RECENT:]
        return list(found)

    def _find(self, text: str) -> list[Mention]:
        original = fold_typography(text)
        text = _unhyphen(original)
        # (start, -length, refs): Mentions are made only for the matches kept.
        hits: list[tuple[int, int, tuple[TermRef, ...]]] = []
        folded, exact = self._folded, self._exact
        ascii = text.isascii()  # its lower-cased copy is ASCII too
        for m in (self._ci_ascii if ascii else self._ci).finditer(lower_same_length(text)):
            start, end = m.span()
            hits.append((start, start - end, folded[m.group()]))
        for m in (self._cs_ascii if ascii else self._cs).finditer(text):
            start, end = m.span()
            hits.append((start, start - end, exact[m.group()]))
        if not hits:
            return []
        hits.sort(key=_START_LONGEST)  # stable: a tie keeps the case-insensitive match
        kept: list[Mention] = []
        last_end = -1
        for start, negative_length, refs in hits:
            if start < last_end:
                continue
            last_end = start - negative_length
            kept.append(Mention(start, last_end, original[start:last_end], refs))
        return kept


_START_LONGEST = itemgetter(0, 1)
_RECENT = 4


@cache
def vocabulary_matcher() -> Matcher:
    return Matcher(load_vocabularies())
