"""The wording news uses for trials, studies and their authors: the patterns and small pure helpers
that :mod:`loaders.news_subjects` reads sentences with.

>>> bool(TRIAL_NAME.search("The STOP-PASC trial")), bool(TRIAL_NAME.search("long COVID"))
(True, False)
"""

from __future__ import annotations

import re

from loaders.ascii import Twin
from loaders.leaders import CREDS
from loaders.prefilter import Prefiltered
from loaders.rules import Analysis
from loaders.text import CaselessPattern

# A trial's own name: STOP-PASC, RECOVER-AUTONOMIC, iSTAND, AMP-516.
TRIAL_NAME = Twin(re.compile(r"\b[A-Z][A-Za-z]*-[A-Z0-9][A-Z0-9-]+\b|\b[a-z][A-Z]{3,}\b"))
TRIAL_CUE = CaselessPattern(
    r"\btrials?\b|\bplatforms?\b|\bpilot\b|\bphase[- ]\d|\brandomi[sz]ed|\bplacebo|\bopen-label"
    r"|\bstud(?:y|ies) (?:of|comparing|testing|in which|that (?:tested|gave))"
)
# "trials of counseling therapies and of graded exercise therapy suggested benefit": a literature, not a trial
# (unless the clause also speaks of one trial, its phase, design or size)
LITERATURE = CaselessPattern(r"\b(?:trials|studies) (?:of|on|with|testing)\b")
ONE_TRIAL = CaselessPattern(
    r"\btrial\b|\bplatform\b|\bpilot\b|\bphase[- ]\d|\brandomi[sz]ed|\bplacebo|\bopen-label"
    r"|\bstudy (?:of|comparing|testing|in which|that (?:tested|gave))"
)
PLANNED = CaselessPattern(
    r"\bseeking (?:\w+ )?funding|\bplan(?:s|ned)? to|\bwill (?:test|perform|run|start|launch)|\bproposed"
    r"|\bhopes? to (?:start|run|test|launch)|\bplanned\b"
)
ONGOING = CaselessPattern(
    r"\binitiated|\blaunched|\bunderway|\bongoing|\brecruit\w*|\benrol+(?:ment|ing)|\bhas begun|\bwill receive"
    r"|\bis (?:testing|running|enrolling)|\bcurrently\b|\bnot (?:yet )?been (?:reported|published)"
)
COMPLETED = CaselessPattern(
    r"\bdid not (?:achieve|meet)|\bshowed|\bfound|\bwas associated|\bimproved|\bpublished|\bresults? (?:showed|were)"
    r"|\bdeemed|\bmissed|\bcompleted|\bfailed"
)
LEDE_TRIAL = CaselessPattern(
    r"\bphase[- ]\w+ (?:[\w-]+ ){0,3}?trial|\brandomi[sz]ed\b[^.;]{0,40}\btrial|\bplacebo-controlled"
)
# Clauses about different trials: "..., while ...", "...; ...", "X will ..., and RECOVER-AUTONOMIC will ..."
CLAUSE = re.compile(r",\s*(?:while|whereas|but)\s+|;\s*|,\s+and\s+(?=[A-Z][A-Za-z]*-[A-Z0-9][A-Z0-9-]+\b)")
AUTHOR_BEFORE = CaselessPattern(
    r"\b(?:(?:first-authored|first author(?:ed)?|authored|written) by|whose first author (?:is|was)|first author)"
    # "first author Ian Hickie", "first author, the psychiatrist X"; not "as first author and Lloyd as ..."
    r"\s*(?:(?!(?:and|with|while|but)\s)[a-z]+\s+){0,2}$"
)
AUTHOR_AFTER = CaselessPattern(
    # "with X as first author", "with X herself as ...", "with X of Karolinska Institutet as ..."
    rf"^{CREDS},?\s*(?:(?:(?:him|her|them)sel(?:f|ves)\s+)?"
    r"(?:(?:of|at|from)\s+(?:(?!\bwith\b|\band\b)[^,;.]){0,80}?\s+)?as (?:the )?first author"
    r"|(?:is|was) (?:also )?(?:the )?first author|et al|,\s*the (?:paper's |study's )?first author\b"
    # "X, MD, the study's lead clinical investigator and first author of the paper"
    r"|,\s*(?:[\w'-]+ ){0,8}?(?:and )?(?:the )?first author of the (?:paper|study|report|publication|article)"
    # "X of Y, the study's first author and senior investigator"
    r"|(?:,?\s+(?:of|at|from)\s+[^,;.]{0,80})?,\s*(?:the |its )?(?:study|paper|report)'s first author)"
)
STUDY_WORD = CaselessPattern(r"\b(?:study|paper|report|analysis|review|publication|article|work)\b")
# "X and colleagues", "X, MD, PhD, of Brigham and Women's Hospital and colleagues"
COLLEAGUES_AFTER = CaselessPattern(
    rf"^{CREDS}(?:,?\s+(?:of|at|from)\s+[^,;.]{{0,80}}?)?,?\s+(?:and (?:colleagues|co-workers|coworkers|"
    r"(?:his|her|their) (?:team|group))|et al)\b"
)
YEAR_PAPER = CaselessPattern(
    r"\b(?:a|an|the|(?P<pronoun>their|her|his)(?: (?:group|team|lab)'s)?) ((?:19|20)\d{2}) "
    r"(?:paper|study|review|publication|analysis|meta-analysis)\b"
)
PUBLISHED_STUDY = CaselessPattern(
    r"\b(?:study|paper|analysis|review)\b[^.]{0,40}\b(?:published|first-authored|led by)\b"
    # "it published a laboratory study in PLoS One"
    r"|\bpublished (?:a|an|its|their|his|her) (?:[\w-]+ ){0,2}(?:study|paper|analysis|review)\b"
)
# A published study counted off among the work of the person talked about ("In the first, ...",
# "The second, an open-label phase 2 study published in 2015, ...").
THEIR_STUDY = re.compile(r"^(?:In )?(?:the|their|his|her) (?:first|second|third|earlier|later|latest|next)\b", re.I)
ARMS = CaselessPattern(r"\b(?:interventions?|arms?|treatments?|will (?:test|study|start|compare|give))\b")
ANOTHER = re.compile(
    r"^\s*(?:In )?(?:the |a |its |their |his |her )?(?:second|third|fourth|another|new|later|follow-up)\b", re.I
)
TRIAL_WORD = CaselessPattern(r"\btrial'?s?\b")
TRIAL_DESIGN = CaselessPattern(r"\brandomi[sz]ed|\bplacebo|\bopen-label|\bphase[- ]\d|\btrial\b")
GROUP_STUDY = re.compile(
    r"\b(?:earlier|later|previous|follow-up|second|new)\b[^.;]{0,30}\b(?:study|paper)\b[^.;]{0,20}\b(?:from|by) "
    r"(?:the|that|this|his|her|their) (?:same |[A-Z][\w-]+ )?(?:group|team|lab|laboratory)\b"
)
THIS_PHASE = re.compile(
    r"^(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?phase\b|^Listed as an?\s+(?:[\w-]+\s+){0,2}?phase\b"
    r"|^(?:It|The (?:trial|study)),?\s+(?:is |was )?an?\s+(?:[\w-]+\s+){0,2}?phase\b"
)
# "A year later, in a trial published in Medicina, the same team ...": the team of the paper told before
SAME_TEAM = CaselessPattern(r"\bthe same (?:team|group|researchers|authors|investigators)\b")
YEARS_LATER = re.compile(r"\b(a|one|two|three|four|five) years? later\b", re.IGNORECASE)
YEARS = ("a", "one", "two", "three", "four", "five")
# "In a post hoc analysis published in PLOS ONE in 2020, the company's chief medical officer David Strayer,
# with Diane Young and William Mitchell, split ...": the people right after the opening wrote it
PUBLISHED_OPENING = re.compile(
    r"^In (?:a|an|the|their|his|her|its) [^,;]{0,120}?\b(?:published|reported|appeared)\b[^,;]{0,80},\s+"
    r"(?:[\w']+\s+){0,5}?(?=[A-Z])"
)
PUBLISHED_WORD = CaselessPattern(r"\bpublished\b")
# "Gabriela Gonzalez-Aleman, a professor at ..., reported on 766 adults": a presenter's own study
PRESENTED = CaselessPattern(
    r"\b(?:reported on|presented (?:data|results|findings) (?:on|from)|presented (?:a|her|his) study of)\b"
)
# "they showed", "she reported": the people the article is talking about
PRONOUN_SUBJECT = CaselessPattern(r"\b(?:they|he|she)\b")
# "In a study he published with Andrew Chia in ...": the person talked about wrote it
PRONOUN_PUBLISHED = CaselessPattern(r"\b(?:he|she|they) (?:published|reported|described)\b")
# "their most recent study", "her new paper": the work of the person talked about
THEIR_WORK = CaselessPattern(
    r"\b(?:their|his|her)(?: (?:group|team|lab)'s)? (?:most recent |latest |new |own )?(?:study|paper)\b"
)
# "In the other 133 — ill for less than two years ...", "In the 75 who had been sick ...": a subset of the
# participants, whose result is not the trial's
SUBGROUP = re.compile(r"^(?:In|Among) the (?:other |remaining )?\d[\d,]*\s*(?:who\b|—|–|-|,|\()")
THE_TRIAL = CaselessPattern(r"\b(?:the|this|that) trial\b")
# "The results were published in The Lancet Infectious Diseases in June 2023": of the trial just told
RESULTS_PUBLISHED = CaselessPattern(
    r"^(?:the|its|their) (?:full |final )?(?:results|findings) (?:were|have been|was) published\b"
)
# "two studies published together in Cell Host & Microbe in 2023": several papers, each told after
PAPERS = CaselessPattern(
    r"\b(?:two|three|four|several|both|a pair of) (?:[\w-]+ ){0,2}?(?:studies|papers|reports)"
    r" (?:[\w-]+ ){0,2}?(?:published|appeared|came out)\b"
)
THAT_PAPER = re.compile(r"^(?:That|This|The) (?:report|paper|study|publication|article)\b")
MONTHS = ("january february march april may june july august september october november december").split()
# "in 2017", "in June 2017", "in early 2013"
IN_YEAR = re.compile(
    r"\b[Ii]n (?:(?:early|late|mid-?|the spring of|the summer of|the autumn of|the fall of|the winter of)\s*|"
    rf"(?:{'|'.join(m.capitalize() for m in MONTHS)})\s+)?"
    r"((?:19|20)\d{2})\b"
)
LAST_YEAR = CaselessPattern(r"\b(?:last year|the previous year|a year (?:earlier|before|ago))\b")
LAST_MONTH = CaselessPattern(rf"\blast ({'|'.join(MONTHS)})\b")
# "last summer" in a May article is the year before; the season's last month decides, like a month's
LAST_SEASON = CaselessPattern(r"\blast (spring|summer|autumn|fall)\b")
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
# "... and reported in PeerJ", "published in Clinical Infectious Diseases": a paper, whatever it is called
IN_JOURNAL = Prefiltered(
    re.compile(
        r"\b(?:[Rr]eported|[Pp]ublished|[Dd]escribed|[Aa]ppeared|[Ww]riting|wrote)\s+(?:[a-z]+\s+){0,2}in\s+(?:the\s+)?(?:[Jj]ournal\s+)?[A-Z]"
    )
)
NAMED = Prefiltered(
    re.compile(
        # "the LIINC study", "the Long-term Impact of ... (LIINC) study": the short name
        r"(?:\((?P<short>[A-Z][A-Z0-9-]{2,})\)|\b(?:the )?(?:(?:recent|landmark|large|major|new|international)\s+)*"
        r"(?P<name>[A-Z][\w-]*(?:[ -][A-Z][\w-]*){0,3}))\s+(?P<kind>study|cohort|project)\b"
    )
)
# "the paediatrician X is leading NorCAPITAL, the Norwegian Study of Chronic Fatigue Syndrome in Adolescents":
# a project introduced by its leader, its short name, then its long one
LED_PROJECT = Prefiltered(
    re.compile(
        r"\b(?:is leading|leads|led|runs|ran|coordinates|heads) (?:(?P<name>[A-Z][A-Za-z0-9-]{3,}), (?:the|a|an) "
        r"[^.;]{0,140}?\b(?:Study|Trial|Project|Cohort|Programme)\b"
        # "leads the Dubbo Infection Outcomes Study": a name in capitals that ends in its kind
        r"|the (?P<title>(?!(?:Phase|The|This|That)\b)[A-Z][\w-]*(?: [A-Z][\w-]*){1,5} "
        r"(?:Study|Project|Cohort|Programme))\b)"
    )
)
ROMAN = re.compile(r"[IVX]+")  # "the original phase III study": a phase, not a name
# "the Argentine cohort", "a Norwegian study": where it was done, not its name
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ine|ese|ish|ch)")
NOT_NAME = frozenset(
    "The A This That Phase One In Our Their Her His New Nature Neither Either Each Both Every Another Any "
    "MRI PET EEG fMRI CT DNA RNA".split()
)
# "Run at four centres, including Stanford, it assigned patients to ...": the trial as the subject.
IT_AFTER_OPENING = re.compile(r"^[^.;]{0,160}?,\s+it\s+(?!is\b|was\b)[a-z]+ed\b")
PROGRAMME = CaselessPattern(r"\b(?:programme|program|study)\b")
# A clause about a new arm of the trial just described ("the trial moved on to the statin").
SAME_TRIAL = CaselessPattern(
    r"\b(?:the|this|that) trial (?:then |later |next )?(?:moved on|switched|went on|turned|added|continued)\b"
    r"|\b(?:the|a|its|another|second|new) (?:\w+ )?arm\b"
)
CONTINUES = re.compile(
    r"^(?:They|Their|The (?:\w+ ){0,2}(?:study|authors|researchers|team|group|paper|review|trial|treatment|drug|"
    r"results?|investigators)|It|Its|In (?:the|that) (?:study|trial)|At \d+|After \d+|Over|By the end)\b"
)
OTHER = CaselessPattern(
    r"^(?:Other|Another|Previous|Earlier|Separate|Several|Many|Some|(?:The|A) (?:second|third|other)) (?:\w+ )?"
    r"(?:studies|study|work|trials?|research|paper)\b"
    # "A team led by X ...", "A group in Adelaide ...": someone new
    r"|^(?:A|An|Another) (?:[\w-]+ ){0,2}(?:team|group|lab|laboratory)\b"
)
RESEARCH_VERB = CaselessPattern(
    r"\b(?:found|measured|showed|exposed|applied|tested|compared|analy[sz]ed|sampled|scanned|recruited|"
    r"examined|studied|profiled|sequenced|followed)\b"
)
FINDING = CaselessPattern(
    r"\b(?:found|showed|had|linked|sign of|evidence|suggest\w*|point\w* to|associated|"
    r"consistent with|pattern|interpret\w*|argu\w*|reason\w*|propos\w*|conclu\w*|reading|explain\w*|"
    r"hypothes\w*|believ\w*|(?:markedly |significantly |much )?(?:smaller|larger|higher|lower|weaker|greater) in)\b"
)
RESULT_WORDS = CaselessPattern(
    r"\b(?:groups?|placebo|arms?|treatment|response|responders?|endpoint|outcome|patients)\b"
)
# "a study published in May in EClinicalMedicine": a month without a year is the article's year (or the
# year before, for a month later than the article's)
PUBLISHED_MONTH = re.compile(
    rf"\bpublished (?:\w+ ){{0,2}}?in ({'|'.join(m.capitalize() for m in MONTHS)})\b(?!,? (?:19|20)\d{{2}})"
)


def study_name(m: re.Match[str]) -> str | None:
    if m["short"]:
        return m["short"]
    words = m["name"].split()
    if words[0] in NOT_NAME or ROMAN.fullmatch(words[0]) or (len(words) == 1 and DEMONYM.fullmatch(words[0])):
        return None
    return m["name"]


def trial_names(a: Analysis, start: int = 0, end: int | None = None) -> set[str]:
    """Trial names in a sentence or a part of it ("HEAL-COVID"), not vocabulary terms of the same shape
    ("COVID-19")."""
    return {
        m.group()
        for m in TRIAL_NAME.finditer(a.text, start, len(a.text) if end is None else end)
        if not any(x.start <= m.start() and m.end() <= x.end for x in a.mentions)
    }


# "Younger wrote the paper with his Stanford colleague Sean Mackey": everyone named wrote it
WROTE_PAPER = CaselessPattern(r"\b(?:wrote|co-wrote|co-authored|authored) the (?:paper|report|article|study)\b")


def relative_year(text: str, year: int, month: int | None) -> int:
    """The year of "published last year" or "last August" in an article of ``year`` (and ``month``)."""
    if LAST_YEAR.search(text):
        return year - 1
    m = LAST_MONTH.search(text)
    if m and month is not None and MONTHS.index(m.group(1).lower()) + 1 >= month:
        return year - 1  # "last August" in a June article
    season = LAST_SEASON.search(text)
    if season and month is not None and _SEASON_END[season.group(1).lower()] >= month:
        return year - 1
    return year
