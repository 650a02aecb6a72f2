"""Lexical cues the extraction rules look for: negation, outcomes, directions, designs, roles.

Patterns run on typographically folded text (straight quotes and hyphens).

>>> bool(NULL_OUTCOME.search("it did not significantly change cytokine levels"))
True
>>> bool(NULL_OUTCOME.search("did not achieve its primary endpoint"))
True
>>> bool(NULL_OUTCOME.search("no significant difference in TRPM3 currents between patients and healthy controls"))
False
"""

from __future__ import annotations

import re

from loaders.text import CaselessPattern
from ontology.enums import Direction, StudyDesign, TrialFeature

# A treatment that made no difference (never a comparison of patients with healthy people).
NULL_OUTCOME = CaselessPattern(
    r"\b(?:did not|didn't|does not|failed to|was not|were not|did not significantly|could not)\s+"
    r"(?:\w+ly\s+)?(?:achieve|meet|reach|change|improve|reduce|alter|lower|affect|differ|outperform|help|work|"
    r"benefit|produce|yield|provide (?:a |any )?(?:benefit|improvement)|beat|separate from|"
    r"show (?:a |any )?(?:significant |clinically meaningful |consistent |clear |meaningful )?"
    r"(?:benefit|improvement|effect|difference)|"
    r"lead to|result in|be (?:superior|better|more effective)|superior|better than|more effective)"
    r"|\bno (?:significant |statistically significant |clinically (?:meaningful|relevant) |meaningful |"
    r"overall |additional |measurable )?(?:benefit|improvement|effect|efficacy|change|advantage)s?\b"
    r"|\b(?:missed|did not meet) (?:its|the|their) primary (?:end ?point|outcome)"
    r"|\bno (?:better|more effective|more beneficial) than\b"
    r"|\bnot (?:superior|better|more effective) (?:than|to)\b"
    r"|\bfailed to (?:separate|differ|beat)|\bstopped (?:early )?for futility"
    r"|\bdid not reach (?:statistical )?significance"
    r"|\b(?:was|were|proved|is) not (?:effective|efficacious|beneficial)\b"
    r"|\b(?:difference|differences|change|changes|effect|improvement)s? (?:\w+ ){0,3}?(?:was|were) not "
    r"(?:statistically )?significant"
    r"|\b(?:primary )?(?:end ?point|outcome) (?:was|were) not (?:met|reached|achieved)"
    r"|\b(?:results?|trial|study) (?:was|were) negative\b|\bnegative (?:trial|result)"
    r"|\b(?:terminated|stopped|halted) (?:early )?(?:for|because of|due to) (?:lack of efficacy|futility)"
    r"|\bimproved (?:to a similar (?:degree|extent)|as much|equally)|\bsimilar improvement"
    r"|\b(?:unchanged|did not change) (?:with|after|under|on) (?:the )?(?:treatment|drug|therapy)"
    r"|\b(?:similar|comparable) (?:to|with) (?:the )?placebo"
    r"|\bno (?:significant |statistically significant )?difference[s]? (?:\w+ ){0,6}?"
    r"(?:placebo|between (?:the )?(?:treatment|drug|active|intervention) (?:and|group))"
    r"|\b(?:proved|was|were) ineffective\b|\bwithout (?:any )?(?:significant )?(?:benefit|improvement)"
    r"|\bno evidence that\b[^.;]{0,50}\b(?:better|more effective|superior|worked|helped|improved)"
    # plainer ways writers put a negative result
    r"|\bdisappoint\w*|\bfell short of|\bindistinguishable from\b|\b(?:trial|study|treatment|drug) failed\b"
    r"|\bfailed (?:its|the|their) primary"
    r"|\bdid not bear (?:that|this|it|those|these) out|\bnot borne out|\b(?:stopped|halted|dropped) for lack of benefit"
    r"|\bthe difference was not (?:statistically )?significant"
    r"|\b(?:just |about )?as well as (?:those (?:on|given|receiving) |the )?(?:placebo|sham)"
    r"|\b(?:placebo|sham)(?: (?:group|arm)s?)? (?:\w+ ){0,2}?(?:did|fared|improved) (?:just |about )?as (?:well|much)"
    r"|\bnon-?significant (?:\w+ ){0,2}?(?:difference|change|effect|improvement|trend|benefit)"
    r"|\b(?:efficacy|benefit|effect|superiority) (?:was|could) not (?:be )?(?:demonstrated|shown|established|confirmed)"
    r"|\bno (?:significant |statistically significant )?differences? (?:\w+ ){0,6}?between (?:the )?(?:two )?"
    r"(?:groups|arms)"
    # "neither apixaban nor atorvastatin reduced deaths"
    r"|\bneither\b[^.;]{0,80}\bnor\b[^.;]{0,60}?\b(?:reduced|improved|helped|lowered|prevented|changed|beat|"
    r"outperformed|worked|benefited|made (?:any|a) difference|had (?:any|an) effect)\b"
    # "neither treatment helped any of the main symptoms", "neither drug beat placebo"
    r"|\bneither (?:treatment|drug|arm|dose|intervention|approach|supplement)\b[^.;,]{0,20}?\b(?:reduced|improved|"
    r"helped|lowered|prevented|changed|beat|outperformed|worked|benefited)\b"
)

POSITIVE_OUTCOME = CaselessPattern(
    r"\b(?:significant(?:ly)? (?:\w+ ){0,2}?(?:improv|reduc|better|increas|benefit|gain)\w*"
    r"|improved|improvement[s]? in|restored?|normali[sz]ed|was effective|were effective|effective in"
    r"|benefit(?:ed|ted)?\b|responded|response rate|reduced (?:fatigue|symptoms|pain)"
    r"|fewer|lower risk|reduced (?:the )?risk|halved|cut the risk|did better|(?<!no )significant difference"
    r"|(?:more|greater|larger|better) (?:[\w-]+ ){0,4}than (?:in )?(?:the |those on )?placebo)"
)

# Hypothetical or expected results are not results: "any benefit could be seen", "remains unproven".
HYPOTHETICAL_BEFORE = CaselessPattern(
    r"\b(?:could|would|might|may|any|if|whether|hope[sd]?|expected|will|should|unproven|potential(?:ly)?|aims? to)\b"
    r"[^.;]{0,40}$"
)

HARMFUL_OUTCOME = CaselessPattern(r"\b(?:too toxic|worsened|serious adverse|harm(?:ful|ed)?|stopped early for safety)")

# The study/trial gave the drug to people (as opposed to naming it as background).
TESTED_CUE = CaselessPattern(
    r"\b(?:test(?:ed|ing|s)?|trial|treat(?:ed|ment|ing)|gave|given|administ(?:ered|ration)|received?|"
    r"randomi[sz]ed|placebo|dose[sd]?|dosing|infusions?|took|taking|effect of|effects of|whether|"
    r"assign(?:ed)?|supplement(?:ed|ation)|course of|weeks? of|months? of|injections?|pilot|"
    r"using|underwent|compar(?:ed|ing))\b"
)

# A drug named as what made people ill in a model (interferon-alpha causing fatigue), not tested.
TRIGGER_CUE = CaselessPattern(r"\b(?:develop(?:s|ed)?|induc(?:ed|es)|trigger(?:ed|s))\b")

TARGET_CUE = CaselessPattern(
    r"\b(?:quiet|counter|neutrali[sz]\w*|block(?:s|ed|ing)?|target(?:s|ed|ing)?|inhibit(?:s|ed|ing|or)?|antagoni[sz]\w*|suppress\w*|"
    r"deplet\w*|remov(?:e|es|ed|ing)|restor(?:e|es|ed|ing)|normali[sz]\w*|counteract\w*|aimed at|"
    r"act(?:s|ing)? on|reduc(?:e|es|ed|ing)|dampen\w*|quell\w*|modulat\w*|improv(?:e|es|ed|ing)|"
    r"tighten\w*|strengthen\w*|repair\w*|seal\w*|expand\w*|boost\w*|replenish\w*|rebuild\w*|clear(?:s|ed|ing)?|"
    r"eliminat\w*|eradicat\w*|calm\w*|damp(?:s|ed|ing)?(?: down)?|rebalanc\w*|reshap\w*|correct\w*|protect\w*|"
    r"(?:directed|aimed) against|stop(?:s|ped|ping)?|starv\w*|halt\w*|"
    # an agonist: "switches on TLR3 signalling", "meant to rouse antiviral immunity"
    r"switch(?:es|ed|ing)? on|activat(?:e|es|ed|ing)|stimulat(?:e|es|ed|ing)|rous(?:e|es|ed|ing))\b"
)
# A trial built to test a mechanism ("designed to test the viral persistence hypothesis", "goes after viral
# persistence", "was built on the hypothesis that ... mitochondrial dysfunction"): its drugs act on it.
HYPOTHESIS_TEST = CaselessPattern(
    r"\b(?:(?:test\w*|examin\w*|prob(?:e|es|ed|ing)|built on|based on|grew out of|rests? on|rested on|"
    r"rationale)\b[^.;]{0,50}\b(?:hypothes[ie]s|idea|explanation|theory|notion|possibility|premise)|"
    r"on the (?:theory|idea|hypothesis|premise|assumption|grounds) that|"
    r"(?:go|goes|going|went) after|aimed at|designed to (?:target|tackle|clear|counter))\b"
)

# A controlled trial's design words.
TRIAL_DESIGN_CUE = CaselessPattern(r"\brandomi[sz]ed|\bplacebo|\bdouble-blind|\bopen-label|\bphase[- ]\d")

# A sentence about the drug just named: "It is a blend of amino acids that ...", "The drug blocks zonulin".
DRUG_ANAPHOR = CaselessPattern(
    r"^(?:it|this drug|the (?:drug|compound|antibody|treatment|medication|molecule|product|supplement|infusion|"
    r"therapy|agent))\b"
)
# What a treatment does to a structure that is wrong ("tightens the gut barrier", "expands blood volume").
RESTORE_CUE = CaselessPattern(
    r"\b(?:restor|normali[sz]|improv|tighten|strengthen|repair|seal|expand|increas|boost|rais|replenish|support|"
    r"protect|rebuild|rebalanc|reshap|correct|rous)\w*"
)

# Something is wrong with the named structure (lets an anchor such as "mitochondria" count).
IMPAIRMENT_CUE = CaselessPattern(
    r"\b(?:problem|dysfunction|dysfunctional|impair\w*|damag\w*|abnormal\w*|defect\w*|deficien\w*|weak\w*|"
    r"shifted|altered|less|poor\w*|slow\w*|stayed low|too little|"
    r"disrupt\w*|dysregulat\w*|fail\w*|overload\w*|overactiv\w*|reduced|decreased|low(?:er)?|"
    r"loss|doesn't work|does not work|not work properly|not working|malfunction\w*|restor\w*|compromised|"
    r"disturb\w*|fragment\w*|broken|strained|faulty|faults?|misfir\w*|fell short|falls? short|struggl\w*|sluggish|"
    r"fewer|deplet\w*|injur\w*|smaller|diminish\w*|blunted|inefficien\w*)\b"
)

# Negated existence right before a mention: "no evidence of X", "did not find X".
NEGATION_BEFORE = CaselessPattern(
    r"(?:\bno (?:\w+ ){0,2}?(?:evidence|sign|signs|indication)s? (?:of|for)|\bnot (?:find|found|detect|"
    r"observe|show)|\bfound no|\bnor|\bneither|\bruled out|\babsence of|\black of evidence|"
    r"\bwithout (?:evidence of)?)\s+(?:\w+[\s-]+){0,3}$"
)

# The start of a denial whose list may run on ("no sign of A, of B or of C"): see Analysis.negated.
NEGATION_HEAD = CaselessPattern(
    r"\b(?:no (?:\w+ ){0,2}?(?:evidence|sign|signs|indication)s? (?:of|for)|not (?:find|found|detect|observe|show)|"
    r"found no|ruled out|absence of|lack of evidence (?:of|for))\b"
)

# The people a condition is about: "50 women with ME/CFS", "people with long COVID", "ME/CFS patients".
PEOPLE_WITH_BEFORE = CaselessPattern(
    r"\b(?:patients|people|persons|adults|women|men|participants|individuals|subjects|children|adolescents|"
    r"cases|volunteers|those|veterans|cohort|group|sample)\b(?:\s+(?:who|whose)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"\s+(?:with|having|diagnosed with|affected by|living with|suffering from|who (?:had|have|met criteria for))"
    r"\s+(?:[\w-]+,?\s+){0,4}$"
)
PEOPLE_WHOSE_BEFORE = CaselessPattern(
    r"\b(?:patients|people|adults|women|men|participants|individuals|those)\s+whose\s+$"
)
TRIAL_IN_BEFORE = CaselessPattern(r"\b(?:trial|study|pilot)\b[^.;]{0,60}\bin\s+(?:[\w-]+,?\s+){0,2}$")
CONTROLS_BEFORE = CaselessPattern(r"\b(?:recovered|healthy|controls?|matched)\b[^.;]{0,30}$")
# The illness that came before ("POTS began after COVID-19"): not what the people have now.
ONSET_BEFORE = CaselessPattern(r"\b(?:after|following|recovered from|triggered by|caused by)\s+(?:[\w-]+\s+){0,2}$")
IMPLICIT_TARGET = CaselessPattern(r"\b(?:support|boost|enhance|counter|acting on|act on)\b")
PEOPLE_AFTER = CaselessPattern(r"^\s*(?:patients|participants|cohort|sufferers|cases|subjects|population)\b")

# A condition named as a drug's indication ("approved for treating multiple myeloma").
INDICATION_BEFORE = CaselessPattern(
    r"(?:\b(?:approved|used|indicated|licensed|prescribed|market) (?:\w+ )?for(?: treating| the treatment of)?"
    r"|\bfor treating|\bused to treat|\ba drug used for|\btreatment of)\s+(?:\w+[\s,-]+){0,4}$"
)

# "Other conditions like X", "conditions such as X": comparison, not the people studied.
COMPARISON_BEFORE = CaselessPattern(
    r"\b(?:like|such as|similar to|resembl\w*|other (?:\w+ ){0,2}conditions?|as in|than in)\s+(?:\w+[\s,-]+){0,3}$"
)

# A comparison group: "compared them with 107 healthy volunteers and 46 people with MS", "versus people with MS".
COMPARATOR_BEFORE = CaselessPattern(
    r"\b(?:compar\w*(?: [\w/-]+){0,8}? (?:with|to|against) [^.;:]{5,120}|(?:versus|vs\.?) (?:\w+ ){0,2}?(?:with )?)$"
)

# A drug named as what the tested drug was compared with ("no better than infusions of albumin",
# "versus standard care"): the comparator, not a drug the trial tests.
COMPARATOR_DRUG_BEFORE = CaselessPattern(
    r"\b(?:(?:no |not |any )?(?:better|worse|more effective|superior|inferior) than|versus|vs\.?|against|"
    r"compared (?:with|to)|rather than|instead of|comparator,?)\s+(?:[\w-]+\s+){0,2}?(?:of |with )?$"
)

DIRECTION_CUES: list[tuple[Direction, CaselessPattern]] = [
    (
        Direction.UNCHANGED,
        CaselessPattern(
            r"\b(?:no (?:significant |statistically significant )?(?:difference|change)s?|did not differ|"
            r"unchanged|not (?:significantly )?(?:different|altered|elevated|reduced)|similar (?:levels|to)|"
            r"normal levels|comparable|no more common|no less common|no different|unremarkable|matched those of|"
            r"within (?:the )?normal range|were normal|was normal)\b"
        ),
    ),
    (
        Direction.ELEVATED,
        CaselessPattern(
            r"\b(?:elevat\w*|higher|increas\w*|raised|greater|larger|bigger|excess\w*|upregulat\w*|up-regulat\w*|"
            r"high levels|rose|risen|rising|climbed|enriched|overactiv\w*|enlarged|stayed high|remained high|"
            r"more (?:common|frequent|abundant|numerous|plentiful))\b"
        ),
    ),
    (
        Direction.REDUCED,
        CaselessPattern(
            r"\b(?:reduc\w*|lower|decreas\w*|depleted|diminish\w*|smaller|fewer|deficien\w*|downregulat\w*|"
            r"down-regulat\w*|low levels|impaired|fell|fall|falls|fallen|falling|declin\w*|shrank|drop\w*|"
            r"blunted|weaker|poorer|loss of|scarce|sparse|sparser|depletion|(?:were|was|stayed|remained) low|"
            r"less (?:common|frequent|abundant|numerous)|scarcer|rarer|shrinkage|shrinking|thinning|atrophy)\b"
        ),
    ),
    (
        Direction.ALTERED,
        CaselessPattern(
            # "a combination of IFN-β, PTX3 and IL-6 that separated patients from controls"
            r"\b(?:alter\w*|abnormal\w*|dysregulat\w*|differ\w*|distinct|shift\w*|separated|"
            r"distinguished|discriminated|told (?:them )?apart)\b"
        ),
    ),
]

# Other people's findings, told as background ("Several studies had found slightly low cortisol").
EARLIER_FINDINGS = CaselessPattern(
    r"^(?:[\w,-]+\s+){0,3}(?:several|earlier|previous|prior|other|many|some|past) "
    r"(?:studies|reports|groups|teams|work)\b"
    r"|\b(?:studies|reports|research) (?:had|have) (?:long )?(?:found|reported|shown|suggested)\b"
)

# A drug named as the reason for the study, not given in it ("Prompted by reports that rituximab helped").
BACKGROUND_BEFORE = CaselessPattern(
    r"\b(?:prompted|inspired|motivated) by\b[^.;]*$"
    r"|\b(?:reports?|studies|anecdotes|observations) (?:that|of|suggesting)\b[^.;]*$"
)

MEASURE_CUE = CaselessPattern(
    r"\b(?:measur\w*|level[s]?|concentrations?|compar\w*|found|assess\w*|quantif\w*|analy[sz]\w*|"
    r"profil\w*|counts?|activity|samples?|detected|showed|had)\b"
)

DESIGN_CUES: list[tuple[StudyDesign, CaselessPattern]] = [
    (StudyDesign.META_ANALYSIS, CaselessPattern(r"\bmeta-analys[ie]s|systematic review\b")),
    (StudyDesign.REVIEW, CaselessPattern(r"\b(?:this|the|a|narrative) review\b|\breviewed the literature")),
    (StudyDesign.HYPOTHESIS, CaselessPattern(r"\bhypothes[ie]s paper|theoretical|proposes? (?:a|that|an)\b")),
    (StudyDesign.GWAS, CaselessPattern(r"\bgenome-wide|\bGWAS\b|\bgene variants|\bgenetic (?:association|variants)")),
    (
        StudyDesign.MODEL_SYSTEM,
        CaselessPattern(r"\bmodel system|\banimal model|\bmouse model|\bin mice\b|\bin vitro\b"),
    ),
    (
        StudyDesign.RCT,
        CaselessPattern(r"\brandomi[sz]ed|\bplacebo-controlled|\bdouble-blind(?:ed)?\b|\bRCT\b"),
    ),
    (StudyDesign.OPEN_LABEL, CaselessPattern(r"\bopen-label|\bopen label|\buncontrolled trial")),
    (StudyDesign.PILOT, CaselessPattern(r"\bpilot\b")),
    (StudyDesign.CASE_REPORT, CaselessPattern(r"\bcase report|\bcase series|\bsingle patient")),
    (
        StudyDesign.CASE_CONTROL,
        CaselessPattern(
            r"\bcase[- ]control|\bhealthy (?:controls?|volunteers|people|women|men|individuals|participants|"
            r"subjects)|\bcompared (?:\w+ ){0,8}(?:with|to) (?:\d+ )?(?:healthy|matched|sedentary)|\bcontrols\b"
        ),
    ),
    (
        StudyDesign.COHORT,
        CaselessPattern(r"\bcohort study|\bprospective|\blongitudinal|\bfollowed (?:up )?(?:\w+ ){0,3}over"),
    ),
    (StudyDesign.CROSS_SECTIONAL, CaselessPattern(r"\bcross-sectional|\bsurvey\b")),
]

TRIAL_FEATURES: list[tuple[TrialFeature, CaselessPattern]] = [
    (TrialFeature.RANDOMIZED, CaselessPattern(r"\brandomi[sz]ed")),
    (TrialFeature.DOUBLE_BLIND, CaselessPattern(r"\bdouble-blind")),
    (TrialFeature.PLACEBO_CONTROLLED, CaselessPattern(r"\bplacebo")),
    (TrialFeature.CROSSOVER, CaselessPattern(r"\bcross-?over|\bwill be switched|\bswitched over")),
    (TrialFeature.OPEN_LABEL, CaselessPattern(r"\bopen-label|\bopen label")),
    (TrialFeature.PILOT, CaselessPattern(r"\bpilot\b")),
    (TrialFeature.MULTICENTRE, CaselessPattern(r"\bmulti-?cent(?:re|er)|\bmultisite|\bmulti-site")),
]

PHASE = CaselessPattern(r"\bphase[- ](I{1,3}V?|IV|[1-4][ab]?(?:\s*/\s*[1-4][ab]?)?)\b")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100})
SIZE = CaselessPattern(
    r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?:\w+[\s-]+){0,3}?"
    r"(?:patients|participants|adults|individuals|people|subjects|women|men|volunteers|children|cases)\b"
)


def phase_of(text: str) -> str | None:
    m = PHASE.search(text)
    if not m:
        return None
    raw = m.group(1).upper().replace(" ", "")
    return "/".join(_ROMAN.get(p, p) for p in raw.split("/")).lower()


def size_of(text: str) -> int | None:
    m = SIZE.search(text)
    if not m:
        return None
    raw = m.group(1).casefold().replace(",", "")
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


# A direction word right before the measure ("low antithrombin III", "more activated platelets",
# "raised serum IL-6") says what happened to it, whatever cue sits nearer on the other side.
_PREMODIFIER = [
    (Direction.REDUCED, CaselessPattern(r"\b(?:low|lower|reduced|decreased|diminished|depleted|fewer|less)\s+$")),
    (Direction.ELEVATED, CaselessPattern(r"\b(?:high|higher|raised|elevated|increased|more|greater|excess)\s+$")),
]
_PREMODIFIER_SKIP = re.compile(
    r"(?:\s*\b(?:serum|plasma|blood|circulating|urinary|resting|levels? of|numbers? of)\s+){1,2}$"
)


def direction_near(text: str, start: int, end: int) -> Direction | None:
    """The direction cue nearest to a mention, within its clause."""
    before = text[max(0, start - 40) : start]
    before = before[: len(before) - len(m.group())] if (m := _PREMODIFIER_SKIP.search(before)) else before
    for direction, pattern in _PREMODIFIER:
        if pattern.search(before):
            return direction
    lo = max(text.rfind(sep, 0, start) for sep in (";", " but ", " while ", " whereas ", ". "))
    hi_candidates = [i for i in (text.find(sep, end) for sep in (";", " but ", " while ", " whereas ")) if i != -1]
    hi = min(hi_candidates) if hi_candidates else len(text)
    clause_start = lo + 1 if lo >= 0 else 0
    # "A was raised, B was low": the comma-separated part that holds the mention speaks first
    part_start = max(clause_start, text.rfind(",", clause_start, start) + 1)
    part_end = text.find(",", end, hi)
    part_end = hi if part_end == -1 else part_end
    return _nearest(text, part_start, part_end, start, end) or _nearest(text, clause_start, hi, start, end)


def _nearest(text: str, lo: int, hi: int, start: int, end: int) -> Direction | None:
    span = text[lo:hi]
    best: tuple[int, Direction] | None = None
    for direction, pattern in DIRECTION_CUES:
        for m in pattern.finditer(span):
            distance = min(abs(m.start() + lo - start), abs(m.end() + lo - end))
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else None
