"""A trial and the published report of it, both named in one article, carry the same claims.

News often describes a trial ("41 adults were randomly assigned to AXA1125 or placebo") and, in
another sentence, its paper ("The full report, with Finnigan as first author, was published in
eClinicalMedicine"). Both are nodes; what the article says about one holds for the other.
"""

from __future__ import annotations

from loaders.builder import DocBuilder
from loaders.drafts import EdgeDraft
from loaders.text import CaselessPattern
from ontology.enums import RelType
from ontology.model import NodeBase

# The sentence presents a paper that reports results, not any study.
REPORT_CUE = CaselessPattern(
    r"\b(?:full |final |published )?(?:report|paper|results|findings|article)\b[^.;]{0,80}\b(?:published|appeared|"
    r"came out)\b|\bpublished (?:the |its |their )?(?:results|findings|report)\b"
    # "Published in the European Journal of Clinical Investigation in 2002, the trial found ..."
    r"|^(?:published|reported) in\b"
)
_SHARED = (RelType.TESTED, RelType.NULL_RESULT, RelType.STUDIED, RelType.LED_BY)
_BOTH_WAYS = (RelType.STUDIED, RelType.LED_BY)


def share_claims(b: DocBuilder, study: NodeBase, trial: NodeBase) -> None:
    """Copy the trial's results, condition and leaders to its report, and the report's condition
    and leaders to the trial (evidence and rule kept, confidence lowered: the link is inferred)."""
    for e in list(b.edges.values()):
        if e.type in _SHARED and e.source == trial.id:
            _copy(b, e.type, study, b.nodes[e.target], e)
        elif e.type in _BOTH_WAYS and e.source == study.id:
            _copy(b, e.type, trial, b.nodes[e.target], e)


def _copy(b: DocBuilder, rel: RelType, source: NodeBase, target: NodeBase, e: EdgeDraft) -> None:
    ev = e.evidence
    b.edge(
        rel,
        source,
        target,
        ev.sentence,
        ev.line,
        ev.section,
        f"{ev.rule}.report",
        ev.confidence - 0.1,
        direction=e.direction,
        outcome=e.outcome,
    )


def leaders_investigate(b: DocBuilder) -> None:
    """Whoever leads a trial (or a study that gave a drug) works on its drugs: INVESTIGATES, with the
    sentence that named the leader as evidence (the two facts are often sentences apart), less sure."""
    tested: dict[str, list[str]] = {}
    for e in b.edges.values():
        if e.type is RelType.TESTED:
            tested.setdefault(e.source, []).append(e.target)
    for e in list(b.edges.values()):
        if e.type is RelType.LED_BY and e.source in tested:
            ev = e.evidence
            for drug in tested[e.source]:
                person, conf = b.nodes[e.target], min(ev.confidence, 0.7) - 0.1
                rule = "news.investigates.leader"
                b.edge(RelType.INVESTIGATES, person, b.nodes[drug], ev.sentence, ev.line, ev.section, rule, conf)
