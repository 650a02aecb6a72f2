"""Patterns for ASCII text: the same matches as the Unicode pattern, with cheaper class tests.

A ``str`` pattern tests ``\\w``, ``\\b`` and ``\\d`` through Unicode's character database, up to four
lookups a character (``isalpha``, ``isdecimal``, ``isdigit``, ``isnumeric``); compiled with
``re.ASCII`` it looks the character up in one table. On ASCII text the two agree on every class but
``\\s``: Unicode also counts the separators ``\\x1c``-``\\x1f`` as space, so the twin spells ``\\s`` and
``\\S`` out as those ranges. A case-insensitive pattern with a character outside ASCII gets no twin
(Unicode folds 'ſ' with 's' and the Kelvin sign with 'k'); neither does a tree this does not know.
``str.isascii()`` is a flag test, so choosing the pattern per text costs nothing
(tests/test_ascii.py compares both on the rules' sentences and on random ASCII text).

>>> p = compile_ascii(r"\\bnot\\s+\\w+")
>>> p.flags & re.ASCII != 0, p.search("it did not help").group()
(True, 'not help')
>>> compile_ascii("caf\\u00e9", re.IGNORECASE) is None
True
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from loaders.re_internals import COMPILER as _compiler
from loaders.re_internals import CONSTANTS as _c
from loaders.re_internals import PARSER as _parser

_SPACE = [(0x09, 0x0D), (0x1C, 0x20)]  # what Unicode's \s holds in ASCII
_NOT_SPACE = [(0x00, 0x08), (0x0E, 0x1B), (0x21, 0x7F)]  # the rest of ASCII: the twin sees nothing else


class _Unknown(Exception):
    """A parse tree shape this module does not rewrite."""


def parse_ascii(source: str, flags: int = 0) -> Any:
    """The parse tree of ``source`` with ``re.ASCII`` added to ``flags`` and ``\\s``, ``\\S`` spelled out,
    or None when no twin can be made."""
    if _parser is None or (flags & re.IGNORECASE and not source.isascii()):
        return None
    try:
        tree = _parser.parse(source, flags | re.ASCII)
        if tree.state.flags & (re.IGNORECASE | re.LOCALE) and not source.isascii():  # "(?i)" inside
            return None
        _spell_spaces(tree, source.isascii())
    except (_Unknown, re.error, ValueError):  # ValueError: "(?u)" beside re.ASCII
        return None
    return tree


def compile_ascii(source: str, flags: int = 0) -> re.Pattern[str] | None:
    """A pattern that finds in ASCII text exactly what ``re.compile(source, flags)`` finds, or None."""
    tree = parse_ascii(source, flags)
    return None if tree is None else _compiler.compile(tree, flags | re.ASCII)


def _spell_spaces(tree: Any, ascii_source: bool) -> None:
    """Replace the space categories in every character class of ``tree`` by ASCII ranges (raises
    _Unknown for a case-insensitive group in a pattern with characters outside ASCII)."""
    for i, (op, av) in enumerate(tree.data):
        if op is _c.IN:
            tree.data[i] = (op, _spelled(av))
        elif op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.AT, _c.GROUPREF, _c.GROUPREF_IGNORE):
            continue
        elif op is _c.SUBPATTERN:
            if av[1] & (re.IGNORECASE | re.LOCALE) and not ascii_source:  # "(?i:...)"
                raise _Unknown(op)
            _spell_spaces(av[3], ascii_source)
        elif op is _c.BRANCH:
            for alt in av[1]:
                _spell_spaces(alt, ascii_source)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _spell_spaces(av[2], ascii_source)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _spell_spaces(av[1], ascii_source)
        elif op is _c.ATOMIC_GROUP:
            _spell_spaces(av, ascii_source)
        elif op is _c.GROUPREF_EXISTS:
            _spell_spaces(av[1], ascii_source)
            if av[2] is not None:
                _spell_spaces(av[2], ascii_source)
        else:
            raise _Unknown(op)


def _spelled(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out += [(_c.RANGE, r) for r in _SPACE]
        elif op is _c.CATEGORY and av is _c.CATEGORY_NOT_SPACE:
            out += [(_c.RANGE, r) for r in _NOT_SPACE]
        elif op in (_c.LITERAL, _c.RANGE, _c.NEGATE, _c.CATEGORY):
            out.append((op, av))
        else:
            raise _Unknown(op)
    return out


class Twin:
    """A compiled pattern with its twin for ASCII text, chosen per text: ``search``, ``match`` and
    ``finditer`` as the pattern's own (``pattern`` is its source, as ``re.Pattern.pattern`` is).

    >>> Twin(re.compile(r"\\d+")).search("in 2019").group()
    '2019'
    """

    __slots__ = ("_ascii", "compiled", "pattern")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self._ascii = compile_ascii(compiled.pattern, compiled.flags & ~re.UNICODE) or compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._ascii if text.isascii() else self.compiled).search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._ascii if text.isascii() else self.compiled).match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self._ascii if text.isascii() else self.compiled).finditer(text, pos, endpos)
