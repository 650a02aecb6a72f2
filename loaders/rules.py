"""Sentence-level analysis shared by both loaders: which mentions count, and in what role.

A sentence is looked at once: vocabulary mentions, pattern-found candidates, and the spans where a
mention does not speak for the study (quotes, a drug's own description, a drug's indication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from loaders import cues
from loaders.ascii import Twin
from loaders.builder import DocBuilder, term_node_id
from loaders.matcher import Mention, TermRef, vocabulary_matcher
from loaders.prefilter import Prefiltered
from loaders.text import CaselessPattern, fold_typography, words_before
from ontology.enums import NodeLabel, RelType, StudyDesign
from ontology.model import NodeBase
from ontology.vocab import load_vocabularies

_STOP = (
    r"(?:and|or|of|in|on|the|a|an|with|to|for|by|as|at|from|that|which|this|these|its|their|is|are|was|"
    r"were|be|may|can|both|but|not|no|than|into|such|while|including|like|also|more|most|some|other)"
)
_WORD = r"[A-Za-z][A-Za-z0-9+/'-]*"
# "nervous system dysfunction", "impaired antiviral immunity": names the vocabulary may lack.
CANDIDATE_MECHANISM = CaselessPattern(
    rf"\b(?:(?:impaired|dysfunctional|defective|dysregulated|disrupted|abnormal)\s+"
    rf"(?P<tail>(?!{_STOP}\b){_WORD}(?:\s+(?!{_STOP}\b){_WORD}){{0,2}})"
    rf"|(?P<head>(?!{_STOP}\b){_WORD}(?:\s+(?!{_STOP}\b){_WORD}){{0,2}})\s+"
    rf"(?P<noun>dysfunction|dysregulation|impairment|abnormalit(?:y|ies)|overactivity|hyperactivity|"
    rf"hypofunction|insufficiency|deficiency))\b"
)
# "elevated sCD14", "lower levels of IL-17A": an analyte-looking token after a direction word.
# Cheap tests that let most sentences skip the candidate patterns.
_MECHANISM_TRIGGER = CaselessPattern(
    r"impair|dysfunction|dysregulat|defective|disrupted|abnormal|overactivity|hyperactivity|hypofunction|"
    r"insufficiency|deficiency"
)
_BIOMARKER_TRIGGER = CaselessPattern(r"elevated|increased|higher|raised|reduced|decreased|lower|depleted")

# "cognitive impairment", "functional impairment": symptoms and disability, not mechanisms.
SYMPTOM_WORDS = frozenset(
    "cognitive memory functional physical visual motor social work sleep quality symptom symptoms".split()
)
# "an abnormal tilt-table test", "an abnormal drop", "laboratory abnormalities": a measurement, not a mechanism
MEASUREMENT_WORDS = frozenset(
    "test tests tilt-table result results reading readings score scores scan scans finding findings value values "
    "drop drops reduction reductions laboratory".split()
)
CANDIDATE_BIOMARKER = re.compile(
    r"\b(?:elevated|increased|higher|raised|reduced|decreased|lower|depleted)\s+(?:levels of\s+|serum\s+|"
    r"plasma\s+|blood\s+|circulating\s+){0,2}(?P<name>(?=[A-Za-z0-9-]*(?:\d|[A-Z]{2}))[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9])\b"
)
_DRUG_SUFFIX = (
    r"mab|cept|tinib|vir|statin|pril|sartan|olol|azole|mycin|cycline|floxacin|tidine|prazole|zepam|xaban|"
    r"gliptin|formin|lukast|parin|grel|dronate|setron|triptan|semide|thiazide"
)
CANDIDATE_DRUG = Prefiltered(
    re.compile(
        rf"\b(?!(?:concept|intercept|except|accept|percept|prevent|convir)\b)(?P<name>[a-z]{{4,}}(?:{_DRUG_SUFFIX}))\b"
    ),
    # A match ends with a suffix at a word's end; most sentences have none, and the pattern backtracks
    # through every lower-case word before it can tell (4.3 -> 2.9 us a sentence).
    gate=re.compile(rf"(?:{_DRUG_SUFFIX})\b"),
)

# A product known by its code ("a product called KPAX002", "BC007, an aptamer drug"): a candidate drug,
# and the code alone names it in the document's later sentences (see ``analyse``'s ``codes``).
_CODE = r"[A-Z][A-Za-z]{1,6}-?\d{2,5}[A-Za-z]?"
CODE_NAMED = Twin(
    re.compile(
        rf"\b(?:called|named|known as|code-?named|dubbed|under the name)\s+(?P<a>{_CODE})\b"
        rf"|\b(?P<b>{_CODE})\s*(?:\(|,)\s*(?:a|an|the)?\s*(?:[\w-]+\s+){{0,3}}?(?:drug|compound|molecule|antibody|"
        r"peptide|aptamer|product|formula|formulation|supplement|inhibitor|agonist|antagonist|blocker|candidate)\b"
    )
)
_NOT_CODE = re.compile(r"^(?:NCT|ISRCTN|COVID|SARS|HHV|IL|CD|EudraCT|ICD|DSM|PMID)", re.IGNORECASE)


# A code's letters and first digits ("KPAX002", "BC007"): a sentence without them introduces no code.
_CODE_START = Twin(re.compile(r"[A-Z][A-Za-z]{1,6}-?\d\d"))


def code_names(text: str) -> set[str]:
    """Codes a sentence introduces as products ("a product called KPAX002")."""
    names = set()
    for m in CODE_NAMED.finditer(text):
        if m["a"] and _TRIAL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the trial, known as AMP-516": a trial's name
        names.add(m["a"] or m["b"])
    return {n for n in names if not _NOT_CODE.match(n)}


_TRIAL_BEFORE = re.compile(r"\b(?:trial|study|programme|program|cohort|project)\b", re.IGNORECASE)


# "antibody levels against several herpesviruses, including Epstein-Barr virus and cytomegalovirus": each
# virus named after it stands for the antibodies to it (the vocabulary's "<virus> antibodies" terms).
_ANTIBODIES_TO = re.compile(
    r"\bantibod(?:y|ies)(?: levels?| titres?| titers?| responses?)? (?:against|to)\b[^.;]{0,100}", re.IGNORECASE
)


@cache
def _virus_antibodies() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for the viruses that have an antibody term, and virus name (folded) → term id."""
    names: dict[str, str] = {}
    for term in load_vocabularies().terms[NodeLabel.BIOMARKER].values():
        for form in (term.label, *term.synonyms, *term.abbreviations):
            if form.endswith(" antibodies") and not form.lower().startswith("anti"):
                names.setdefault(form[: -len(" antibodies")].lower(), term.id)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), names


def _antibodies(text: str, mentions: list[Mention]) -> list[Mention]:
    pattern, names = _virus_antibodies()
    found = [
        Mention(v.start(), v.end(), v.group(), (TermRef(NodeLabel.BIOMARKER, names[v.group().lower()], False),))
        for span in _ANTIBODIES_TO.finditer(text)
        for v in pattern.finditer(text, span.start(), span.end())
    ]
    if not found:
        return mentions
    kept = [m for m in mentions if all(m.end <= f.start or m.start >= f.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


_DESCRIPTION = re.compile(r"\s*(?:\((?P<paren>[^)]*)\)|,\s*(?:which|a|an|the)\b(?P<clause>[^,;.]*))")


@dataclass
class Analysis:
    """One sentence, folded, with every mention found and the spans that disqualify them."""

    text: str
    mentions: list[Mention]
    quotes: list[tuple[int, int]] = field(default_factory=list)
    descriptions: list[tuple[int, int, Mention]] = field(default_factory=list)
    codes: frozenset[str] = frozenset()  # product codes this sentence introduces (see code_names)
    _by_label: dict[NodeLabel, list[tuple[Mention, TermRef]]] = field(default_factory=dict, repr=False)

    def of(self, label: NodeLabel) -> list[tuple[Mention, TermRef]]:
        """Mentions that may stand for a ``label`` node, outside quoted speech, in text order."""
        cached = self._by_label.get(label)
        if cached is None:
            cached = []
            for m in self.mentions:
                ref = m.ref(label)
                if ref is not None and not self.quoted(m):
                    cached.append((m, ref))
            if label is NodeLabel.DRUG and len(cached) > 1:
                # "atorvastatin, a statin": the class named beside its member is not a second drug
                classes = {c for _, r in cached if (c := drug_class(r.term_id)) is not None}
                cached = [(m, r) for m, r in cached if r.term_id not in classes]
            self._by_label[label] = cached
        return list(cached)

    def quoted(self, m: Mention) -> bool:
        return any(a <= m.start < b for a, b in self.quotes)

    def described_by(self, m: Mention) -> Mention | None:
        """The drug whose descriptive clause contains ``m`` ("anakinra (which blocks inflammation)")."""
        return next((drug for a, b, drug in self.descriptions if a <= m.start < b), None)

    def before(self, m: Mention, chars: int = 80) -> str:
        return self.text[max(0, m.start - chars) : m.start]

    def after(self, m: Mention, chars: int = 200) -> str:
        return self.text[m.end : m.end + chars]

    def negated(self, m: Mention) -> bool:
        """Denied where it is named, or a later item of a denied list ("no sign of A, of B or of C")."""
        before = self.before(m, 160)
        if cues.NEGATION_BEFORE.search(before[-80:]):
            return True
        heads = list(cues.NEGATION_HEAD.finditer(before))
        if not heads:
            return False
        rest = before[heads[-1].end() :]
        return bool(_LIST_SEPARATOR.search(rest)) and len(rest.split()) <= 14 and not _CLAUSE_WORD.search(rest)


# A denied list runs on through ", of B", " or C", "nor D" until a new clause starts.
_LIST_SEPARATOR = re.compile(r",|\b(?:or|and|nor)\b")
_CLAUSE_WORD = re.compile(
    r"[;:()]|\b(?:but|was|were|is|are|had|has|have|while|whereas|however|although|though|which|that|who|"
    r"showed|found|suggest\w*|reported)\b",
    re.IGNORECASE,
)


@cache
def drug_class(term_id: str) -> str | None:
    """The vocabulary term a drug's category names, when there is one ("atorvastatin" → "statins",
    "famotidine" (H2 antihistamine) → "antihistamines", "SIM01" (synbiotic) → "probiotics")."""
    vocab = load_vocabularies()
    term = vocab.terms[NodeLabel.DRUG].get(term_id)
    if term is None or term.category is None:
        return None
    cls = vocab.lookup(NodeLabel.DRUG, term.category)
    if cls is None or cls.id == term_id or cls.category == term.category:  # itself, or a sibling (IVIG, SCIG)
        return None
    return cls.id


def candidate_ref(label: NodeLabel, name: str) -> TermRef:
    return TermRef(label, f"?{name}", False)


def is_candidate(ref: TermRef) -> bool:
    return ref.term_id.startswith("?")


def analyse(
    sentence: str, quotes: list[tuple[int, int]] | None = None, codes: frozenset[str] = frozenset()
) -> Analysis:
    """Find mentions in a sentence. ``quotes`` are spans (in this sentence) of quoted speech; ``codes``
    are product codes earlier sentences of the document introduced (see :func:`code_names`)."""
    text = fold_typography(sentence)
    mentions = [x for x in (_with_cued_anchors(text, m) for m in vocabulary_matcher().find(text)) if x]
    if "ntibod" in text:
        mentions = _antibodies(text, mentions)
    taken = [(m.start, m.end) for m in mentions]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    extra: list[Mention] = []
    trigger = _MECHANISM_TRIGGER.search(text)
    # A candidate holds its trigger word and at most three words before it: start a few words before
    # the first trigger, not at every word of the sentence.
    mechanisms = CANDIDATE_MECHANISM.finditer(text, words_before(text, trigger.start(), 3)) if trigger else ()
    for m in mechanisms:
        name = " ".join(m.group().split()).lower()
        words = name.split()
        if free(*m.span()) and not SYMPTOM_WORDS.intersection(words) and not MEASUREMENT_WORDS.intersection(words):
            extra.append(Mention(m.start(), m.end(), m.group(), (candidate_ref(NodeLabel.MECHANISM, name),)))
    biomarkers = CANDIDATE_BIOMARKER.finditer(text) if _BIOMARKER_TRIGGER.search(text) else ()
    for m in biomarkers:
        a, b = m.span("name")
        if free(a, b):
            extra.append(Mention(a, b, m.group("name"), (candidate_ref(NodeLabel.BIOMARKER, m.group("name")),)))
    for m in CANDIDATE_DRUG.finditer(text):
        if free(*m.span()):
            extra.append(Mention(m.start(), m.end(), m.group(), (candidate_ref(NodeLabel.DRUG, m.group()),)))
    introduced = frozenset(code_names(text)) if _CODE_START.search(text) else frozenset()
    for code in codes | introduced:
        for m in re.finditer(rf"\b{re.escape(code)}\b", text):
            if free(*m.span()):
                extra.append(Mention(m.start(), m.end(), code, (candidate_ref(NodeLabel.DRUG, code),)))
    mentions = sorted(mentions + extra, key=lambda x: x.start)
    analysis = Analysis(text, mentions, quotes or [], codes=introduced)
    for mention in mentions:
        if mention.ref(NodeLabel.DRUG) is None:
            continue
        d = _DESCRIPTION.match(text, mention.end)
        if d:
            analysis.descriptions.append((d.start(), d.end(), mention))
    return analysis


# A mechanism's name as part of a title ("published in Autoimmunity Reviews"), as the topic of a debate,
# or as one symptom in a list of symptoms ("fatigue, brain fog and orthostatic intolerance").
_TITLE_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+|of [A-Z])")
_TOPIC_AFTER = CaselessPattern(r"^\s+(?:debate|question|controversy|field|community|researchers)\b")
_LIST_BEFORE = re.compile(r"(?:,|\band\b|\bor\b)\s*$")
_LIST_AFTER = re.compile(r"^\s*(?:,|and\b|or\b)")
_SYMPTOM = CaselessPattern(
    r"\b(?:(?<!chronic )fatigue(?! syndrome)|brain fog|pain|headaches?|insomnia|breathlessness|palpitations|"
    r"dizziness|unrefreshing sleep|post-exertional malaise|exhaustion|weakness|nausea)\b"
)


def in_passing(a: Analysis, m: Mention) -> bool:
    """Is the mechanism named in passing, not as something the study found?"""
    if m.text[:1].isupper() and a.text[: m.start].strip() and _TITLE_AFTER.match(a.text[m.end :]):
        return True
    if _TOPIC_AFTER.match(a.text[m.end :]):
        return True
    before, after = a.before(m, 60), a.after(m, 60)
    listed = _LIST_BEFORE.search(before) or _LIST_AFTER.match(after)
    if listed and (_SYMPTOM.search(before) or _SYMPTOM.search(after)):
        return True
    # "three candidate explanations for the lactate (oxidative stress, poor perfusion and ...)": considered
    opened = a.text.rfind("(", 0, m.start)
    return opened != -1 and ")" not in a.text[opened : m.start] and bool(_CANDIDATES.search(a.text, 0, opened))


_CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|:")
_CANDIDATES = re.compile(
    r"\b(?:candidate|possible|competing|alternative|rival)\s+(?:explanations|hypotheses|mechanisms|causes)\b[^()]{0,40}\s*$",
    re.IGNORECASE,
)


_ONSET_BETWEEN = re.compile(r"\b(?:after|following|since|before|during)\b", re.IGNORECASE)


def impaired_near(a: Analysis, m: Mention, ref: TermRef | None = None) -> bool:
    """Is something said to be wrong within the clause of ``m`` (for anchors such as "mitochondria")?"""
    return _impaired(a.text, m, ref)


def _impaired(text: str, m: Mention, ref: TermRef | None) -> bool:
    """A term with its own anchor cue ("persist" for the virus of viral persistence) needs that cue within
    a few words of the anchor, with no time word between: "the virus persists in tissue" counts,
    "symptoms persisted after the virus cleared" does not."""
    breaks = [x.end() for x in _CLAUSE_BREAK.finditer(text, 0, m.start)]
    start = breaks[-1] if breaks else 0
    nxt = _CLAUSE_BREAK.search(text, m.end)
    end = nxt.start() if nxt else len(text)
    cue = vocabulary_matcher().anchor_cues.get(ref.term_id) if ref is not None else None
    if cue is None:
        return bool(cues.IMPAIRMENT_CUE.search(text[start:end]))
    lo, hi = max(start, m.start - _CUE_REACH), min(end, m.end + _CUE_REACH)
    for c in cue.finditer(text, lo, hi):
        between = text[c.end() : m.start] if c.start() < m.start else text[m.end : c.start()]
        if not _ONSET_BETWEEN.search(between):
            return True
    return False


def _with_cued_anchors(text: str, m: Mention) -> Mention | None:
    """Drop the refs of anchors whose own cue is not near: such an anchor ("virus") names nothing alone."""
    for r in m.refs:  # most mentions name no anchor: nothing to drop
        if r.anchor:
            break
    else:
        return m
    cued = vocabulary_matcher().anchor_cues
    refs = tuple(r for r in m.refs if not (r.anchor and r.term_id in cued and not _impaired(text, m, r)))
    if len(refs) == len(m.refs):
        return m
    return Mention(m.start, m.end, m.text, refs) if refs else None


_CUE_REACH = 40  # characters: about six words


_ACTED_ON = CaselessPattern(rf"(?:{cues.TARGET_CUE.pattern.pattern})\s+(?:[\w'-]+\s+){{0,3}}$")


def acted_on(a: Analysis, m: Mention) -> bool:
    """Is the mechanism named as what something does ("calms inflammation", "to dampen that process")?
    Then it is a target, not a mechanism the study proposes."""
    return bool(_ACTED_ON.search(a.before(m, 40)))


def node_for(b: DocBuilder, ref: TermRef, surface: str) -> NodeBase:
    """The node a mention stands for: its vocabulary term, or a flagged candidate."""
    if is_candidate(ref):
        return b.candidate(ref.label, ref.term_id[1:])
    return b.term(ref.label, ref.term_id, surface)


def studied_conditions(a: Analysis, people_only: bool = True) -> list[tuple[Mention, TermRef]]:
    """Conditions of the people studied ("50 women with ME/CFS", "ME/CFS patients").

    Never a drug's indication or a comparison ("like fibromyalgia"); with ``people_only=False`` any
    other mention counts (for reviews, which study a condition without enrolling anyone).
    """
    out = []
    for m, ref in a.of(NodeLabel.CONDITION):
        before = a.before(m)
        if a.described_by(m) or cues.INDICATION_BEFORE.search(before) or cues.COMPARISON_BEFORE.search(before):
            continue
        if (
            cues.CONTROLS_BEFORE.search(before)
            or cues.ONSET_BEFORE.search(before)
            or cues.COMPARATOR_BEFORE.search(a.before(m, 160))
        ):
            continue
        about_people = (
            cues.PEOPLE_WITH_BEFORE.search(before)
            or cues.PEOPLE_WHOSE_BEFORE.search(before)
            or cues.TRIAL_IN_BEFORE.search(before)
            or cues.PEOPLE_AFTER.match(a.text[m.end :])
        )
        if about_people or not people_only:
            out.append((m, ref))
    return out


def classify_design(texts: list[str]) -> StudyDesign:
    """The first design whose cue the text contains, in priority order (see ``cues.DESIGN_CUES``)."""
    joined = " ".join(fold_typography(t) for t in texts)
    for design, pattern in cues.DESIGN_CUES:
        if pattern.search(joined):
            return design
    return StudyDesign.UNKNOWN


_LONG_COVID_TEXT = re.compile(r"\blong[ -]covid\b|\bpost[- ]covid\b|\bPASC\b|post-acute sequelae", re.IGNORECASE)
_PAST_INFECTION = CaselessPattern(
    r"\b(?:had had|who had|after|following|since|recovered|history of|previous(?:ly)?|earlier|prior|"
    r"survivors?|went on to)\b"
)


def studied_after_covid(b: DocBuilder, text: str) -> None:
    """In a document about long COVID, people "who had COVID-19 months earlier" are studied for long
    COVID: the infection is their history, not the condition the study or trial is about. (People
    enrolled during an acute infection, with no past-tense cue, keep COVID-19.)"""
    covid = term_node_id(NodeLabel.CONDITION, "covid-19")
    past = [
        e
        for e in b.edges.values()
        if e.type is RelType.STUDIED and e.target == covid and _PAST_INFECTION.search(e.evidence.sentence)
    ]
    if not past or not _LONG_COVID_TEXT.search(text):
        return
    long_covid = b.term(NodeLabel.CONDITION, "long-covid")
    for e in past:
        del b.edges[e.key]
        ev = e.evidence
        b.edge(
            RelType.STUDIED,
            b.nodes[e.source],
            long_covid,
            ev.sentence,
            ev.line,
            ev.section,
            f"{ev.rule}.after_covid",
            ev.confidence - 0.1,
        )
    if not any(covid in (x.source, x.target) for x in b.edges.values()):
        del b.nodes[covid]
