"""Collects one document's nodes and edges, merging repeats and keeping the best evidence."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from operator import attrgetter

from loaders.drafts import EdgeDraft
from ontology.enums import Direction, DocKind, NodeLabel, Outcome, RelType, Section
from ontology.identity import ID_PREFIX, node_id, slugify
from ontology.model import (
    NODE_MODELS,
    Extraction,
    NodeBase,
    TermNode,
    replaced,
    trusted,
)
from ontology.vocab import Term, load_vocabularies


def term_node_id(label: NodeLabel, term_id: str) -> str:
    """The node id of a vocabulary term ("condition:covid-19")."""
    return f"{ID_PREFIX[label]}:{term_id}"


class DocBuilder:
    """One document's nodes and edges. Nodes get the names the document used for them (``aliases``)
    when :meth:`build` is called; their ``source_docs`` is the extraction's ``doc``, filled in when
    documents are merged into the graph."""

    def __init__(self, doc: str, kind: DocKind, text: str) -> None:
        self.doc = doc
        self.kind = kind
        self.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.nodes: dict[str, NodeBase] = {}
        self.names: dict[str, set[str]] = {}
        self.edges: dict[tuple[str, RelType, str, str], EdgeDraft] = {}
        self.warnings: list[str] = []

    def add(self, node: NodeBase) -> NodeBase:
        """Add a node, or merge its aliases and filled-in fields into the one already there."""
        old = self.nodes.get(node.id)
        names = self.names.setdefault(node.id, set())
        names.update(node.aliases)
        if old is None:
            self.nodes[node.id] = node
            return node
        names.add(node.name)
        update = {k: v for k, v in node.__dict__.items() if v not in _EMPTY and old.__dict__.get(k) in _EMPTY}
        if isinstance(old, TermNode) and isinstance(node, TermNode) and old.candidate and not node.candidate:
            update["candidate"] = False
        if update:
            old = replaced(old, update)
            self.nodes[node.id] = old
        return old

    def put(self, node: NodeBase) -> NodeBase:
        """Replace a node outright (a trial whose status the text has just updated)."""
        self.nodes[node.id] = node
        self.names.setdefault(node.id, set())
        return node

    def term(self, label: NodeLabel, term_id: str, surface: str | None = None) -> NodeBase:
        """The node for a vocabulary term; ``surface`` (how the document named it) becomes an alias."""
        node = self.nodes.get(term_node_id(label, term_id)) or self.add(_term_node(label, term_id))
        if surface and surface != node.name:
            self.names[node.id].add(surface)
        return node

    def candidate(self, label: NodeLabel, name: str) -> NodeBase:
        """A node for a name the vocabulary lacks, flagged ``candidate`` so users can review it."""
        key = slugify(name)
        vocab = load_vocabularies().terms[label]
        if key in vocab:  # a spelling the vocabulary has under its id
            return self.term(label, key, name)
        return self.add(_term_model(label)(id=node_id(label, key), name=name.strip(), candidate=True))

    def edge(
        self,
        rel: RelType,
        source: NodeBase,
        target: NodeBase,
        sentence: str,
        line: int,
        section: Section,
        rule: str,
        confidence: float,
        *,
        direction: Direction | None = None,
        outcome: Outcome | None = None,
    ) -> None:
        if isinstance(target, TermNode) and target.candidate:
            confidence = min(confidence, 0.5)
        new = EdgeDraft(
            rel,
            source.id,
            target.id,
            source.node_label,
            target.node_label,
            self.doc,
            sentence,
            line,
            section,
            rule,
            round(confidence, 2),
            direction,
            outcome,
        )
        key = new.key
        old = self.edges.get(key)
        if old is None or _better(new, old):
            self.edges[key] = new

    def build(self) -> Extraction:
        nodes = []
        for nid in sorted(self.nodes):
            node = self.nodes[nid]
            aliases = tuple(sorted(self.names[nid] - {node.name}))
            nodes.append(replaced(node, {"aliases": aliases}) if aliases != node.aliases else node)
        # The nodes are models already and the drafts were checked when proposed: nothing is left to
        # validate (tests compare the result with Extraction.model_validate).
        return trusted(
            Extraction,
            {
                "doc": self.doc,
                "kind": self.kind,
                "sha256": self.sha256,
                "nodes": tuple(nodes),
                "edges": tuple(e.as_edge() for e in sorted(self.edges.values(), key=_KEY)),
                "warnings": tuple(self.warnings),
            },
        )


_EMPTY: tuple[object, ...] = (None, (), {}, "")
_KEY = attrgetter("key")


@lru_cache(maxsize=4096)
def _term_node(label: NodeLabel, term_id: str) -> TermNode:
    """A vocabulary term as a node (built once per process; nodes are immutable)."""
    t: Term = load_vocabularies().get(label, term_id)
    extra: dict[str, object] = {}
    if label is NodeLabel.DRUG:
        extra["kind"] = t.kind
    if label is NodeLabel.INSTITUTION:
        extra.update(city=t.city, country=t.country)
    return _term_model(label)(
        id=term_node_id(label, t.id),
        name=t.label,
        vocab_id=t.id,
        category=t.category,
        xrefs=dict(t.xrefs),
        **extra,
    )


def _term_model(label: NodeLabel) -> type[TermNode]:
    model = NODE_MODELS[label]
    if not issubclass(model, TermNode):
        raise ValueError(f"{label} nodes do not come from a vocabulary")
    return model


_INFO = {None: 0, Outcome.UNKNOWN: 0, Outcome.PENDING: 1}


def _better(new: EdgeDraft, old: EdgeDraft) -> bool:
    """Higher confidence wins, then the evidence that states a result, then the earlier line."""

    def score(e: EdgeDraft) -> tuple[float, int, int]:
        informative = _INFO.get(e.outcome, 2) + (1 if e.direction else 0)
        return (e.evidence.confidence, informative, -e.evidence.line)

    return score(new) > score(old)
