"""Find a node by id, name or alias, with close matches when the name is unknown or ambiguous.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("drug:ldn", name="low-dose naltrexone", aliases=["LDN"], label="Drug")
>>> find_node(G, "ldn")
'drug:ldn'
>>> find_node(G, "naltrexone")
Traceback (most recent call last):
...
graph.lookup.LookupFailed: no node named 'naltrexone'; closest: low-dose naltrexone (Drug)
"""

from __future__ import annotations

import difflib

import networkx as nx

from ontology.identity import fold


class LookupFailed(LookupError):
    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def _names(data: dict[str, object]) -> list[str]:
    names = [str(data.get("name", ""))]
    names += [str(a) for a in data.get("aliases", []) or []]  # type: ignore[attr-defined]
    return names


def find_node(G: nx.MultiDiGraph[str], query: str, label: str | None = None) -> str:
    """The id of the node whose id, name or alias is ``query`` (case and accents ignored)."""
    if query in G and (label is None or G.nodes[query].get("label") == label):
        return str(query)
    q = fold(query.strip())
    hits = sorted(
        n
        for n, d in G.nodes(data=True)
        if (label is None or d.get("label") == label) and any(fold(x) == q for x in _names(d))
    )
    if len(hits) == 1:
        return str(hits[0])
    if len(hits) > 1:
        shown = [f"{n} ({G.nodes[n].get('label')})" for n in hits]
        raise LookupFailed(f"{query!r} names {len(hits)} nodes: " + ", ".join(shown) + "; pass an id", hits)
    index: dict[str, str] = {}
    for n in sorted(G.nodes):
        d = G.nodes[n]
        if label is None or d.get("label") == label:
            for x in _names(d):
                index.setdefault(fold(x), n)
    close = difflib.get_close_matches(q, list(index), n=5, cutoff=0.5)
    partial = [k for k in sorted(index) if q and q in k and k not in close][: 5 - len(close)]
    ids = list(dict.fromkeys(index[k] for k in close + partial))
    shown = [f"{G.nodes[n].get('name')} ({G.nodes[n].get('label')})" for n in ids]
    hint = "; closest: " + ", ".join(shown) if shown else ""
    raise LookupFailed(f"no node named {query!r}{hint}", ids)
