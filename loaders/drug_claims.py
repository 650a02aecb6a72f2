"""What a sentence says about a drug: whether it is the comparator, the result told for it in its
clause, the mechanisms it acts on, and "the drug" standing for the one named before.

Shared by both loaders; the mentions come from :func:`loaders.rules.analyse`.
"""

from __future__ import annotations

import re

from loaders import cues
from loaders.matcher import Mention, TermRef, vocabulary_matcher
from loaders.rules import Analysis, impaired_near
from loaders.text import CaselessPattern
from ontology.enums import NodeLabel, Outcome


def compared_against(a: Analysis, drug: Mention) -> bool:
    """Is the drug named as what the tested drug was compared with ("no better than infusions of
    albumin", "versus standard care")?"""
    return bool(cues.COMPARATOR_DRUG_BEFORE.search(a.before(drug, 60)))


def drug_segment(a: Analysis, drug: Mention) -> str:
    """The part of the sentence that speaks about one drug: all of it, unless several drugs share it."""
    drugs = [m for m in a.mentions if m.ref(NodeLabel.DRUG) is not None]
    if len(drugs) <= 1:
        return a.text
    i = drugs.index(drug)
    start = drug.start
    end = drugs[i + 1].start if i + 1 < len(drugs) else len(a.text)
    return a.text[start:end]


_DRUG_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s*")


def clause_outcome(a: Analysis, drug: Mention) -> Outcome:
    """The outcome told for one drug: the one its own clause tells ("The apixaban arm was stopped for
    lack of benefit, and the trial moved on to atorvastatin": null for apixaban only); when its clause
    tells none, the sentence's, unless another drug's clause holds the result ("Neither apixaban nor
    atorvastatin reduced deaths", "Two doses were given, and neither beat placebo")."""
    breaks = [m.end() for m in _DRUG_CLAUSE_BREAK.finditer(a.text)]
    spans = list(zip([0, *breaks], [*breaks, len(a.text)], strict=True))

    def clause(m: Mention) -> tuple[int, int]:
        return next(((lo, hi) for lo, hi in spans if lo <= m.start < hi), (0, len(a.text)))

    own = clause(drug)
    others = {clause(m) for m, _ in a.of(NodeLabel.DRUG)} - {own}
    result = outcome_of(a.text[own[0] : own[1]])
    if result is Outcome.UNKNOWN and not any(outcome_of(a.text[lo:hi]) is not Outcome.UNKNOWN for lo, hi in others):
        return outcome_of(a.text)
    return result


def targets_of(a: Analysis, drug: Mention) -> list[tuple[Mention, TermRef]]:
    """Mechanisms the sentence says a drug acts on: in its description, or after it with a target verb."""
    out = []
    for m, ref in a.of(NodeLabel.MECHANISM):
        if m.start < drug.end:
            continue
        if a.described_by(m) is drug:
            out.append((m, ref))
            continue
        between = a.text[drug.end : m.start]
        if len(between) <= 90 and cues.TARGET_CUE.search(between) and not re.search(r"[;.]", between):
            if _plain_anchor(ref) and not cues.RESTORE_CUE.search(between):
                continue
            out.append((m, ref))
    return out


def back_targets(a: Analysis, drug: Mention) -> list[tuple[Mention, TermRef]]:
    """The mechanism a drug is given against, named before it and pointed back at ("driven by an
    autoimmune process, and cyclophosphamide was given to dampen that process"). The sentence still
    puts the mechanism forward, unlike a drug's own description."""
    back = _BACK_TARGET.search(a.text, drug.end)
    if back is None or back.start() - drug.end > 90:
        return []
    named = [
        (m, ref)
        for m, ref in a.of(NodeLabel.MECHANISM)
        if m.end <= drug.start and (not ref.anchor or impaired_near(a, m, ref))
    ]
    return named[-1:]


# A drug's aim told by pointing back at a mechanism the sentence named before the drug.
_BACK_TARGET = CaselessPattern(
    r"\bto (?:help )?(?:dampen|calm|quiet|quieten|block|suppress|correct|counter|reverse|fix|tackle|reduce|repair|"
    r"switch off|turn down)\s+(?:that|this|such an?)\s+(?:[\w-]+\s+){0,2}?(?:process|problem|defect|abnormality|"
    r"fault|response|activity|mechanism)\b"
)


def _plain_anchor(ref: TermRef) -> bool:
    """An anchor with no cue of its own ("mitochondria"): a drug acts on it only by restoring it. An
    anchor with its own cue ("the virus ... replicating") already names the mechanism."""
    return ref.anchor and ref.term_id not in vocabulary_matcher().anchor_cues


# "... received infusions of the drug or of placebo": the drug named in an earlier sentence.
_DRUG_BACK_REFERENCE = CaselessPattern(r"\b(?:the|this|that) (?:drug|compound|medication|product|antiviral)\b")


def with_drug_back_reference(a: Analysis, ref: TermRef, surface: str) -> Analysis:
    """A trial sentence that names no drug but "the drug": that is the drug the text named last
    (``surface``, its name there, stands for it)."""
    if a.of(NodeLabel.DRUG) or not cues.TRIAL_DESIGN_CUE.search(a.text):
        return a
    m = _DRUG_BACK_REFERENCE.search(a.text)
    if m is None:
        return a
    mention = Mention(m.start(), m.end(), surface, (ref,))
    return Analysis(a.text, sorted([*a.mentions, mention], key=lambda x: x.start), a.quotes, a.descriptions, a.codes)


def anaphoric_targets(a: Analysis) -> list[tuple[Mention, TermRef]]:
    """Mechanisms a sentence that starts "It ..." / "The drug ..." says the previous drug acts on
    (not those it gives to a drug it names itself: "It contains NAC, which ...")."""
    start = cues.DRUG_ANAPHOR.match(a.text)
    if start is None:
        return []
    own = {m.start for d, _ in a.of(NodeLabel.DRUG) for m, _ in targets_of(a, d)}
    out = []
    for m, ref in a.of(NodeLabel.MECHANISM):
        between = a.text[start.end() : m.start]
        if m.start in own or ";" in between or not cues.TARGET_CUE.search(between):
            continue
        if not _plain_anchor(ref) or cues.RESTORE_CUE.search(between):
            out.append((m, ref))
    return out


# "zinc levels did not differ between the groups": a measurement's result, not the treatment's
_MEASURED_BEFORE = re.compile(r"\b(?:levels?|concentrations?|counts?|titres?|titers?)\s+(?:\w+\s+)?$", re.IGNORECASE)


def outcome_of(segment: str) -> Outcome:
    """What the text says a drug did: null beats harmful beats positive; otherwise unknown."""
    for m in cues.NULL_OUTCOME.finditer(segment):
        if not _MEASURED_BEFORE.search(segment, max(0, m.start() - 30), m.start()):
            return Outcome.NULL
    if cues.HARMFUL_OUTCOME.search(segment):
        return Outcome.HARMFUL
    for m in cues.POSITIVE_OUTCOME.finditer(segment):
        if not cues.HYPOTHETICAL_BEFORE.search(segment[max(0, m.start() - 40) : m.start()]):
            return Outcome.POSITIVE
    return Outcome.UNKNOWN
