"""What a news sentence says about the trial or study it is about: results, conditions, authors,
proposed mechanisms, leaders; and what it tells about a trial itself (size, status, phase).
"""

from __future__ import annotations

from loaders import cues
from loaders.authorship import co_authors
from loaders.builder import DocBuilder
from loaders.drug_claims import clause_outcome, compared_against, outcome_of
from loaders.leaders import (
    BY,
    GROUP_AFTER,
    LAB_OF_BEFORE,
    LEADER_AFTER,
    LEADER_BEFORE,
    PRONOUN_GROUP,
    led_by,
    named_leaders,
)
from loaders.news_context import Leader, SentenceContext, Subject
from loaders.news_cues import COMPLETED, ONGOING, PLANNED, SUBGROUP, THIS_PHASE
from loaders.rules import acted_on, impaired_near, in_passing, node_for, studied_conditions
from ontology.enums import NodeLabel, Outcome, RelType, Section, TrialStatus
from ontology.model import NodeBase, Study, Trial, replaced


def update_trial(b: DocBuilder, s: Subject, clause: str, sentence: str) -> None:
    """What a clause tells about a trial: its size, design features, status, outcome and phase."""
    if not isinstance(s.node, Trial):
        return
    old = s.node
    outcome = outcome_of(clause)
    status = (
        TrialStatus.PLANNED
        if PLANNED.search(clause)
        else TrialStatus.ONGOING
        if ONGOING.search(clause)
        else TrialStatus.COMPLETED
        if COMPLETED.search(clause) or outcome is not Outcome.UNKNOWN
        else TrialStatus.UNKNOWN
    )
    if status in (TrialStatus.PLANNED, TrialStatus.ONGOING) and outcome is Outcome.UNKNOWN:
        outcome = Outcome.PENDING
    keep_status = old.status is not TrialStatus.UNKNOWN and status is not TrialStatus.COMPLETED
    # "The phase 3 study is funded by ...", "It is a phase 2 trial": the phase of the trial at hand
    phase = old.phase or (cues.phase_of(clause) if THIS_PHASE.match(clause) else None)
    keep_outcome = outcome in (Outcome.UNKNOWN, Outcome.PENDING) and old.outcome is not Outcome.UNKNOWN
    s.node = b.put(
        replaced(
            old,
            {
                "size": old.size or cues.size_of(clause) or cues.size_of(sentence),
                "features": tuple(sorted({*old.features, *(f for f, p in cues.TRIAL_FEATURES if p.search(clause))})),
                "status": old.status if keep_status else status,
                "outcome": old.outcome if keep_outcome else outcome,
                "phase": phase,
            },
        )
    )  # type: ignore[assignment]


def tell(
    b: DocBuilder,
    article: NodeBase,
    s: Subject,
    c: SentenceContext,
    *,
    before: tuple[list[Leader], SentenceContext] | None = None,
    proposes: bool = True,
    clause: tuple[int, int] | None = None,
) -> None:
    """What the sentence (or, for one of several subjects, its ``clause``) says about the trial or
    study; ``proposes=False`` for a sentence about the work of the group behind a paper ("X's team has
    spent years on muscle problems ..."); ``before``: leaders the sentence before named, for a subject whose
    own sentence names none."""
    text, line, body = c.text, c.line, Section.BODY
    b.edge(RelType.REPORTS, article, s.node, text, line, body, "news.reports", 0.85)
    in_sentence = {r.term_id: (r, m.text) for m, r in c.a.of(NodeLabel.DRUG) if not compared_against(c.a, m)}
    if isinstance(s.node, Study) and cues.TESTED_CUE.search(c.a.text):
        s.drugs.update(in_sentence)
    # "In the other 133, the drug was no better than placebo": a subgroup's result, not the trial's
    subgroup = SUBGROUP.match(c.a.text)
    outcome = Outcome.UNKNOWN if subgroup else outcome_of(c.a.text)
    mentioned = [d for d in s.drugs if d in in_sentence] or (list(s.drugs) if outcome is not Outcome.UNKNOWN else [])
    own = {} if subgroup else {r.term_id: clause_outcome(c.a, m) for m, r in c.a.of(NodeLabel.DRUG)}
    for term_id in mentioned:
        ref, surface = s.drugs[term_id]
        drug = node_for(b, ref, surface)
        result = own.get(term_id, outcome)
        shown = result if result is not Outcome.UNKNOWN else _pending(s)
        b.edge(RelType.TESTED, s.node, drug, text, line, body, "news.tested", 0.85, outcome=shown)
        if result is Outcome.NULL:
            b.edge(RelType.NULL_RESULT, s.node, drug, text, line, body, "news.null_result", 0.85)
    for m, ref in studied_conditions(c.a, people_only=False):
        if clause and not clause[0] <= m.start < clause[1]:
            continue
        b.edge(RelType.STUDIED, s.node, node_for(b, ref, m.text), text, line, body, "news.studied", 0.8)
    if isinstance(s.node, Study):
        for person in co_authors(c.a.text, c.hits):
            b.edge(RelType.AUTHORED, person, s.node, text, line, body, "news.study.co_author", 0.7)
    if s.drugs and cues.HYPOTHESIS_TEST.search(c.a.text):
        _tested_mechanisms(b, s, c)
    if isinstance(s.node, Study) and proposes:
        for m, ref in c.a.of(NodeLabel.MECHANISM):
            unimpaired = ref.anchor and not impaired_near(c.a, m, ref)
            if (
                not c.a.negated(m)
                and not unimpaired
                and not c.a.described_by(m)
                and not acted_on(c.a, m)
                and not in_passing(c.a, m)
            ):
                b.edge(RelType.PROPOSES, s.node, node_for(b, ref, m.text), text, line, body, "news.proposes", 0.75)
    lead = lead_of(c, c.a.text, 0, study=isinstance(s.node, Study))
    leaders = led_by_phrase(c) or ([lead] if lead else [])
    if lead and lead[1] == "news.leader" and leaders[0] is lead:  # "X and Y run the study": Y too
        leaders += [
            (p, "news.leader", conf) for p, rule, conf in named_leaders(c.a.text, c.hits)[1:] if rule == "leader"
        ]
    said = c
    if before and (not leaders or leaders[0][1] == "news.context"):
        leaders, said = [(p, f"news.{rule}.before", conf - 0.1) for p, rule, conf in before[0]], before[1]
    for person, rule, conf in leaders:
        b.edge(RelType.LED_BY, s.node, person, said.text, said.line, body, rule, conf)
        for ref, surface in s.drugs.values():
            b.edge(
                RelType.INVESTIGATES,
                person,
                node_for(b, ref, surface),
                said.text,
                said.line,
                body,
                "news.investigates.leads",
                min(conf, 0.7),
            )


def _tested_mechanisms(b: DocBuilder, s: Subject, c: SentenceContext) -> None:
    """The mechanisms a trial was built to test are what its drugs are meant to act on."""
    for m, ref in c.a.of(NodeLabel.MECHANISM):
        if c.a.negated(m) or c.a.described_by(m):
            continue
        mechanism = node_for(b, ref, m.text)
        for drug_ref, surface in s.drugs.values():
            drug = node_for(b, drug_ref, surface)
            b.edge(RelType.TARGETS, drug, mechanism, c.text, c.line, Section.BODY, "news.targets.hypothesis", 0.7)


def _pending(s: Subject) -> Outcome:
    return s.node.outcome if isinstance(s.node, Trial) else Outcome.UNKNOWN


def led_by_phrase(c: SentenceContext) -> list[Leader]:
    """Everyone named after 'led by' / 'run by'; "led by his team" is the person talked about."""
    leaders = [(p, "news.led_by", 0.9) for p in led_by(c.a.text, c.hits)]
    if leaders or not c.current:
        return leaders
    m = BY.search(c.a.text)
    if m and PRONOUN_GROUP.search(c.a.text[m.end() :]):
        return [(c.current[-1], "news.led_by", 0.8)]
    return []


def lead_of(c: SentenceContext, clause: str, start: int, study: bool = False) -> Leader | None:
    """Who leads what the sentence (from ``start``, in ``clause``) is about: a named leader or group, the
    person a pronoun group stands for, else (not for a study) the person talked about."""
    for hit_start, end, person, _ in c.hits:
        if LEADER_BEFORE.search(c.a.text[:hit_start]) or LEADER_AFTER.match(c.a.text[end:]):
            return person, "news.leader", 0.9
    for hit_start, end, person, _ in c.hits:
        if GROUP_AFTER.match(c.a.text[end:]) or LAB_OF_BEFORE.search(c.a.text[:hit_start]):
            return person, "news.group", 0.85
    pronoun = PRONOUN_GROUP.search(clause)
    who = c.referent(start + pronoun.start()) if pronoun else None
    if who is not None:  # "Paul Fisher, a professor at ..., has ...; his team's paper": the person named before
        return who, "news.group", 0.75
    if study:
        return None
    if c.current:
        return c.current[-1], "news.context", 0.6
    return None
