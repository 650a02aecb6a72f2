"""The schema as frozen pydantic models: one model per node type, one edge model with its evidence.

Every edge carries an :class:`Evidence` (document, sentence, line, rule, confidence), in the spirit of
INDRA's ``Evidence``; every node records the documents it came from.

>>> drug = Drug(id="drug:anakinra", name="anakinra", source_docs=("002.txt",))
>>> study = Study(id="doi:10.1186/s12967-017-1371-9", name="Roerink 2017")
>>> ev = Evidence(source_doc="002.txt", sentence="...", line=2, section="findings", rule="r", confidence=0.9)
>>> Edge.between(RelType.TESTED, study, drug, ev).type
<RelType.TESTED: 'TESTED'>
>>> Edge.between(RelType.TESTED, drug, study, ev)
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Edge
...
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ontology.enums import (
    Direction,
    DocKind,
    NodeLabel,
    Outcome,
    PemBadge,
    RelType,
    Section,
    StudyDesign,
    TrialFeature,
    TrialStatus,
)
from ontology.identity import PersonName, researcher_key
from ontology.schema import check_endpoints

NodeId = Annotated[str, Field(pattern=r"^[a-z_]+:\S+$", max_length=300)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class NodeBase(_Frozen):
    """Fields every node has. ``id`` is stable across documents and builds."""

    id: NodeId
    name: Annotated[str, Field(min_length=1)]
    aliases: tuple[str, ...] = ()
    source_docs: tuple[str, ...] = ()

    node_label: ClassVar[NodeLabel]


class TermNode(NodeBase):
    """A node that may come from a controlled vocabulary (or be a flagged candidate if not)."""

    vocab_id: str | None = None
    category: str | None = None
    xrefs: dict[str, str] = Field(default_factory=dict)
    candidate: bool = False


class Study(NodeBase):
    node_label: ClassVar[NodeLabel] = NodeLabel.STUDY
    label: Literal[NodeLabel.STUDY] = NodeLabel.STUDY
    title: str | None = None
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    first_author: str | None = None
    design: StudyDesign = StudyDesign.UNKNOWN
    pem_badge: PemBadge | None = None
    size: int | None = None


class Mechanism(TermNode):
    node_label: ClassVar[NodeLabel] = NodeLabel.MECHANISM
    label: Literal[NodeLabel.MECHANISM] = NodeLabel.MECHANISM


class Drug(TermNode):
    """A drug, biologic, supplement or non-drug intervention (immunoadsorption, pacing...)."""

    node_label: ClassVar[NodeLabel] = NodeLabel.DRUG
    label: Literal[NodeLabel.DRUG] = NodeLabel.DRUG
    kind: str | None = None


class Biomarker(TermNode):
    node_label: ClassVar[NodeLabel] = NodeLabel.BIOMARKER
    label: Literal[NodeLabel.BIOMARKER] = NodeLabel.BIOMARKER


class Condition(TermNode):
    node_label: ClassVar[NodeLabel] = NodeLabel.CONDITION
    label: Literal[NodeLabel.CONDITION] = NodeLabel.CONDITION


class Institution(TermNode):
    node_label: ClassVar[NodeLabel] = NodeLabel.INSTITUTION
    label: Literal[NodeLabel.INSTITUTION] = NodeLabel.INSTITUTION
    city: str | None = None
    country: str | None = None


class Trial(NodeBase):
    node_label: ClassVar[NodeLabel] = NodeLabel.TRIAL
    label: Literal[NodeLabel.TRIAL] = NodeLabel.TRIAL
    phase: str | None = None
    size: int | None = None
    features: tuple[TrialFeature, ...] = ()
    status: TrialStatus = TrialStatus.UNKNOWN
    outcome: Outcome = Outcome.UNKNOWN
    registry_id: str | None = None
    country: str | None = None


class Researcher(NodeBase):
    """A person. ``surname`` plus ``given`` or ``initials`` drive reconciliation across documents."""

    node_label: ClassVar[NodeLabel] = NodeLabel.RESEARCHER
    label: Literal[NodeLabel.RESEARCHER] = NodeLabel.RESEARCHER
    surname: str
    given: str | None = None
    initials: str = ""
    orcid: str | None = None

    @classmethod
    def named(cls, person: PersonName, node_id: str | None = None) -> Researcher:
        """The node for a parsed name (its id from :func:`researcher_key` unless one is given)."""
        return cls(
            id=node_id or researcher_key(person),
            name=person.display,
            surname=person.surname,
            given=person.given,
            initials=person.initials,
        )


class Journal(NodeBase):
    node_label: ClassVar[NodeLabel] = NodeLabel.JOURNAL
    label: Literal[NodeLabel.JOURNAL] = NodeLabel.JOURNAL


class NewsArticle(NodeBase):
    node_label: ClassVar[NodeLabel] = NodeLabel.NEWS_ARTICLE
    label: Literal[NodeLabel.NEWS_ARTICLE] = NodeLabel.NEWS_ARTICLE
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None


class Conference(NodeBase):
    node_label: ClassVar[NodeLabel] = NodeLabel.CONFERENCE
    label: Literal[NodeLabel.CONFERENCE] = NodeLabel.CONFERENCE
    year: int | None = None
    vocab_id: str | None = None  # the series, in ontology/vocab/conferences.toml


Node = Annotated[
    Study
    | Mechanism
    | Drug
    | Biomarker
    | Condition
    | Institution
    | Trial
    | Researcher
    | Journal
    | NewsArticle
    | Conference,
    Field(discriminator="label"),
]

NODE_MODELS: dict[NodeLabel, type[NodeBase]] = {
    m.node_label: m
    for m in (
        Study,
        Mechanism,
        Drug,
        Biomarker,
        Condition,
        Institution,
        Trial,
        Researcher,
        Journal,
        NewsArticle,
        Conference,
    )
}


class Evidence(_Frozen):
    """Where a claim comes from: the document, the sentence, and how sure the rule is."""

    source_doc: str
    sentence: str
    line: Annotated[int, Field(ge=1)]
    section: Section
    rule: str
    confidence: Confidence


def check_edge(
    rel: RelType, source: NodeLabel, target: NodeLabel, direction: Direction | None, outcome: Outcome | None
) -> None:
    """Raise unless the schema allows the endpoints and the properties (an :class:`Edge`'s own checks)."""
    check_endpoints(rel, source, target)
    if direction is not None and rel is not RelType.MEASURED:
        raise ValueError(f"direction is a property of MEASURED edges, not {rel}")
    if outcome is not None and rel is not RelType.TESTED:
        raise ValueError(f"outcome is a property of TESTED edges, not {rel}")


class Edge(_Frozen):
    """A typed relationship with its provenance. Endpoints are checked against the schema."""

    type: RelType
    source: NodeId
    target: NodeId
    source_label: NodeLabel
    target_label: NodeLabel
    evidence: Evidence
    direction: Direction | None = None
    outcome: Outcome | None = None

    @model_validator(mode="after")
    def _check(self) -> Edge:
        check_edge(self.type, self.source_label, self.target_label, self.direction, self.outcome)
        return self

    @classmethod
    def between(
        cls,
        rel: RelType,
        source: NodeBase,
        target: NodeBase,
        evidence: Evidence,
        *,
        direction: Direction | None = None,
        outcome: Outcome | None = None,
    ) -> Edge:
        return cls(
            type=rel,
            source=source.id,
            target=target.id,
            source_label=source.node_label,
            target_label=target.node_label,
            evidence=evidence,
            direction=direction,
            outcome=outcome,
        )

    @property
    def key(self) -> tuple[str, RelType, str, str]:
        """One edge per (source, type, target, document): the identity used when merging."""
        return (self.source, self.type, self.target, self.evidence.source_doc)


class Extraction(_Frozen):
    """Everything one document yields: the loader's output and the graph builder's input."""

    doc: str
    kind: DocKind
    sha256: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    warnings: tuple[str, ...] = ()


_M = TypeVar("_M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def trusted(model: type[_M], values: dict[str, Any], fields_set: set[str] | None = None) -> _M:
    """``model.model_validate(values)`` for values that are already what validation would make of them
    (every field given, in field order, of its field's type): the instance is built directly, as
    ``model_construct`` builds it, in less than half the time validation takes (an :class:`Evidence`:
    0.65 against 1.6 us; ``model_construct`` itself takes 6 us, as it looks at every field's aliases).

    For the loaders' own output: their nodes are validated when they are made and their edges are
    checked when they are proposed (:class:`loaders.drafts.EdgeDraft`), so validating the document's
    :class:`Extraction` again cost ~10 % of a run. Tests compare the results with ``model_validate``.

    >>> ev = trusted(Evidence, dict(source_doc="a.txt", sentence="s", line=1, section=Section.TITLE, rule="r",
    ...                             confidence=0.9))
    >>> ev == Evidence.model_validate(ev.model_dump()) and ev.model_fields_set == set(Evidence.model_fields)
    True

    ``fields_set``, when given, is the set of field names ``values`` has, shared by many instances: a
    set of eight names takes 728 bytes, more than the rest of an :class:`Evidence`, and frozen models
    never change theirs (``model_copy`` copies it first).
    """
    m = _new(model)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(values) if fields_set is None else fields_set)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


def replaced(model: _M, update: dict[str, Any]) -> _M:
    """``model.model_copy(update=update)`` for the frozen models here (no extra fields, no private
    attributes): the same copy, its ``update`` fields set as given, in a quarter of the time.

    >>> j = Journal(id="journal:x", name="X")
    >>> k = replaced(j, {"aliases": ("Y",)})
    >>> k == j.model_copy(update={"aliases": ("Y",)}) and k.model_fields_set == {"id", "name", "aliases"}
    True
    """
    m = _new(type(model))
    values = model.__dict__.copy()
    values.update(update)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", model.__pydantic_fields_set__.union(update))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m
