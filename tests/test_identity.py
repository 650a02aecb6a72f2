"""Identity across documents: studies by DOI / PubMed / author-year-journal, researchers by name."""

from __future__ import annotations

import pytest

from graph.reconcile import reconcile_researchers, reconcile_studies
from ontology.identity import normalize_doi, parse_full_name, parse_person, researcher_key, same_person
from ontology.model import Researcher, Study


def person(id_: str, surname: str, given: str | None) -> Researcher:
    p = parse_person(surname, given)
    return Researcher(id=id_, name=p.display, surname=p.surname, given=p.given, initials=p.initials)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (parse_person("Maes", "M"), parse_full_name("Michael Maes"), True),
        (parse_person("Maes", "M"), parse_person("Maes", "Michael"), True),
        (parse_full_name("M Maes"), parse_person("Maes", "M"), True),
        (parse_full_name("Michael Maes"), parse_full_name("Mark Maes"), False),
        (parse_person("Maes", "M"), parse_person("Maes", "G"), False),
        (parse_full_name("Øystein Fluge"), parse_person("Fluge", "O"), True),
        (parse_person("Roerink", "Megan E"), parse_person("Roerink", "M"), True),
        (parse_person("Roerink", "Megan E"), parse_person("Roerink", "M J"), False),
        (parse_person("Steinacker", "Jürgen M"), parse_full_name("Jurgen Steinacker"), True),
        (parse_person("van der Meer", "Jos W M"), parse_full_name("Jos van der Meer"), True),
        (parse_person("Anderson", "G"), parse_person("Andersen", "G"), False),
    ],
)
def test_same_person_rule(a: object, b: object, same: bool) -> None:
    assert same_person(a, b) is same  # type: ignore[arg-type]


def test_initials_only_mentions_join_the_full_name() -> None:
    mapping = reconcile_researchers(
        [
            ("a.txt", person("researcher:maes-m", "Maes", "M")),
            ("b.txt", person("researcher:maes-m", "Maes", "Michael")),
            ("c.txt", person("researcher:maes-mh", "Maes", "M H")),
        ]
    )
    assert len(set(mapping.values())) == 1


def test_two_people_sharing_a_surname_stay_apart_and_the_ambiguous_one_is_not_guessed() -> None:
    mentions = [
        ("a.txt", person("researcher:maes-m", "Maes", "Michael")),
        ("b.txt", person("researcher:maes-m", "Maes", "Mark")),
        ("c.txt", person("researcher:maes-m", "Maes", "M")),
        ("d.txt", person("researcher:maes-g", "Maes", "G")),
    ]
    mapping = reconcile_researchers(mentions)
    michael, mark, bare, g = (mapping[(d, r.id)] for d, r in mentions)
    assert len({michael, mark, bare, g}) == 4
    assert michael == "researcher:maes-m-michael" and mark == "researcher:maes-m-mark"
    # Same answer whatever the input order.
    assert reconcile_researchers(list(reversed(mentions))) == mapping


def test_researcher_key_folds_accents() -> None:
    assert researcher_key(parse_full_name("Øystein Fluge")) == "researcher:fluge-o"


def study(id_: str, **kw: object) -> Study:
    return Study(id=id_, name="x", **kw)  # type: ignore[arg-type]


def test_studies_merge_on_doi_pmid_or_author_year_journal() -> None:
    mapping = reconcile_studies(
        [
            ("a.txt", study("doi:10.1/x", doi="10.1/x", pmid="1", first_author="Roerink", year=2017, journal="JTM")),
            ("b.txt", study("pmid:1", pmid="1")),
            ("c.txt", study("study:roerink-2017-jtm", first_author="Roerink", year=2017, journal="JTM")),
        ]
    )
    assert set(mapping.values()) == {"doi:10.1/x"}


def test_studies_with_different_dois_never_merge() -> None:
    mapping = reconcile_studies(
        [
            ("a.txt", study("doi:10.1/a", doi="10.1/a", first_author="Fluge", year=2019, journal="AIM")),
            ("b.txt", study("doi:10.1/b", doi="10.1/b", first_author="Fluge", year=2019, journal="AIM")),
            ("c.txt", study("study:fluge-2019-aim", first_author="Fluge", year=2019, journal="AIM")),
        ]
    )
    assert mapping[("a.txt", "doi:10.1/a")] != mapping[("b.txt", "doi:10.1/b")]
    # The DOI-less mention joins the first group; it is not duplicated.
    assert mapping[("c.txt", "study:fluge-2019-aim")] == "doi:10.1/a"


@pytest.mark.parametrize(
    ("raw", "doi"),
    [
        ("https://doi.org/10.1186/s12967-017-1371-9", "10.1186/s12967-017-1371-9"),
        ("doi:10.1016/J.PNPBP.2020.109976.", "10.1016/j.pnpbp.2020.109976"),
        ("DOI", None),
    ],
)
def test_normalize_doi(raw: str, doi: str | None) -> None:
    assert normalize_doi(raw) == doi


def test_a_trial_in_an_atlas_entry_and_in_news_about_it_is_one_node() -> None:
    from graph.build import build_graph
    from loaders import load_text
    from ontology.enums import NodeLabel

    entry = "\n".join(
        [
            "Fluge, Øystein, Rekeland, Ingrid G, Lien, Katarina et al. · Annals of internal medicine · 2019 · DOI",
            "In a phase 3 randomized placebo-controlled trial, 151 patients with ME/CFS received rituximab or "
            "placebo, and rituximab was not better than placebo.",
            "The result argues against B-cell depletion for all patients.",
            "The trial does not prove that autoimmunity plays no part.",
            "About the PEM badge: the badge says whether post-exertional malaise was an entry criterion.",
        ]
    )
    article = "\n".join(
        [
            "ME Research Digest > Conference News > Test Meeting 2024",
            "A Headline",
            "Test Writer",
            "May 2, 2024",
            "Øystein Fluge, MD, of Haukeland University Hospital spoke about B cells.",
            "A phase 3 randomized placebo-controlled trial of rituximab in 151 patients with ME/CFS found no benefit.",
        ]
    )
    g = build_graph([load_text(entry + "\n", "entry.txt"), load_text(article + "\n", "news.txt")])
    trials = [n for n, d in g.nodes(data=True) if d["label"] == NodeLabel.TRIAL.value]
    assert trials == ["trial:rituximab-phase-3-fluge"]
    assert set(g.nodes[trials[0]]["source_docs"]) == {"entry.txt", "news.txt"}
