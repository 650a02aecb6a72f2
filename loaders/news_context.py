"""The state a news sentence is read in: the trial or study being told about, and the sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.matcher import TermRef
from loaders.people import Hit
from loaders.rules import Analysis
from ontology.model import NodeBase, Study, Trial

Leader = tuple[NodeBase, str, float]  # (researcher, rule, confidence)


@dataclass
class Subject:
    node: Trial | Study
    drugs: dict[str, tuple[TermRef, str]] = field(default_factory=dict)  # term id → (ref, surface)
    last_seen: int = 0
    first_seen: int = 0
    line: int = 0
    names: set[str] = field(default_factory=set)  # the trial's own names (STOP-PASC, iSTAND)
    clause: tuple[int, int] | None = None  # where the sentence being read names it, when in one clause


@dataclass
class SentenceContext:
    text: str
    line: int
    index: int  # sentence number in the document
    a: Analysis
    hits: list[Hit]
    actors: list[NodeBase]  # named people, or the current speaker when a pronoun refers back
    current: list[NodeBase]  # who the article is talking about at this point
    year: int | None  # the article's year
    month: int | None = None  # the article's month (1-12), for "last August"

    def referent(self, pos: int) -> NodeBase | None:
        """Who a pronoun at ``pos`` ("his team", "her group") stands for: the person the sentence named
        last before it, else the person the article was talking about."""
        named = [p for start, _, p, _ in self.hits if start < pos] or self.current
        return named[-1] if named else None
