"""Conference news articles → researchers and affiliations, trials, studies, drugs and mechanisms.

Layout: a breadcrumb (``Outlet > Conference News > IACFS/ME 2025``), the headline, the byline, the
date, then paragraphs (one per line) and short section headings. News prose is read sentence by
sentence with a little discourse state: who is being talked about (for "she", "his team"), and which
trial the last sentences described (for "A total of 30 adults will receive...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.affiliations import add_affiliations
from loaders.builder import DocBuilder
from loaders.drug_claims import anaphoric_targets, back_targets, targets_of, with_drug_back_reference
from loaders.errors import ParseError
from loaders.matcher import TermRef
from loaders.news_context import SentenceContext
from loaders.news_cues import MONTHS
from loaders.news_reports import leaders_investigate
from loaders.news_subjects import Subjects
from loaders.people import Hit, find_introductions
from loaders.prefilter import Prefiltered
from loaders.rules import (
    analyse,
    node_for,
    studied_after_covid,
    studied_conditions,
)
from loaders.text import CaselessPattern, fold_typography, quoted_spans, sentences
from ontology.enums import DocKind, NodeLabel, RelType, Section
from ontology.identity import PersonName, node_id, parse_full_name, same_person
from ontology.model import Conference, Extraction, NewsArticle, NodeBase, Researcher
from ontology.vocab import find_conference_series

_I = re.IGNORECASE
_DATE = re.compile(r"^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4})$")


def _leading(counts: dict[str, int]) -> str | None:
    """The key counted most often, if no other ties with it."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def article_month(date: str | None) -> int | None:
    """1-12 from the dateline ("June 5, 2019", "5 June 2019", "2019-06-05")."""
    if not date:
        return None
    iso = re.match(r"\d{4}-(\d{2})-", date)
    if iso:
        return int(iso.group(1))
    word = next((w for w in re.findall(r"[A-Za-z]+", date) if w.lower() in MONTHS), None)
    return MONTHS.index(word.lower()) + 1 if word else None


_URL_LINE = re.compile(r"(?:full article|read more|source)\b.*?(https?://\S+)", _I)


def _url_line(line: str) -> re.Match[str] | None:
    """A "Read more: https://..." line; the "://" test spares running the pattern on every line."""
    return _URL_LINE.search(line) if "://" in line else None


_PRONOUN = CaselessPattern(r"\b(?:he|she|his|her|they|their|he's|she's)\b")
_INVESTIGATES = CaselessPattern(
    r"\b(?:studying|studied|study the|investigat\w+|examin\w+|research(?:ing)? (?:into|on)|work(?:ing)? on|"
    r"work examining|focus(?:es|ed|ing)? on|spoke about|discussed|explor\w+|to test|"
    r"presented (?:his|her|their) (?:group's |team's )?(?:research|work|studies|findings)|"
    r"(?:group|team)(?:'s)? (?:has )?found|explanation is|spent (?:\w+ )?(?:years|decades) (?:on|studying)|"
    r"(?:toward|towards|into) the study of)\b"
)
# A researcher's own idea ("Kaiser's reasoning is that ...", "Wyller's view that ...", "his theory of
# purinergic signalling"): what they work on, also in a sentence about a study. Not "X argued that ...",
# which annotators read as an opinion on evidence, not as the person's work.
_THEORY = CaselessPattern(r"\b(?:reasoning is|view (?:is )?that|(?:his|her|their) theory of)\b")


# A paragraph ends like a sentence; a short line that does not is a section heading.
_SENTENCE_END = re.compile(r"[.!?\"')]$")


def looks_like_news(lines: list[str]) -> bool:
    return bool(lines) and " > " in lines[0] and len(lines) >= 4


# "with McIntyre as first author": a surname alone, as an author
_SURNAME_AS_AUTHOR = Prefiltered(re.compile(r"\bwith ([A-Z][\w'-]+) as (?:the )?(?:first|lead|senior|last) author\b"))
# "Fisher, a professor who heads microbiology at La Trobe University, ...": a surname opening a sentence,
# then its role; the full name ("Paul Fisher") is the one written earlier in the article.
_SURNAME_ROLE = re.compile(
    r"^([A-Z][\w'-]+),\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,3}?(?:professor|director|head|researcher|scientist|"
    r"physician|clinician|[a-z]+(?:ologist|ician|iatrist))\b"
)


_NOT_FIRST_NAME = frozenset("When The In At And But As After Before While Professor Dr Director".split())


@dataclass
class _State:
    people: list[tuple[PersonName, NodeBase]] = field(default_factory=list)
    current: list[NodeBase] = field(default_factory=list)
    index: int = 0


class _News:
    def __init__(self, text: str, doc: str) -> None:
        self.lines = text.splitlines()
        self.doc = doc
        self.b = DocBuilder(doc, DocKind.NEWS, text)
        self.s = _State()
        self.codes: frozenset[str] = frozenset()  # product codes the article introduced ("KPAX002")
        crumbs = [c.strip() for c in self.lines[0].split(">")]
        self.outlet = crumbs[0]
        self.title = self.lines[1].strip()
        if not self.title:
            raise ParseError(doc, 2, "expected the headline on line 2")
        self.byline = re.sub(r"^By\s+", "", self.lines[2].strip()) or None
        date = self.lines[3].strip()
        self.date = date if _DATE.match(date) else None
        self.body_start = 4 if self.date else 3
        year = re.search(r"\b((?:19|20)\d{2})\b", self.date or "")
        self.year = int(year.group(1)) if year else None
        self.month = article_month(self.date)
        self.url = next((m.group(1) for ln in self.lines if (m := _url_line(ln))), None)
        self.article = self.b.add(
            NewsArticle(
                id=node_id(NodeLabel.NEWS_ARTICLE, self.title),
                name=self.title,
                title=self.title,
                outlet=self.outlet,
                byline=self.byline,
                date=self.date,
                url=self.url,
            )
        )
        conference = self._conference(crumbs[-1]) if len(crumbs) > 1 else None
        if conference is not None:
            self.b.edge(
                RelType.COVERS,
                self.article,
                self.b.add(conference),
                self.lines[0].strip(),
                1,
                Section.HEADER,
                "news.breadcrumb.conference",
                0.95,
            )
        self.subjects = Subjects(self.b, self.article)
        # Conditions of the people the article is about: the first mention of each, and how often.
        self.condition: dict[str, tuple[TermRef, str, str, int]] = {}
        self.condition_count: dict[str, int] = {}
        self.mentioned: dict[str, tuple[TermRef, str, str, int]] = {}  # every condition named, and how often
        self.mentioned_count: dict[str, int] = {}
        self.last_drug: tuple[TermRef, str] | None = None  # for "It ..." / "The drug ..."

    # -- people -------------------------------------------------------------------------------------
    def person(self, name: PersonName) -> NodeBase:
        for known, node in self.s.people:
            if same_person(name, known):
                return node
        node = self.b.add(Researcher.named(name))
        self.s.people.append((name, node))
        return node

    def people_in(self, text: str) -> list[Hit]:
        """(start, end, researcher, introduced) for every person named in a sentence, in order."""
        for m in _SURNAME_AS_AUTHOR.finditer(text):
            self._introduced_later(m.group(1))
        surname_role = _SURNAME_ROLE.match(text)
        if surname_role:
            self._introduced_before(surname_role.group(1))
        hits: list[Hit] = []
        for intro in find_introductions(text):
            if self.byline and intro.name.surname == self.byline.split()[-1]:
                continue
            hits.append((intro.start, intro.end, self.person(intro.name), True))
        for known, node in self.s.people:
            if known.surname not in text:  # most sentences name few of the article's people
                continue
            for m in re.finditer(rf"\b{re.escape(known.surname)}\b", text):
                if not any(a <= m.start() < b for a, b, _, _ in hits):
                    hits.append((m.start(), m.end(), node, False))
        return sorted(hits, key=lambda h: h[0])

    def _introduced_later(self, surname: str) -> None:
        """A surname named as an author before the article introduces the person ("the full report ...
        with McIntyre as first author. The trial was led by psychiatrist Roger McIntyre"): look ahead."""
        if any(known.surname == surname for known, _ in self.s.people):
            return
        for line in self.lines[self.body_start :]:
            if surname in line:
                intro = next((i for i in find_introductions(line) if i.name.surname == surname), None)
                if intro is not None:
                    self.person(intro.name)
                    return

    def _introduced_before(self, surname: str) -> None:
        """A surname introduced by its role after the article named the person in full without a role
        ("When Paul Fisher opened the symposium ..." then "Fisher, a professor at ..."): look back."""
        if any(known.surname == surname for known, _ in self.s.people):
            return
        full = re.compile(rf"\b([A-Z][a-z'-]+ (?:[A-Z]\. )?){re.escape(surname)}\b")
        for line in self.lines[self.body_start :]:
            m = full.search(line)
            if m and m.group(1).split()[0] not in _NOT_FIRST_NAME:
                self.person(parse_full_name(m.group()))
                return

    def _conference(self, crumb: str) -> Conference | None:
        """The meeting the breadcrumb's last part names: an edition of a known series ("IiME 2011",
        "IIMEC10": the year the article's if the crumb has none), else any name with a year in it."""
        year_match = re.search(r"\b((?:19|20)\d{2})\b", crumb)
        year = int(year_match.group(1)) if year_match else None
        series = find_conference_series(crumb)
        if series is not None:
            year = year or self.year
            name = f"{series.label} {year}" if year else series.label
            aliases = (crumb,) if crumb != name else ()
            return Conference(
                id=node_id(NodeLabel.CONFERENCE, name), name=name, aliases=aliases, year=year, vocab_id=series.id
            )
        if year is None:  # "Conference News", an outlet's section, or a series we do not know
            return None
        return Conference(id=node_id(NodeLabel.CONFERENCE, crumb), name=crumb, year=year)

    # -- sentences ----------------------------------------------------------------------------------
    def run(self) -> Extraction:
        for idx in range(self.body_start, len(self.lines)):
            raw = self.lines[idx].strip()
            if not raw or _url_line(raw):
                continue
            folded = fold_typography(raw)
            if not _SENTENCE_END.search(folded) and len(raw.split()) < 16:
                self.s.current = []  # a section heading: a new topic
                continue
            quotes = quoted_spans(folded)
            for sent in sentences(folded, idx + 1):
                local = [(a - sent.start, b - sent.start) for a, b in quotes if b > sent.start]
                original = raw[sent.start : sent.start + len(sent.text)]  # folding keeps offsets
                self.sentence(original, sent.line, local)
        self.subjects.finish()
        leaders_investigate(self.b)
        # The condition the article is about: the one its patients have most often, else (no "people with"
        # at all) the one it names most often.
        named, counts = (
            (self.condition, self.condition_count) if self.condition else (self.mentioned, self.mentioned_count)
        )
        top = _leading(counts)
        if top is not None:
            self.subjects.studied_by_default(*named[top])
        studied_after_covid(self.b, "\n".join(self.lines))
        return self.b.build()

    def sentence(self, text: str, line: int, quotes: list[tuple[int, int]]) -> None:
        self.s.index += 1
        a = analyse(text, quotes, self.codes)  # ``text`` is the original sentence (the evidence); ``a.text`` is folded
        if self.last_drug is not None:
            a = with_drug_back_reference(a, *self.last_drug)
        self.codes |= a.codes
        hits = [h for h in self.people_in(a.text) if not any(q0 <= h[0] < q1 for q0, q1 in quotes)]
        add_affiliations(self.b, a.text, hits, text, line, Section.BODY, "news", 0.9)
        named = [h[2] for h in hits]
        plain = _unquoted(a.text, quotes)
        actors = named or (self.s.current if _PRONOUN.search(plain) else [])
        for dm, dref in a.of(NodeLabel.DRUG):
            self.last_drug = (dref, dm.text)
            for mm, mref in targets_of(a, dm) + back_targets(a, dm):
                drug, mech = node_for(self.b, dref, dm.text), node_for(self.b, mref, mm.text)
                self.b.edge(RelType.TARGETS, drug, mech, text, line, Section.BODY, "news.targets", 0.7)
        if self.last_drug is not None:
            for mm, mref in anaphoric_targets(a):
                drug, mech = node_for(self.b, *self.last_drug), node_for(self.b, mref, mm.text)
                self.b.edge(RelType.TARGETS, drug, mech, text, line, Section.BODY, "news.targets.anaphor", 0.6)
        for m, ref in studied_conditions(a, people_only=True):
            self.condition.setdefault(ref.term_id, (ref, m.text, text, line))
            self.condition_count[ref.term_id] = self.condition_count.get(ref.term_id, 0) + 1
        for m, ref in a.of(NodeLabel.CONDITION):
            self.mentioned.setdefault(ref.term_id, (ref, m.text, text, line))
            self.mentioned_count[ref.term_id] = self.mentioned_count.get(ref.term_id, 0) + 1
        context = SentenceContext(text, line, self.s.index, a, hits, actors, self.s.current, self.year, self.month)
        subjects = self.subjects.read(context)
        if actors and ((not subjects and _INVESTIGATES.search(plain)) or _THEORY.search(plain)):
            for m, ref in a.of(NodeLabel.MECHANISM) + a.of(NodeLabel.DRUG):
                if a.negated(m):
                    continue
                for person in actors:
                    self.b.edge(
                        RelType.INVESTIGATES,
                        person,
                        node_for(self.b, ref, m.text),
                        text,
                        line,
                        Section.BODY,
                        "news.investigates",
                        0.6,
                    )
        if named:
            self.s.current = named


def _unquoted(text: str, quotes: list[tuple[int, int]]) -> str:
    for a, b in quotes:
        text = text[:a] + " " * (min(b, len(text)) - a) + text[b:]
    return text


def parse_news(text: str, doc: str) -> Extraction:
    lines = text.splitlines()
    if not looks_like_news(lines):
        raise ParseError(doc, 1, "expected a news breadcrumb 'Outlet > Section > Conference' on line 1")
    return _News(text, doc).run()
