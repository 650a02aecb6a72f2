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
    named_leaders,
)
from loaders.matcher import TermRef
from loaders.news_claims import lead_of, tell, update_trial
from loaders.news_context import Leader, SentenceContext, Subject
from loaders.news_cues import (
    ANOTHER,
    ARMS,
    CLAUSE,
    CONTINUES,
    FINDING,
    IT_AFTER_OPENING,
    LED_PROJECT,
    LEDE_TRIAL,
    LITERATURE,
    NAMED,
    ONE_TRIAL,
    ONGOING,
    OTHER,
    PLANNED,
    PROGRAMME,
    RESEARCH_VERB,
    RESULT_WORDS,
    RESULTS_PUBLISHED,
    SAME_TRIAL,
    THE_TRIAL,
    THIS_PHASE,
    TRIAL_CUE,
    TRIAL_DESIGN,
    TRIAL_NAME,
    TRIAL_WORD,
    WROTE_PAPER,
    study_name,
    trial_names,
)
from loaders.news_papers import PaperAuthors, presenter
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
        self.trial_said = -9  # the last sentence that spoke of a trial
        self.about_trial: set[str] = set()  # reports whose sentence, or the one before, spoke of a trial
        # Leaders a sentence named before the work they lead ("the unit run by X and Y tested whether ...",
        # then "Fifty patients were randomised ..."), for a trial or study the next sentences introduce.
        self.leaders_before: tuple[list[Leader], SentenceContext] | None = None
        self.papers = PaperAuthors(self._same_group)

    def read(self, c: SentenceContext) -> list[Subject]:
        """Record the trials and studies a sentence introduces or continues."""
        group = self.papers.pending
        if group is not None and not (c.index - group[2].index == 1 and self.papers.pending_author(c, group[0])):
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
        self.papers.seen(c)
        if not found:
            self._remember_leaders(c)
            self._wrote_the_paper(c)
        return found

    def _wrote_the_paper(self, c: SentenceContext) -> None:
        """ "Younger wrote the paper with his colleague Sean Mackey", "The co-authors included X and Y": the
        people named wrote the study the article spoke of just before (or last, in this paragraph)."""
        co = co_authors(c.a.text, c.hits) if c.hits else []
        if not co and not WROTE_PAPER.search(c.a.text):
            return
        # the study of the last sentences, or of this paragraph: "... Two researchers from the CDC, X and Y, were
        # co-authors" closes a paragraph about the paper
        studies = [
            s for s in self.known if isinstance(s.node, Study) and (c.index - s.last_seen <= 2 or s.line == c.line)
        ]
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
            who = c.referent(pronoun.start())
            leaders = [(who, "group", 0.8)] if who is not None else []
        if leaders:
            self.leaders_before = (leaders, c)

    def finish(self) -> None:
        """After the last sentence: settle a group's paper still waiting for its first author, then
        link each published report with the trial described nearest to it (within six sentences)."""
        if self.papers.pending is not None:
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
        report = self._trial_report(c)
        if report is not None:
            return [report]
        group = self.papers.pending
        author = self.papers.author(c)
        if author is not None:
            subject = self._paper(*author[:2], c, others=author[2])
            if group is not None:  # the paper the sentence before announced: its claims too
                self.papers.pending = None
                leader, _, said = group
                self._tell(subject, said, proposes=leader is None)
                if leader is not None:
                    body = Section.BODY
                    self.b.edge(RelType.LED_BY, subject.node, leader, said.text, said.line, body, "news.group", 0.85)
            return [subject]
        if self.papers.pending is not None:  # waits for the next sentence
            return []
        speaker = presenter(c)
        if speaker is not None:
            return [self._paper(speaker, c.year, c)]
        project = LED_PROJECT.search(c.a.text)
        leader = next((p for _, end, p, _ in reversed(c.hits) if project and end <= project.start()), None)
        if project and leader is not None:
            name = project["name"] or project["title"]
            node = Study(id=node_id(NodeLabel.STUDY, name), name=name, size=cues.size_of(c.a.text))
            subject = self._subject(node, c)
            self.b.edge(RelType.LED_BY, subject.node, leader, c.text, c.line, Section.BODY, "news.leads_project", 0.85)
            return [subject]
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
            leader = c.referent(pronoun.start())
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

    def _group_paper_by_leader(self) -> None:
        """No first author followed: the group's paper goes under its leader's name, as "X et al."; a
        paper without a group goes unrecorded (nobody to key it on)."""
        assert self.papers.pending is not None
        leader, year, said = self.papers.pending
        self.papers.pending = None
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
            literature = LITERATURE.search(clause) and not ONE_TRIAL.search(clause) and not cues.size_of(clause)
            is_trial = (
                (TRIAL_CUE.search(clause) and not literature)
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
            and bool(THE_TRIAL.search(c.a.text) or RESULTS_PUBLISHED.search(c.a.text))
        )

    def _trial_report(self, c: SentenceContext) -> Subject | None:
        """ "The results were published in The Lancet Infectious Diseases in June 2023", right after a trial
        led by X: X's paper, the report of that trial."""
        last = self.last
        if c.hits or last is None or not isinstance(last.node, Trial) or c.index - last.last_seen > 2:
            return None
        if not RESULTS_PUBLISHED.search(c.a.text):
            return None
        leaders = [e.target for e in self.b.edges.values() if e.type is RelType.LED_BY and e.source == last.node.id]
        leader = self.b.nodes.get(leaders[0]) if len(leaders) == 1 else None
        return self._paper(leader, self.papers.year_of(c)[0], c) if leader is not None else None

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
