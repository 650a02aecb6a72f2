"""Extraction quality against hand-annotated documents: per-type precision, recall and F1.

    python scripts/evaluate.py                      # dev and test halves
    python scripts/evaluate.py --split test -v      # one half, listing every miss and false positive
    python scripts/evaluate.py --split unseen       # the never-read batches, pooled (counts only)

Each ``NAME.txt`` in ``examples/corpus/*/`` (dev, dev2, …, and the held-out test) has a
``NAME.expected.json`` written by hand (format: ``examples/corpus/ANNOTATION.md``). Entities and
relationships are compared per document through the matching keys described there; scores are
micro-averaged over all documents of a folder.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders import load_path  # noqa: E402
from ontology.enums import DocKind, NodeLabel, RelType  # noqa: E402
from ontology.identity import fold, parse_full_name, parse_person, slugify  # noqa: E402
from ontology.model import Conference, Extraction, NodeBase, Researcher, Study, TermNode, Trial  # noqa: E402
from ontology.vocab import find_conference_series, load_vocabularies  # noqa: E402

VOCAB_LABELS = {NodeLabel.MECHANISM, NodeLabel.DRUG, NodeLabel.BIOMARKER, NodeLabel.CONDITION, NodeLabel.INSTITUTION}


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _person_key(surname: str, initials: str) -> str:
    return f"{_alnum(surname)}|{fold(initials[:1]).upper()}"


def major_phase(phase: str | None) -> str:
    """Phases compare without their sub-letter: "2a" and "2" are one trial, "2b/3" is "2/3" (ANNOTATION.md)."""
    return re.sub(r"(?<=\d)[ab]", "", phase) if phase else "-"


def term_key(label: NodeLabel, name: str) -> str:
    term = load_vocabularies().lookup(label, name)
    return f"{label}:{term.id}" if term else f"{label}:?{slugify(name)}"


def gold_keys(gold: dict[str, Any]) -> dict[str, str]:
    """Annotation ref → matching key."""
    keys: dict[str, str] = {}
    for ent in gold["entities"]:
        label = NodeLabel(ent["label"])
        if ent.get("this_document"):
            key = f"{label}:@doc"
        elif label in VOCAB_LABELS:
            key = term_key(label, ent["name"])
        elif label is NodeLabel.RESEARCHER:
            name = ent["name"]
            p = parse_person(*name.split(",", 1)) if "," in name else parse_full_name(name)
            key = f"{label}:{_person_key(p.surname, p.initials)}"
        elif label is NodeLabel.STUDY:
            key = (
                f"{label}:{_alnum(ent['author'])}|{ent['year']}"
                if ent.get("author")
                else f"{label}:name:{_alnum(ent['name'])}"
            )
        elif label is NodeLabel.TRIAL:
            drugs = sorted(term_key(NodeLabel.DRUG, d) for d in ent["drugs"])
            key = f"{label}:{'+'.join(drugs)}|{major_phase(ent.get('phase'))}"
        elif label is NodeLabel.CONFERENCE and (series := find_conference_series(ent["name"])):
            key = f"{label}:{series.id}"
        else:
            key = f"{label}:{_name_key(ent['name'])}"
        keys[ent["ref"]] = key
    return keys


def system_keys(ex: Extraction) -> dict[str, str]:
    """Extracted node id → matching key."""
    tested: dict[str, list[str]] = defaultdict(list)
    by_id = {n.id: n for n in ex.nodes}
    for e in ex.edges:
        if e.type is RelType.TESTED:
            tested[e.source].append(e.target)
    keys: dict[str, str] = {}
    for n in ex.nodes:
        keys[n.id] = _system_key(n, ex, tested, by_id)
    return keys


def _system_key(n: NodeBase, ex: Extraction, tested: dict[str, list[str]], by_id: dict[str, NodeBase]) -> str:
    label = n.node_label
    if isinstance(n, TermNode):
        return f"{label}:{n.vocab_id}" if n.vocab_id else f"{label}:?{slugify(n.name)}"
    if isinstance(n, Researcher):
        return f"{label}:{_person_key(n.surname, n.initials)}"
    if isinstance(n, Study):
        if ex.kind is DocKind.ATLAS:
            return f"{label}:@doc"
        if n.first_author and n.year:
            return f"{label}:{_alnum(n.first_author)}|{n.year}"
        return f"{label}:name:{_alnum(n.name)}"
    if isinstance(n, Trial):
        drugs = sorted(_system_key(by_id[d], ex, tested, by_id) for d in tested.get(n.id, []))
        return f"{label}:{'+'.join(drugs)}|{major_phase(n.phase)}"
    if label is NodeLabel.NEWS_ARTICLE:
        return f"{label}:@doc"
    if isinstance(n, Conference) and n.vocab_id:
        return f"{label}:{n.vocab_id}"
    return f"{label}:{_name_key(n.name)}"


def _name_key(name: str) -> str:
    """Journals and conferences by name (a conference of a known series by the series); a conference's
    year is ignored (it is one per document)."""
    return _alnum(re.sub(r"\b(?:19|20)\d{2}\b", "", name))


def compare(
    ex: Extraction, gold: dict[str, Any], min_confidence: float = 0.0
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(system, gold) sets of entity keys by label and of relation keys by type."""
    gk, sk = gold_keys(gold), system_keys(ex)
    ex = ex.model_copy(update={"edges": tuple(e for e in ex.edges if e.evidence.confidence >= min_confidence)})
    sys_sets: dict[str, set[str]] = defaultdict(set)
    gold_sets: dict[str, set[str]] = defaultdict(set)
    # Entities are those taking part in a relationship, on both sides.
    for nid in {x for e in ex.edges for x in (e.source, e.target)}:
        sys_sets["entity:" + sk[nid].split(":", 1)[0]].add(sk[nid])
    for ref in {x for r in gold["relations"] for x in (r["source"], r["target"])}:
        gold_sets["entity:" + gk[ref].split(":", 1)[0]].add(gk[ref])
    for e in ex.edges:
        if not _annotated(e.type, sk[e.source]):
            continue
        d = f"|{e.direction}" if e.direction else ""
        sys_sets["rel:" + e.type.value].add(f"{e.type.value} {sk[e.source]} -> {sk[e.target]}{d}")
    for r in gold["relations"]:
        d = f"|{r['direction']}" if r.get("direction") else ""
        gold_sets["rel:" + r["type"]].add(f"{r['type']} {gk[r['source']]} -> {gk[r['target']]}{d}")
    return sys_sets, gold_sets


def _annotated(rel: RelType, source_key: str) -> bool:
    """Only relationships ANNOTATION.md asks annotators for are scored: REPORTS from a news article
    (a study's link to the trial it reports, made for atlas entries and published reports, is not
    annotated, so it is not scored either way)."""
    return rel is not RelType.REPORTS or source_key.startswith(f"{NodeLabel.NEWS_ARTICLE}:")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(folder: Path, verbose: bool, min_confidence: float = 0.0) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in sorted(folder.glob("*.txt")):
        gold = json.loads(doc.with_suffix(".expected.json").read_text(encoding="utf-8"))
        system, expected = compare(load_path(doc), gold, min_confidence)
        for kind in sorted(set(system) | set(expected)):
            s, g = system.get(kind, set()), expected.get(kind, set())
            counts[kind].update(tp=len(s & g), fp=len(s - g), fn=len(g - s))
            if verbose:
                for x in sorted(g - s):
                    print(f"  MISS {doc.name}: {x}")
                for x in sorted(s - g):
                    print(f"  FP   {doc.name}: {x}")
    return counts


def table(name: str, counts: dict[str, Counter[str]]) -> str:
    rows = [f"### {name}", "", "| kind | type | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for group in ("entity", "rel"):
        total: Counter[str] = Counter()
        for kind in sorted(k for k in counts if k.startswith(group + ":")):
            c = counts[kind]
            total.update(c)
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            rows.append(
                f"| {group} | {kind.split(':')[1]} | {p:.2f} | {r:.2f} | {f:.2f} | {c['tp']} | {c['fp']} | {c['fn']} |"
            )
        p, r, f = prf(total["tp"], total["fp"], total["fn"])
        rows.append(
            f"| **{group}** | **micro** | **{p:.2f}** | **{r:.2f}** | **{f:.2f}** | {total['tp']} | "
            f"{total['fp']} | {total['fn']} |"
        )
    return "\n".join(rows)


# The batches nobody tuning the rules reads (examples/corpus/ANNOTATION.md), scored together by --split unseen.
UNSEEN = ("dev6", "dev8", "dev10", "dev12", "dev14")


def pooled(parts: list[dict[str, Counter[str]]]) -> dict[str, Counter[str]]:
    """Counts of several folders added up, for one micro-average over all of their documents."""
    total: dict[str, Counter[str]] = defaultdict(Counter)
    for counts in parts:
        for kind, c in counts.items():
            total[kind].update(c)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpora = sorted(d.name for d in (ROOT / "examples" / "corpus").iterdir() if d.is_dir())
    ap.add_argument(
        "--split",
        choices=["seeds", *corpora, "all", "unseen"],
        default="all",
        help="a corpus folder, all of them one by one, or the unseen batches pooled",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="score only edges at least this confident")
    args = ap.parse_args()
    if args.split == "unseen":
        folders = [ROOT / "examples" / "corpus" / name for name in UNSEEN]
        counts = pooled([evaluate(folder, False, args.min_confidence) for folder in folders])
        n = sum(len(list(folder.glob("*.txt"))) for folder in folders)
        print(table(f"unseen batches {', '.join(UNSEEN)} ({n} documents)", counts))
        return
    splits = ["seeds", *corpora] if args.split == "all" else [args.split]
    for split in splits:
        folder = ROOT / "examples" / ("seeds" if split == "seeds" else f"corpus/{split}")
        if args.verbose:
            print(f"## {split}")
        counts = evaluate(folder, args.verbose, args.min_confidence)
        print(table(f"{split} ({len(list(folder.glob('*.txt')))} documents)", counts))
        print()


if __name__ == "__main__":
    main()
