"""Identity rules: how DOIs, names and slugs are normalised into stable node ids.

>>> normalize_doi("https://doi.org/10.1186/S12967-017-1371-9.")
'10.1186/s12967-017-1371-9'
>>> slugify("Charité – Universitätsmedizin Berlin")
'charite-universitatsmedizin-berlin'
>>> parse_person("Roerink", "Megan E")
PersonName(surname='Roerink', given='Megan E', initials='ME')
>>> parse_full_name("Øystein Fluge")
PersonName(surname='Fluge', given='Øystein', initials='Ø')
>>> parse_full_name("Jos W. M. van der Meer")
PersonName(surname='van der Meer', given='Jos W. M.', initials='JWM')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ontology.enums import NodeLabel

# Letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"})
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "ten", "ter"})

ID_PREFIX: dict[NodeLabel, str] = {
    NodeLabel.STUDY: "study",
    NodeLabel.MECHANISM: "mechanism",
    NodeLabel.DRUG: "drug",
    NodeLabel.TRIAL: "trial",
    NodeLabel.RESEARCHER: "researcher",
    NodeLabel.BIOMARKER: "biomarker",
    NodeLabel.CONDITION: "condition",
    NodeLabel.INSTITUTION: "institution",
    NodeLabel.JOURNAL: "journal",
    NodeLabel.NEWS_ARTICLE: "news",
    NodeLabel.CONFERENCE: "conference",
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII folding used for comparing names (Jürgen → jurgen, Øystein → oystein)."""
    if text.isascii():  # nothing to translate, decompose or drop: the same result, without a loop per character
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def slugify(text: str, max_len: int = 80) -> str:
    slug = _NOT_SLUG.sub("-", fold(text)).strip("-")
    return slug[:max_len].rstrip("-") or "x"


def node_id(label: NodeLabel, key: str) -> str:
    """``<prefix>:<slug>`` for a label and a human key."""
    return f"{ID_PREFIX[label]}:{slugify(key)}"


def normalize_doi(raw: str) -> str | None:
    """A DOI without resolver prefix or trailing punctuation, lower-cased (DOIs are case-insensitive)."""
    m = re.search(r"10\.\d{4,9}/\S+", raw)
    if not m:
        return None
    return m.group(0).rstrip(".,;)]}>\"'").lower()


def study_id(doi: str | None, pmid: str | None, first_author: str | None, year: int | None, venue: str | None) -> str:
    """DOI, else PubMed id, else first author + year + journal (or study name)."""
    if doi:
        return f"doi:{doi}"
    if pmid:
        return f"pmid:{pmid}"
    parts = [p for p in (first_author, str(year) if year else None, venue) if p]
    return node_id(NodeLabel.STUDY, "-".join(parts) or "unknown")


class PersonName(NamedTuple):
    surname: str
    given: str | None
    initials: str

    @property
    def display(self) -> str:
        return f"{self.given} {self.surname}" if self.given else self.surname

    @property
    def first_given(self) -> str | None:
        """The first given name when it is spelled out (not an initial)."""
        return first_given(self.given)


def first_given(given: str | None) -> str | None:
    """:attr:`PersonName.first_given` of a name with these given names."""
    if not given:
        return None
    first = given.split()[0].rstrip(".")
    return first if len(first) > 1 and not first.isupper() else None


_GIVEN_PARTS = re.compile(r"[\s.]+")


def initials_of(given: str) -> str:
    """'Megan E' → 'ME', 'J A C' → 'JAC', 'Jean-Luc' → 'JL', 'ME' → 'ME' (already initials)."""
    out = []
    for part in _GIVEN_PARTS.split(given.strip()):
        if not part:
            continue
        if part.isupper() and len(part) <= 3 and part.isalpha():
            out.append(part)
            continue
        out.extend(p[0].upper() for p in part.split("-") if p)
    return "".join(out)


def parse_person(surname: str, given: str | None) -> PersonName:
    """A name written 'Surname, Given' (atlas headers and BibTeX)."""
    surname = " ".join(surname.split())
    given = " ".join(given.split()) if given else None
    return PersonName(surname, given or None, initials_of(given) if given else "")


def parse_full_name(name: str) -> PersonName:
    """A name written 'Given Surname' (news): particles such as 'van der' belong to the surname."""
    tokens = name.split()
    if len(tokens) == 1:
        return PersonName(tokens[0], None, "")
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].casefold() in _PARTICLES:
        i -= 1
    given = " ".join(tokens[:i])
    return parse_person(" ".join(tokens[i:]), given)


def same_person(a: PersonName, b: PersonName) -> bool:
    """The reconciliation rule for researchers named in different ways.

    Same surname (accents and case folded), initials that agree (one is a prefix of the other, or
    one is missing), and spelled-out first names that agree where both are given.

    >>> same_person(parse_person("Maes", "M"), parse_full_name("Michael Maes"))
    True
    >>> same_person(parse_full_name("Michael Maes"), parse_full_name("Mark Maes"))
    False
    >>> same_person(parse_person("Maes", "M"), parse_person("Maes", "G"))
    False
    """
    if fold(a.surname) != fold(b.surname):
        return False
    ia, ib = fold(a.initials), fold(b.initials)
    if ia and ib and not (ia.startswith(ib) or ib.startswith(ia)):
        return False
    fa, fb = a.first_given, b.first_given
    return not (fa and fb and fold(fa) != fold(fb))


def researcher_key(name: PersonName) -> str:
    return node_id(NodeLabel.RESEARCHER, f"{name.surname}-{name.initials}" if name.initials else name.surname)
