"""Which node labels each relationship type may connect, and the one checked way to use them.

>>> check_endpoints(RelType.TESTED, NodeLabel.TRIAL, NodeLabel.DRUG)
>>> check_endpoints(RelType.TESTED, NodeLabel.DRUG, NodeLabel.TRIAL)
Traceback (most recent call last):
...
ontology.schema.SchemaError: TESTED goes from Study|Trial to Drug, not from Drug to Trial
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology.enums import NodeLabel, RelType

L = NodeLabel


class SchemaError(ValueError):
    """An edge or identifier that the schema does not allow."""


@dataclass(frozen=True)
class RelSpec:
    """A relationship type's allowed endpoints and its meaning (used in docs and the OWL file)."""

    sources: tuple[NodeLabel, ...]
    targets: tuple[NodeLabel, ...]
    definition: str


RELATIONSHIPS: dict[RelType, RelSpec] = {
    RelType.AUTHORED: RelSpec((L.RESEARCHER,), (L.STUDY,), "The researcher is an author of the study."),
    RelType.PROPOSES: RelSpec(
        (L.STUDY,), (L.MECHANISM,), "The study proposes, or reports evidence for, the mechanism."
    ),
    RelType.TESTED: RelSpec(
        (L.STUDY, L.TRIAL),
        (L.DRUG,),
        "The study or trial gives (or will give) the drug or intervention to participants.",
    ),
    RelType.NULL_RESULT: RelSpec(
        (L.STUDY, L.TRIAL),
        (L.DRUG,),
        "The study or trial tested the drug and found no significant effect or missed its primary endpoint.",
    ),
    RelType.TARGETS: RelSpec((L.DRUG,), (L.MECHANISM,), "The drug or intervention acts on the mechanism."),
    RelType.LED_BY: RelSpec(
        (L.TRIAL, L.STUDY), (L.RESEARCHER,), "The researcher leads the trial or study (or their group runs it)."
    ),
    RelType.MEASURED: RelSpec(
        (L.STUDY,), (L.BIOMARKER,), "The study measured the biomarker in patients; `direction` says what it found."
    ),
    RelType.STUDIED: RelSpec(
        (L.STUDY, L.TRIAL), (L.CONDITION,), "The study or trial enrolled people with the condition."
    ),
    RelType.AFFILIATED_WITH: RelSpec((L.RESEARCHER,), (L.INSTITUTION,), "The researcher works at the institution."),
    RelType.PUBLISHED_IN: RelSpec((L.STUDY,), (L.JOURNAL,), "The study is published in the journal."),
    RelType.REPORTS: RelSpec(
        (L.NEWS_ARTICLE, L.STUDY),
        (L.TRIAL, L.STUDY),
        "The news article reports on the trial or study; or the publication reports the trial's results.",
    ),
    RelType.COVERS: RelSpec(
        (L.NEWS_ARTICLE,), (L.CONFERENCE,), "The news article is conference coverage of the conference."
    ),
    RelType.INVESTIGATES: RelSpec(
        (L.RESEARCHER,),
        (L.MECHANISM, L.DRUG),
        "The researcher is reported to be working on the mechanism or drug.",
    ),
}


def check_endpoints(rel: RelType, source: NodeLabel, target: NodeLabel) -> None:
    """Raise :class:`SchemaError` unless ``rel`` may go from ``source`` to ``target``."""
    spec = RELATIONSHIPS[rel]
    if source not in spec.sources or target not in spec.targets:
        allowed_from = "|".join(spec.sources)
        allowed_to = "|".join(spec.targets)
        raise SchemaError(f"{rel} goes from {allowed_from} to {allowed_to}, not from {source} to {target}")


def endpoint_pairs(rel: RelType) -> list[tuple[NodeLabel, NodeLabel]]:
    """Every (source, target) label pair that ``rel`` allows, in a stable order."""
    spec = RELATIONSHIPS[rel]
    return [(s, t) for s in spec.sources for t in spec.targets]


def identifier(name: NodeLabel | RelType) -> str:
    """The one checked way to put a label or relationship type into a query.

    Values never reach query text; only schema members do, and only after this check.

    >>> identifier(NodeLabel.STUDY)
    '`Study`'
    >>> identifier("Study; DROP")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ontology.schema.SchemaError: not a schema label or relationship type: 'Study; DROP'
    """
    if not isinstance(name, (NodeLabel, RelType)):
        raise SchemaError(f"not a schema label or relationship type: {name!r}")
    return f"`{name.value}`"
