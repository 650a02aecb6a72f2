"""ME/CFS Atlas evidence entries → one Study with its authors, journal and claims.

An entry is: a header ``Authors · Journal · Year · DOI``; three paragraphs (what the study did or
found; why it matters; what it does not prove); an optional PEM badge line; boilerplate about the
badge; and sometimes a ``Primary citation`` line and a BibTeX block. The third paragraph never yields
a claim: it only helps classify the design.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from loaders import cues
from loaders.atlas_people import prose_people
from loaders.builder import DocBuilder
from loaders.drug_claims import back_targets, drug_segment, outcome_of, targets_of
from loaders.errors import ParseError
from loaders.matcher import TermRef
from loaders.prefilter import Prefiltered
from loaders.rules import (
    Analysis,
    acted_on,
    analyse,
    classify_design,
    impaired_near,
    in_passing,
    node_for,
    studied_after_covid,
    studied_conditions,
)
from loaders.text import sentences
from ontology.enums import DocKind, NodeLabel, Outcome, PemBadge, RelType, Section, StudyDesign, TrialStatus
from ontology.identity import (
    PersonName,
    node_id,
    normalize_doi,
    parse_person,
    same_person,
    study_id,
)
from ontology.model import Extraction, Journal, NodeBase, Researcher, Study, Trial

HEADER = re.compile(r"^(?P<authors>.+?) · (?P<journal>.+?) · (?P<year>\d{4})(?: · (?P<tail>.*))?$")
_BADGE = re.compile(r"^(?:PEM badge:\s*)?(PEM required|PEM not required|PEM unclear)\.?$", re.IGNORECASE)
_BOILERPLATE = (
    "About the PEM badge",
    "Primary citation",
    "BibTeX",
    "@",
    "Spotted an error",
    "Contribute",
    "The first block is",
)
_BIB_FIELD = re.compile(r"^\s*(?P<key>\w+)\s*=\s*\{(?P<value>.*)\},?\s*$")
_CITATION = re.compile(r"^(?P<authors>.+?) \((?P<year>\d{4})\)\. (?P<rest>.+?)\s*(?P<url>https?://\S+)?$")
_PARAGRAPHS = (Section.FINDINGS, Section.SIGNIFICANCE, Section.LIMITATIONS)
_CONFIDENCE = {Section.TITLE: 0.8, Section.FINDINGS: 0.85, Section.SIGNIFICANCE: 0.7}


def looks_like_atlas(first_line: str) -> bool:
    return bool(HEADER.match(first_line.strip()))


@dataclass
class _Entry:
    authors: list[PersonName]
    truncated: bool
    journal: str
    year: int
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    badge: PemBadge | None = None
    title: str | None = None
    title_line: int | None = None
    doi: str | None = None
    pmid: str | None = None
    bib_authors: list[PersonName] = field(default_factory=list)
    bib_line: int | None = None
    bib_text: str = ""
    warnings: list[str] = field(default_factory=list)


def parse_authors(raw: str, doc: str, line: int) -> tuple[list[PersonName], bool]:
    """'Roerink, Megan E, Knoop, Hans et al.' → names; 'et al.' says the list is truncated."""
    raw = raw.strip()
    truncated = bool(re.search(r"\bet al\.?$", raw))
    raw = re.sub(r"\s*\bet al\.?$", "", raw)
    tokens = [t.strip() for t in raw.split(",") if t.strip()]
    if not tokens:
        raise ParseError(doc, line, "the header names no authors")
    names = [parse_person(tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None) for i in range(0, len(tokens), 2)]
    return names, truncated


def _read(lines: list[str], doc: str) -> _Entry:
    header = HEADER.match(lines[0].strip())
    if not header:
        raise ParseError(doc, 1, "expected an atlas header 'Authors · Journal · Year · DOI'")
    authors, truncated = parse_authors(header["authors"], doc, 1)
    entry = _Entry(authors, truncated, header["journal"].strip(), int(header["year"]))
    i = 1
    while i < len(lines) and not lines[i].startswith(_BOILERPLATE):
        text = lines[i].strip()
        badge = _BADGE.match(text)
        if badge:
            entry.badge = PemBadge(badge.group(1)[:4].upper() + badge.group(1)[4:].lower())
        elif text:
            entry.paragraphs.append((i + 1, text))
        i += 1
    if len(entry.paragraphs) < 2:
        raise ParseError(doc, i + 1, f"expected three paragraphs after the header, found {len(entry.paragraphs)}")
    if len(entry.paragraphs) != 3:
        entry.warnings.append(
            f"{doc}:{entry.paragraphs[0][0]}: expected three paragraphs, found {len(entry.paragraphs)}; "
            "read as findings, significance" + (", limitations (the rest ignored)" if len(entry.paragraphs) > 3 else "")
        )
    for j in range(i, len(lines)):
        text = lines[j].strip()
        if text == "Primary citation" and j + 1 < len(lines):
            _read_citation(entry, lines[j + 1].strip(), j + 2)
        elif text.startswith("@") and "{" in text:
            _read_bibtex(entry, lines, j, doc)
    return entry


def _read_citation(entry: _Entry, text: str, line: int) -> None:
    m = _CITATION.match(text)
    if not m:
        return
    if m["url"]:
        entry.doi = entry.doi or normalize_doi(m["url"])
    rest = m["rest"].rstrip(". ")
    journal = entry.journal.rstrip(".")
    if rest.endswith(journal):
        rest = rest[: -len(journal)].rstrip(". ")
    if rest and not entry.title:
        entry.title, entry.title_line = rest.rstrip("."), line


def _read_bibtex(entry: _Entry, lines: list[str], start: int, doc: str) -> None:
    for j in range(start + 1, len(lines)):
        m = _BIB_FIELD.match(lines[j])
        if lines[j].lstrip().startswith("}"):
            break
        if not m:
            continue
        key, value = m["key"].lower(), m["value"].strip()
        if key == "title":
            entry.title, entry.title_line = value.rstrip(". "), j + 1
        elif key == "doi":
            entry.doi = normalize_doi(value) or entry.doi
        elif key == "note":
            pm = re.search(r"PubMed:?\s*(\d+)", value, re.IGNORECASE)
            if pm:
                entry.pmid = pm.group(1)
        elif key == "author":
            entry.bib_line, entry.bib_text = j + 1, lines[j].strip()
            for person in value.split(" and "):
                surname, _, given = person.partition(",")
                if surname.strip():
                    entry.bib_authors.append(parse_person(surname, given.strip() or None))
    else:
        raise ParseError(doc, start + 1, "BibTeX block is not closed with '}'")


def _study_name(entry: _Entry) -> str:
    names = entry.bib_authors or entry.authors
    if len(names) >= 3 or entry.truncated:
        who = f"{names[0].surname} et al."
    elif len(names) == 2:
        who = f"{names[0].surname} & {names[1].surname}"
    else:
        who = names[0].surname
    return f"{who} {entry.year}"


_RESULT_CONTEXT = re.compile(
    r"\b(?:placebo|treated|treatment|supplement|drug|active) (?:group|arm)s?\b|\bplacebo\b", re.IGNORECASE
)
_NAMED_STUDY = Prefiltered(re.compile(r"\bthe (?P<name>[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*) (?:study|trial)\b"))
_NAMED_TRIAL = Prefiltered(re.compile(r"\b(?:called|known as|named)\s+(?P<name>[A-Z][\w-]*\d*[\w-]*)"))


def parse_atlas(text: str, doc: str) -> Extraction:
    lines = text.splitlines()
    entry = _read(lines, doc)
    b = DocBuilder(doc, DocKind.ATLAS, text)
    b.warnings.extend(entry.warnings)
    claim_texts = [p for _, p in entry.paragraphs[:2]]
    study = b.add(
        Study(
            id=study_id(entry.doi, entry.pmid, entry.authors[0].surname, entry.year, entry.journal),
            name=_study_name(entry),
            title=entry.title,
            year=entry.year,
            journal=entry.journal,
            doi=entry.doi,
            pmid=entry.pmid,
            first_author=entry.authors[0].surname,
            design=classify_design([entry.title or "", *(p for _, p in entry.paragraphs)]),
            pem_badge=entry.badge,
            size=next((s for s in map(cues.size_of, claim_texts[:1]) if s), None),
        )
    )
    header_line = lines[0].strip()
    journal = b.add(Journal(id=node_id(NodeLabel.JOURNAL, entry.journal), name=entry.journal))
    b.edge(RelType.PUBLISHED_IN, study, journal, header_line, 1, Section.HEADER, "atlas.header.journal", 1.0)
    authors = _authors(b, entry, study, header_line)
    claims = _Claims(b, study, study.design if isinstance(study, Study) else StudyDesign.UNKNOWN)
    if entry.title and entry.title_line:
        claims.add(entry.title, entry.title_line, Section.TITLE)
    for (line_no, paragraph), section in zip(entry.paragraphs, _PARAGRAPHS, strict=False):
        if section is Section.LIMITATIONS:
            continue  # "what it does not prove" never yields a claim
        for s in sentences(paragraph, line_no):
            claims.add(s.text, s.line, section)
    claims.finish(entry.authors[0].surname)
    prose = [(x.text, x.a.text, x.line, x.section) for x in claims.sentences]
    prose_people(b, authors, prose, [study, *claims.trials])
    studied_after_covid(b, text)
    return b.build()


def _authors(b: DocBuilder, entry: _Entry, study: NodeBase, header_line: str) -> list[tuple[PersonName, NodeBase]]:
    """Header authors, completed by the BibTeX list (the header stops at 'et al.')."""
    seen: list[tuple[PersonName, NodeBase]] = []
    listed = [(p, 1, Section.HEADER, header_line) for p in entry.authors]
    if entry.bib_line:
        listed += [(p, entry.bib_line, Section.BIBTEX, entry.bib_text) for p in entry.bib_authors]
    for person, line, section, sentence in listed:
        same = next((n.id for other, n in seen if same_person(person, other)), None)
        node = b.add(Researcher.named(person, same))
        seen.append((person, node))
        b.edge(RelType.AUTHORED, node, study, sentence, line, section, f"atlas.{section}.author", 0.95)
    return seen


@dataclass
class _Sentence:
    text: str
    line: int
    section: Section
    a: Analysis


class _Claims:
    """The claims of one entry, read in two passes: drugs first, so later sentences can refer to them."""

    def __init__(self, b: DocBuilder, study: NodeBase, design: StudyDesign) -> None:
        self.b = b
        self.study = study
        self.design = design
        self.sentences: list[_Sentence] = []
        self.codes: frozenset[str] = frozenset()  # product codes the entry introduced ("KPAX002")
        self.tested: dict[str, tuple[TermRef, str, Outcome]] = {}
        self.trials: list[NodeBase] = []
        # A narrative review or a hypothesis paper discusses other studies' treatments and measurements.
        self.gives_treatments = design not in (StudyDesign.REVIEW, StudyDesign.HYPOTHESIS)

    def add(self, text: str, line: int, section: Section) -> None:
        a = analyse(text, codes=self.codes)
        self.codes |= a.codes
        self.sentences.append(_Sentence(text, line, section, a))

    def finish(self, first_author: str) -> None:
        for s in self.sentences:
            self._drugs(s)
        studied = False
        for s in self.sentences:
            self._mechanisms(s)
            if s.section is not Section.SIGNIFICANCE and self.gives_treatments:
                self._measured(s)  # a review's or a hypothesis paper's numbers are other studies' results
                studied = self._studied(s, people_only=True) or studied
        if not studied:  # a review or hypothesis: the condition it is about
            findings = [s for s in self.sentences if s.section in (Section.TITLE, Section.FINDINGS)]
            any(self._studied(s, people_only=False) for s in findings)
        self._trial(first_author)

    def _edge(
        self, rel: RelType, source: NodeBase, target: NodeBase, s: _Sentence, rule: str, conf: float, **props: Any
    ) -> None:
        self.b.edge(rel, source, target, s.text, s.line, s.section, rule, conf, **props)

    def _drugs(self, s: _Sentence) -> None:
        a, conf = s.a, _CONFIDENCE[s.section]
        if not a.of(NodeLabel.DRUG):
            self._result(s)
            return
        for dm, dref in a.of(NodeLabel.DRUG):
            drug = node_for(self.b, dref, dm.text)
            for mm, mref in targets_of(a, dm) + back_targets(a, dm):
                self._edge(RelType.TARGETS, drug, node_for(self.b, mref, mm.text), s, "atlas.targets", conf - 0.1)
            seg = drug_segment(a, dm)
            if cues.TRIGGER_CUE.search(a.text[dm.end :]) and not cues.NULL_OUTCOME.search(seg):
                continue  # a drug that made people ill in a model system, not a treatment tested
            if not self.gives_treatments or not cues.TESTED_CUE.search(a.text):
                continue
            if cues.BACKGROUND_BEFORE.search(a.before(dm, 120)):
                continue
            outcome = outcome_of(seg)
            self._edge(RelType.TESTED, self.study, drug, s, "atlas.tested", conf, outcome=outcome)
            if outcome is Outcome.NULL:
                self._edge(RelType.NULL_RESULT, self.study, drug, s, "atlas.null_result", conf)
            old = self.tested.get(dref.term_id)
            if old is None or old[2] is Outcome.UNKNOWN:
                self.tested[dref.term_id] = (dref, dm.text, outcome)

    def _result(self, s: _Sentence) -> None:
        """A result that names no drug ("fatigue fell more in the supplement group than with placebo")
        is about the drugs the entry tested so far."""
        if s.section is not Section.FINDINGS or not self.tested or not _RESULT_CONTEXT.search(s.a.text):
            return
        outcome = outcome_of(s.a.text)
        if outcome in (Outcome.UNKNOWN, Outcome.PENDING):
            return
        for term_id, (dref, surface, old) in list(self.tested.items()):
            drug = node_for(self.b, dref, surface)
            self._edge(RelType.TESTED, self.study, drug, s, "atlas.tested.result", 0.8, outcome=outcome)
            if outcome is Outcome.NULL:
                self._edge(RelType.NULL_RESULT, self.study, drug, s, "atlas.null_result", 0.8)
            if old in (Outcome.UNKNOWN, Outcome.PENDING):
                self.tested[term_id] = (dref, surface, outcome)

    def _mechanisms(self, s: _Sentence) -> None:
        a, conf = s.a, _CONFIDENCE[s.section]
        drugs = a.of(NodeLabel.DRUG)
        for mm, mref in a.of(NodeLabel.MECHANISM):
            if a.described_by(mm) or a.negated(mm) or any(mm in [t for t, _ in targets_of(a, d)] for d, _ in drugs):
                continue
            before = a.before(mm, 30)
            implicit = cues.TARGET_CUE.search(before) or cues.IMPLICIT_TARGET.search(before)
            tests_it = cues.HYPOTHESIS_TEST.search(a.text) and not (mref.anchor and not impaired_near(a, mm, mref))
            if self.tested and ((implicit and not drugs) or tests_it):
                # "clearing out B cells could quiet autoimmunity", "the trial tested the idea that ...":
                # the entry's own drugs act on it
                for dref, surface, _ in self.tested.values():
                    drug = node_for(self.b, dref, surface)
                    self._edge(RelType.TARGETS, drug, node_for(self.b, mref, mm.text), s, "atlas.targets.implicit", 0.6)
                if implicit and not drugs:
                    continue
            if (mref.anchor and not impaired_near(a, mm, mref)) or acted_on(a, mm) or in_passing(a, mm):
                continue
            c = conf - (0.15 if mref.anchor else 0.0)
            self._edge(RelType.PROPOSES, self.study, node_for(self.b, mref, mm.text), s, "atlas.proposes", c)

    def _measured(self, s: _Sentence) -> None:
        """Biomarkers reported with a direction in patients."""
        a = s.a
        if cues.EARLIER_FINDINGS.search(a.text):
            return
        for bm, bref in a.of(NodeLabel.BIOMARKER):
            if a.described_by(bm) or a.negated(bm):
                continue
            direction = cues.direction_near(a.text, bm.start, bm.end)
            if direction is not None:
                node = node_for(self.b, bref, bm.text)
                self._edge(
                    RelType.MEASURED, self.study, node, s, "atlas.measured", _CONFIDENCE[s.section], direction=direction
                )

    def _studied(self, s: _Sentence, people_only: bool) -> bool:
        found = studied_conditions(s.a, people_only)
        conf = _CONFIDENCE[s.section] - (0.0 if people_only else 0.2)
        for cm, cref in found:
            self._edge(RelType.STUDIED, self.study, node_for(self.b, cref, cm.text), s, "atlas.studied", conf)
        return bool(found)

    def _trial(self, first_author: str) -> None:
        """An entry about a trial also yields the trial, so news about it can join: one that is named or
        phased, or any controlled or open-label trial of the drugs it tested (phase unknown)."""
        if not self.tested:
            return
        controlled = self.design in (StudyDesign.RCT, StudyDesign.OPEN_LABEL)
        described = [s for s in self.sentences if s.section in (Section.TITLE, Section.FINDINGS)]
        # The sentence that names or phases the trial; else, for a controlled trial, the first about it.
        chosen = [
            s for s in described if cues.phase_of(s.a.text) or (_named_trial(s.a.text) and _TRIAL_WORD.search(s.a.text))
        ]
        if not chosen and controlled:
            chosen = [s for s in described if _TRIAL_WORD.search(s.a.text)]
        for s in chosen[:1]:
            phase = cues.phase_of(s.a.text)
            named = _named_trial(s.a.text)
            findings = " ".join(x.a.text for x in self.sentences if x.section is Section.FINDINGS)
            key = "-".join(sorted(self.tested)) + (f"-phase-{phase}" if phase else "") + f"-{first_author}"
            outcomes = {o for *_, o in self.tested.values()}
            outcome = Outcome.NULL if Outcome.NULL in outcomes else max(outcomes, key=_OUTCOME_RANK.index)
            drugs = " and ".join(surface for _, surface, _ in self.tested.values())
            trial = self.b.add(
                Trial(
                    id=node_id(NodeLabel.TRIAL, key),
                    name=named["name"] if named else f"{drugs} {f'phase {phase} ' if phase else ''}trial",
                    aliases=(f"{drugs} phase {phase} trial",) if named and phase else (),
                    phase=phase,
                    size=cues.size_of(findings),
                    features=tuple(f for f, p in cues.TRIAL_FEATURES if p.search(findings)),
                    status=TrialStatus.COMPLETED,
                    outcome=outcome,
                )
            )
            self.trials.append(trial)
            self._edge(RelType.REPORTS, self.study, trial, s, "atlas.trial.reports", 0.8)
            for dref, surface, drug_outcome in self.tested.values():
                drug = node_for(self.b, dref, surface)
                self._edge(RelType.TESTED, trial, drug, s, "atlas.trial.tested", 0.8, outcome=drug_outcome)
                if drug_outcome is Outcome.NULL:
                    self._edge(RelType.NULL_RESULT, trial, drug, s, "atlas.trial.null_result", 0.8)
            for e in list(self.b.edges.values()):
                if e.type is RelType.STUDIED and e.source == self.study.id:
                    condition = self.b.nodes[e.target]
                    self._edge(RelType.STUDIED, trial, condition, s, "atlas.trial.studied", 0.75)
            return


def _named_trial(text: str) -> re.Match[str] | None:
    return _NAMED_TRIAL.search(text) or _NAMED_STUDY.search(text)


_TRIAL_WORD = re.compile(r"\b(?:trial|study|randomi[sz]ed|placebo)\b", re.IGNORECASE)
_OUTCOME_RANK = [Outcome.UNKNOWN, Outcome.PENDING, Outcome.POSITIVE, Outcome.HARMFUL, Outcome.NULL]
