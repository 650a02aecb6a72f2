"""Where the researchers a news sentence names work: the institution forms journalists use.

- an appositive after the name: "X, MD, professor at Y", "X of Y", "X (Y)", "X, who directs the Z at Y";
- a title right after an institution: "Yale's Akiko Iwasaki", "Acting NIH Director Lawrence Tabak";
- a group run from a place: "the trial run from Yale School of Medicine by Harlan Krumholz and ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.builder import DocBuilder
from loaders.matcher import vocabulary_matcher
from loaders.people import AND_NAME, CREDENTIALS, Hit, coordinated, institution_spans, institutions_in
from loaders.prefilter import may_contain, needles
from ontology.enums import NodeLabel, RelType, Section
from ontology.model import NodeBase

_APPOSITIVE = re.compile(
    # not the sentence's verb: "X, MD, was among the leaders of ..." says nothing about where X works
    r",\s+(?!(?:was|is|were|are|has|had|have|said|says|will|would|told|spoke|presented|and|but)\b)"
    r"(?:[a-z]|the |of |at |[A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:of|at|and)\b|Senior|Director|Chief|Head|Professor|"
    r"Associate|Assistant)|\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]|\s+\((?:the\s+)?[A-Z]"
)
# Where an appositive stops being about the person: speech, or a relative clause about something else.
_APPOSITIVE_END = re.compile(
    r"\s+(?:said|says|told|which|where|when|added|noted|explained)\b|;"
    r"|\bwho (?!(?:also )?(?:leads|led|directs|directed|heads|headed|runs|ran|works|worked|is|was|holds|chairs|"
    r"founded|co-founded|co-directs)\b)"
)
_TITLE_WORDS = frozenset(
    "acting former deputy associate assistant senior chief head lead principal director professor prof prof. dr dr. "
    "researcher scientist investigator immunologist neurologist cardiologist physician physiologist biologist "
    "geneticist epidemiologist psychiatrist rheumatologist virologist pediatrician paediatrician biochemist "
    "colleague colleagues researchers scientists investigators immunologists neurologists physicians "
    "psychologist psychologists psychiatrists virologists epidemiologists".split()
)
_RUN_FROM = (
    re.compile(r"\b(?:run|led|conducted|coordinated|based) (?:from|at) (?P<inst>[^,;]{3,80}?) by\s+(?P<who>[^;]*)"),
    # "Cornell's center is led by molecular biologist Maureen Hanson"
    re.compile(
        r"(?P<inst>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,5})'s (?:[a-z-]+ ){0,2}(?:center|centre|team|group|lab|laboratory|"
        r"trial|study|program|programme|unit|clinic) (?:is |was |has been )?(?:led|run|headed|directed) by\s+"
        r"(?P<who>[^;]*)"
    ),
)
# Work placed at an institution and then its leader: "a second study from The Jackson Laboratory in
# Farmington, led by microbiome researcher Julia Oh", "the Life Improvement Trial (LIFT) at Brigham and Women's
# Hospital in Boston, led by pulmonologist David Systrom".
_WORK_AT_LED_BY = re.compile(
    r"\b(?i:study|trial|work|project|programme|program|cohort|team|group|unit)\b[^,;]{0,40}? (?:at|from) "
    r"(?P<inst>[^;]{3,90}?),?"
    r" (?:led|run|headed|directed|overseen) by\s+(?P<who>[^;]*)"
)
# Every match of these contains " by" or "'s " (loaders.prefilter), which most sentences lack.
_RUN_FROM_WORDS = tuple(needles(p.pattern) for p in _RUN_FROM)
_WORK_AT_WORDS = needles(_WORK_AT_LED_BY.pattern)
_AT_WORDS = ("At ", "at ", "From ", "from ")
# "Peter Rowe's group at Johns Hopkins University", "his team at ..." is left to the pronoun rules.
_GROUP_AT = re.compile(
    r"'s (?:[\w-]+,? ){0,4}?(?:group|team|lab|laboratory|Laboratory|clinic|unit) (?:at|of|in) (?P<inst>[^,;]{3,90})"
    # "Inger Johanne Bakken and colleagues at the Norwegian Institute of Public Health"
    r"| and (?:(?:his|her|their) )?(?:colleagues|co-workers|coworkers|team|group) (?:at|of|from) (?P<with>[^,;]{3,90})"
)
# "At Newcastle University in England, Cara Tomas and colleagues measured ...", also opening a clause: "...;
# and at the Jackson Laboratory in Connecticut, the immunologist Derya Unutmaz and ... are tracing ..."
_AT_OPENING = re.compile(
    r"(?:^|;\s+(?:and\s+)?)(?:[Aa]t|[Ff]rom) (?P<inst>[^,;]{3,90}), (?P<role>(?:the |a |an )?(?:[a-z-]+ ){0,3})"
)
# "The National Institute of Neurological Disorders and Stroke, directed by Walter Koroshetz, ..."
_DIRECTED_BY = re.compile(r",\s+(?:directed|headed|led|chaired|run) by\s+(?:[a-z]+\s+){0,3}")
# "At Y, the vascular research unit run by X and Professor Z tested ...": the people after "by"
_RUN_BY_BEFORE = re.compile(r"^[^,;]{0,60}\b(?:run|led|headed|directed) by\s+(?:[a-z]+\s+){0,3}$")
# "Griffith University on the Gold Coast, where Professor X leads ...": the place the clause is about
_WHERE_BEFORE = re.compile(r",\s+where\s+(?:(?:Professor|Prof\.?|Dr\.?|[a-z]+)\s+){0,2}$")
# "The director of the Center for Infection and Immunity at Columbia University, W. Ian Lipkin, ..."
_ROLE_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:the |a |an )?(?:[\w-]+ ){0,3}?(?:director|professor|head|chief|founder|leader|"
    r"researcher|scientist|investigator|chair|dean|president|physician|immunologist|neurologist|cardiologist)s?"
    r"(?P<span> (?:of|at|in|from) [^;]{3,150}?),\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Affiliation:
    person: NodeBase
    surface: str
    vocab_id: str | None
    form: str  # which of the forms above: appositive, role_before, title, run_from


def affiliations_in(text: str, hits: list[Hit]) -> list[Affiliation]:
    """Every (person, institution) the sentence states, in the forms listed in the module docstring."""
    out: list[Affiliation] = []
    intros = [h[0] for h in hits if h[3]]
    for i, (start, end, person, _) in enumerate(hits):
        rest_end = min([x for x in intros if x > start] + [end + 160, len(text)])
        rest = text[end:rest_end]
        cred = CREDENTIALS.match(rest)
        after = rest[cred.end() :] if cred else rest
        if _APPOSITIVE.match(after):
            after = _APPOSITIVE_END.split(after)[0]
            found = institutions_in(after)
            out += [Affiliation(person, s, v, "appositive") for s, v in found]
            if (
                i
                and AND_NAME.match(text[hits[i - 1][1] : start])
                and after.lstrip().startswith(("of ", "at ", "from "))
            ):
                out += [Affiliation(hits[i - 1][2], s, v, "appositive.pair") for s, v in found]  # "X and Y of Z"
        role = _ROLE_BEFORE.search(text, 0, start)
        if role:
            spans = institutions_in(role["span"])
            # "Two researchers from the CDC, X and Y, ...": both
            out += [Affiliation(p, s, v, "role_before") for p in coordinated(text, hits, start) for s, v in spans]
    out += _titled(text, hits)
    out += _run_from(text, hits)
    out += _work_places(text, hits)
    return out


def _work_places(text: str, hits: list[Hit]) -> list[Affiliation]:
    """ "X's group at Y"; "At Y, X and colleagues ..."; "a study from Y, led by X"."""
    out: list[Affiliation] = []
    for _, end, person, _ in hits:
        group = _GROUP_AT.match(text, end)
        if group:
            out += [Affiliation(person, s, v, "group_at") for s, v in institutions_in(group["inst"] or group["with"])]
    for opening in _AT_OPENING.finditer(text) if may_contain(_AT_WORDS, text) else ():
        first = next((h for h in hits if h[0] >= opening.start("role")), None)
        if first is None:
            continue
        if first[0] == opening.end() or _RUN_BY_BEFORE.match(text[opening.end("inst") + 2 : first[0]]):
            found = institutions_in(opening["inst"])
            out += [Affiliation(p, s, v, "at_opening") for p in coordinated(text, hits, first[0]) for s, v in found]
    # (the institutions are looked for only when the sentence says "directed by": most do not)
    for start, end in institution_spans(text) if hits and _DIRECTED_BY.search(text) else ():
        directed = _DIRECTED_BY.match(text, end)
        if directed:
            found = institutions_in(text[start:end])
            who = coordinated(text, hits, directed.end())
            out += [Affiliation(p, s, v, "directed_by") for p in who for s, v in found]
    for start, _, person, _ in hits:
        where = _WHERE_BEFORE.search(text, 0, start)
        if where and where.end() == start:
            found = institutions_in(text[max(0, where.start() - 120) : where.start()])
            out += [Affiliation(person, s, v, "where") for s, v in found[-1:]]
    for m in _WORK_AT_LED_BY.finditer(text) if may_contain(_WORK_AT_WORDS, text) else ():
        found = institutions_in(m["inst"])
        out += [Affiliation(p, s, v, "work_at") for p in coordinated(text, hits, m.start("who")) for s, v in found]
    return out


def add_affiliations(
    b: DocBuilder, text: str, hits: list[Hit], evidence: str, line: int, section: Section, source: str, conf: float
) -> None:
    """AFFILIATED_WITH edges for the sentence ``text`` (rule ``<source>.<form>.affiliation``); an
    institution the vocabularies lack is a candidate node, 0.3 less sure."""
    for aff in affiliations_in(text, hits):
        if aff.vocab_id:
            inst, c = b.term(NodeLabel.INSTITUTION, aff.vocab_id, aff.surface), conf
        else:
            inst, c = b.candidate(NodeLabel.INSTITUTION, aff.surface), conf - 0.3
        rule = f"{source}.{aff.form}.affiliation"
        b.edge(RelType.AFFILIATED_WITH, aff.person, inst, evidence, line, section, rule, c)


def _titled(text: str, hits: list[Hit]) -> list[Affiliation]:
    """An institution, then only title words, then the name: "Yale's Akiko Iwasaki"."""
    out: list[Affiliation] = []
    institutions = [
        (m.end, m.text, ref.term_id)
        for m in vocabulary_matcher().find(text)
        if (ref := m.ref(NodeLabel.INSTITUTION)) is not None
    ]
    for start, _, person, _ in hits:
        for inst_end, surface, vocab_id in institutions:
            gap = text[inst_end:start]
            if not 0 < len(gap) <= 60:
                continue
            words = gap.removeprefix("'s").split()
            if gap[:1] in (" ", "'") and all(w.lower().rstrip(",") in _TITLE_WORDS for w in words):
                out.append(Affiliation(person, surface, vocab_id, "title"))
    return out


def _run_from(text: str, hits: list[Hit]) -> list[Affiliation]:
    """The people right after "run from Y by" or "Y's center is led by" work at Y."""
    out: list[Affiliation] = []
    for pattern, words in zip(_RUN_FROM, _RUN_FROM_WORDS, strict=True):
        m = pattern.search(text) if may_contain(words, text) else None
        if not m:
            continue
        found = institutions_in(m["inst"])
        out += [
            Affiliation(person, surface, vocab_id, "run_from")
            for person in coordinated(text, hits, m.start("who"))
            for surface, vocab_id in found
        ]
    return out
