"""Closed vocabularies of the schema: node labels, relationship types and property values.

Nothing outside this package spells a label or a relationship type as a free string;
everything goes through these enums, so a typo is an ``AttributeError`` at import time.
"""

from __future__ import annotations

from enum import StrEnum


class NodeLabel(StrEnum):
    """The node types of the graph (Neo4j labels, RDF classes)."""

    STUDY = "Study"
    MECHANISM = "Mechanism"
    DRUG = "Drug"
    TRIAL = "Trial"
    RESEARCHER = "Researcher"
    BIOMARKER = "Biomarker"
    CONDITION = "Condition"
    INSTITUTION = "Institution"
    JOURNAL = "Journal"
    NEWS_ARTICLE = "NewsArticle"
    CONFERENCE = "Conference"


class RelType(StrEnum):
    """The relationship types of the graph (Neo4j style: upper snake case)."""

    AUTHORED = "AUTHORED"
    PROPOSES = "PROPOSES"
    TESTED = "TESTED"
    NULL_RESULT = "NULL_RESULT"
    TARGETS = "TARGETS"
    LED_BY = "LED_BY"
    MEASURED = "MEASURED"
    STUDIED = "STUDIED"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    PUBLISHED_IN = "PUBLISHED_IN"
    REPORTS = "REPORTS"
    COVERS = "COVERS"
    INVESTIGATES = "INVESTIGATES"


class Direction(StrEnum):
    """Reported direction of a biomarker in patients, on ``MEASURED`` edges."""

    ELEVATED = "elevated"
    REDUCED = "reduced"
    UNCHANGED = "unchanged"
    ALTERED = "altered"


class Outcome(StrEnum):
    """What a study or trial found for a drug, on ``TESTED`` edges and on trials."""

    POSITIVE = "positive"
    NULL = "null"
    HARMFUL = "harmful"
    PENDING = "pending"
    UNKNOWN = "unknown"


class StudyDesign(StrEnum):
    """Design of a study, classified from its text."""

    REVIEW = "review"
    META_ANALYSIS = "meta-analysis"
    HYPOTHESIS = "hypothesis"
    RCT = "randomized controlled trial"
    OPEN_LABEL = "open-label trial"
    PILOT = "pilot study"
    CASE_CONTROL = "case-control"
    COHORT = "cohort"
    CROSS_SECTIONAL = "cross-sectional"
    GWAS = "genome-wide association study"
    MODEL_SYSTEM = "model system"
    CASE_REPORT = "case report"
    UNKNOWN = "unknown"


class TrialStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    STOPPED = "stopped"
    UNKNOWN = "unknown"


class TrialFeature(StrEnum):
    """Design features of a trial; a trial usually has several."""

    RANDOMIZED = "randomized"
    DOUBLE_BLIND = "double-blind"
    PLACEBO_CONTROLLED = "placebo-controlled"
    CROSSOVER = "crossover"
    OPEN_LABEL = "open-label"
    PILOT = "pilot"
    MULTICENTRE = "multicentre"


class PemBadge(StrEnum):
    """The ME/CFS Atlas badge: was post-exertional malaise a required entry criterion."""

    REQUIRED = "PEM required"
    NOT_REQUIRED = "PEM not required"
    UNCLEAR = "PEM unclear"


class Section(StrEnum):
    """Where in a document a piece of evidence stands."""

    HEADER = "header"
    TITLE = "title"
    FINDINGS = "findings"
    SIGNIFICANCE = "significance"
    LIMITATIONS = "limitations"
    CITATION = "citation"
    BIBTEX = "bibtex"
    BODY = "body"


class DocKind(StrEnum):
    ATLAS = "atlas"
    NEWS = "news"
