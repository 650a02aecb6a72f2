"""Who wrote a study, as prose names them: "X and Y were co-authors", "with X as senior author",
"co-authors including X", "first author X, Y, Z and colleagues", "both among its authors".

Shared by the atlas and news loaders (an atlas header often lists only the first three authors).
"""

from __future__ import annotations

import re

from loaders.leaders import CREDS
from loaders.people import Hit
from loaders.text import CaselessPattern
from ontology.model import NodeBase

# "X and Y were co-authors", "with X as a co-author", "X, MD, among the co-authors", "John Coffin of
# Tufts University among the collaborators"; and "co-authors including X"
CO_AUTHOR_AFTER = CaselessPattern(
    r"[^.;]{0,90}?\b(?:were|was|is|are|as|among(?: the| its| their)?)\s+(?:also\s+)?(?:a |the |one of the )?"
    r"(?:co-?authors?|authors|collaborators|senior author|last author|corresponding author)\b"
)
CO_AUTHOR_BEFORE = CaselessPattern(
    r"\b(?:co-?authors?|and colleagues|the authors, who),?\s+(?:including|were|such as|included|among them)\s+"
    r"[^.;]{0,130}$"
)
SPEECH = CaselessPattern(r"\b(?:said|says|told|argued|noted|added)\b")


def co_authors(text: str, hits: list[Hit]) -> list[NodeBase]:
    """People the sentence names as co-authors of the study it is about."""
    out = []
    for i, (start, end, person, _) in enumerate(hits):
        # the cue speaks of the nearest people before it: the text up to the next person named, unless
        # that person is joined by "and" ("X and the San Diego researcher Y were co-authors")
        stop = len(text)
        for nxt_start, nxt_end, _, _ in hits[i + 1 :]:
            if not AND_JOINED.fullmatch(text, end, nxt_start):
                stop = nxt_start
                break
            end = nxt_end
        after = CO_AUTHOR_AFTER.match(text[:stop], end)
        if (after and not SPEECH.search(after.group())) or CO_AUTHOR_BEFORE.search(text[:start]):
            out.append(person)
    return out + [p for p in _listed_with_colleagues(text, hits) if p not in out]


_LIST_JOIN = re.compile(rf"{CREDS},\s*(?:and\s+)?|{CREDS}\s+and\s+", re.IGNORECASE)
_AND_COLLEAGUES = re.compile(rf"{CREDS},?\s+(?:and (?:colleagues|co-workers|coworkers)|et al)\b", re.IGNORECASE)


def _listed_with_colleagues(text: str, hits: list[Hit]) -> list[NodeBase]:
    """'first author X, Y, Z and colleagues': everyone after the first of the list wrote the paper too."""
    out: list[NodeBase] = []
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and _LIST_JOIN.fullmatch(text, hits[j][1], hits[j + 1][0]):
            j += 1
        if j > i and _AND_COLLEAGUES.match(text, hits[j][1]):
            out += [h[2] for h in hits[i + 1 : j + 1]]
        i = j + 1
    return out


AND_JOINED = re.compile(r"(?:,\s*(?:MD|PhD|MPH)\b)*,?\s+and\s+(?:[\w-]+\s+){0,5}")
