"""People an atlas entry's prose names: who led the study, and where they work.

Entries sometimes say "a team led by the psychiatrist Russell Blacker of the University of Exeter"
or "its principal investigators were X of A, Y of B and Z". A name whose surname is one of the
entry's authors is that author (the prose may use another given name than the header's initial).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.affiliations import add_affiliations
from loaders.authorship import co_authors
from loaders.builder import DocBuilder
from loaders.leaders import named_leaders
from loaders.people import Hit, find_introductions
from ontology.enums import RelType, Section
from ontology.identity import PersonName, fold, same_person
from ontology.model import NodeBase, Researcher

Prose = tuple[str, str, int, Section]  # (sentence, its typographically folded text, line, section)


def prose_people(
    b: DocBuilder, authors: list[tuple[PersonName, NodeBase]], prose: Iterable[Prose], led: list[NodeBase]
) -> None:
    """LED_BY from each node in ``led`` (the study, and its trial), AUTHORED of the study (``led[0]``)
    for people the prose names as its authors, and AFFILIATED_WITH edges."""
    people = list(authors)
    first = authors[0][1] if authors else None
    for text, folded, line, section in prose:
        hits = _hits(b, people, folded)
        if not hits:
            continue
        add_affiliations(b, folded, hits, text, line, section, "atlas", 0.85)
        doers = _first_author_at_work(folded, hits, first) if section is Section.FINDINGS else []
        for person, rule, conf in named_leaders(folded, hits) + doers:
            for node in led:
                b.edge(RelType.LED_BY, node, person, text, line, section, f"atlas.{rule}", conf - 0.05)
        for person in co_authors(folded, hits):  # "with X among the co-authors": the header may say "et al."
            b.edge(RelType.AUTHORED, person, led[0], text, line, section, "atlas.prose.author", 0.8)


# What the first author does in the entry's account of the study: "Inger Johanne Bakken and colleagues at the
# Norwegian Institute of Public Health counted ...", "Katherine Rowe, a paediatrician at ..., sent ...".
_AT_WORK = re.compile(
    r"(?:\s+and\s+(?:(?:his|her|their)\s+)?(?:colleagues|co-workers|coworkers|team|group))?"
    r"(?:,\s+(?:a|an|the)\s+[^;.]{3,160}?,)?"
    r"(?:\s+(?:at|of|from)\s+[^,;.]{3,90}?)?"
    r"\s+(?:tested|asked|counted|sent|measured|recruited|followed|studied|compared|examined|analy[sz]ed|surveyed|"
    r"scanned|enrolled|randomi[sz]ed|gave|treated|set out|wanted|designed|ran|looked|used|reviewed|investigated|"
    r"assessed|recorded|collected|tracked|combined|identified|screened|sequenced|searched|pooled|interviewed|"
    r"took|drew|profiled|characteri[sz]ed|mapped|calculated|estimated|found|showed|reported|observed|documented|"
    r"invited|offered|performed|carried out|conducted|imaged|cultured|followed up)\b"
)


def _first_author_at_work(text: str, hits: list[Hit], first: NodeBase | None) -> list[tuple[NodeBase, str, float]]:
    """The first author, doing the study's work as the subject of a sentence of the findings, leads it."""
    return [
        (person, "first_author.subject", 0.8)
        for _, end, person, _ in hits
        if person is first and _AT_WORK.match(text, end)
    ][:1]


def _hits(b: DocBuilder, people: list[tuple[PersonName, NodeBase]], text: str) -> list[Hit]:
    hits: list[Hit] = []
    for intro in find_introductions(text):
        node = _person(b, people, intro.name)
        hits.append((intro.start, intro.end, node, True))
    for name, node in list(people):
        for start, end in _word_spans(text, name.surname):
            if any(a <= start < e for a, e, _, _ in hits):
                continue
            # "Michael VanElzakker" (with a given name) is as much a new person here as an introduction
            given = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
            hits.append((given.start() if given else start, end, node, given is not None))
    return sorted(hits, key=lambda h: h[0])


_GIVEN_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` occurs as a whole word (str.find, not a regex compiled per author)."""
    spans, i = [], text.find(word)
    while i != -1:
        end = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            spans.append((i, end))
        i = text.find(word, end)
    return spans


def _person(b: DocBuilder, people: list[tuple[PersonName, NodeBase]], name: PersonName) -> NodeBase:
    for known, node in people:
        if same_person(name, known) or fold(known.surname) == fold(name.surname):
            return node
    node = b.add(Researcher.named(name))
    people.append((name, node))
    return node
