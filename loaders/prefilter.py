"""Literal prefilters: words that every match of a pattern contains, read off the pattern itself.

Python's regex engine cannot skip ahead in a pattern that starts with ``\\b`` or an alternation, so a
cue pattern is tried at every position of every sentence, although most sentences contain none of
its words. The literals every match must contain, found in the pattern's parse tree, are checked
first with a few ``in`` tests; when none is there, the pattern cannot match and is not run.
Results are the same by construction (see :func:`required_literals`).

>>> sorted(required_literals(r"\\b(?:did not|failed to)\\s+(?:meet|reach)|\\bno benefit"))
['did not', 'failed to', 'no benefit']
>>> required_literals(r"\\b\\w+\\b") is None
True
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from loaders.ascii import compile_ascii
from loaders.branches import compile_branches, compile_branches_ascii

try:  # the regex parser is private; without it every pattern simply runs unfiltered
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Python implementations
    _parser = None

Literals = frozenset[str]


def _best(candidates: list[Literals]) -> Literals | None:
    """The most selective requirement: longest shortest literal, then fewest literals."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _required(items: Any) -> Literals | None:
    """Literals one of which every match of a parsed sequence contains (None: no such set)."""
    candidates: list[Literals] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        close_run()
        sub: Literals | None = None
        if name == "SUBPATTERN":
            _group, add_flags, del_flags, body = av
            sub = _required(body) if not add_flags and not del_flags else None
        elif name == "ATOMIC_GROUP":
            sub = _required(av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, body = av
            sub = _required(body) if low >= 1 else None
        elif name == "BRANCH":
            alternatives = [_required(alt) for alt in av[1]]
            if all(a is not None for a in alternatives):
                sub = frozenset().union(*alternatives)  # type: ignore[arg-type]
        # Anything else (classes, anchors, lookarounds, back-references) requires no literal.
        if sub:
            candidates.append(sub)
    close_run()
    return _best(candidates)


def required_literals(source: str) -> Literals | None:
    """Strings one of which occurs in every match of ``source`` (compiled without flags), or None."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(source, 0)
        if parsed.state.flags & re.IGNORECASE:  # "(?i)...": literals would match in any case
            return None
        found = _required(parsed)
    except Exception:  # an unfamiliar parse tree: no prefilter, never a wrong answer
        return None
    if found is None or "" in found:
        return None
    return found


def needles(source: str, max_count: int = 12, min_length: int = 3) -> tuple[str, ...] | None:
    """The required literals, longest first, when they are few and long enough to be worth checking.

    A check costs about one ``in`` per literal; on the rules' own calls (2,000 generated documents)
    patterns with at most a dozen literals of three or more characters come out ahead.
    """
    found = required_literals(source)
    if found is None:
        return None
    # A literal that holds another ("Pharmaceuticals", "Pharma") is in a text only where that one is.
    found = frozenset(f for f in found if not any(other != f and other in f for other in found))
    if len(found) > max_count or min(map(len, found)) < min_length:
        return None
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def may_contain(found: tuple[str, ...] | None, text: str) -> bool:
    """False only when ``text`` contains none of the literals ``found`` (None: no prefilter)."""
    if found is None:
        return True
    # A loop, not any() over a generator: this runs several times per sentence.
    for needle in found:  # noqa: SIM110
        if needle in text:
            return True
    return False


class Prefiltered:
    """A compiled pattern that runs only when the text can hold a match: it holds one of the literals
    every match contains (:func:`needles`), or a match of ``gate``, a cheaper pattern every match of
    ``pattern`` contains a match of. Same results as the pattern (None or no matches otherwise).

    >>> p = Prefiltered(re.compile(r"\\b(?:the )?(?P<name>[A-Z]\\w+) (?:study|cohort)\\b"))
    >>> p.needles, p.search("The LIINC study").group("name"), p.search("No such thing")
    (('cohort', 'study'), 'LIINC', None)
    """

    __slots__ = ("_ascii", "_ascii_gate", "_gate", "gate", "needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], gate: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.gate = gate
        # The gate is an alternation run on every sentence (the drug suffixes): reshaped, a third faster.
        plain_gate = gate is not None and gate.flags == re.UNICODE
        self._gate = compile_branches(gate.pattern) if gate is not None and plain_gate else gate
        # Twins for ASCII text (most sentences), with cheaper \w, \b and \d tests (loaders.ascii).
        self._ascii = _twin(pattern)
        ascii_gate = compile_branches_ascii(gate.pattern) if gate is not None and plain_gate else None
        self._ascii_gate = ascii_gate or (None if gate is None else _twin(gate))
        # Literals are read as case-sensitive: none for a pattern compiled with IGNORECASE.
        self.needles = None if gate is not None or pattern.flags & re.IGNORECASE else needles(pattern.pattern)

    def _may_match(self, text: str) -> bool:
        if self._gate is not None:
            gate = self._ascii_gate if text.isascii() else self._gate
            return gate.search(text) is not None  # type: ignore[union-attr]
        return may_contain(self.needles, text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if not self._may_match(text):
            return None
        return (self._ascii if text.isascii() else self.pattern).search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self._may_match(text):
            return iter(())
        return (self._ascii if text.isascii() else self.pattern).finditer(text)


def _twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``'s twin for ASCII text, or ``pattern`` itself when it has none."""
    return compile_ascii(pattern.pattern, pattern.flags & ~re.UNICODE) or pattern
