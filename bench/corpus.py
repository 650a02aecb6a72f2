"""Large realistic corpora for benchmarks and scale tests, by recombining real-shaped parts.

Documents have the two real layouts (atlas entry, conference news) and the sentence shapes of the
seeds, with slots filled from the controlled vocabularies and pools of names, so the loaders do the
same work on them as on real text. Deterministic for a given ``seed``.

>>> docs = generate_documents(3, seed=1)
>>> [name for name, _ in docs]
['gen_000000.txt', 'gen_000001.txt', 'gen_000002.txt']
"""

from __future__ import annotations

import random
from pathlib import Path

from ontology.enums import NodeLabel
from ontology.vocab import load_vocabularies

SURNAMES = (
    "Andersen Berg Carvalho Dahl Eriksen Fischer Garcia Haugen Ito Jensen Kowalski Larsen Moreau Nakamura "
    "Olsen Petersen Quinn Rossi Schmidt Tanaka Urban Varga Weber Xu Yilmaz Zhang Novak Horvat Lindqvist "
    "Costa Morales Keller Brennan Okafor Mensah Patel Singh Kaur Chen Wang Kim Park Nguyen Tran Silva"
).split()
GIVEN = (
    "Anna Bjorn Clara David Elena Frode Greta Henrik Ines Jonas Karin Lars Maria Nils Olga Pablo Rita Sven "
    "Tove Ulla Viktor Wenche Yuki Zofia Amir Chiara Dmitri Fatima Hiro Leila Marco Noor Omar Priya"
).split()
JOURNALS = (
    "Journal of translational medicine",
    "Frontiers in immunology",
    "Brain, behavior, and immunity",
    "PLoS One",
    "Scientific reports",
    "Journal of internal medicine",
    "Frontiers in neurology",
    "Clinical and experimental immunology",
    "Fatigue: biomedicine, health & behavior",
    "Metabolites",
)
CONDITIONS = ("ME/CFS", "long COVID", "post-COVID ME/CFS")
CONFERENCES = ("IACFS/ME 2023", "IACFS/ME 2025", "Invest in ME Research 2024", "Keystone Long COVID 2024")
PEOPLE = ("patients", "adults", "women", "participants")

FINDINGS = (
    "Researchers compared {bio_class} in the blood of {n} {people} with {cond} to {m} healthy controls and found "
    "that {bio1} and {bio2} were {dirword} in the patient group.",
    "This study tested whether {drug} could reduce fatigue in {n} {people} with {cond}, but it did not "
    "significantly change symptom scores after {k} weeks of treatment.",
    "In a randomized placebo-controlled trial of {n} {people} with {cond}, {drug} led to significant "
    "improvement in physical function.",
    "This review argues that {mech1} and {mech2} may work together to drive {cond}.",
    "The authors propose that {mech1} is a central feature of {cond} and link it to {mech2}.",
    "Measurements in {n} {people} with {cond} showed {dirword} {bio1} levels compared with healthy people.",
    "In an open-label pilot study, {n} {people} with {cond} received {drug}, which is thought to counteract "
    "{mech1}, and fatigue scores improved in most of them.",
)
SIGNIFICANCE = (
    "If confirmed, {mech1} could become a target for treatment.",
    "These results point to {mech1} as a process worth testing in future trials.",
    "The finding helps researchers decide which treatments to prioritise.",
    "Because {drug} acts on {mech1}, the result supports trials that target it.",
)
LIMITATIONS = (
    "This study does not prove that {mech1} causes {cond}; the association may be a consequence of illness.",
    "It does not show that {drug} helps every patient, and the small sample limits what can be concluded.",
    "The design cannot separate cause from effect, and the cohort may not represent housebound patients.",
)
RESULTS = ("did not achieve its primary endpoint", "showed significant improvement in fatigue", "has been launched")
DIRWORDS = ("elevated", "reduced", "higher", "lower")


def _terms(label: NodeLabel) -> list[str]:
    return [t.label for _, t in load_vocabularies() if _ == label]


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.mechs = _terms(NodeLabel.MECHANISM)
        self.drugs = [t.label for lab, t in load_vocabularies() if lab is NodeLabel.DRUG and t.kind != "behavioural"]
        self.bios = _terms(NodeLabel.BIOMARKER)
        self.insts = _terms(NodeLabel.INSTITUTION)

    def slots(self) -> dict[str, object]:
        r = self.r
        m1, m2 = r.sample(self.mechs, 2)
        b1, b2 = r.sample(self.bios, 2)
        return {
            "n": r.randint(8, 400),
            "m": r.randint(8, 300),
            "k": r.choice((4, 8, 12, 24)),
            "people": r.choice(PEOPLE),
            "cond": r.choice(CONDITIONS),
            "drug": r.choice(self.drugs),
            "mech1": m1,
            "mech2": m2,
            "bio1": b1,
            "bio2": b2,
            "bio_class": "immune markers",
            "dirword": r.choice(DIRWORDS),
        }

    def person(self) -> tuple[str, str]:
        return self.r.choice(SURNAMES), self.r.choice(GIVEN) + " " + self.r.choice("ABCDEFGHJKLMNPRST")

    def atlas(self, i: int) -> str:
        r = self.r
        s = self.slots()
        authors = [self.person() for _ in range(r.randint(1, 7))]
        shown = authors[:3]
        header_authors = ", ".join(f"{a}, {b}" for a, b in shown) + (" et al." if len(authors) > 3 else "")
        journal, year = r.choice(JOURNALS), r.randint(2005, 2026)
        paras = [
            " ".join(t.format(**s) for t in r.sample(FINDINGS, 2)),
            r.choice(SIGNIFICANCE).format(**s),
            " ".join(t.format(**s) for t in r.sample(LIMITATIONS, 2)),
        ]
        lines = [f"{header_authors} · {journal} · {year} · DOI", *paras]
        if r.random() < 0.5:
            lines.append(r.choice(("PEM required", "PEM not required")))
        lines.append("About the PEM badge: the badge says whether post-exertional malaise was required for entry.")
        if r.random() < 0.5:
            doi = f"10.5555/mecfs-kg.gen.{i}"
            title = f"{str(s['mech1']).capitalize()} in {s['cond']}"
            bib = " and ".join(f"{a}, {b}" for a, b in authors)
            lines += [
                "Primary citation",
                f"{shown[0][0]} et al. ({year}). {title}. {journal}. https://doi.org/{doi}",
                "BibTeX",
                f"@article{{gen{i},",
                f"author = {{{bib}}},",
                f"title = {{{title}}},",
                f"journal = {{{journal}}},",
                f"year = {{{year}}},",
                f"doi = {{{doi}}},",
                f"note = {{PubMed: {90000000 + i}}},",
                "}",
            ]
        lines.append("Spotted an error in this entry? Report it →")
        return "\n".join(lines) + "\n"

    def news(self, i: int) -> str:
        r = self.r
        lines = [
            f"ME Research Digest > Conference News > {r.choice(CONFERENCES)}",
            f"Generated coverage number {i} of new treatment research",
            "Digest Staff",
            "May 14, 2025",
        ]
        for _ in range(r.randint(2, 4)):
            s = self.slots()
            surname, given = self.person()
            inst = r.choice(self.insts)
            phase = r.choice(("1", "2", "3"))
            lines += [
                f"{given} {surname}, MD, PhD, professor of medicine at {inst}, described work on {s['mech1']}.",
                f"A phase {phase}, randomized, double-blind, placebo-controlled trial of {s['drug']} in {s['n']} "
                f"patients with {s['cond']} {r.choice(RESULTS)}.",
                f"{surname} said the team is now studying {s['mech2']} in a second cohort.",
            ]
        return "\n".join(lines) + "\n"


def generate_documents(n: int, seed: int = 0, news_share: float = 0.2) -> list[tuple[str, str]]:
    """``n`` (name, text) documents, about ``news_share`` of them news articles."""
    g = _Gen(seed)
    return [(f"gen_{i:06d}.txt", g.news(i) if g.r.random() < news_share else g.atlas(i)) for i in range(n)]


def write_documents(folder: Path, n: int, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_documents(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
