"""Who wrote the paper a news sentence reports, and when: the first author named as such, the group
whose paper it is, the person the article was talking about, a paper announced in one sentence whose
author the next one names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders import cues
from loaders.leaders import GROUP_AFTER, led_by
from loaders.news_context import SentenceContext
from loaders.news_cues import (
    AUTHOR_AFTER,
    AUTHOR_BEFORE,
    COLLEAGUES_AFTER,
    GROUP_STUDY,
    IN_JOURNAL,
    IN_YEAR,
    MONTHS,
    PAPERS,
    PRESENTED,
    PRONOUN_PUBLISHED,
    PRONOUN_SUBJECT,
    PUBLISHED_MONTH,
    PUBLISHED_OPENING,
    PUBLISHED_STUDY,
    PUBLISHED_WORD,
    SAME_TEAM,
    STUDY_WORD,
    THAT_PAPER,
    THEIR_STUDY,
    THEIR_WORK,
    TRIAL_WORD,
    YEAR_PAPER,
    YEARS,
    YEARS_LATER,
    relative_year,
)
from loaders.people import institution_spans
from ontology.enums import NodeLabel
from ontology.model import NodeBase

Author = tuple[NodeBase, int | None, tuple[NodeBase, ...]]  # (first author, year, the other authors named)
# A paper announced without its first author: (its group's leader or None, its year, the sentence)
Pending = tuple[NodeBase | None, int | None, SentenceContext]


class PaperAuthors:
    """Reads who wrote the papers of an article, sentence by sentence. ``same_group`` gives who leads (or
    wrote) the study the article spoke of last, for "an earlier study by the same group"."""

    def __init__(self, same_group: Callable[[], NodeBase | None]) -> None:
        self.same_group = same_group
        # "X's team ... published a study in PLoS One" names the group, not the paper's first author, who
        # the next sentence often gives ("Audrey Brown, the first author, grew ..."): wait one sentence. So
        # does "a Norwegian paper published in PLoS One in 2017 shows ..." (no group: leader None), whose
        # next sentence may open on its first author ("Laura Anne Wortinger, working in ..., scanned ...").
        self.pending: Pending | None = None
        self.prev_year: int | None = None  # the year of "the 2009 paper" in the sentence before
        # (paragraph line, year) of the last "In 2012 he led the study ...": "The paper, in mBio, ..." a few
        # sentences on is that study's
        self.story_year: tuple[int, int] | None = None
        self.papers_year: tuple[int, int] | None = None  # (sentence, year) of "two studies published in 2023"
        self.named_at = (-9, 0)  # the last sentence that named someone, and its paragraph's line

    def seen(self, c: SentenceContext) -> None:
        """Remember what the next sentence may refer back to."""
        year_paper = YEAR_PAPER.search(c.a.text)
        self.prev_year = int(year_paper.group(2)) if year_paper else None
        in_year = IN_YEAR.search(c.a.text) if STUDY_WORD.search(c.a.text) else None
        if in_year:
            self.story_year = (c.line, int(in_year.group(1)))
        if c.hits:
            self.named_at = (c.index, c.line)

    def author(self, c: SentenceContext) -> Author | None:
        """The first author of a published study the sentence reports, its year, and the other authors
        a pronoun stands for ("they showed") or the sentence names ("a study he published with X")."""
        if self.pending is not None:  # "X, the first author, grew ...": of the paper just announced
            first = self.pending_author(c, self.pending[0])
            return (first, self.pending[1], ()) if first is not None else None
        year_paper = YEAR_PAPER.search(c.a.text)
        if year_paper and c.hits:
            return c.hits[0][2], int(year_paper.group(2)), ()
        if year_paper and year_paper.group("pronoun") and c.current:  # "her group's 2014 study": who was talked about
            return c.current[-1], int(year_paper.group(2)), ()
        if year_paper and c.current and PRONOUN_SUBJECT.search(c.a.text):  # "In a 2020 paper, they showed"
            return c.current[0], int(year_paper.group(2)), tuple(c.current[1:])  # the others wrote it too
        if PAPERS.search(c.a.text):  # "two studies published together in X in 2023": the next sentences tell each
            in_year = IN_YEAR.search(c.a.text)
            self.papers_year = (c.index, int(in_year.group(1))) if in_year else None
            return None
        in_journal = IN_JOURNAL.search(c.a.text)
        about_paper = bool(in_journal or STUDY_WORD.search(c.a.text))
        announced = self.papers_year is not None and c.index - self.papers_year[0] <= 8
        if not about_paper and not announced:
            return None
        first = first_author(c)
        if not about_paper and first is None:  # "The larger came from X's centre, with Y as first author"
            return None
        year, year_m, later = self.year_of(c)
        if first is not None:
            return first, year, ()
        opening = PUBLISHED_OPENING.match(c.a.text)
        if opening and c.hits and c.hits[0][0] == opening.end():  # with those named close after, its authors
            return c.hits[0][2], year, tuple(p for start, _, p, _ in c.hits[1:] if start - opening.end() <= 150)
        group_study = GROUP_STUDY.search(c.a.text)  # "An earlier study by the same group, in 1996, ..."
        if not PUBLISHED_STUDY.search(c.a.text) and not in_journal and not group_study:
            return None
        # "a study the team published last year, led by X", "That study, led by X, is putting patients
        # through ..." (not "a phase 1 study of etanercept, led by X": a trial)
        published = in_journal or PUBLISHED_WORD.search(c.a.text)
        led = led_by(c.a.text, c.hits) if published or not c.a.of(NodeLabel.DRUG) else []
        if led and not c.hits[0][0] < c.a.text.find(" by "):
            return led[0], year, tuple(led[1:])
        if c.current and (PRONOUN_PUBLISHED.search(c.a.text) or THEIR_WORK.search(c.a.text)):
            # "a study he published with Andrew Chia", "their most recent study, published with X and
            # colleagues": the person talked about wrote it, with the people named
            return c.current[-1], year, tuple(p for _, _, p, _ in c.hits if p is not c.current[-1])
        for _, end, person, _ in c.hits:
            after = c.a.text[end:]
            if COLLEAGUES_AFTER.match(after):
                return person, year, ()
            if GROUP_AFTER.match(after):
                self.pending = (person, year, c)
                return None
        same = (year_m and group_study) or (later and SAME_TEAM.search(c.a.text))
        group = self.same_group() if same and not c.hits else None
        if group is not None:  # "An earlier study from the Utah group, published in 2009, ..."
            return group, year, ()
        named_near = self.named_at[1] == c.line and c.index - self.named_at[0] <= 2  # in this paragraph
        if not c.hits and c.current and in_journal and named_near:
            # "Younger's other line of work is treatment. In a randomized trial published in Arthritis &
            # Rheumatism in early 2013, ...": a paper right after a sentence about someone is theirs (the
            # first named: the sentence's subject); "they reported": all of them wrote it
            they = tuple(c.current[1:]) if PRONOUN_SUBJECT.search(c.a.text) else ()
            return c.current[0], year, they
        if year_m and not c.hits and c.current and THEIR_STUDY.search(c.a.text):
            # "Fluge walked the audience through the group's two published studies. In the first, a
            # randomized study published in PLoS One in 2011, ...": the work of the person talked about
            return c.current[-1], year, ()
        if year_m and in_journal and not c.hits:
            self.pending = (None, year, c)  # a paper without its authors: perhaps in the next sentence
        return None

    def year_of(self, c: SentenceContext) -> tuple[int | None, re.Match[str] | None, re.Match[str] | None]:
        """The year of the paper a sentence reports: written ("in 2012"), relative to the article's date
        ("last year", "published in May"), or to the paper of the sentence before ("That report", "A year
        later"); with the matches of the written year and of "years later"."""
        month = PUBLISHED_MONTH.search(c.a.text)
        # "published in May in X, ... at Addenbrooke's Hospital in 2020": not the year of the care
        year_m = None if month else IN_YEAR.search(c.a.text)
        year = int(year_m.group(1)) if year_m else c.year
        if month and c.year and c.month and MONTHS.index(month.group(1).lower()) + 1 > c.month:
            year = c.year - 1
        if not year_m and c.year:
            year = relative_year(c.a.text, c.year, c.month)
        if not year_m and self.papers_year and c.index - self.papers_year[0] <= 8:
            year = self.papers_year[1]  # one of the papers a sentence before announced together
        if not year_m and THAT_PAPER.match(c.a.text):  # "... the 2009 paper. That report, ..."
            story = self.story_year[1] if self.story_year and self.story_year[0] == c.line else None
            year = self.prev_year or story or year
        later = YEARS_LATER.search(c.a.text) if not year_m and self.prev_year else None
        if later and self.prev_year:  # "A year later, ...": after the paper of the sentence before
            year = self.prev_year + max(1, YEARS.index(later.group(1).lower()))
        return year, year_m, later

    def pending_author(self, c: SentenceContext, leader: NodeBase | None) -> NodeBase | None:
        """The first author of the paper the sentence before announced: named as such, or, for a paper
        announced without any group, the person the sentence opens on."""
        first = first_author(c)
        if first is None and leader is None and c.hits and c.hits[0][0] == 0 and c.hits[0][3]:
            first = c.hits[0][2]
        return first


def first_author(c: SentenceContext) -> NodeBase | None:
    """The person the sentence names as a paper's first author ("with X as first author", "with X of the
    Brain and Mind Research Institute as first author": an institution's name may hold an "and")."""
    text = c.a.text
    named = next(
        (p for start, end, p, _ in c.hits if AUTHOR_BEFORE.search(text[:start]) or AUTHOR_AFTER.match(text[end:])),
        None,
    )
    if named is not None or not c.hits or "first author" not in text:
        return named
    ends = {start: end for start, end in institution_spans(text)}
    for _, end, person, _ in c.hits:
        at = _OF_PLACE.match(text, end)
        place_end = ends.get(at.end()) if at else None
        if place_end is not None and _AS_FIRST.match(text, place_end):
            return person
    return None


_OF_PLACE = re.compile(r",?\s+(?:of|at|from)\s+(?:the\s+)?")
_AS_FIRST = re.compile(r",?\s+as (?:the )?first author\b")


def presenter(c: SentenceContext) -> NodeBase | None:
    """Work a speaker presented on people they studied ("X, a professor at Y, reported on 766 adults"),
    published or not: the speaker's study of the article's year."""
    if not c.hits or not cues.size_of(c.a.text) or c.a.of(NodeLabel.DRUG):
        return None
    if TRIAL_WORD.search(c.a.text):  # "one of the trial's investigators, presented data on ...": that trial's
        return None
    # the person is the sentence's subject: "In EClinicalMedicine on 23 July, the neuroscientist X of Y
    # reported on 81,337 people"
    said = PRESENTED.search(c.a.text)
    first = c.hits[0]
    return first[2] if said and 0 <= said.start() - first[1] <= 120 else None
