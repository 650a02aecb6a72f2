"""An edge as a rule proposes it, made into an :class:`ontology.model.Edge` when the document is built.

A document proposes some edges more than once (the same claim in the title and the findings) and
the builder keeps the best; rules also read the edges made so far (``e.type``, ``e.evidence.rule``).
Building two pydantic models per proposal cost ~8 % of a run; a draft is one plain object. Every
check :class:`Edge` and :class:`Evidence` validation would make runs on every proposal (the schema's
:func:`ontology.model.check_edge`, the line and the confidence range; the endpoint ids are ids of
validated nodes), so a rule that proposes a bad edge fails where it does so, and the edges kept
become models without a second validation (:func:`ontology.model.trusted`).
"""

from __future__ import annotations

from ontology.enums import Direction, NodeLabel, Outcome, RelType, Section
from ontology.model import Edge, Evidence, check_edge, trusted


class EdgeDraft:
    """An :class:`Edge`'s fields, with its evidence's fields on the same object (``draft.evidence``
    is the draft itself, so rules read both alike)."""

    __slots__ = (
        "confidence",
        "direction",
        "line",
        "outcome",
        "rule",
        "section",
        "sentence",
        "source",
        "source_doc",
        "source_label",
        "target",
        "target_label",
        "type",
    )

    def __init__(
        self,
        rel: RelType,
        source: str,
        target: str,
        source_label: NodeLabel,
        target_label: NodeLabel,
        source_doc: str,
        sentence: str,
        line: int,
        section: Section,
        rule: str,
        confidence: float,
        direction: Direction | None,
        outcome: Outcome | None,
    ) -> None:
        check_edge(rel, source_label, target_label, direction, outcome)
        if line < 1 or not 0.0 <= confidence <= 1.0:
            raise ValueError(f"evidence needs a line >= 1 and a confidence in [0, 1], not {line} and {confidence}")
        self.type = rel
        self.source = source
        self.target = target
        self.source_label = source_label
        self.target_label = target_label
        self.source_doc = source_doc
        self.sentence = sentence
        self.line = line
        self.section = section
        self.rule = rule
        self.confidence = float(confidence)  # as validation stores it (an int 1 becomes 1.0)
        self.direction = direction
        self.outcome = outcome

    @property
    def evidence(self) -> EdgeDraft:
        return self

    @property
    def key(self) -> tuple[str, RelType, str, str]:
        """One edge per (source, type, target, document), as :attr:`Edge.key`."""
        return (self.source, self.type, self.target, self.source_doc)

    def as_edge(self) -> Edge:
        """The :class:`Edge` that validating these fields would make, without validating again."""
        evidence = {
            "source_doc": self.source_doc,
            "sentence": self.sentence,
            "line": self.line,
            "section": self.section,
            "rule": self.rule,
            "confidence": self.confidence,
        }
        edge = {
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "source_label": self.source_label,
            "target_label": self.target_label,
            "evidence": trusted(Evidence, evidence, _EVIDENCE_FIELDS),
            "direction": self.direction,
            "outcome": self.outcome,
        }
        return trusted(Edge, edge, _EDGE_FIELDS)


# Every field is given: one set of names for all edges, and one for all evidence (see trusted).
_EDGE_FIELDS = set(Edge.model_fields)
_EVIDENCE_FIELDS = set(Evidence.model_fields)
