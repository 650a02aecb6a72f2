"""Controlled vocabularies: mechanisms, drugs and interventions, biomarkers, conditions, institutions.

The terms live in TOML data files under ``ontology/vocab/`` (one ``[[term]]`` table per entry); this
module reads and checks them. External identifiers are stored as bioregistry-style prefix → local id
(``{mesh = "D015673", chebi = "7528"}``), checked against each prefix's pattern.

>>> v = load_vocabularies()
>>> v.get(NodeLabel.DRUG, "anakinra").label
'anakinra'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ontology.enums import NodeLabel

VOCAB_FILES: dict[NodeLabel, str] = {
    NodeLabel.MECHANISM: "mechanisms.toml",
    NodeLabel.DRUG: "drugs.toml",
    NodeLabel.BIOMARKER: "biomarkers.toml",
    NodeLabel.CONDITION: "conditions.toml",
    NodeLabel.INSTITUTION: "institutions.toml",
}

# Local-id patterns per prefix, following bioregistry (no "banana" prefix in the local part).
XREF_PATTERNS: dict[str, str] = {
    "mesh": r"^[CDQ]\d{6,9}$",
    "chebi": r"^\d+$",
    "drugbank": r"^DB\d{5}$",
    "mondo": r"^\d{7}$",
    "doid": r"^\d+$",
    "go": r"^\d{7}$",
    "hgnc": r"^\d+$",
    "ncbigene": r"^\d+$",
    "uniprot": r"^[A-Z0-9]{6,10}$",
    "cl": r"^\d{7}$",
    "hp": r"^\d{7}$",
    "ncit": r"^C\d+$",
    "pubchem.compound": r"^\d+$",
    "ror": r"^0[a-z0-9]{6}\d{2}$",
    "icd10": r"^[A-Z]\d{2}(\.\d{1,2})?$",
    "icd11": r"^[0-9A-Z]{4}(\.[0-9A-Z]{1,2})?$",
}

DRUG_KINDS = frozenset({"drug", "biologic", "supplement", "procedure", "device", "behavioural", "vaccine"})

TermId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$", max_length=80)]


class Term(BaseModel):
    """One vocabulary entry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: TermId
    label: Annotated[str, Field(min_length=2)]
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    anchor_cue: str | None = None
    category: str | None = None
    kind: str | None = None
    city: str | None = None
    country: str | None = None
    xrefs: dict[str, str] = Field(default_factory=dict)

    @field_validator("xrefs")
    @classmethod
    def _known_xrefs(cls, xrefs: dict[str, str]) -> dict[str, str]:
        for prefix, local in xrefs.items():
            pattern = XREF_PATTERNS.get(prefix)
            if pattern is None:
                raise ValueError(f"unknown xref prefix {prefix!r} (known: {sorted(XREF_PATTERNS)})")
            if not re.match(pattern, local):
                raise ValueError(f"xref {prefix}:{local} does not match {pattern}")
        return xrefs

    @field_validator("anchor_cue")
    @classmethod
    def _compiles(cls, cue: str | None) -> str | None:
        if cue is not None:
            try:
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"anchor_cue {cue!r} is not a regular expression: {exc}") from exc
        return cue

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str | None) -> str | None:
        if kind is not None and kind not in DRUG_KINDS:
            raise ValueError(f"unknown kind {kind!r} (known: {sorted(DRUG_KINDS)})")
        return kind

    def surface_forms(self) -> Iterator[tuple[str, bool]]:
        """(text, case_sensitive) for every name the term may appear under, anchors excluded."""
        yield self.label, False
        for s in self.synonyms:
            yield s, False
        for a in self.abbreviations:
            yield a, True


class VocabularyError(ValueError):
    pass


@dataclass(frozen=True)
class Vocabularies:
    """All vocabularies, indexed by node label and term id."""

    terms: dict[NodeLabel, dict[str, Term]]

    def get(self, label: NodeLabel, term_id: str) -> Term:
        return self.terms[label][term_id]

    def lookup(self, label: NodeLabel, name: str) -> Term | None:
        """A term by id, label, synonym or abbreviation (case-insensitive except abbreviations)."""
        table = self.terms[label]
        if name in table:
            return table[name]
        folded = name.casefold()
        # Plurals count as the matcher counts them: "microclots" finds "microclot".
        singulars = {
            folded,
            folded[:-1] if folded.endswith("s") else folded,
            folded[:-3] + "y" if folded.endswith("ies") else folded,
        }
        for term in table.values():
            for form, case_sensitive in term.surface_forms():
                if form == name or (not case_sensitive and form.casefold() in singulars):
                    return term
        return None

    def __iter__(self) -> Iterator[tuple[NodeLabel, Term]]:
        for label, table in self.terms.items():
            for term in table.values():
                yield label, term


def parse_vocabulary(label: NodeLabel, text: str, source: str) -> dict[str, Term]:
    """Parse one vocabulary file's text, rejecting duplicate ids and names claimed by two terms."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{source}: {exc}") from exc
    table: dict[str, Term] = {}
    claimed: dict[str, str] = {}
    for i, raw in enumerate(data.get("term", []), start=1):
        try:
            term = Term.model_validate(raw)
        except ValueError as exc:
            raise VocabularyError(f"{source}: term #{i} ({raw.get('id')!r}): {exc}") from exc
        if term.id in table:
            raise VocabularyError(f"{source}: duplicate id {term.id!r}")
        for form, case_sensitive in term.surface_forms():
            key = form if case_sensitive else form.casefold()
            other = claimed.setdefault(key, term.id)
            if other != term.id:
                raise VocabularyError(f"{source}: {form!r} names both {other!r} and {term.id!r}")
        if term.kind is not None and label is not NodeLabel.DRUG:
            raise VocabularyError(f"{source}: {term.id!r}: kind is for drugs only")
        table[term.id] = term
    return table


@cache
def load_vocabularies() -> Vocabularies:
    """The packaged vocabularies (read once per process)."""
    root = resources.files("ontology") / "vocab"
    terms = {
        label: parse_vocabulary(label, (root / name).read_text(encoding="utf-8"), name)
        for label, name in VOCAB_FILES.items()
    }
    return Vocabularies(terms)


# Conference series are matched only as a whole meeting name (a news breadcrumb), never in prose, so
# they are kept out of the vocabularies the text matcher reads.
SERIES_FILE = "conferences.toml"
# "IACFS/ME 2025", "IIMEC10", "9th IACFS/ME conference": the year and the edition are not the series.
_EDITION = re.compile(r"\b(?:19|20)\d{2}\b|(?<=[A-Za-z])\d{1,2}$|^\d{1,2}(?:st|nd|rd|th)\s+")


@cache
def conference_series() -> dict[str, Term]:
    """The conference series vocabulary, by term id (read once per process)."""
    text = (resources.files("ontology") / "vocab" / SERIES_FILE).read_text(encoding="utf-8")
    return parse_vocabulary(NodeLabel.CONFERENCE, text, SERIES_FILE)


def find_conference_series(name: str) -> Term | None:
    """The series a meeting's name names as a whole, its year and edition number aside.

    >>> find_conference_series("IiME 2011").id, find_conference_series("IIMEC10").id
    ('invest-in-me-conference', 'invest-in-me-conference')
    >>> find_conference_series("Keystone Symposia 2025") is None
    True
    """
    bare = " ".join(_EDITION.sub(" ", name).split()).strip(" ,:-")
    folded = bare.casefold()
    for term in conference_series().values():
        for form, case_sensitive in term.surface_forms():
            if form == bare or (not case_sensitive and form.casefold() == folded):
                return term
    return None
