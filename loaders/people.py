"""People in news prose: introductions ("Carmen Scheibenbogen, MD, director of ..."), later mentions
by surname or pronoun, and the institutions named in their appositive.

>>> intros = find_introductions("said Luis Nacul, MD, PhD, professor at the University of British Columbia.")
>>> [(p.name.display, p.end) for p in intros]
[('Luis Nacul', 15)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.ascii import Twin
from loaders.matcher import vocabulary_matcher
from loaders.prefilter import may_contain, needles
from loaders.text import CaselessPattern
from ontology.enums import NodeLabel
from ontology.identity import PersonName, parse_full_name
from ontology.model import NodeBase

_CREDENTIAL = (
    r"(?:MD|PhD|DPhil|MBBS|MBChB|DO|DSc|ScD|MSc|MPH|RN|FRCP|FRACP|DrPH|PharmD|MA|BSc|MS|DNP|NP|PA-C|FRCPC|MRCP|"
    r"DDS|DMD|DVM|MBA|MHS|MMSc|FACP|FAAN)"
)
CREDENTIALS = Twin(re.compile(rf",\s+{_CREDENTIAL}\b(?:,\s+{_CREDENTIAL}\b)*"))
# On lower-cased text (CaselessPattern): as IGNORECASE, several times faster; only match starts are used.
# The alternatives after a comma, and those after a space, share one "\s+": tried once at each space
# instead of once for each of them (a third faster). A space run is matched whole either way, as no
# alternative after it starts with a space, so the matches are the same.
_ROLE = CaselessPattern(
    # ", a professor", ", the study's lead investigator"; not "Gold Coast, where Professor X ..."
    r",\s+(?:(?:a |an |the )?(?:(?!where |which |when )[\w'-]+ ){0,4}?"
    r"(?:professor|director|chief|head|lead|leader|researcher|investigator|"
    r"scientist|fellow|physician|clinician|consultant|immunologist|neurologist|cardiologist|pulmonologist|"
    r"epidemiologist|physiologist|biochemist|geneticist|founder|president|chair|member|co-organizer|dean|collaborator|"
    r"specialist|author|doctor|expert|psychiatrist|psychologist|[a-z]+(?:ologist|ician|scientist|statistician)|"
    r"who (?:leads|led|directs|heads|runs|ran))\b"
    # "Laura Anne Wortinger, working in the paediatric group of ..."
    r"|(?:working|based) (?:in|at|with)\b)"
    # "with Dorottya Nagy-Szakal as first author"
    r"|\s+(?:(?:(?:him|her|them)sel(?:f|ves)\s+)?as (?:the )?(?:first|lead|senior|last|corresponding) author\b"
    r"|as (?:the |its )?(?:chief|principal|lead) investigator\b"
    # "where Carl-Gerhard Gottfries led the programme"
    r"|(?:leads|led|heads|headed|runs|ran|directs|directed) (?:the|this|that) (?:programme|program|trial|study|"
    r"team|group|lab|laboratory|unit|work|project)\b"
    # "Cara Tomas and colleagues measured", "Betty Raman's group in Oxford"
    r"|(?:and (?:colleagues|co-workers|coworkers)|et al)\b)|'s (?:group|team|lab|laboratory)\b",
)
# "Dr Jane Doe", "Prof. Shai Efrati", "first-authored by Elisa Stein", "run by ophthalmologist Bettina
# Hohberger", "led by molecular biologist Maureen Hanson", "first author Ludovic Giloteaux".
_NAME_AFTER = Twin(
    re.compile(
        r"\b(?:Dr|Prof|Professor)\.?\s+"
        r"|\b(?:led|run|authored|first-authored|conducted|headed|co-led|directed|coordinated|carried out|performed|"
        r"overseen|supervised) by\s+(?:[a-z]+\s+){0,3}"
        r"|\b(?:first|lead|senior|last) author\s+(?:(?:is|was)\s+)?(?:[a-z]+\s+){0,2}"
        # "including pulmonologist David Systrom", "psychiatrist Ian Hickie", "his Stanford colleague Sean Mackey",
        # "the nurse researcher Marie-Claire Seeley", "the cardiologists Linda van Campen and Frans Visser"
        r"|\b(?:[a-z]+(?:ologist|ician|iatrist|scientist)|colleague|collaborator|co-author|coauthor|researcher|"
        # "the physicist Leighton Barnden", "the biomedical engineer Zack Shan"
        r"specialist|officer|[a-z]+ists?|engineers?|nurses?)"
        r"(?P<plural>s)?\s+"
    )
)
# "the cardiologists Linda van Campen and Frans Visser": the second name of a plural role too
_AND_NEXT = re.compile(r",?\s+and\s+")
# Literals one of which every match holds ("Dr", " by", " author", "ologist" ...); most sentences hold none,
# and the role-word branch backtracks through every lower-case word (4.5 -> 1.9 us a sentence).
_NAME_AFTER_WORDS = needles(_NAME_AFTER.pattern, max_count=16, min_length=2)
# "Virologist Graham Simmons": a capitalised role word opening a sentence is not a first name.
_ROLE_WORD = re.compile(r"^[A-Z][a-z]+(?:ologist|ician|iatrist|scientist)s?$")
_PARTICLE = frozenset({"van", "von", "der", "den", "de", "del", "da", "di", "du", "le", "la", "ten", "ter"})
_NOT_NAME = frozenset(
    "The In At And But With Meanwhile Now Professor Prof Dr Director Chief Senior Medical News Conference Research "
    "University Institute Hospital Center Centre Department Phase Both Her His Their Its This That These "
    "Scientific Advisory Board Committee Council Foundation Society Association Program Programme School Clinical "
    "Group Team Lab Laboratory Network Initiative Long Post Biobank Trial Study Institutet Universitet Universiteit "
    "Universität Université College Clinic Klinikum".split()
)


# A person named in a sentence: (start, end, researcher node, introduced in this sentence by full name).
Hit = tuple[int, int, NodeBase, bool]


@dataclass(frozen=True)
class Introduction:
    name: PersonName
    start: int
    end: int  # end of the name itself


_TOKEN = Twin(re.compile(r"[^\s,;:()\"]+"))
_TRAILING_CREDENTIALS = Twin(re.compile(rf"(?:,\s+{_CREDENTIAL}\b)+$"))


def _name_before(text: str, end: int) -> tuple[int, str] | None:
    """Walk back from ``end`` over capitalised tokens (and particles such as 'van der') that are
    separated by spaces only; credentials right before ``end`` ("Zimmerman, MD, MPH") are skipped."""
    creds = _TRAILING_CREDENTIALS.search(text, 0, end)
    if creds:
        end = creds.start()
    tokens = list(_TOKEN.finditer(text, 0, end))
    taken: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        gap = text[tok.end() : taken[-1].start() if taken else end]
        if gap.strip() or word.rstrip(".") in _NOT_NAME or word.endswith("'s") or _ROLE_WORD.match(word):
            break
        capital = word[0].isupper() and any(c.isalpha() for c in word)
        if capital or (word in _PARTICLE and taken):
            taken.append(tok)
            if sum(1 for t in taken if len(t.group().rstrip(".")) > 1) >= 4:
                break
            continue
        break
    while taken and taken[-1].group() in _PARTICLE:
        taken.pop()
    if len(taken) < 2:
        return None
    start = taken[-1].start()
    if _UNIT_OF.search(text, max(0, start - 40), start):  # "the Department of General Medicine at ..."
        return None
    return start, text[start : taken[0].end()]


_UNIT_OF = re.compile(
    r"\b(?:Department|Division|School|Faculty|Section|Unit|Institute|College|Centre|Center|Laborator(?:y|ies)|"
    r"Programme|Program|Clinic|Service)\s+(?:of|for)\s+(?:the\s+)?$"
)


def _name_after(text: str, start: int) -> tuple[int, str] | None:
    """Two to four capitalised tokens (particles allowed inside) starting at ``start``."""
    m = re.match(r"(?:(?:[^\W\d_][\w'.-]*|van|von|der|de|den)\s?){2,5}", text[start:])
    if not m:
        return None
    tokens: list[str] = []
    words = m.group().split()
    while words and words[0].rstrip(".") in ("Dr", "Prof", "Professor"):
        words.pop(0)
    for tok in words:
        if tok[0].isupper() and tok not in _NOT_NAME:
            tokens.append(tok)
            if tok.endswith(("'s", "’s")):  # "Jarred Younger's Neuroinflammation ... Laboratory": the name ends
                break
        elif tok in _PARTICLE and tokens:
            tokens.append(tok)
        else:
            break
    while tokens and tokens[-1] in _PARTICLE:
        tokens.pop()
    if tokens and tokens[-1].endswith(("'s", "’s")):  # "Betty Raman's group": the name, not the possessive
        tokens[-1] = tokens[-1][:-2]
    if len(tokens) < 2:
        return None
    raw = " ".join(tokens).rstrip(".,")
    return text.index(tokens[0], start), raw


# Every full name has two capitalised words in a row (particles allowed between): a cheap first test.
_TWO_CAPITALS = Twin(re.compile(r"[A-Z][\w'’.-]*\s+(?:(?:van|von|de|der|den|du|da|di|la|le|ten|ter)\s+)*[A-Z]"))


def find_introductions(text: str) -> list[Introduction]:
    """Full names introduced with credentials, a role, 'Dr', or as who led or wrote something."""
    found: dict[int, Introduction] = {}
    if not _TWO_CAPITALS.search(text):
        return []
    spans = institution_spans(text)
    for pattern in (CREDENTIALS, _ROLE, _SURNAME_AND_COLLEAGUES):
        for m in pattern.finditer(text):
            hit = _name_before(text, m.start())
            # not a place inside an institution's name: "University of California, San Francisco, and director"
            if hit and not any(a < hit[0] + len(hit[1]) and hit[0] < b for a, b in spans):
                start, raw = hit
                found.setdefault(start, Introduction(parse_full_name(raw), start, start + len(raw)))
    # "Trudie Chalder of King's College London": a name right before an institution
    for start, _ in spans:
        of = _OF_BEFORE.search(text, 0, start)
        hit = _name_before(text, of.start()) if of else None
        if hit and not any(a < hit[0] + len(hit[1]) and hit[0] < b for a, b in spans):  # not "Institute for X"
            at, raw = hit
            found.setdefault(at, Introduction(parse_full_name(raw), at, at + len(raw)))
    named = list(_NAME_AFTER.finditer(text)) if may_contain(_NAME_AFTER_WORDS, text) else []
    after = [(m.end(), bool(m.group("plural"))) for m in named]
    # "Two researchers from the US Centers for Disease Control and Prevention, Suzanne Vernon and William Reeves,"
    after += [
        (end + 2, True)
        for start, end in spans
        if text.startswith(", ", end) and _PLURAL_ROLE_FROM.search(text, max(0, start - 60), start)
    ]
    # "Yale's Akiko Iwasaki", "Acting NIH Director Lawrence Tabak": a name right after an institution
    after += [
        (g.end(), False)
        for m in vocabulary_matcher().find(text)
        if m.ref(NodeLabel.INSTITUTION) and (g := _TITLED.match(text, m.end))
    ]
    for pos, plural in after:
        hit = _name_after(text, pos)
        if hit:
            start, raw = hit
            found.setdefault(start, Introduction(parse_full_name(raw), start, start + len(raw)))
            joined = _AND_NEXT.match(text, start + len(raw)) if plural else None
            second = _name_after(text, joined.end()) if joined else None
            if second:
                at, raw = second
                found.setdefault(at, Introduction(parse_full_name(raw), at, at + len(raw)))
    # "Michael Peluso and Steven Deeks, MD, run ...": a full name joined to an introduced one by "and"
    for intro in list(found.values()):
        joined = _AND_BEFORE.search(text, 0, intro.start)
        hit = _name_before(text, joined.start()) if joined else None
        inside = hit and any(a < hit[0] + len(hit[1]) and hit[0] < b for a, b in spans)  # "King's College London and"
        if hit and not inside and not _ARTICLE_BEFORE.search(text, 0, hit[0]):  # not "The Chronic Fatigue and ..."
            at, raw = hit
            found.setdefault(at, Introduction(parse_full_name(raw), at, at + len(raw)))
    return sorted(found.values(), key=lambda i: i.start)


# "Claudia Kedor, Scheibenbogen and colleagues followed ...": the full name before a list ending in colleagues
_SURNAME_AND_COLLEAGUES = re.compile(
    r",\s+[A-Z][\w'-]+(?:,\s+[A-Z][\w'-]+)*,?\s+and (?:colleagues|co-workers|coworkers)\b"
)
_PLURAL_ROLE_FROM = re.compile(
    r"\b(?:researchers|scientists|investigators|colleagues|clinicians|physicians|[a-z]+(?:ologists|icians))\s+"
    r"(?:from|at|of)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)?$"
)
_AND_BEFORE = re.compile(r",?\s+and\s+$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|of|for|from|to|in|at|and)\s+$", re.IGNORECASE)
_OF_BEFORE = re.compile(r",?\s+(?:of|at|from)\s+(?:the\s+)?$")


def institution_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in vocabulary_matcher().find(text) if m.ref(NodeLabel.INSTITUTION)]
    return spans + [m.span() for m in _institution_matches(text)]


_TITLE = (
    r"(?:Acting|Former|Deputy|Associate|Assistant|Senior|Principal|Chief|Director|Professor|Prof\.?|"
    r"Dr\.?|acting|former|director|professor|researcher|scientist|investigator|immunologist|neurologist|"
    r"cardiologist|physician)\s+"
)
_TITLED = re.compile(rf"(?:'s\s+(?:{_TITLE})*|\s+(?:{_TITLE})+)(?=[A-Z][a-z])")


_DEPARTMENT = re.compile(
    r"^(?:the\s+)?(?:Department|Division|Section|Unit|Laboratory|Lab|Institute for|Institute of|"
    r"\w+ (?:Center|Centre)|Program|Group|School of|College of|Faculty of)",
    re.IGNORECASE,
)
# A capitalised word of an institution's name: not the owner of the next one ("University of Cambridge and
# Addenbrooke's Hospital"), a period only in an abbreviation ("Robert H. Lurie"), not the sentence's end.
_NAME_WORD = (
    r"[A-Z][\w&-]*+(?!'s(?:\s+[A-Z][\w&.-]*){0,3}?\s+(?:Hospital|Clinic|Institute|Center|Centre|Foundation)\b)"
    r"(?:\.(?=\s+[A-Z]))?"
)
INSTITUTION_PATTERN = Twin(
    re.compile(
        r"(?:[A-Z][\w.&-]*(?:'s)?\s+(?:(?:and|&)\s+(?=[A-Z]))?){0,5}(?:Universit(?:eit|ät|é|at|et|y)"
        r"(?:\s+[A-Z][a-z]+(?=[\s,.]|$))?|Hospital|Institute|Institutet|College|Center|Centre|Clinic|Foundation|"
        r"Laboratory)\b"
        # "... of Chicago", "... of Allergy and Infectious Diseases", but not into the next institution
        rf"(?:\s+(?:of|for|and|de|at)\s+(?:the\s+)?{_NAME_WORD}(?:\s+(?:and\s+)?{_NAME_WORD}){{0,4}})?"
        # a company's "of Mill Valley" is where it is, not its name
        r"|(?:[A-Z][\w.&-]*(?:'s)?\s+){1,5}(?:Pharmaceuticals|Therapeutics|Biosciences|Biotherapeutics|Biotech|"
        r"Biologics|Pharma)\b"
    )
)

# Every match names one of "University", "Hospital", "Institute", ...: most sentences name none, and
# the pattern, which can start at any capital, is slow to run (loaders.prefilter). Fifteen literals, more
# than needles' default: four sentences in five pass the two-capitals test, one in twenty holds one.
_INSTITUTION_WORDS = needles(INSTITUTION_PATTERN.pattern, max_count=16)


def _institution_matches(text: str) -> list[re.Match[str]]:
    return list(INSTITUTION_PATTERN.finditer(text)) if may_contain(_INSTITUTION_WORDS, text) else []


_OWNER = re.compile(r"^(.*?\b(?:Universit(?:y|eit|ät|é|et)|College|Hospital|Institutet))'s\s+(.+)$")


def institutions_in(span: str) -> list[tuple[str, str | None]]:
    """(surface, vocabulary id or None) for each institution named in an affiliation span.

    Departments and units are dropped when a university or hospital is named beside them.
    """
    found: list[tuple[int, int, str, str | None]] = []
    for mention in vocabulary_matcher().find(span):
        ref = mention.ref(NodeLabel.INSTITUTION)
        if ref is not None:
            found.append((mention.start, mention.end, mention.text, ref.term_id))
    for m in _institution_matches(span):
        a, b = m.span()
        if all(b <= s or a >= e for s, e, _, _ in found):
            owner = _OWNER.match(m.group())  # "Göteborg University's Institute of X": the university, and its unit
            if owner:
                found.append((a, a + owner.end(1), owner.group(1).strip(), None))
                found.append((a + owner.start(2), b, owner.group(2).strip(), None))
            else:
                found.append((a, b, m.group().strip(), None))
    has_parent = any(vid for *_, vid in found) or any(
        re.search(r"University|Hospital|Institutet", t) and not _DEPARTMENT.match(t) for _, _, t, _ in found
    )
    out = []
    for _, _, surface, vid in sorted(found):
        if vid is None and has_parent and _DEPARTMENT.match(surface):
            continue
        out.append((surface, vid))
    return out


# Between two people joined by "and": "X, MD, and immunologist Y", "X and Professor Y"
AND_NAME = re.compile(rf"^(?:{CREDENTIALS.pattern})?,?\s+and\s+(?:(?:[a-z]+|Professor|Prof\.|Dr\.?)\s+){{0,3}}$")


def coordinated(text: str, hits: list[Hit], pos: int) -> list[NodeBase]:
    """The person named at ``pos`` and those joined to them by "and": "by X, MD, and immunologist Y"."""
    people: list[NodeBase] = []
    last_end = -1
    for start, end, person, _ in hits:
        if start < pos:
            continue
        if people and not AND_NAME.match(text[last_end:start]):
            break
        if not people and text[pos:start].strip(" ,") and len(text[pos:start].split()) > 3:
            break
        people.append(person)
        last_end = end
    return people
