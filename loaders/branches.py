"""Compile a big alternation of cue phrases so the regex engine can skip its alternatives cheaply.

At each position Python's engine tries a pattern's alternatives in order. An alternative that starts
with a literal character is skipped with one comparison when the text has another character there;
one that starts with a group (``(?:did not|failed to)\\s+...``) costs a jump into the group every time.
:func:`compile_branches` rewrites the parsed pattern without changing what it matches:

- a leading group of alternatives is distributed over what follows it: ``(?:A|B)R`` becomes ``AR|BR``
  (the engine tries A then R, then B then R, in both forms), unless R captures a group;
- alternatives that start with the same character are gathered under it, in their order:
  ``did X|was Y|does Z`` becomes ``d(?:id X|oes Z)|was Y``. Alternatives that start with different
  characters never match at the same position, so only the order among those with the same first
  character matters, and it is kept; an alternative that does not start with a literal is a barrier
  nothing moves across.

Matches, spans and groups are the same as the plain compiled pattern's (tests/test_branches.py
compares them on the rules' own sentences and on random text). The parser and compiler are private
modules of ``re``: without them, or for a tree this does not know, the plain pattern is used.

>>> p = compile_branches(r"\\b(?:did not|failed to) (?:help|work)|\\bno (?:benefit|effect)")
>>> p.search("the drug failed to work").span()
(9, 23)
"""

from __future__ import annotations

import re
from typing import Any

from loaders.ascii import parse_ascii
from loaders.re_internals import COMPILER as _compiler
from loaders.re_internals import CONSTANTS as _c
from loaders.re_internals import PARSER as _parser

_MAX_ALTERNATIVES = 400  # distributing multiplies tails: beyond this the plain pattern is kept


def compile_branches(source: str) -> re.Pattern[str]:
    """``re.compile(source)`` (no flags), with its top-level alternation reshaped as described above."""
    plain = re.compile(source)
    if _parser is None or "|" not in source:  # no alternatives: nothing to reshape
        return plain
    try:
        tree = _parser.parse(source, 0)
        return _compiler.compile(tree, 0) if _reshape(tree) else plain
    except Exception:  # an unfamiliar parse tree: the plain pattern, never a different one
        return plain


def compile_branches_ascii(source: str) -> re.Pattern[str] | None:
    """The twin of ``compile_branches(source)`` for ASCII text (loaders.ascii), or None."""
    tree = parse_ascii(source)
    if tree is None:
        return None
    try:
        _reshape(tree)
    except Exception:  # an unfamiliar parse tree: the plain twin
        tree = parse_ascii(source)
    return _compiler.compile(tree, re.ASCII)  # type: ignore[no-any-return]


def _reshape(tree: Any) -> bool:
    """Reshape a parsed pattern's top-level alternation in place; False when there is nothing to do."""
    items = list(tree.data)
    lead = 0
    while lead < len(items) and items[lead][0] is _c.AT:  # "\b" before every alternative
        lead += 1
    alternatives = _alternatives(items[lead:])
    if alternatives is None or len(alternatives) < 2:
        return False
    state = tree.state
    tree.data = [*items[:lead], (_c.BRANCH, (None, [_sub(state, a) for a in _gather(state, alternatives)]))]
    return True


def _alternatives(seq: list[Any]) -> list[list[Any]] | None:
    """Sequences whose alternation matches as ``seq`` does, each starting with a literal where it can."""
    if not seq:
        return [seq]
    op, av = seq[0]
    rest = seq[1:]
    inner = None
    if op is _c.BRANCH:
        inner = av[1]
    elif op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:  # (?:...) without flags
        return _alternatives(list(av[3]) + rest)
    if inner is None or (rest and _captures(rest)):
        return [seq]
    out: list[list[Any]] = []
    for alt in inner:
        expanded = _alternatives(list(alt) + rest)
        if expanded is None:
            return None
        out.extend(expanded)
        if len(out) > _MAX_ALTERNATIVES:
            return None
    return out


def _captures(items: Any) -> bool:
    """Does the sequence hold a capturing group, a back-reference or a conditional (anything that
    numbers or reads groups)? Conservative: unknown nested shapes count as capturing."""
    for op, av in items:
        if op is _c.SUBPATTERN:
            if av[0] is not None or _captures(av[3]):
                return True
        elif op is _c.BRANCH:
            if any(_captures(a) for a in av[1]):
                return True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if _captures(av[2]):
                return True
        elif op is _c.ATOMIC_GROUP:
            if _captures(av):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if _captures(av[1]):
                return True
        elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS, _c.GROUPREF_IGNORE):
            return True
    return False


def _gather(state: Any, alternatives: list[list[Any]]) -> list[list[Any]]:
    """Alternatives with the same first literal gathered under it, in order, between barriers."""
    out: list[list[Any]] = []
    run: dict[int, list[list[Any]]] = {}  # first character -> tails, in the order first seen

    def close() -> None:
        for ch, tails in run.items():
            if len(tails) == 1:
                out.append([(_c.LITERAL, ch), *tails[0]])
            else:
                gathered = _gather(state, tails)
                inner = gathered[0] if len(gathered) == 1 else [(_c.BRANCH, (None, [_sub(state, t) for t in gathered]))]
                out.append([(_c.LITERAL, ch), *inner])
        run.clear()

    for alt in alternatives:
        if alt and alt[0][0] is _c.LITERAL:
            run.setdefault(alt[0][1], []).append(alt[1:])
        else:
            close()
            out.append(alt)
    close()
    return out


def _sub(state: Any, items: list[Any]) -> Any:
    return _parser.SubPattern(state, list(items))
