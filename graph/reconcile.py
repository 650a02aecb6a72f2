"""Identity across documents: which study and researcher mentions are the same entity.

Studies are one node when they share a DOI, else a PubMed id, else first author + year + journal,
and never when their DOIs (or PubMed ids) disagree. Researchers follow
:func:`ontology.identity.same_person`, with one more guard: a mention joins a group only if it agrees
with every name already in it, and a mention that fits two groups that disagree with each other
("Maes, M" beside "Michael Maes" and "Mark Maes") stays on its own rather than being guessed.

Both functions take (document, node) mentions and return a mapping from (document, loader id) to the
graph's canonical id: two documents may give one loader id to two different people. The result does
not depend on the order of the input.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ontology.identity import PersonName, first_given, fold, researcher_key, slugify, study_id
from ontology.model import Researcher, Study

Mention = tuple[str, str]  # (document, loader id)


class _Group:
    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.dois: set[str] = set()
        self.pmids: set[str] = set()
        self.members: list[Mention] = []

    def conflicts(self, s: Study) -> bool:
        return bool(
            (s.doi and self.dois and s.doi not in self.dois) or (s.pmid and self.pmids and s.pmid not in self.pmids)
        )


def reconcile_studies(studies: Iterable[tuple[str, Study]]) -> dict[Mention, str]:
    """(doc, loader study id) → canonical study id (DOI, else PubMed id, else author-year-journal)."""
    groups: list[_Group] = []
    index: dict[str, _Group] = {}  # "doi:…", "pmid:…", "key:…", "id:…" → group
    ordered = sorted(studies, key=lambda ds: (0 if ds[1].doi else 1 if ds[1].pmid else 2, ds[1].id, ds[0]))
    for doc, s in ordered:
        key = _citation_key(s)
        strong = [index.get(f"doi:{s.doi}") if s.doi else None, index.get(f"pmid:{s.pmid}") if s.pmid else None]
        weak = [index.get(f"id:{s.id}"), index.get(f"key:{key}") if key else None]
        home = next((g for g in strong if g), None) or next((g for g in weak if g and not g.conflicts(s)), None)
        if home is None:
            home = _Group()
            groups.append(home)
        home.members.append((doc, s.id))
        home.ids.add(s.id)
        names = [f"id:{s.id}"] + ([f"key:{key}"] if key else [])
        if s.doi:
            home.dois.add(s.doi)
            names.append(f"doi:{s.doi}")
        if s.pmid:
            home.pmids.add(s.pmid)
            names.append(f"pmid:{s.pmid}")
        for name in names:
            index.setdefault(name, home)
    mapping: dict[Mention, str] = {}
    used: set[str] = set()
    for g in groups:
        doi = min(g.dois) if g.dois else None
        pmid = min(g.pmids) if g.pmids else None
        canonical = study_id(doi, pmid, None, None, None) if doi or pmid else min(g.ids)
        canonical = _unique(canonical, used)
        for mention in g.members:
            mapping[mention] = canonical
    return mapping


def _citation_key(s: Study) -> str | None:
    if s.first_author and s.year and s.journal:
        return f"{fold(s.first_author)}|{s.year}|{slugify(s.journal)}"
    return None


def _unique(candidate: str, used: set[str]) -> str:
    base, n = candidate, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _name(r: Researcher) -> PersonName:
    d = r.__dict__  # a pydantic model's attributes go through its __getattr__ hook: this runs per mention
    return PersonName(d["surname"], d["given"], d["initials"])


class _Person:
    """A group of mentions that agree with each other.

    Agreeing initials are all prefixes of the longest, and agreeing first names are one name, so a
    new mention agrees with every member exactly when it agrees with these two.
    """

    __slots__ = ("first", "initials", "members")

    def __init__(self) -> None:
        self.initials = ""
        self.first: str | None = None
        self.members: list[tuple[str, Researcher]] = []

    def accepts(self, initials: str, first: str | None) -> bool:
        if (
            initials
            and self.initials
            and not (initials.startswith(self.initials) or self.initials.startswith(initials))
        ):
            return False
        return not (first and self.first and first != self.first)

    def add(self, doc: str, r: Researcher, initials: str, first: str | None) -> None:
        self.members.append((doc, r))
        if len(initials) > len(self.initials):
            self.initials = initials
        self.first = self.first or first


def _fits(pools: tuple[list[_Person], ...], initials: str, first: str | None) -> tuple[_Person | None, bool]:
    """The first group of ``pools`` that accepts the mention, and whether a second one does too (the
    search stops there: only one, none, or more than one matters)."""
    found = None
    for pool in pools:
        for g in pool:
            if g.accepts(initials, first):
                if found is not None:
                    return found, True
                found = g
    return found, False


def _mention_order(dr: tuple[str, Researcher]) -> tuple[int, int, str, str]:
    d = dr[1].__dict__
    return (-len(d["initials"]), -len(d["given"] or ""), d["id"], dr[0])


def reconcile_researchers(researchers: Iterable[tuple[str, Researcher]]) -> dict[Mention, str]:
    """(doc, loader researcher id) → canonical researcher id, by :func:`same_person`'s rule."""
    by_surname: dict[str, list[tuple[str, Researcher]]] = defaultdict(list)
    for doc, r in researchers:
        by_surname[fold(r.__dict__["surname"])].append((doc, r))
    mapping: dict[Mention, str] = {}
    used: set[str] = set()
    none: list[_Person] = []
    for surname in sorted(by_surname):
        mentions = sorted(by_surname[surname], key=_mention_order)
        groups: list[_Person] = []
        by_letter: dict[str, list[_Person]] = {}
        loners: list[_Person] = []
        for doc, r in mentions:
            d = r.__dict__
            given = first_given(d["given"])
            initials, first = fold(d["initials"]), (fold(given) if given else None)
            pools = (by_letter.get(initials[0], none), by_letter.get("", none)) if initials else (groups,)
            fit, more = _fits(pools, initials, first)
            if fit is not None and not more:
                fit.add(doc, r, initials, first)
                continue
            group = _Person()
            group.add(doc, r, initials, first)
            if fit is not None:
                loners.append(group)  # fits two people who differ: do not guess
            else:
                groups.append(group)
                by_letter.setdefault(initials[:1], []).append(group)
        clusters = groups + loners
        bases = [researcher_key(_name(g.members[0][1])) for g in clusters]
        counts: dict[str, int] = defaultdict(int)
        for base in bases:
            counts[base] += 1
        for g, base in zip(clusters, bases, strict=True):
            head = _name(g.members[0][1])
            shared = counts[base] > 1
            canonical = f"{base}-{slugify(head.first_given)}" if shared and head.first_given else base
            canonical = _unique(canonical, used)
            for doc, r in g.members:
                mapping[(doc, r.id)] = canonical
    return mapping
