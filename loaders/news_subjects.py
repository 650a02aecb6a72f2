"""What a news sentence reports: the trials and studies (the "subjects") it introduces or goes on about
(what it says about them is ``loaders.news_claims``).

A subject is introduced by a sentence (a trial of a drug, a published study with its author, a
named study) and may be continued by the next sentences ("At 10 weeks, scores did not differ
between the groups", "The trial was led by ..."), which update its outcome, size or leaders.
"""

from __future__ import annotations

from loaders import cues
from loaders.authorship import co_authors
from loaders.builder import DocBuilder
from loaders.drug_claims import compared_against
from loaders.leaders import (
    BY,
    GROUP_AFTER,
    PRONOUN_GROUP,
    led_by,
    named_leaders,
)
from loaders.matcher import TermRef
from loaders.news_claims import lead_of, tell, update_trial
from loaders.news_context import Leader, SentenceContext, Subject
from loaders.news_cues import (
    ANOTHER,
    ARMS,
    AUTHOR_AFTER,
    AUTHOR_BEFORE,
    CLAUSE,
    COLLEAGUES_AFTER,
    CONTINUES,
    FINDING,
    GROUP_STUDY,
    IN_JOURNAL,
    IN_YEAR,
    IT_AFTER_OPENING,
    LEDE_TRIAL,
    MONTHS,
    NAMED,
    ONGOING,
    OTHER,
    PLANNED,
    PRESENTED,
    PROGRAMME,
    PRONOUN_PUBLISHED,
    PRONOUN_SUBJECT,
    PUBLISHED_MONTH,
    PUBLISHED_OPENING,
    PUBLISHED_STUDY,
    PUBLISHED_WORD,
    RESEARCH_VERB,
    RESULT_WORDS,
    SAME_TEAM,
    SAME_TRIAL,
    STUDY_WORD,
    THAT_PAPER,
    THE_TRIAL,
    THEIR_STUDY,
    THEIR_WORK,
    THIS_PHASE,
    TRIAL_CUE,
    TRIAL_DESIGN,
    TRIAL_NAME,
    TRIAL_WORD,
    WROTE_PAPER,
    YEAR_PAPER,
    YEARS,
    YEARS_LATER,
    relative_year,
    study_name,
    trial_names,
)
from loaders.news_reports import REPORT_CUE, share_claims
from loaders.rules import (
    classify_design,
    node_for,
)
from ontology.enums import NodeLabel, RelType, Section, TrialStatus
from ontology.identity import node_id, study_id
from ontology.model import NodeBase, Researcher, Study, Trial


class Subjects:
    def __init__(self, b: DocBuilder, article: NodeBase) -> None:
        self.b = b
        self.article = article
        self.known: list[Subject] = []
        self.last: Subject | None = None
        self.reports: list[Subject] = []  # studies presented as the published report of a trial
        self.lede: SentenceContext | None = None
        self.prev_year: int | None = None  # the year of "the 2009 paper" in the sentence before
        self.trial_said = -9  # the last sentence that spoke of a trial
        self.about_trial: set[str] = set()  # reports whose sentence, or the one before, spoke of a trial
        # Leaders a sentence named before the work they lead ("the unit run by X and Y tested whether ...",
        # then "Fifty patients were randomised ..."), for a trial or study the next sentences introduce.
        self.leaders_before: tuple[list[Leader], SentenceContext] | None = None
        # "X's team ... published a study in PLoS One" names the group, not the paper's first author, who
        # the next sentence often gives ("Audrey Brown, the first author, grew ..."): wait one sentence. So
        # does "a Norwegian paper published in PLoS One in 2017 shows ..." (no group: leader None), whose
        # next sentence may open on its first author ("Laura Anne Wortinger, working in ..., scanned ...").
        self.group_paper: tuple[NodeBase | None, int | None, SentenceContext] | None = None
        self.named_at = (-9, 0)  # the last sentence that named someone, and its paragraph's line

    def read(self, c: SentenceContext) -> list[Subject]:
        """Record the trials and studies a sentence introduces or continues."""
        group = self.group_paper
        if group is not None and not (c.index - group[2].index == 1 and self._paper_author(c, group[0])):
            self._group_paper_by_leader()
        if TRIAL_WORD.search(c.a.text):
            self.trial_said = c.index
        found = self._studies(c)
        last = self.last
        if not found and last and self._study_goes_on(last, c):
            found = [last]  # "A Dutch study by X ... It enrolled 29 patients and gave them melatonin": the study's
        if not found:
            found = self._trials(c)
        elif c.a.of(NodeLabel.DRUG) and TRIAL_DESIGN.search(c.a.text):
            # "a randomized, placebo-controlled study published in PLoS One in 2011, 30 patients received
            # rituximab": the paper is the report of a trial, and the article describes both
            trials = [t for t in self._trials(c) if t not in found]
            if trials and found[0] not in self.reports:
                self.reports.append(found[0])
            found += trials
        if found and last and self._reports_trial(found, last, c):
            # "Published in ... in 2002, the trial found that neither treatment helped": the report, and the
            # trial whose result it tells
            if found[0] not in self.reports:
                self.reports.append(found[0])
            found.append(last)
        if not found and not c.a.of(NodeLabel.DRUG):
            if c.index <= 2 and LEDE_TRIAL.search(c.a.text):
                self.lede = c  # "a small phase 2a randomized trial" whose drug the article names later
            elif (
                (trial_names(c.a) or cues.phase_of(c.a.text))
                and (TRIAL_CUE.search(c.a.text) or PROGRAMME.search(c.a.text))
                and not (THIS_PHASE.match(c.a.text) and self.last and isinstance(self.last.node, Trial))
            ):
                self.lede = c  # "HEAL-COVID, a UK platform trial run from ..." then "It tested apixaban ..."
        if not found and self.last and self.lede is not c and self._continues(self.last, c):
            found = [self.last]
            update_trial(self.b, self.last, c.a.text, c.text)
        for s in found:
            # "RECOVER-SLEEP will study sleep, and RECOVER-AUTONOMIC will start with POTS": each its own
            self._tell(s, c, clause=s.clause if len(found) > 1 else None)
            s.last_seen, s.line, s.clause = c.index, c.line, None
            self.last = s
        year_paper = YEAR_PAPER.search(c.a.text)
        self.prev_year = int(year_paper.group(2)) if year_paper else None
        if not found:
            self._remember_leaders(c)
            self._wrote_the_paper(c)
        if c.hits:
            self.named_at = (c.index, c.line)
        return found

    def _wrote_the_paper(self, c: SentenceContext) -> None:
        """ "Younger wrote the paper with his colleague Sean Mackey", "The co-authors included X and Y": the
        people named wrote the study the article spoke of just before."""
        co = co_authors(c.a.text, c.hits) if c.hits else []
        if not co and not WROTE_PAPER.search(c.a.text):
            return
        studies = [s for s in self.known if isinstance(s.node, Study) and c.index - s.last_seen <= 2]
        if studies:
            study = max(studies, key=lambda s: s.last_seen).node
            for person in co or [p for _, _, p, _ in c.hits]:
                self.b.edge(RelType.AUTHORED, person, study, c.text, c.line, Section.BODY, "news.study.wrote", 0.75)

    def _remember_leaders(self, c: SentenceContext) -> None:
        """A sentence about a group and no work of its own ("the unit run by X and Y ...", "Her group has
        focused on TRPM3."): its leaders lead what the next sentence introduces."""
        leaders = named_leaders(c.a.text, c.hits)
        pronoun = PRONOUN_GROUP.search(c.a.text)
        if not leaders and pronoun:  # the person named before the pronoun, or the one talked about
            named = [p for start, _, p, _ in c.hits if start < pronoun.start()] or c.current
            leaders = [(named[-1], "group", 0.8)] if named else []
        if leaders:
            self.leaders_before = (leaders, c)

    def finish(self) -> None:
        """After the last sentence: settle a group's paper still waiting for its first author, then
        link each published report with the trial described nearest to it (within six sentences)."""
        if self.group_paper is not None:
            self._group_paper_by_leader()
        trials = [s for s in self.known if isinstance(s.node, Trial)]
        for report in self.reports:
            # a report follows the trial it reports, unless it was said to be a trial's report
            ahead = report.node.id in self.about_trial
            near = sorted(
                (t for t in trials if ahead or t.first_seen <= report.first_seen),
                key=lambda t: abs(t.first_seen - report.first_seen),
            )
            if near and abs(near[0].first_seen - report.first_seen) <= 6:
                share_claims(self.b, report.node, near[0].node)

    def studied_by_default(self, ref: TermRef, surface: str, sentence: str, line: int) -> None:
        """A trial or study the article reports without naming its patients' condition studied the
        condition the article is about (most people it mentions have it)."""
        has_condition = {e.source for e in self.b.edges.values() if e.type is RelType.STUDIED}
        for s in self.known:
            if s.node.id not in has_condition:
                condition = node_for(self.b, ref, surface)
                self.b.edge(
                    RelType.STUDIED, s.node, condition, sentence, line, Section.BODY, "news.studied.article", 0.6
                )

    # -- recognising subjects -----------------------------------------------------------------------
    def _studies(self, c: SentenceContext) -> list[Subject]:
        group = self.group_paper
        author = self._author(c)
        if author is not None:
            subject = self._paper(*author[:2], c, others=author[2])
            if group is not None:  # the paper the sentence before announced: its claims too
                self.group_paper = None
                leader, _, said = group
                self._tell(subject, said, proposes=leader is None)
                if leader is not None:
                    body = Section.BODY
                    self.b.edge(RelType.LED_BY, subject.node, leader, said.text, said.line, body, "news.group", 0.85)
            return [subject]
        if self.group_paper is not None:  # waits for the next sentence
            return []
        presenter = self._presenter(c)
        if presenter is not None:
            return [self._paper(presenter, c.year, c)]
        named = next((n for m in NAMED.finditer(c.a.text) if (n := study_name(m))), None)
        if named and not c.a.of(NodeLabel.DRUG):
            node = Study(
                id=node_id(NodeLabel.STUDY, named),
                name=named,
                design=classify_design([c.a.text]),
                size=cues.size_of(c.a.text),
            )
            return [self._subject(node, c)]
        return self._group_work(c)

    def _paper(
        self, person: NodeBase, year: int | None, c: SentenceContext, others: tuple[NodeBase, ...] = ()
    ) -> Subject:
        """The published study whose first author (or, failing that, group leader) is ``person``, written
        with ``others``."""
        surname = person.surname if isinstance(person, Researcher) else person.name
        node = Study(
            id=study_id(None, None, surname, year, None),
            name=f"{surname} et al. {year}" if year else f"{surname} et al.",
            year=year,
            first_author=surname,
            design=classify_design([c.a.text]),
            size=cues.size_of(c.a.text),
        )
        subject = self._subject(node, c)
        self.b.edge(RelType.AUTHORED, person, subject.node, c.text, c.line, Section.BODY, "news.study.author", 0.8)
        for other in others:
            self.b.edge(RelType.AUTHORED, other, subject.node, c.text, c.line, Section.BODY, "news.study.with", 0.7)
        if REPORT_CUE.search(c.a.text) and subject not in self.reports:
            self.reports.append(subject)
            if c.index - self.trial_said <= 1:
                self.about_trial.add(subject.node.id)
        return subject

    def _group_work(self, c: SentenceContext) -> list[Subject]:
        """Research a named group did ("his team exposed cells to patients' plasma and measured ..."):
        a study of the group's leader, in the article's year, when it is about people with a condition."""
        if c.a.of(NodeLabel.DRUG) or not RESEARCH_VERB.search(c.a.text) or not c.a.of(NodeLabel.CONDITION):
            return []
        leader = next((p for _, end, p, _ in c.hits if GROUP_AFTER.match(c.a.text[end:])), None)
        pronoun = PRONOUN_GROUP.search(c.a.text) if leader is None else None
        if pronoun:  # "his team exposed cells ...": the person named before the pronoun, or talked about
            named = [p for start, _, p, _ in c.hits if start < pronoun.start()] or c.current
            leader = named[-1] if named else None
        if leader is None or not isinstance(leader, Researcher):
            return []
        node = Study(
            id=study_id(None, None, leader.surname, c.year, None),
            name=f"{leader.surname} group {c.year}" if c.year else f"{leader.surname} group",
            year=c.year,
            first_author=leader.surname,
            design=classify_design([c.a.text]),
            size=cues.size_of(c.a.text),
        )
        return [self._subject(node, c)]

    def _author(self, c: SentenceContext) -> tuple[NodeBase, int | None, tuple[NodeBase, ...]] | None:
        """The first author of a published study the sentence reports, its year, and the other authors
        a pronoun stands for ("they showed") or the sentence names ("a study he published with X")."""
        if self.group_paper is not None:  # "X, the first author, grew ...": of the paper just announced
            first = self._paper_author(c, self.group_paper[0])
            return (first, self.group_paper[1], ()) if first is not None else None
        year_paper = YEAR_PAPER.search(c.a.text)
        if year_paper and c.hits:
            return c.hits[0][2], int(year_paper.group(2)), ()
        if year_paper and year_paper.group("pronoun") and c.current:  # "her group's 2014 study": who was talked about
            return c.current[-1], int(year_paper.group(2)), ()
        if year_paper and c.current and PRONOUN_SUBJECT.search(c.a.text):  # "In a 2020 paper, they showed"
            return c.current[0], int(year_paper.group(2)), tuple(c.current[1:])  # the others wrote it too
        in_journal = IN_JOURNAL.search(c.a.text)
        if not STUDY_WORD.search(c.a.text) and not in_journal:
            return None
        month = PUBLISHED_MONTH.search(c.a.text)
        # "published in May in X, ... at Addenbrooke's Hospital in 2020": not the year of the care
        year_m = None if month else IN_YEAR.search(c.a.text)
        year = int(year_m.group(1)) if year_m else c.year
        if month and c.year and c.month and MONTHS.index(month.group(1).lower()) + 1 > c.month:
            year = c.year - 1
        if not year_m and c.year:
            year = relative_year(c.a.text, c.year, c.month)
        if not year_m and self.prev_year and THAT_PAPER.match(c.a.text):  # "... the 2009 paper. That report, ..."
            year = self.prev_year
        later = YEARS_LATER.search(c.a.text) if not year_m and self.prev_year else None
        if later and self.prev_year:  # "A year later, ...": after the paper of the sentence before
            year = self.prev_year + max(1, YEARS.index(later.group(1).lower()))
        first = self._first_author(c)
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
                self.group_paper = (person, year, c)
                return None
        same = (year_m and group_study) or (later and SAME_TEAM.search(c.a.text))
        group = self._same_group() if same and not c.hits else None
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
            self.group_paper = (None, year, c)  # a paper without its authors: perhaps in the next sentence
        return None

    def _first_author(self, c: SentenceContext) -> NodeBase | None:
        return next(
            (
                p
                for start, end, p, _ in c.hits
                if AUTHOR_BEFORE.search(c.a.text[:start]) or AUTHOR_AFTER.match(c.a.text[end:])
            ),
            None,
        )

    def _presenter(self, c: SentenceContext) -> NodeBase | None:
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

    def _paper_author(self, c: SentenceContext, leader: NodeBase | None) -> NodeBase | None:
        """The first author of the paper the sentence before announced: named as such, or, for a paper
        announced without any group, the person the sentence opens on."""
        first = self._first_author(c)
        if first is None and leader is None and c.hits and c.hits[0][0] == 0 and c.hits[0][3]:
            first = c.hits[0][2]
        return first

    def _group_paper_by_leader(self) -> None:
        """No first author followed: the group's paper goes under its leader's name, as "X et al."; a
        paper without a group goes unrecorded (nobody to key it on)."""
        assert self.group_paper is not None
        leader, year, said = self.group_paper
        self.group_paper = None
        if leader is None:
            return
        subject = self._paper(leader, year, said)
        self._tell(subject, said)
        subject.last_seen, subject.line = said.index, said.line
        self.last = subject

    def _same_group(self) -> NodeBase | None:
        """Who leads (else first-authored) the study the article spoke of last."""
        studies = [s for s in self.known if isinstance(s.node, Study)]
        if not studies:
            return None
        last = max(studies, key=lambda s: s.last_seen)
        edges = self.b.edges.values()
        led = [e.target for e in edges if e.type is RelType.LED_BY and e.source == last.node.id]
        authored = [e.source for e in edges if e.type is RelType.AUTHORED and e.target == last.node.id]
        people = led or authored
        return self.b.nodes[people[0]] if people else None

    def _trials(self, c: SentenceContext) -> list[Subject]:
        found: list[Subject] = []
        offset = 0
        for clause in CLAUSE.split(c.a.text):
            start = c.a.text.find(clause, offset)
            offset = start + len(clause)
            drugs = [
                (m, r) for m, r in c.a.of(NodeLabel.DRUG) if start <= m.start < offset and not compared_against(c.a, m)
            ]
            if not drugs:
                continue
            ids = {r.term_id: (r, m.text) for m, r in drugs}
            last = self.last
            is_trial = (
                TRIAL_CUE.search(clause)
                # "RECOVER-SLEEP will study sleep, with melatonin among the interventions": a named trial
                or (trial_names(c.a, start, offset) and ARMS.search(clause))
                or (cues.size_of(clause) and cues.TESTED_CUE.search(clause))
                or (TRIAL_NAME.search(clause) and cues.TESTED_CUE.search(clause))
            )
            continues = (
                last is not None
                and set(ids) <= set(last.drugs)
                and bool(cues.POSITIVE_OUTCOME.search(clause) or cues.NULL_OUTCOME.search(clause) or is_trial)
            )
            if not is_trial and not continues:
                continue
            phase = cues.phase_of(clause)
            named = trial_names(c.a, start, offset)
            by_name = next((s for s in self.known if named & s.names), None)
            subject: Subject | None
            if by_name is not None:  # "the iSTAND result": the trial itself, whatever else the clause names
                subject = by_name
                ids = {k: v for k, v in ids.items() if k in by_name.drugs} or ids
            else:
                subject = next(
                    (
                        s
                        for s in reversed(self.known)
                        if isinstance(s.node, Trial) and set(s.drugs) == set(ids) and phase in (None, s.node.phase)
                    ),
                    None,
                ) or self._unphased(ids, phase, clause)
            if subject is None and continues and phase is None and last is not None:
                subject = last
            if (
                subject is None
                and last is not None
                and isinstance(last.node, Trial)
                and phase in (None, last.node.phase)
                and c.index - last.last_seen <= 2
                and SAME_TRIAL.search(clause)
            ):
                subject = last  # "the trial moved on to atorvastatin": a new arm of the same trial
            lede = self._lede_for(c) if subject is None else None
            if lede is not None:
                phase = phase or cues.phase_of(lede.a.text)
                named |= trial_names(lede.a)
            if subject is None:
                lead = lead_of(c, clause, start)
                # The key keeps the person talked about, so the atlas entry of the same trial (keyed by
                # its first author) is the same node; the name shows only a leader the text names.
                who = lead[0].name.split()[-1] if lead else self.b.doc
                key = "-".join(sorted(ids)) + (f"-phase-{phase}" if phase else "") + f"-{who}"
                names = " and ".join(dict.fromkeys(surface for _, surface in ids.values()))
                named_lead = lead if lead is not None and lead[1] != "news.context" else None
                label = f"{names} {'phase ' + phase + ' ' if phase else ''}trial" + (
                    f" ({named_lead[0].name})" if named_lead else ""
                )
                if named:  # the trial's own name ("RECOVER-SLEEP"), the drugs' trial as an alias
                    label = sorted(named)[0]
                subject = self._subject(Trial(id=node_id(NodeLabel.TRIAL, key), name=label, phase=phase), c)
            subject.drugs.update(ids)
            subject.names.update(named)
            if lede is not None:  # the article's opening described this trial before naming its drug
                self.lede = None
                update_trial(self.b, subject, lede.a.text, lede.text)
                self._tell(subject, lede)
            update_trial(self.b, subject, clause, c.text)
            subject.clause = (start, offset)
            found.append(subject)
        return found

    def _lede_for(self, c: SentenceContext) -> SentenceContext | None:
        """The sentence that described a trial before naming its drug: the article's opening (when no
        trial is known yet), or a trial named just before a sentence that goes on about it ("It ...")."""
        lede = self.lede
        if lede is None:
            return None
        if lede.index <= 2 and not any(isinstance(k.node, Trial) for k in self.known):
            return lede
        if c.index - lede.index <= 2 and (CONTINUES.match(c.a.text) or IT_AFTER_OPENING.search(c.a.text)):
            return lede
        return None

    def _unphased(self, ids: dict[str, tuple[TermRef, str]], phase: str | None, clause: str) -> Subject | None:
        """The trial of these drugs named earlier without its phase, when this clause gives the phase
        (not a planned or running follow-up of a trial already done: "a phase 2b/3 trial is planned")."""
        if phase is None or ANOTHER.match(clause):  # "The second, an open-label phase 2 study ...": another one
            return None
        for s in reversed(self.known):
            if isinstance(s.node, Trial) and s.node.phase is None and set(s.drugs) == set(ids):
                if s.node.status is TrialStatus.COMPLETED and (PLANNED.search(clause) or ONGOING.search(clause)):
                    return None  # a new trial after a finished pilot
                s.node = self.b.put(s.node.model_copy(update={"phase": phase}))  # type: ignore[assignment]
                return s
        return None

    def _subject(self, node: Trial | Study, c: SentenceContext) -> Subject:
        existing = next((s for s in self.known if s.node.id == node.id), None)
        if existing:
            return existing
        subject = Subject(self.b.add(node), last_seen=c.index, first_seen=c.index)  # type: ignore[arg-type]
        self.known.append(subject)
        return subject

    def _reports_trial(self, found: list[Subject], last: Subject, c: SentenceContext) -> bool:
        """Is the paper this sentence introduces the report of the trial told just before ("the trial")?"""
        return (
            isinstance(last.node, Trial)
            and last not in found
            and all(isinstance(s.node, Study) for s in found)
            and c.index - last.last_seen <= 2
            and bool(THE_TRIAL.search(c.a.text))
        )

    def _study_goes_on(self, last: Subject, c: SentenceContext) -> bool:
        """A sentence opening on the study of the sentence before ("It enrolled ...", "They gave ...")
        that names drugs but no trial design: what it gave, the study tested (not an older trial's)."""
        return (
            isinstance(last.node, Study)
            and c.index - last.last_seen == 1
            and bool(CONTINUES.match(c.a.text))
            and bool(c.a.of(NodeLabel.DRUG))
            and not TRIAL_DESIGN.search(c.a.text)
        )

    def _continues(self, last: Subject, c: SentenceContext) -> bool:
        """Does this sentence, which names no trial or study, go on about the last one?"""
        same_paragraph = c.line == last.line
        near = c.index - last.last_seen <= 2
        only = len(self.known) == 1 and isinstance(last.node, Study)  # one study: on about it, paragraphs later
        if not near and not same_paragraph and not only:
            return False
        if OTHER.match(c.a.text):
            return False
        if CONTINUES.match(c.a.text) or (BY.search(c.a.text) and same_paragraph):
            return True
        outcome = cues.NULL_OUTCOME.search(c.a.text) or cues.POSITIVE_OUTCOME.search(c.a.text)
        if outcome and RESULT_WORDS.search(c.a.text):
            return True
        findings = isinstance(last.node, Study) and c.a.of(NodeLabel.MECHANISM) and FINDING.search(c.a.text)
        return bool(findings)

    # -- what is said about them (loaders.news_claims) ---------------------------------------------------
    def _tell(
        self, s: Subject, c: SentenceContext, *, proposes: bool = True, clause: tuple[int, int] | None = None
    ) -> None:
        tell(self.b, self.article, s, c, before=self._leaders_before(c), proposes=proposes, clause=clause)

    def _leaders_before(self, c: SentenceContext) -> tuple[list[Leader], SentenceContext] | None:
        """Leaders named, with no work of their own, in the paragraph's sentence just before this one."""
        before = self.leaders_before
        if before is None or before[1].line != c.line or not 0 < c.index - before[1].index <= 1:
            return None
        return before
