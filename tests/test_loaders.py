"""Loader behaviour on small documents written for the tests (real studies, our own sentences)."""

from __future__ import annotations

import pytest

from loaders import ParseError, load_text
from loaders.cues import NULL_OUTCOME, POSITIVE_OUTCOME, phase_of, size_of
from loaders.people import institutions_in
from ontology.enums import Direction, DocKind, NodeLabel, Outcome, RelType, Section
from ontology.model import Conference, Extraction, Study, Trial

BOILERPLATE = "About the PEM badge: the badge says whether post-exertional malaise was an entry criterion."


def atlas(header: str, p1: str, p2: str, p3: str, *tail: str) -> str:
    return "\n".join([header, p1, p2, p3, *tail, BOILERPLATE]) + "\n"


def edges(e: Extraction, rel: RelType) -> set[tuple[str, str]]:
    return {(x.source, x.target) for x in e.edges if x.type is rel}


FLUGE_2019 = atlas(
    "Fluge, Øystein, Rekeland, Ingrid G, Lien, Katarina et al. · Annals of internal medicine · 2019 · DOI",
    "In a phase 3 randomized placebo-controlled trial, 151 patients with ME/CFS received rituximab or "
    "placebo infusions, and rituximab was not better than placebo on fatigue after two years.",
    "The result argues against treating all patients with B-cell depletion.",
    "The trial does not prove that autoimmunity plays no part in ME/CFS, and it does not show that "
    "rituximab cannot help a subgroup with mitochondrial dysfunction.",
    "PEM required",
)


def test_atlas_entry_with_badge_null_trial_and_limitations() -> None:
    e = load_text(FLUGE_2019, "fluge.txt")
    assert e.kind is DocKind.ATLAS
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.pem_badge is not None and study.pem_badge.value == "PEM required"
    assert study.design.value == "randomized controlled trial"
    assert study.size == 151
    assert (study.id, "drug:rituximab") in edges(e, RelType.NULL_RESULT)
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert trial.phase == "3" and (trial.id, "drug:rituximab") in edges(e, RelType.NULL_RESULT)
    # The third paragraph names autoimmunity and mitochondrial dysfunction: no claim may come from it.
    assert not edges(e, RelType.PROPOSES)
    assert all(x.evidence.section is not Section.LIMITATIONS for x in e.edges)
    authors = {n.name for n in e.nodes if n.node_label is NodeLabel.RESEARCHER}
    assert authors == {"Øystein Fluge", "Ingrid G Rekeland", "Katarina Lien"}


def test_negated_mechanism_is_not_proposed() -> None:
    text = atlas(
        "Doe, Jane · Journal of translational medicine · 2021 · DOI",
        "Researchers compared 40 patients with ME/CFS with 40 healthy controls and found no evidence of "
        "mitochondrial dysfunction in their muscle cells, while lactate was elevated after exercise.",
        "The finding narrows the search for the cause of exercise intolerance.",
        "The study does not prove that lactate causes symptoms.",
    )
    e = load_text(text, "doe.txt")
    assert not any(t == "mechanism:mitochondrial-dysfunction" for _, t in edges(e, RelType.PROPOSES))
    measured = {x.target: x.direction for x in e.edges if x.type is RelType.MEASURED}
    assert measured.get("biomarker:lactate") is not None and measured["biomarker:lactate"].value == "elevated"


def test_bibtex_block_gives_title_doi_pmid_and_all_authors() -> None:
    text = atlas(
        "Naviaux, Robert K, Naviaux, Jane C et al. · Proceedings of the National Academy of Sciences · 2016 · DOI",
        "The team measured metabolites in 45 patients with ME/CFS and found lower sphingolipids.",
        "A metabolic signature may help diagnosis.",
        "The study cannot show cause and effect.",
        "Primary citation",
        "Naviaux, Robert K et al. (2016). Metabolic features of chronic fatigue syndrome. Proceedings of the "
        "National Academy of Sciences. https://doi.org/10.1073/pnas.1607571113",
        "BibTeX",
        "@article{x,",
        "author = {Naviaux, Robert K and Naviaux, Jane C and Li, Kefeng},",
        "title = {Metabolic features of chronic fatigue syndrome.},",
        "doi = {10.1073/PNAS.1607571113},",
        "note = {PubMed: 27573827},",
        "}",
    )
    e = load_text(text, "naviaux.txt")
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.id == "doi:10.1073/pnas.1607571113"
    assert study.pmid == "27573827" and study.title == "Metabolic features of chronic fatigue syndrome"
    assert len(edges(e, RelType.AUTHORED)) == 3  # two Naviaux, one Li: same surname, different initials


def test_news_trial_sentences_continue_and_led_by_covers_co_leads() -> None:
    text = "\n".join(
        [
            "ME Research Digest > Conference News > RECOVER Symposium 2024",
            "An Antiviral Falls Short",
            "Test Writer",
            "June 10, 2024",
            "In the phase 2 STOP-PASC trial, 155 adults with long COVID were randomly assigned to "
            "nirmatrelvir-ritonavir or placebo for 15 days.",
            "At 10 weeks, symptom severity did not differ significantly between the groups.",
            "The trial was led by Linda Geng, MD, PhD, of Stanford University, and Upinder Singh, MD.",
        ]
    )
    e = load_text(text + "\n", "news.txt")
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert trial.phase == "2" and trial.size == 155 and trial.outcome.value == "null"
    assert (trial.id, "drug:nirmatrelvir-ritonavir") in edges(e, RelType.NULL_RESULT)
    leads = {t for s, t in edges(e, RelType.LED_BY) if s == trial.id}
    assert leads == {"researcher:geng-l", "researcher:singh-u"}
    affiliations = edges(e, RelType.AFFILIATED_WITH)
    assert ("researcher:geng-l", "institution:stanford-university") in affiliations


@pytest.mark.parametrize(
    ("sentence", "null"),
    [
        ("The drug did not significantly change fatigue scores.", True),
        ("The trial did not achieve its primary endpoint.", True),
        ("Treatment was no better than placebo.", True),
        ("After treatment there was no significant difference between patients and healthy controls.", False),
        ("The supplement led to significant improvement in fatigue.", False),
        ("Treatment was not effective.", True),
        ("The difference between the groups was not statistically significant.", True),
        ("The primary endpoint was not met.", True),
        ("Both groups improved to a similar degree.", True),
        ("The study was stopped early for lack of efficacy.", True),
        ("Fatigue scores were unchanged with treatment.", True),
        ("The infusions did not help.", True),
        ("Results of the trial were disappointing.", True),
        ("The antiviral fell short of its primary goal.", True),
        ("Patients given placebo did just as well.", True),
        ("There was a non-significant trend towards less fatigue.", True),
        ("Efficacy could not be demonstrated.", True),
        ("There was no difference in step counts between the two groups.", True),
        ("Scores on the drug were indistinguishable from placebo.", True),
        ("The drug helped half of the patients.", False),
    ],
)
def test_null_outcome_cues(sentence: str, null: bool) -> None:
    assert bool(NULL_OUTCOME.search(sentence)) is null


def test_positive_outcome_cues() -> None:
    assert POSITIVE_OUTCOME.search("Fatigue fell significantly more in the supplement group than in the placebo group")


@pytest.mark.parametrize(
    ("text", "phase", "size"),
    [("a Phase III trial in 234 patients", "3", 234), ("phase 2/3, in nine individuals", "2/3", 9)],
)
def test_phase_and_size(text: str, phase: str, size: int) -> None:
    assert phase_of(text) == phase and size_of(text) == size


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "empty document"),
        ("\nFluge, O · J · 2019 · DOI\n", 2, "starts with blank lines"),
        ("hello\nworld\n", 1, "unrecognised document kind"),
        ("Fluge, O · J · 2019 · DOI\nOne paragraph only.\n", 3, "expected three paragraphs"),
        ("Fluge, O · J · 2019 · DOI\na\nb\nc\n@article{x,\nauthor = {Fluge, O},\n", 5, "BibTeX block is not closed"),
    ],
)
def test_parse_errors_name_the_line_and_the_reason(text: str, line: int, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        load_text(text, "bad.txt")
    assert err.value.line == line and reason in err.value.reason
    assert str(err.value).startswith(f"bad.txt:{line}: ")


def test_news_leaders_named_as_principal_investigator_or_with_who_leads() -> None:
    text = "\n".join(
        [
            "ME Research Digest > Conference News > RECOVER Symposium 2023",
            "An Antiviral Given for Longer",
            "Test Writer",
            "August 2, 2023",
            "A randomized, placebo-controlled trial of nirmatrelvir-ritonavir for long COVID is recruiting at "
            "Brigham and Women's Hospital under principal investigator Lindsey Baden, MD.",
            "Separately, a phase 2 trial of pyridostigmine in 45 people with ME/CFS was run by a Boston team; "
            "David Systrom, MD, who leads the trial, said results were encouraging.",
        ]
    )
    e = load_text(text + "\n", "news.txt")
    leads = {(s.split("-")[0], t) for s, t in edges(e, RelType.LED_BY)}
    assert ("trial:nirmatrelvir", "researcher:baden-l") in leads
    assert ("trial:pyridostigmine", "researcher:systrom-d") in leads


def news(*paragraphs: str) -> Extraction:
    head = ["ME Research Digest > Conference News > Test Meeting 2024", "A Headline", "Test Writer", "May 2, 2024"]
    return load_text("\n".join([*head, *paragraphs]) + "\n", "news.txt")


@pytest.mark.parametrize(
    ("sentence", "person", "institution"),
    [
        # a title between the institution and the name
        ("Yale's Akiko Iwasaki has studied immune responses after COVID-19 for years.", "iwasaki-a", "yale-university"),
        ("Acting NIH Director Lawrence Tabak, DDS, PhD, opened the meeting.", "tabak-l", "nih"),
        # a role phrase before the name
        (
            "The director of the Center for Infection and Immunity at Columbia University, W. Ian Lipkin, MD, spoke.",
            "lipkin-wi",
            "columbia-university",
        ),
        # a group run from a place, and "Y's center is led by"
        (
            "The trial is run from Yale School of Medicine by cardiologist Harlan Krumholz, MD, and immunologist "
            "Akiko Iwasaki, PhD.",
            "krumholz-h",
            "yale-university",
        ),
        (
            "Cornell's center is led by molecular biologist Maureen Hanson, PhD, who studies the gut.",
            "hanson-m",
            "cornell-university",
        ),
        # a relative clause that says where the person works
        (
            "Nancy Klimas, MD, who directs the Institute for Neuro-Immune Medicine at Nova Southeastern University, "
            "spoke about Gulf War illness.",
            "klimas-n",
            "nova-southeastern-university",
        ),
        # a group at a place; a place opening the sentence; work at a place, then its leader
        (
            "Dr. Peter Rowe's group at Johns Hopkins University reported low blood pressure on tilt in 23 patients.",
            "rowe-p",
            "johns-hopkins-university",
        ),
        (
            "At Newcastle University in England, Cara Tomas, PhD, and colleagues measured respiration in blood cells.",
            "tomas-c",
            "newcastle-university",
        ),
        (
            "A second study from The Jackson Laboratory in Farmington, led by microbiome researcher Julia Oh, PhD, "
            "followed 150 people with ME/CFS.",
            "oh-j",
            "jackson-laboratory",
        ),
        # "X and Y of Z": both work at Z
        (
            "The charity thanked Vicky Whittemore and Andrew Breeden of the NIH for their help.",
            "whittemore-v",
            "nih",
        ),
        # "Y, where Professor X leads ..."
        (
            "One result comes from Griffith University on the Gold Coast, where Professor Sonya Marshall-Gradisnik "
            "leads a neuroimmunology centre.",
            "marshall-gradisnik-s",
            "griffith-university",
        ),
        # "his Stanford colleague X"
        ("Younger wrote the paper with his Stanford colleague Sean Mackey.", "mackey-s", "stanford-university"),
        # "At Y, the unit run by X and Professor Z ..."
        (
            "At the University of Dundee, the vascular research unit run by Faisel Khan and Professor Jill Belch "
            "tested vitamin D in 50 patients with ME/CFS.",
            "khan-f",
            "university-of-dundee",
        ),
        (
            "At the University of Dundee, the vascular research unit run by Faisel Khan and Professor Jill Belch "
            "tested vitamin D in 50 patients with ME/CFS.",
            "belch-j",
            "university-of-dundee",
        ),
        # "a team at Y, led by X"
        (
            "This Minneapolis team at Hennepin County Medical Center, led by P. K. Peterson, randomised 30 patients "
            "with chronic fatigue syndrome.",
            "peterson-pk",
            "hennepin-county-medical-center",
        ),
    ],
)
def test_news_affiliation_forms(sentence: str, person: str, institution: str) -> None:
    e = news(sentence)
    affiliated = {(s.split(":")[1], t.split(":")[1]) for s, t in edges(e, RelType.AFFILIATED_WITH)}
    assert (person, institution) in affiliated


def test_news_affiliation_not_taken_from_the_sentence_verb_or_a_later_author() -> None:
    e = news(
        "W. Ian Lipkin, MD, was among the leaders of the centers funded by the National Institutes of Health.",
        "Cornell's center is led by molecular biologist Maureen Hanson, PhD, whose group reported in 2016, in a study "
        "led by first author Ludovic Giloteaux, that gut bacteria were less diverse in ME/CFS.",
    )
    affiliated = {(s.split(":")[1], t.split(":")[1]) for s, t in edges(e, RelType.AFFILIATED_WITH)}
    assert ("lipkin-w", "nih") not in affiliated
    assert ("giloteaux-l", "cornell-university") not in affiliated
    assert ("hanson-m", "cornell-university") in affiliated


def test_comparison_groups_are_not_the_condition_studied() -> None:
    e = load_text(
        atlas(
            "Cliff, Jacqueline M, King, Elizabeth C · Frontiers in immunology · 2019 · DOI",
            "The team compared immune cells of 251 people with ME/CFS with those of 107 healthy volunteers and "
            "46 people with multiple sclerosis, and NK cells were unchanged.",
            "The study speaks against a simple NK-cell defect.",
            "One blood sample cannot show cause and effect.",
        ),
        "cliff.txt",
    )
    studied = {t for _, t in edges(e, RelType.STUDIED)}
    assert "condition:me-cfs" in studied
    assert "condition:multiple-sclerosis" not in studied


def test_a_review_tests_no_drug_and_measures_nothing_itself() -> None:
    e = load_text(
        atlas(
            "Sotzny, Franziska, Blanco, Julia · Autoimmunity reviews · 2018 · DOI",
            "This review gathers the evidence for autoimmunity in ME/CFS: earlier trials in which rituximab was "
            "given were followed by improvement in some patients, and IL-6 was elevated in several cohorts.",
            "Calling ME/CFS autoimmune points to existing treatments.",
            "A review cannot establish cause.",
        ),
        "review.txt",
    )
    assert not edges(e, RelType.TESTED)
    assert not edges(e, RelType.MEASURED)
    assert "mechanism:autoimmunity" in {t for _, t in edges(e, RelType.PROPOSES)}


def test_atlas_prose_names_leaders_and_their_institutions() -> None:
    e = load_text(
        atlas(
            "White, P D, Goldsmith, K A, Johnson, A L et al. · Lancet · 2011 · DOI",
            "The trial randomised 641 people with chronic fatigue syndrome to four treatments. Its principal "
            "investigators were Peter White of Queen Mary University of London, Trudie Chalder of King's College "
            "London and Michael Sharpe of the University of Edinburgh.",
            "The result shaped guidelines for years.",
            "It cannot show that the illness is caused by deconditioning.",
        ),
        "pace.txt",
    )
    leaders = {t for _, t in edges(e, RelType.LED_BY)}
    assert {"researcher:white-pd", "researcher:chalder-t", "researcher:sharpe-m"} <= leaders
    affiliated = edges(e, RelType.AFFILIATED_WITH)
    assert ("researcher:chalder-t", "institution:kings-college-london") in affiliated
    assert ("researcher:sharpe-m", "institution:university-of-edinburgh") in affiliated
    assert ("researcher:white-pd", "institution:kings-college-london") not in affiliated


def test_news_trial_without_its_own_condition_studied_the_articles() -> None:
    e = news(
        "People with long COVID in the trial had lived with symptoms for at least three months.",
        "Researchers also described a second trial, in which 40 patients with long COVID will receive "
        "nirmatrelvir-ritonavir.",
        "Separately, a phase 2 trial of AXA1125 is recruiting.",
    )
    studied = {(s.split("-")[0], t) for s, t in edges(e, RelType.STUDIED)}
    assert ("trial:axa1125", "condition:long-covid") in studied
    rule = {x.evidence.rule for x in e.edges if x.type is RelType.STUDIED and x.source.startswith("trial:axa1125")}
    assert rule == {"news.studied.article"}


def test_news_lede_trial_gets_its_drug_from_a_later_sentence() -> None:
    e = news(
        "An amino-acid drink reduced fatigue in a small phase 2a randomized trial in long COVID, but it did not "
        "meet its primary endpoint.",
        "Between 2021 and 2022, 41 adults were randomly assigned to AXA1125 or placebo.",
    )
    trials = [n for n in e.nodes if isinstance(n, Trial)]
    assert [(t.phase, t.outcome) for t in trials] == [("2a", Outcome.NULL)]
    assert (trials[0].id, "drug:axa1125") in edges(e, RelType.NULL_RESULT)


def test_news_targets_of_the_drug_just_named_and_restorative_verbs() -> None:
    e = news(
        "A phase 2 trial of larazotide is recruiting children with long COVID.",
        "It blocks zonulin and so tightens the gut barrier.",
    )
    assert ("drug:larazotide", "mechanism:intestinal-barrier-dysfunction") in edges(e, RelType.TARGETS)


def test_news_trial_named_first_without_its_phase_is_one_trial() -> None:
    e = news(
        "A single infusion of the antibody AER002 did not improve long COVID symptoms in the outSMART-LC trial.",
        "The randomized phase 2 trial of AER002 enrolled 30 participants.",
        "In a recent pilot study, daratumumab in 10 patients with ME/CFS was associated with improvement.",
        "A phase 2 trial of daratumumab has been initiated.",
    )
    phases = sorted((t.id.split("-")[0], t.phase or "-") for t in e.nodes if isinstance(t, Trial))
    assert phases == [("trial:aer002", "2"), ("trial:daratumumab", "-"), ("trial:daratumumab", "2")]


def _proposed(p1: str) -> set[str]:
    text = atlas("Doe, Jane · Frontiers in immunology · 2022 · DOI", p1, "It matters.", "It does not prove much.")
    return {t for _, t in edges(load_text(text, "doe.txt"), RelType.PROPOSES)}


@pytest.mark.parametrize(
    ("p1", "mechanism", "proposed"),
    [
        # An anchor with its own cue: the virus must be said to persist, near it, not "after" it.
        (
            "The authors argue that fragments of the virus persist in gut tissue of people with long COVID.",
            "viral-persistence",
            True,
        ),
        (
            "In 60 people with long COVID, symptoms persisted for months after SARS-CoV-2 infection.",
            "viral-persistence",
            False,
        ),
        (
            "The review argues that the illness behaves like an autoimmune disease in a subset of patients.",
            "autoimmunity",
            True,
        ),
        (
            "Rituximab is a drug used in autoimmune disease and was given to 30 patients with ME/CFS.",
            "autoimmunity",
            False,
        ),
        # A plural synonym also names the singular.
        ("The authors propose an autoimmune process in a subset of people with ME/CFS.", "autoimmunity", True),
        # The generic impairment cue, in plainer words.
        ("Cells from 20 patients with ME/CFS had fragmented mitochondria.", "mitochondrial-dysfunction", True),
        # What something does is a target, not a mechanism the study proposes.
        (
            "In 40 people with ME/CFS, fewer gut bacteria made butyrate, a fatty acid that calms inflammation.",
            "inflammation",
            False,
        ),
        # A denied list keeps denying its later items, until a new clause starts.
        (
            "The study found no sign of persistent infection, of autoimmunity or of immune activation in "
            "40 people with long COVID.",
            "autoimmunity",
            False,
        ),
        (
            "There was no evidence of viral persistence, but the team reported autoimmunity in 12 of 40 patients.",
            "autoimmunity",
            True,
        ),
        # Plain words for mechanisms; a structure's own cue ("fell", "overactive", "exhausted", "reawakened").
        (
            "Blood flow to the brain fell by a quarter when 30 people with ME/CFS stood up.",
            "cerebral-hypoperfusion",
            True,
        ),
        (
            "The authors argue that an immune system stuck in overdrive drives long COVID in 40 patients.",
            "immune-activation",
            True,
        ),
        (
            "In 30 people with long COVID, mast cells were overactive and released histamine.",
            "mast-cell-activation",
            True,
        ),
        ("Mast cells release histamine, the study of 30 healthy volunteers explains.", "mast-cell-activation", False),
        ("In 40 people with long COVID, killer T cells were exhausted.", "t-cell-exhaustion", True),
        ("In 40 people with long COVID, T cells were counted by flow cytometry.", "t-cell-exhaustion", False),
        ("Total blood volume was low in 20 people with ME/CFS.", "hypovolemia", True),
        (
            "The authors argue that the fight-or-flight response is stuck on in 40 people with ME/CFS.",
            "sympathetic-overactivity",
            True,
        ),
        ("Immune cells in the brain were activated in 12 people with ME/CFS.", "microglial-activation", True),
        ("In 40 people with long COVID, Epstein-Barr virus had reawakened.", "ebv-reactivation", True),
        ("Epstein-Barr virus infection preceded ME/CFS in 40 patients.", "ebv-reactivation", False),
        ("In 30 people with long COVID, the blood clots too easily.", "hypercoagulability", True),
        (
            "The muscles of 20 people with ME/CFS extracted less oxygen from the blood.",
            "impaired-oxygen-extraction",
            True,
        ),
        (
            "The authors argue that rogue antibodies drive ME/CFS in a subset of 50 patients.",
            "pathogenic-autoantibodies",
            True,
        ),
        (
            "In 25 people with long COVID, gut bacteria leaking into the blood fuelled inflammation.",
            "microbial-translocation",
            True,
        ),
        # named in passing: in a journal's name, as a debate's topic, as one symptom among others
        ("Their model of ME/CFS was published in Autoimmunity Reviews in 2020.", "autoimmunity", False),
        ("The study of 200 people with ME/CFS adds to the viral reactivation debate.", "viral-reactivation", False),
        (
            "Nine people had fatigue, brain fog and orthostatic intolerance after COVID-19.",
            "orthostatic-intolerance",
            False,
        ),
        # ... but "chronic fatigue syndrome" in the list is the illness, not a symptom
        (
            "Chronic fatigue syndrome has been linked to mitochondrial dysfunction and oxidative stress in 30 "
            "patients.",
            "mitochondrial-dysfunction",
            True,
        ),
    ],
)
def test_mechanisms_in_plain_words(p1: str, mechanism: str, proposed: bool) -> None:
    assert (f"mechanism:{mechanism}" in _proposed(p1)) is proposed


def test_a_trial_built_to_test_a_mechanism_targets_it_with_its_drugs() -> None:
    e = news(
        "A phase 2 trial of nirmatrelvir-ritonavir enrolled 100 adults with long COVID at Stanford.",
        "The trial was designed to test the idea that fragments of the virus persist in tissues.",
    )
    assert ("drug:nirmatrelvir-ritonavir", "mechanism:viral-persistence") in edges(e, RelType.TARGETS)
    # Naming a mechanism without saying the trial tests it gives no TARGETS edge.
    e = news(
        "A phase 2 trial of nirmatrelvir-ritonavir enrolled 100 adults with long COVID at Stanford.",
        "The trial found that fatigue did not improve, and patients with mitochondrial dysfunction fared worst.",
    )
    assert not edges(e, RelType.TARGETS)


@pytest.mark.parametrize(
    ("paragraphs", "study", "leaders"),
    [
        # the senior author leads the study, also after an aside about the person
        (
            (
                "The paper appeared in Science Translational Medicine in 2024, with Michael Peluso as first author "
                "and Timothy Henrich, MD, whose laboratory at UCSF studies viral reservoirs, as senior author.",
            ),
            "Peluso et al. 2024",
            {"Timothy Henrich"},
        ),
        # a role word ending in -ologist/-ician/-scientist introduces a name; "X's group" leads the study
        (
            (
                "Andrea Light, a neuroscientist at the University of Utah, studies what exertion does.",
                "In a study published in the Journal of Internal Medicine in 2012, Light's group asked 48 patients "
                "with chronic fatigue syndrome to exercise.",
            ),
            "Light et al. 2012",
            {"Andrea Light"},
        ),
        # "his team's paper": the person named before the pronoun, not the first author
        (
            (
                "Paul Fisher, a professor at La Trobe University, has worked on the problem for years; his team's "
                "paper appeared in February, with Daniel Missailidis as first author.",
            ),
            "Missailidis et al. 2024",
            {"Paul Fisher"},
        ),
        # "X and Y, MD, run the ... (ACRONYM) study": both lead the study named by its short name
        (
            (
                "Michael Peluso and Steven Deeks, MD, run the Long-term Impact of Infection with Novel Coronavirus "
                "(LIINC) study, which follows 700 people after SARS-CoV-2 infection.",
            ),
            "LIINC",
            {"Michael Peluso", "Steven Deeks"},
        ),
        # "led by first author X": X leads; co-authors named after that do not
        (
            (
                "The RESTORE ME study of oxaloacetate in 82 patients with ME/CFS was led by first author Alan Cash "
                "of Terra Biological, with co-authors including Lucinda Bateman, MD, of the Bateman Horne Center.",
            ),
            "Cash et al. 2024",
            {"Alan Cash"},
        ),
    ],
)
def test_news_study_leaders(paragraphs: tuple[str, ...], study: str, leaders: set[str]) -> None:
    e = news(*paragraphs)
    names = {n.id: n.name for n in e.nodes}
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if names[s] == study} == leaders


def test_a_name_joined_by_and_is_introduced_but_not_after_an_article() -> None:
    from loaders.people import find_introductions

    said = "Michael Peluso and Steven Deeks, MD, spoke."
    assert [i.name.display for i in find_introductions(said)] == ["Michael Peluso", "Steven Deeks"]
    assert [i.name.display for i in find_introductions("The Chronic Fatigue and Steven Deeks, MD, spoke.")] == [
        "Steven Deeks"
    ]


def test_an_atlas_entry_about_a_controlled_trial_without_a_phase_yields_the_trial() -> None:
    text = atlas(
        "Straus, Stephen E, Dale, Janet K, Tobi, Martin et al. · New England journal of medicine · 1988 · DOI",
        "In a randomized, placebo-controlled crossover trial, 27 patients with chronic fatigue syndrome received "
        "intravenous then oral acyclovir or placebo, and acyclovir was no better than placebo.",
        "The result argued against an antiviral treatment for most patients.",
        "The trial does not prove that viruses play no part.",
    )
    e = load_text(text, "straus.txt")
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert trial.phase is None
    assert (trial.id, "drug:acyclovir") in edges(e, RelType.NULL_RESULT)
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert (study.id, trial.id) in edges(e, RelType.REPORTS)


def test_people_who_had_covid_in_a_long_covid_study_are_studied_for_long_covid() -> None:
    def studied(p1: str) -> set[str]:
        text = atlas("Doe, Jane · Nature immunology · 2022 · DOI", p1, "It matters.", "It does not prove much.")
        return {t for _, t in edges(load_text(text, "doe.txt"), RelType.STUDIED)}

    after = (
        "Researchers followed 60 adults who had had COVID-19 months earlier, and those with long COVID had "
        "raised interferon levels."
    )
    assert "condition:long-covid" in studied(after) and "condition:covid-19" not in studied(after)
    # enrolled during the infection itself: COVID-19 is what they have
    acute = "The trial gave metformin to 1,300 adults with COVID-19 within three days of symptoms."
    assert "condition:covid-19" in studied(acute)


def test_a_drug_class_named_beside_its_member_is_not_a_second_drug() -> None:
    e = news(
        "The phase 3 trial compared atorvastatin, a statin, with placebo in 600 adults with long COVID.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert {t for s, t in edges(e, RelType.TESTED) if s == trial.id} == {"drug:atorvastatin"}
    # siblings that share a category are both drugs (IVIG and SCIG are not each other's class)
    e = news("The phase 2 trial gave IVIG or SCIG to 40 patients with POTS.")
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert {t for s, t in edges(e, RelType.TESTED) if s == trial.id} == {"drug:ivig", "drug:scig"}


def test_a_trial_named_before_its_drug_and_a_later_arm_are_one_trial() -> None:
    e = news(
        "Among the first to report was HEAL-COVID, a platform trial run from the University of Cambridge with "
        "Charlotte Summers as chief investigator.",
        "It tested whether two weeks of apixaban after discharge could prevent readmissions in 800 adults.",
        "The apixaban arm was stopped for lack of benefit, and the trial moved on to atorvastatin.",
        "Still under way is STIMULATE-ICP, a programme led by Amitava Banerjee of University College London.",
    )
    trials = [n for n in e.nodes if isinstance(n, Trial)]
    assert [t.name for t in trials] == ["HEAL-COVID"]
    heal = trials[0].id
    assert {t for s, t in edges(e, RelType.TESTED) if s == heal} == {"drug:apixaban", "drug:atorvastatin"}
    assert {t for s, t in edges(e, RelType.LED_BY) if s == heal} == {"researcher:summers-c"}


def test_a_product_code_introduced_once_names_the_drug_later() -> None:
    e = news(
        "Jon Kaiser, MD, of K-PAX Pharmaceuticals combined methylphenidate with nutrients in a product called KPAX002.",
        "The randomized follow-up, the phase 2 Synergy Trial, did not bear that out.",
        "Run at four US centres, including Stanford, where Jose Montoya, MD, led the work, it assigned 120 "
        "patients with ME/CFS to KPAX002 or placebo.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert trial.phase == "2"
    assert (trial.id, "drug:kpax002") in edges(e, RelType.NULL_RESULT)
    assert ("researcher:montoya-j", trial.id) in {(t, s) for s, t in edges(e, RelType.LED_BY)}
    assert ("researcher:kaiser-j", "institution:k-pax-pharmaceuticals") in edges(e, RelType.AFFILIATED_WITH)
    # a trial's code name is not a drug
    text = atlas(
        "Strayer, David R · PloS one · 2012 · DOI",
        "This phase 3 trial, known as AMP-516, tested rintatolimod in 234 patients with ME/CFS.",
        "It matters.",
        "It does not prove much.",
    )
    drugs = {n.name for n in load_text(text, "amp.txt").nodes if n.node_label is NodeLabel.DRUG}
    assert drugs == {"rintatolimod"}


def _measured(p1: str) -> dict[str, str]:
    text = atlas("Doe, Jane · Science · 2024 · DOI", p1, "It matters.", "It does not prove much.")
    edges_ = load_text(text, "doe.txt").edges
    return {x.target: x.direction.value for x in edges_ if x.type is RelType.MEASURED and x.direction is not None}


@pytest.mark.parametrize(
    ("p1", "expected"),
    [
        # named through what was measured: complexes, antibodies against a virus, the size of a structure
        (
            "In 40 people with long COVID, soluble C5b-6 complexes were raised, antithrombin III was low, and "
            "patients had higher antibody levels against several herpesviruses, including Epstein-Barr virus and "
            "cytomegalovirus. A 7 Tesla scan of 10 people with ME/CFS showed a larger brainstem than in controls.",
            {
                "biomarker:c5b-6-complex": "elevated",
                "biomarker:antithrombin-iii": "reduced",
                "biomarker:ebv-antibodies": "elevated",
                "biomarker:cmv-antibodies": "elevated",
                "biomarker:brainstem-volume": "elevated",
            },
        ),
        # a plural in -es; a direction word right before the measure wins over a nearer cue after it;
        # what earlier studies found is not this study's measurement
        (
            "Earlier studies had found low cortisol in such patients. In 30 people with long COVID, terminal "
            "complement complexes were low, with low antithrombin III and raised von Willebrand factor.",
            {
                "biomarker:terminal-complement-complex": "reduced",
                "biomarker:antithrombin-iii": "reduced",
                "biomarker:von-willebrand-factor": "elevated",
            },
        ),
        # "more common" / "less common"
        (
            "In 33 people with ME/CFS, transitional B cells were more common than in controls and plasmablasts "
            "were less common.",
            {"biomarker:transitional-b-cells": "elevated", "biomarker:plasma-cells": "reduced"},
        ),
        # immune subsets, soluble receptors, taxa and neuronal markers; stroke volume is not cardiac output
        (
            "In 40 people with long COVID, CD56dim NK cells were reduced, soluble TNF receptor 2 was raised, "
            "Faecalibacterium prausnitzii was depleted and plasma tau was higher than in controls. "
            "Stroke volume was lower in 20 people with ME/CFS, and fewer TEMRA cells were found.",
            {
                "biomarker:cd56dim-nk-cells": "reduced",
                "biomarker:stnfr": "elevated",
                "biomarker:faecalibacterium-prausnitzii": "reduced",
                "biomarker:tau": "elevated",
                "biomarker:stroke-volume": "reduced",
                "biomarker:temra-cells": "reduced",
            },
        ),
    ],
)
def test_biomarkers_under_the_names_writers_use(p1: str, expected: dict[str, str]) -> None:
    assert _measured(p1) == expected


def test_news_study_by_a_first_author_with_credentials_and_colleagues() -> None:
    e = news(
        "In a study published this year in Annals of Neurology, Peter Novak, MD, PhD, of Brigham and Women's "
        "Hospital and colleagues examined nine patients with long COVID.",
        "All nine had signs of dysautonomia, and eight had small fiber neuropathy on skin biopsy.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.name == "Novak et al. 2024"
    assert {(study.id, "mechanism:autonomic-dysfunction"), (study.id, "mechanism:small-fiber-neuropathy")} <= edges(
        e, RelType.PROPOSES
    )


@pytest.mark.parametrize(
    ("paragraphs", "study", "first_author"),
    [
        # a capitalised role word is not a first name; "the study's first author" after the affiliation
        (
            (
                "Virologist Graham Simmons of the Blood Systems Research Institute in San Francisco, the study's "
                "first author, presented the nine-laboratory study of 15 patients with ME/CFS.",
            ),
            "Simmons et al. 2024",
            "researcher:simmons-g",
        ),
        # "whose first author was psychiatrist X"; "led by infectious diseases physician Y"
        (
            (
                "The Dubbo study of 253 people with infectious mononucleosis, published in the BMJ in 2006, "
                "whose first author was psychiatrist Ian Hickie of the University of Sydney, was led by "
                "infectious diseases physician Andrew Lloyd of the University of New South Wales.",
            ),
            "Hickie et al. 2006",
            "researcher:hickie-i",
        ),
        # "That report" takes the year of "the 2009 paper" just before
        (
            (
                "The same day, Science ran a partial retraction of the 2009 paper that started the controversy.",
                "That report, whose first author was Vincent Lombardi of the Whittemore Peterson Institute, had "
                "described XMRV in the blood of 68 patients with chronic fatigue syndrome.",
            ),
            "Lombardi et al. 2009",
            "researcher:lombardi-v",
        ),
        # "her group's 2014 study": the person the article was talking about
        (
            (
                "Betsy Keller, an exercise physiologist at Ithaca College, measures what effort costs patients.",
                "In her group's 2014 study in the Journal of Translational Medicine, 22 patients with ME/CFS did "
                "two exercise tests a day apart.",
            ),
            "Keller et al. 2014",
            "researcher:keller-b",
        ),
        # a paper known by the journal it was published in
        (
            (
                "The results, published in the Journal of Translational Medicine in 2013 with Elizabeth Stringer as "
                "first author, showed that leptin rose and fell with fatigue in women with ME/CFS.",
            ),
            "Stringer et al. 2013",
            "researcher:stringer-e",
        ),
        # "with X herself as first author"
        (
            (
                "The first result comes from Carmen Scheibenbogen's group at Charité in Berlin.",
                "In a pilot study published in PLoS One in 2018, with Scheibenbogen herself as first author, ten "
                "patients with ME/CFS were treated with immunoadsorption.",
            ),
            "Scheibenbogen et al. 2018",
            "researcher:scheibenbogen-c",
        ),
        # an affiliation between the first author and "as first author" (Karolinska Institutet is no person)
        (
            (
                "A team led by Yenan Bryceson, an immunologist at Karolinska Institutet, examined killer cells of 48 "
                "patients with ME/CFS in a paper published in Frontiers in Immunology in 2017, with Jakob Theorell "
                "of Karolinska Institutet as first author.",
            ),
            "Theorell et al. 2017",
            "researcher:theorell-j",
        ),
    ],
)
def test_news_first_authors(paragraphs: tuple[str, ...], study: str, first_author: str) -> None:
    e = news(*paragraphs)
    names = {n.id: n.name for n in e.nodes}
    assert (first_author, study) in {(s, names[t]) for s, t in edges(e, RelType.AUTHORED)}


def test_a_report_first_authored_by_someone_introduced_later_shares_the_trials_claims() -> None:
    e = news(
        "Eight weeks of vortioxetine did not improve cognition more than placebo in a phase 2 randomized trial "
        "of 149 adults with long COVID.",
        "The full report appeared in the journal Brain with McIntyre as first author.",
        "The trial was led by psychiatrist Roger McIntyre of the University of Toronto.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.name == "McIntyre et al. 2024"
    assert (study.id, "drug:vortioxetine") in edges(e, RelType.NULL_RESULT)
    assert {n.id for n in e.nodes if n.node_label is NodeLabel.RESEARCHER} == {"researcher:mcintyre-r"}


def test_published_trials_counted_off_by_the_person_talked_about_are_studies_and_trials() -> None:
    e = news(
        "Øystein Fluge, MD, of Haukeland University Hospital walked the audience through the group's studies.",
        "In the first, a randomized, placebo-controlled study published in PLoS One in 2011, 30 patients with "
        "ME/CFS received rituximab or saline.",
        "The second, an open-label phase 2 study published in 2015, gave 29 patients rituximab.",
    )
    names = {n.id: n.name for n in e.nodes}
    tested = {(names[s], names[t]) for s, t in edges(e, RelType.TESTED)}
    assert {("Fluge et al. 2011", "rituximab"), ("Fluge et al. 2015", "rituximab")} <= tested
    trials = sorted((n.phase or "-") for n in e.nodes if isinstance(n, Trial))
    assert trials == ["-", "2"]  # two trials: the second is not the first one given a phase


def test_targets_of_an_antiviral_and_of_a_trial_run_on_a_theory() -> None:
    e = news(
        "A phase 2 trial of nirmatrelvir-ritonavir enrolled 100 adults with long COVID.",
        "The drug stops the virus from replicating in tissues.",
    )
    assert ("drug:nirmatrelvir-ritonavir", "mechanism:viral-persistence") in edges(e, RelType.TARGETS)
    e = news(
        "A phase 3 trial gave apixaban to 800 adults with long COVID, on the theory that clotting problems drive "
        "some of the damage.",
    )
    assert ("drug:apixaban", "mechanism:hypercoagulability") in edges(e, RelType.TARGETS)


def test_led_by_stops_where_the_authors_start() -> None:
    e = news(
        "That explanation gained weight when Science published work by a National Cancer Institute team led by "
        "Vinay Pathak, with Tobias Paprotka as first author, on 18 patients with chronic fatigue syndrome.",
    )
    names = {n.id: n.name for n in e.nodes}
    assert {names[t] for _, t in edges(e, RelType.LED_BY)} == {"Vinay Pathak"}


def test_a_comparator_is_not_a_drug_the_trial_tests() -> None:
    e = news(
        "Intravenous immunoglobulin (IVIG) was no better than infusions of albumin in a randomized trial of 30 "
        "patients with POTS.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert {t for s, t in edges(e, RelType.TESTED) if s == trial.id} == {"drug:ivig"}


def test_news_co_authors_of_a_study() -> None:
    e = news(
        "A 2020 study in ImmunoHorizons, first-authored by Philipp Schreiner, found HHV-6 reactivation in 10 "
        "patients with ME/CFS, in which Carmen Scheibenbogen, MD, and the San Diego researcher Robert Naviaux, "
        "MD, PhD, were co-authors.",
    )
    names = {n.id: n.name for n in e.nodes}
    authored = {names[s] for s, t in edges(e, RelType.AUTHORED) if names[t] == "Schreiner et al. 2020"}
    assert authored == {"Philipp Schreiner", "Carmen Scheibenbogen", "Robert Naviaux"}


def test_an_earlier_study_from_the_same_group() -> None:
    e = news(
        "In a study published in the Journal of Internal Medicine in 2012, Andrea Light, PhD, and colleagues "
        "asked 48 patients with chronic fatigue syndrome to exercise.",
        "An earlier, smaller study from the Utah group, published in the Journal of Pain in 2009, had found lower "
        "expression of the adrenergic receptor in 30 patients with chronic fatigue syndrome.",
    )
    assert {n.name for n in e.nodes if isinstance(n, Study)} == {"Light et al. 2012", "Light et al. 2009"}


def test_a_paper_reported_in_a_journal_last_year() -> None:
    e = news(
        "At Newcastle University, Cara Tomas and colleagues measured respiration in blood cells from 13 people "
        "with ME/CFS and reported in PeerJ last year that it did not differ from that of controls.",
    )
    names = {n.id: n.name for n in e.nodes}
    assert ("researcher:tomas-c", "Tomas et al. 2023") in {(s, names[t]) for s, t in edges(e, RelType.AUTHORED)}


def test_a_report_is_linked_to_a_trial_told_after_it_only_when_it_spoke_of_a_trial() -> None:
    cohort = news(
        "The findings, first published in Clinical Infectious Diseases with Leonard Jason as first author, came "
        "from a cohort of 4,500 students followed before and after infectious mononucleosis.",
        "In the UK, the HEAL-COVID trial, led by Charlotte Summers of the University of Cambridge, compares "
        "apixaban with usual care in 1,000 people leaving hospital after COVID-19.",
    )
    study = next(n for n in cohort.nodes if isinstance(n, Study))
    assert not {s for s, _ in edges(cohort, RelType.TESTED)} & {study.id}
    trial_report = news(
        "Lucy Finnigan, a researcher at the University of Oxford, presented the trial's biomarker results.",
        "The full report, with Finnigan as first author, was published in eClinicalMedicine in April.",
        "In the trial, 41 adults with long COVID were randomly assigned to AXA1125 or placebo for four weeks.",
    )
    study = next(n for n in trial_report.nodes if isinstance(n, Study))
    assert (study.id, "drug:axa1125") in edges(trial_report, RelType.TESTED)


def test_the_leader_of_a_trial_investigates_its_drugs() -> None:
    e = news(
        "The STOP-PASC trial gave nirmatrelvir-ritonavir or placebo for 15 days to 155 adults with long COVID.",
        "It was led by infectious disease specialist Linda Geng of Stanford University.",
    )
    assert ("researcher:geng-l", "drug:nirmatrelvir-ritonavir") in edges(e, RelType.INVESTIGATES)


def test_the_phase_of_a_trial_given_in_the_next_sentence() -> None:
    e = news(
        "The HEAL-COVID trial, led by Charlotte Summers of the University of Cambridge, compared apixaban with "
        "usual care in adults leaving hospital after COVID-19. The phase 3 study was funded by the NIHR.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert trial.phase == "3"
    assert len([n for n in e.nodes if isinstance(n, Trial)]) == 1


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (
            "the University of Cambridge and Addenbrooke's Hospital",
            ["University of Cambridge", "Addenbrooke's Hospital"],
        ),
        (
            "Ann & Robert H. Lurie Children's Hospital of Chicago.",
            ["Ann & Robert H. Lurie Children's Hospital of Chicago"],
        ),
        ("the University of Ottawa's Faculty of Medicine", ["University of Ottawa"]),
    ],
)
def test_institution_names_end_where_the_name_ends(span: str, expected: list[str]) -> None:
    assert [surface.removeprefix("the ") for surface, _ in institutions_in(span)] == expected


def test_a_trial_sentence_naming_only_the_drug_tests_the_drug_named_before() -> None:
    e = news(
        "Rintatolimod, known by its brand name Ampligen, is a synthetic double-stranded RNA drug.",
        "In a randomized, double-blind, placebo-controlled study, 92 patients with chronic fatigue syndrome received "
        "infusions of the drug or of placebo for 24 weeks.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert (trial.id, "drug:rintatolimod") in edges(e, RelType.TESTED)
    assert "the drug" not in next(n for n in e.nodes if n.id == "drug:rintatolimod").aliases


def test_low_dose_naltrexone_by_its_dose() -> None:
    e = news(
        "In a randomized, placebo-controlled crossover trial, 31 women with fibromyalgia took 4.5 mg of naltrexone "
        "a day for one phase and placebo for another.",
    )
    assert {t for _, t in edges(e, RelType.TESTED)} == {"drug:low-dose-naltrexone"}


def test_an_institution_is_not_taken_for_a_person_before_as_first_author() -> None:
    e = news(
        "In a paper published in Frontiers in Immunology in 2017, with Jakob Theorell of Karolinska Institutet as "
        "first author, 48 patients with ME/CFS were compared with healthy controls.",
    )
    assert {n.id for n in e.nodes if n.node_label is NodeLabel.RESEARCHER} == {"researcher:theorell-j"}


def test_led_by_in_a_new_paragraph_does_not_continue_the_last_study() -> None:
    e = news(
        "In a study published in PLoS One in 2015, Audrey Brown, the first author, grew muscle cells from "
        "biopsies of ten patients with ME/CFS and found that they took up less glucose after stimulation.",
        "At the University of Dundee, the vascular research unit run by Faisel Khan and Professor Jill Belch "
        "tested whether vitamin D would ease stiff arteries.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.name == "Brown et al. 2015"
    assert not [t for s, t in edges(e, RelType.TESTED) if s == study.id]


def _covered(crumb: str, date: str) -> list[tuple[str, str, int | None, str | None]]:
    e = load_text(f"Health Notes > Conference Report > {crumb}\nA Headline\nTest Writer\n{date}\nA talk.\n", "n.txt")
    covered = {t for s, t in edges(e, RelType.COVERS)}
    return [(n.id, n.name, n.year, n.vocab_id) for n in e.nodes if isinstance(n, Conference) and n.id in covered]


def test_one_conference_node_per_edition_of_a_known_series_whatever_the_outlet_calls_it() -> None:
    name = "Invest in ME Research International ME Conference 2011"
    edition = [
        ("conference:invest-in-me-research-international-me-conference-2011", name, 2011, "invest-in-me-conference")
    ]
    assert _covered("IiME 2011", "May 25, 2011") == edition
    assert _covered("Invest in ME 2011", "May 25, 2011") == edition
    assert _covered("IIMEC6", "May 25, 2011") == edition  # numbered editions: the year is the article's
    # a meeting of no known series keeps the outlet's name; a crumb with neither series nor year is no meeting
    assert _covered("Keystone Symposia 2025", "April 2, 2025") == [
        ("conference:keystone-symposia-2025", "Keystone Symposia 2025", 2025, None)
    ]
    assert _covered("Clinical Updates", "April 2, 2025") == []


def test_a_place_before_where_professor_is_no_person_and_last_month_is_last_year() -> None:
    e = load_text(
        "\n".join(
            [
                "ME Research Digest > Conference News > Invest in ME 2019",
                "A Headline",
                "Test Writer",
                "June 5, 2019",
                "One result comes from Griffith University on Australia's Gold Coast, where Professor Sonya "
                "Marshall-Gradisnik leads the National Centre for Neuroimmunology and Emerging Diseases.",
                "In a study published in Molecular Medicine last August, first author Hélène Cabanas and colleagues "
                "recorded TRPM3 currents in natural killer cells from people with ME/CFS.",
            ]
        )
        + "\n",
        "news.txt",
    )
    people = {n.id for n in e.nodes if n.node_label is NodeLabel.RESEARCHER}
    assert people == {"researcher:marshall-gradisnik-s", "researcher:cabanas-h"}
    assert "Cabanas et al. 2018" in {n.name for n in e.nodes if isinstance(n, Study)}


def test_a_drug_named_as_the_reason_for_a_study_is_not_tested() -> None:
    text = atlas(
        "Bradley, Alison S, Ford, Bettina, Bansal, Amolak S · Clinical and experimental immunology · 2013 · DOI",
        "Prompted by reports that the B-cell-depleting antibody rituximab helped some patients, this flow-cytometry "
        "study compared the B cells of 33 people with chronic fatigue syndrome with those of 24 healthy controls.",
        "It matters.",
        "It does not prove much.",
    )
    assert not edges(load_text(text, "bradley.txt"), RelType.TESTED)


def test_an_atlas_leader_who_led_the_programme() -> None:
    text = atlas(
        "Zachrisson, Olof, Regland, Björn, Jahreskog, Marianne et al. · European journal of pain · 2002 · DOI",
        "One hundred patients with fibromyalgia and chronic fatigue syndrome were randomly assigned to injections "
        "of a staphylococcus toxoid or of sterile water, and 65% on the toxoid responded against 18% on placebo.",
        "The work grew out of bacterial immunotherapy at Göteborg University, where Carl-Gerhard Gottfries led the "
        "programme.",
        "It does not prove much.",
    )
    e = load_text(text, "zachrisson.txt")
    leaders = {t for s, t in edges(e, RelType.LED_BY)}
    assert leaders == {"researcher:gottfries-cg"}


def test_a_year_after_a_month_and_the_authors_listed_before_and_colleagues() -> None:
    e = news(
        "Professor Sonya Marshall-Gradisnik leads a neuroimmunology centre at Griffith University.",
        "In a study published in Molecular Medicine in August 2018, first author Hélène Cabanas, "
        "Marshall-Gradisnik, Donald Staines and colleagues recorded TRPM3 currents in natural killer cells from "
        "people with ME/CFS.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert study.name == "Cabanas et al. 2018"
    assert {s for s, t in edges(e, RelType.AUTHORED)} == {
        "researcher:cabanas-h",
        "researcher:marshall-gradisnik-s",
        "researcher:staines-d",
    }


@pytest.mark.parametrize(
    ("p1", "leader"),
    [
        (
            "Twenty-two people with ME/CFS did two exercise tests a day apart. The exercise physiologist who ran the "
            "work, Betsy Keller of Ithaca College, wanted to know whether the second test would repeat the first.",
            "researcher:keller-b",
        ),
        (
            "This study from the clinical immunology service of Amolak Bansal at Epsom and St Helier University "
            "Hospitals compared the B cells of 33 people with chronic fatigue syndrome with those of controls.",
            "researcher:bansal-a",
        ),
    ],
)
def test_atlas_leaders_who_ran_the_work_or_whose_service_did_it(p1: str, leader: str) -> None:
    text = atlas("Doe, Jane · Journal of translational medicine · 2014 · DOI", p1, "It matters.", "It proves little.")
    assert {t for _, t in edges(load_text(text, "doe.txt"), RelType.LED_BY)} == {leader}


def test_a_colleague_named_with_including_and_a_role_word_is_a_co_author() -> None:
    e = news(
        "In a study published this year in Annals of Neurology, Peter Novak, MD, PhD, of Brigham and Women's "
        "Hospital and colleagues, including pulmonologist David Systrom, examined nine patients with long COVID.",
    )
    assert {s for s, _ in edges(e, RelType.AUTHORED)} == {"researcher:novak-p", "researcher:systrom-d"}


def test_news_studies_study_the_condition_the_article_names_most_when_no_patients_have_one() -> None:
    e = news(
        "The meeting was about ME/CFS and what research on ME/CFS has learned in a decade.",
        "A group in Adelaide, with Maximillian Nelson as first author, reported in the Journal of Translational "
        "Medicine in 2019 on 16 patients and 10 healthy controls who cycled to their limit on two days.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert (study.id, "condition:me-cfs") in edges(e, RelType.STUDIED)


def test_a_sentence_about_a_new_team_does_not_go_on_about_the_last_study() -> None:
    e = news(
        "In a pilot study published in PLoS One in 2018, with Carmen Scheibenbogen as first author, ten patients "
        "with ME/CFS were treated with immunoadsorption.",
        "A team led by Yenan Bryceson, an immunologist at Karolinska Institutet, examined killer cells in 48 "
        "patients and found they worked normally.",
    )
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert "researcher:bryceson-y" not in {t for s, t in edges(e, RelType.LED_BY) if s == study.id}


@pytest.mark.parametrize(
    ("sentence", "null"),
    [
        (
            "In the HEAL-COVID trial, the apixaban arm was stopped for lack of benefit, and the trial moved on to "
            "the statin atorvastatin.",
            {"drug:apixaban"},
        ),
        (
            "In the HEAL-COVID trial, neither apixaban nor atorvastatin reduced deaths or readmissions.",
            {"drug:apixaban", "drug:atorvastatin"},
        ),
    ],
)
def test_a_result_belongs_to_the_drugs_of_its_clause(sentence: str, null: set[str]) -> None:
    e = news(sentence)
    assert {t for _, t in edges(e, RelType.NULL_RESULT)} == null


@pytest.mark.parametrize(
    ("p1", "target"),
    [
        (
            "The Bergen group holds that ME/CFS is in part an autoimmune process, and in this open-label trial of 40 "
            "patients cyclophosphamide, an immune-suppressing drug, was given to dampen that process.",
            ("drug:cyclophosphamide", "mechanism:autoimmunity"),
        ),
        (
            "Clinicians suspected a fault in immune regulation, and intravenous immunoglobulin was tried in a "
            "randomised trial of 30 patients as a way to correct that immune defect.",
            ("drug:ivig", "mechanism:immune-dysfunction"),
        ),
    ],
)
def test_a_drug_given_against_a_mechanism_named_before_it(p1: str, target: tuple[str, str]) -> None:
    text = atlas("Doe, Jane · PloS one · 2018 · DOI", p1, "It matters.", "It proves little.")
    assert target in edges(load_text(text, "doe.txt"), RelType.TARGETS)


def test_leaders_named_the_sentence_before_the_trial_lead_it() -> None:
    e = news(
        "At Stanford, the clinic run by Jose Montoya, MD, and Andreas Kogelnik, MD, asked whether a long course of an "
        "antiviral would help. Thirty patients with chronic fatigue syndrome were randomised to valganciclovir "
        "or placebo for six months."
    )
    names = {n.id: n.name for n in e.nodes}
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if s == trial.id} == {"Jose Montoya", "Andreas Kogelnik"}
    led = next(x for x in e.edges if x.type is RelType.LED_BY)
    assert led.evidence.sentence.startswith("At Stanford")  # the sentence that names the leaders


@pytest.mark.parametrize(
    ("then", "study", "leader"),
    [
        # the next sentence names the first author: the paper is theirs, led by the group's head
        (
            "Daniel Missailidis, the first author, found that complex V of the cells' mitochondria worked less "
            "efficiently.",
            "Missailidis et al. 2020",
            "Paul Fisher",
        ),
        # no first author follows: the paper goes under the group leader's name
        ("The meeting then turned to funding.", "Fisher et al. 2020", "Paul Fisher"),
    ],
)
def test_a_groups_paper_takes_its_first_author_from_the_next_sentence(
    then: str, study: str, leader: str | None
) -> None:
    e = news(
        "Paul Fisher's group at La Trobe University has spent years studying mitochondrial dysfunction in cells from "
        f"patients with ME/CFS, and in 2020 it published a study in the International Journal of Molecular "
        f"Sciences. {then}"
    )
    names = {n.id: n.name for n in e.nodes}
    studies = [n.name for n in e.nodes if isinstance(n, Study)]
    assert studies == [study]
    assert {names[t] for _, t in edges(e, RelType.LED_BY)} == ({leader} if leader else set())
    # the group's years of work are its leader's topic, not what the paper proposes
    assert ("researcher:fisher-p", "mechanism:mitochondrial-dysfunction") in edges(e, RelType.INVESTIGATES)
    if then.startswith("Daniel"):
        assert all(x.evidence.sentence == then for x in e.edges if x.type is RelType.PROPOSES)


def test_a_paper_right_after_a_sentence_about_someone_is_theirs_and_who_wrote_it() -> None:
    e = news(
        "Jarred Younger, a neuroimmunologist at Stanford, also works on treatment. In a placebo-controlled "
        "crossover trial published in Arthritis & Rheumatism in 2013, 31 women with fibromyalgia took low-dose "
        "naltrexone for part of the time. Younger wrote the paper with Sean Mackey, MD, and two other colleagues."
    )
    names = {n.id: n.name for n in e.nodes}
    assert "Younger et al. 2013" in names.values()
    study = "study:younger-2013"
    assert {names[s] for s, t in edges(e, RelType.AUTHORED) if t == study} == {"Jarred Younger", "Sean Mackey"}
    assert (study, "drug:low-dose-naltrexone") in edges(e, RelType.TESTED)


def test_a_senior_author_is_an_author_and_leads() -> None:
    e = news(
        "The paper, published in the Journal of Translational Medicine in 2013 with Elizabeth Stringer as first "
        "author and Jarred Younger as senior author, followed ten women with chronic fatigue syndrome for 25 days."
    )
    names = {n.id: n.name for n in e.nodes}
    study = "study:stringer-2013"
    assert {names[s] for s, t in edges(e, RelType.AUTHORED) if t == study} == {"Elizabeth Stringer", "Jarred Younger"}
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if s == study} == {"Jarred Younger"}


def test_a_comparison_in_the_next_sentence_is_the_studys_finding() -> None:
    e = news(
        "In a study published in Molecular Medicine in 2018, first author Hélène Cabanas and colleagues recorded "
        "the currents through TRPM3 channels of natural killer cells from 12 patients with ME/CFS. When the cells "
        "were stimulated, the current through TRPM3 was markedly smaller in cells from patients, a sign of a weaker "
        "calcium signal."
    )
    proposed = {t for s, t in edges(e, RelType.PROPOSES) if s == "study:cabanas-2018"}
    assert proposed == {"mechanism:trpm3-dysfunction", "mechanism:impaired-calcium-signalling"}


def test_a_surname_introduced_by_its_role_after_the_full_name_was_written_without_one() -> None:
    e = news(
        "When Paul Fisher opened the symposium in Geelong, his subject was mitochondrial respiration.",
        "Fisher, a professor who heads microbiology at La Trobe University in Melbourne, has worked on it for years.",
    )
    assert ("researcher:fisher-p", "institution:la-trobe-university") in edges(e, RelType.AFFILIATED_WITH)


def test_a_place_inside_an_institution_name_is_no_person_and_a_companys_town_is_not_its_name() -> None:
    e = news(
        "The results came from Jon Kaiser, MD, a clinician on the faculty of the University of California, San "
        "Francisco, and medical director of K-PAX Pharmaceuticals of Mill Valley, California."
    )
    names = {n.id: n.name for n in e.nodes}
    assert [n for n in names.values() if "Francisco" in n and n.startswith("San")] == []
    assert {names[t] for s, t in edges(e, RelType.AFFILIATED_WITH)} == {
        "University of California, San Francisco",
        "K-PAX Pharmaceuticals",
    }


def test_papers_of_a_team_introduced_by_a_plural_role_and_one_a_year_later() -> None:
    e = news(
        "In the Netherlands, the cardiologists Linda van Campen and Frans Visser measure blood flow to the brain "
        "during tilt. In a 2020 paper in Healthcare, they showed that sitting up cut cerebral blood flow in "
        "severely ill patients with ME/CFS. A year later, in a randomized crossover trial published in Medicina, "
        "the same team tilted 16 patients with and without compression stockings."
    )
    names = {n.id: n.name for n in e.nodes}
    authored = edges(e, RelType.AUTHORED)
    assert {names[s] for s, t in authored if t == "study:van-campen-2020"} == {"Linda van Campen", "Frans Visser"}
    assert any(t == "study:van-campen-2021" for _, t in authored)


def test_a_groups_paper_from_last_summer_and_a_co_leader_named_with_who_co_led() -> None:
    e = news(  # the article is dated May 2, 2024: last summer is 2023
        "Julia Newton, a clinical professor at Newcastle University, spoke on autonomic symptoms. Her team used a "
        "questionnaire on dizziness and palpitations. In a paper published last summer in QJM, the Newcastle "
        "group reported that 40 patients with chronic fatigue syndrome scored far higher than 40 controls. "
        "Newton, who co-led the work with the liver specialist David Jones, proposes that autonomic dysfunction "
        "underlies fatigue in some patients."
    )
    names = {n.id: n.name for n in e.nodes}
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if s == "study:newton-2023"} == {
        "Julia Newton",
        "David Jones",
    }


def test_a_study_he_published_with_a_colleague_and_the_antiviral_it_gave() -> None:
    e = news(
        "The infectious disease specialist A. Martin Lerner spoke on herpesviruses and treats patients with "
        "valacyclovir. In a placebo-controlled study he published with Safedin Beqaj and colleagues in In Vivo in "
        "2007, patients with chronic fatigue syndrome on the antiviral gained more on an index of physical capacity."
    )
    names = {n.id: n.name for n in e.nodes}
    assert {names[s] for s, t in edges(e, RelType.AUTHORED) if t == "study:lerner-2007"} == {
        "A. Martin Lerner",
        "Safedin Beqaj",
    }
    assert ("study:lerner-2007", "drug:valacyclovir") in edges(e, RelType.TESTED)


def test_a_report_published_in_a_journal_tells_the_result_of_the_trial_before_it() -> None:
    e = news(
        "In Liverpool, a team led by the physician Gareth Williams gave 30 patients with chronic fatigue syndrome "
        "melatonin and bright morning light, each for 12 weeks in random order after a placebo run-in. Published in "
        "the European Journal of Clinical Investigation in 2002, the trial found that neither treatment helped the "
        "main symptoms. An earlier study by the same group, in 1996, had reported a disturbed body clock."
    )
    trial = next(n.id for n in e.nodes if isinstance(n, Trial))
    null = edges(e, RelType.NULL_RESULT)
    for source in (trial, "study:williams-2002"):
        assert {(source, "drug:melatonin"), (source, "drug:bright-light-therapy")} <= null
    assert ("researcher:williams-g", "study:williams-1996") in edges(e, RelType.AUTHORED)


def test_what_a_study_gave_in_the_next_sentence_is_the_studys_not_an_earlier_trials() -> None:
    e = news(
        "A small trial gave 20 patients with chronic fatigue syndrome melatonin or placebo in random order.",
        "A Dutch study by R. O. van Heukelom and colleagues, published in the European Journal of Neurology in "
        "2006, took a narrower aim. It enrolled 29 patients with a late melatonin onset and gave them 5 mg of "
        "melatonin for three months.",
    )
    tested = edges(e, RelType.TESTED)
    assert ("study:van-heukelom-2006", "drug:melatonin") in tested
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    assert not any(x.evidence.sentence.startswith("It enrolled") for x in e.edges if x.source == trial.id)


def test_people_right_after_a_published_opening_wrote_it_and_phase_iii_is_no_name() -> None:
    e = news(
        "The original phase III study of rintatolimod randomized 234 patients with chronic fatigue syndrome to "
        "infusions or placebo. In a post hoc analysis published in PLOS ONE in 2020, the company's chief medical "
        "officer David Strayer, with Diane Young and William Mitchell, a collaborator at Vanderbilt University, "
        "split the patients by how long they had been ill."
    )
    names = {n.id: n.name for n in e.nodes}
    assert "III" not in names.values()
    assert {names[s] for s, t in edges(e, RelType.AUTHORED) if t == "study:strayer-2020"} == {
        "David Strayer",
        "Diane Young",
        "William Mitchell",
    }


def test_his_groups_paper_is_the_paper_of_the_person_talked_about_with_those_it_names() -> None:
    e = news(
        "At Oslo University Hospital, the paediatrician Vegard Bruun Wyller studies adolescents with chronic "
        "fatigue syndrome. His group's most recent paper, published online last October in the European Journal "
        "of Applied Physiology with Riccardo Barbieri and the paediatric cardiologist J. Philip Saul, studied 14 "
        "adolescents with chronic fatigue syndrome and 56 healthy controls."
    )
    names = {n.id: n.name for n in e.nodes}
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert (study.name, study.year) == ("Wyller et al. 2023", 2023)  # the article is dated May 2024
    assert {names[s] for s, t in edges(e, RelType.AUTHORED)} >= {"Vegard Bruun Wyller", "J. Philip Saul"}
    assert {names[t] for s, t in edges(e, RelType.LED_BY)} == {"Vegard Bruun Wyller"}


def test_its_new_trial_is_another_trial() -> None:
    e = news(
        "A randomized trial gave rintatolimod or placebo to 234 patients with chronic fatigue syndrome. Its new "
        "trial, AMP-518, a phase 2, randomized, placebo-controlled study, plans to give rintatolimod or saline to "
        "80 adults with long COVID."
    )
    assert len([n for n in e.nodes if isinstance(n, Trial)]) == 2


@pytest.mark.parametrize(
    "p2",
    [
        "The cardiologist behind the work, Pam Taub of the University of California, San Diego, wanted evidence.",
        "The cardiologist Pam Taub of the University of California, San Diego, led the analysis with colleagues.",
    ],
)
def test_atlas_leaders_behind_the_work_or_who_led_the_analysis(p2: str) -> None:
    text = atlas(
        "Taub, Pam R et al. · Journal of the American College of Cardiology · 2021 · DOI",
        "In a double-blind crossover study, 22 people with postural orthostatic tachycardia syndrome took "
        "ivabradine and placebo for a month each, and ivabradine lowered heart rate.",
        p2,
        "The study does not show that the tachycardia causes the fatigue.",
    )
    e = load_text(text, "taub.txt")
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert {t for s, t in edges(e, RelType.LED_BY) if s == study.id} == {"researcher:taub-pr"}


def test_an_abnormal_test_is_no_candidate_mechanism() -> None:
    from loaders.rules import analyse

    a = analyse("Everyone had an abnormal tilt-table test and an abnormal drop in blood pressure.", [], frozenset())
    assert not a.of(NodeLabel.MECHANISM)


def test_a_level_that_did_not_differ_is_no_null_result_of_the_treatment() -> None:
    text = atlas(
        "Castro-Marrero, Jesus et al. · Antioxidants · 2021 · DOI",
        "Fifty adults with ME/CFS took melatonin with zinc or placebo for 16 weeks in a randomized trial, and "
        "fatigue fell more on the supplement. Urinary 6-sulfatoxymelatonin, a breakdown product of melatonin, "
        "rose in the treated group, whereas zinc levels did not differ between the groups.",
        "A cheap supplement may ease fatigue.",
        "The trial was small and short.",
    )
    e = load_text(text, "castro.txt")
    assert not edges(e, RelType.NULL_RESULT)


def test_a_researchers_own_theory_or_reasoning_is_what_they_investigate() -> None:
    e = news(
        "Jon Kaiser, MD, a clinician in San Francisco, presented a small open pilot study of 15 patients. "
        "Kaiser's reasoning is that many patients have mitochondrial dysfunction that a stimulant alone overtaxes.",
        "Geoffrey Burnstock of University College London described his theory of purinergic signalling dysfunction.",
    )
    investigates = edges(e, RelType.INVESTIGATES)
    assert ("researcher:kaiser-j", "mechanism:mitochondrial-dysfunction") in investigates
    assert any(s == "researcher:burnstock-g" and "purinergic" in t for s, t in investigates)


@pytest.mark.parametrize(
    ("sentence", "mechanism"),
    [
        (
            "Rintatolimod is an experimental drug made of double-stranded RNA that switches on TLR3 signaling.",
            "mechanism:tlr3-signalling",
        ),
        (
            "Rintatolimod is a synthetic RNA meant to rouse antiviral immunity in patients.",
            "mechanism:impaired-antiviral-immunity",
        ),
    ],
)
def test_an_agonist_targets_what_it_switches_on(sentence: str, mechanism: str) -> None:
    assert ("drug:rintatolimod", mechanism) in edges(news(sentence), RelType.TARGETS)


MUELLER_2020 = (
    "Mueller, Christina, Lin, Joanne C, Sheriff, Sulaiman et al. · Brain imaging and behavior · 2020 · DOI",
    "This pilot, run in the pain researcher Jarred Younger's Neuroinflammation, Pain and Fatigue Laboratory at "
    "the University of Alabama at Birmingham, scanned the whole brain of 15 women with ME/CFS and 15 controls.",
    "The authors read the pattern as support for neuroinflammation.",
)
VERCOULEN_1996 = (
    "Vercoulen, J H, Swanink, C M, Zitman, F G et al. · Lancet · 1996",
    "In a randomised, double-blind trial, 96 patients with chronic fatigue syndrome took fluoxetine or "
    "placebo for eight weeks, and fluoxetine was no better than placebo.",
    "The trial came from the Nijmegen fatigue research group of the psychologist Gijs Bleijenberg and the "
    "internist Jos van der Meer, both among its authors.",
)


@pytest.mark.parametrize(
    ("entry", "leaders", "authors"),
    [
        # a group named with words between the possessive and "Laboratory", and where it works
        (MUELLER_2020, {"Jarred Younger"}, set()),
        # "the group of the psychologist X and the internist Y, both among its authors"
        (VERCOULEN_1996, {"Gijs Bleijenberg", "Jos van der Meer"}, {"Gijs Bleijenberg", "Jos van der Meer"}),
    ],
)
def test_atlas_groups_and_the_authors_the_prose_names(
    entry: tuple[str, str, str], leaders: set[str], authors: set[str]
) -> None:
    e = load_text(atlas(*entry, "The study does not show what causes the illness."), "entry.txt")
    names = {n.id: n.name for n in e.nodes}
    study = next(n for n in e.nodes if isinstance(n, Study))
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if s == study.id} == leaders
    assert authors <= {names[s] for s, t in edges(e, RelType.AUTHORED) if t == study.id}
    if entry is MUELLER_2020:
        assert ("researcher:younger-j", "institution:uab") in edges(e, RelType.AFFILIATED_WITH)


def test_failing_to_show_a_consistent_benefit_is_null() -> None:
    assert NULL_OUTCOME.search("on that aim modafinil failed to show a consistent benefit")


def test_a_paper_announced_without_authors_takes_the_person_the_next_sentence_opens_on() -> None:
    e = news(
        "Brain imaging needs larger studies, and a Norwegian paper published in PLoS One in 2017 shows why. "
        "Laura Anne Wortinger, working in the paediatric group of Vegard Bruun Wyller at Akershus University "
        "Hospital, scanned 18 adolescents with chronic fatigue syndrome and 18 healthy teenagers."
    )
    names = {n.id: n.name for n in e.nodes}
    assert [n.name for n in e.nodes if isinstance(n, Study)] == ["Wortinger et al. 2017"]
    assert {names[t] for s, t in edges(e, RelType.LED_BY)} == {"Vegard Bruun Wyller"}


def test_affiliations_opening_a_clause_and_an_institution_directed_by_someone() -> None:
    e = news(
        "At Columbia University, the virologist W. Ian Lipkin leads one centre; and at the Jackson Laboratory in "
        "Connecticut, the immunologist Derya Unutmaz and the microbiome researcher Julia Oh study gut bacteria.",
        "The National Institute of Neurological Disorders and Stroke, directed by Walter Koroshetz, runs the "
        "agency's own study.",
    )
    names = {n.id: n.name for n in e.nodes}
    affiliated = {(names[s], names[t]) for s, t in edges(e, RelType.AFFILIATED_WITH)}
    assert {
        ("W. Ian Lipkin", "Columbia University"),
        ("Derya Unutmaz", "The Jackson Laboratory"),
        ("Julia Oh", "The Jackson Laboratory"),
    } <= affiliated
    assert any(p == "Walter Koroshetz" and "Neurological" in i for p, i in affiliated)


def test_a_presenters_study_a_month_without_a_year_and_a_demonym_is_no_study_name() -> None:
    e = news(  # the article is dated May 2, 2024
        "Gabriela Gonzalez-Aleman, a professor at the Pontifical Catholic University of Argentina, reported on "
        "766 older adults after COVID-19. In a study published in April in EClinicalMedicine, Adam Hampshire of "
        "Imperial College London and colleagues tested 46 people treated in intensive care in 2020. The Argentine "
        "cohort will be followed for several more years.",
    )
    studies = sorted(n.name for n in e.nodes if isinstance(n, Study))
    assert studies == ["Gonzalez-Aleman et al. 2024", "Hampshire et al. 2024"]


def test_a_journal_opening_presenter_co_authors_told_after_and_who_registered_a_trial() -> None:
    e = news(
        "In EClinicalMedicine on 23 July, the cognitive neuroscientist Adam Hampshire of Imperial College London "
        "reported on 81,337 people who took an online battery of reasoning tests. The co-authors included the "
        "psychopharmacologist Mitul Mehta of King's College London and the psychiatrist Samuel Chamberlain.",
        "At the University of Iowa, the exercise neuroscientist Thorsten Rudroff has registered a study of "
        "transcranial direct current stimulation for fatigue after COVID-19.",
    )
    names = {n.id: n.name for n in e.nodes}
    study = next(n.id for n in e.nodes if isinstance(n, Study))
    assert {names[s] for s, t in edges(e, RelType.AUTHORED) if t == study} == {
        "Adam Hampshire",
        "Mitul Mehta",
        "Samuel Chamberlain",
    }
    trial = next(n.id for n in e.nodes if isinstance(n, Trial))
    assert {names[t] for s, t in edges(e, RelType.LED_BY) if s == trial} == {"Thorsten Rudroff"}


def test_a_study_led_by_someone_roles_ending_in_ist_and_mri_is_no_study_name() -> None:
    e = news(
        "The imaging team, the physicist Leighton Barnden and the biomedical engineer Zack Shan, scans patients "
        "with chronic fatigue syndrome. The work builds on a longitudinal MRI study the same team published last "
        "year, led by Shan, which scanned patients twice.",
        "That study, led by the NINDS neurologist Avindra Nath, is putting a small group of patients with ME/CFS "
        "through days of testing.",
        "A phase 1 study of etanercept and mifepristone in veterans with Gulf War illness, led by Nancy Klimas, MD, "
        "is under way.",
    )
    studies = sorted(n.name for n in e.nodes if isinstance(n, Study))
    assert studies == ["Nath et al. 2024", "Shan et al. 2023"]  # the article is dated May 2024
    assert {n.name for n in e.nodes if n.id.startswith("researcher:")} >= {"Leighton Barnden", "Zack Shan"}


def test_candidate_explanations_a_study_weighed_are_not_all_proposed() -> None:
    text = atlas(
        "Shungu, Dikoma C, Weiduschat, Nora, Murrough, James W et al. · NMR in biomedicine · 2012 · DOI",
        "Ventricular lactate was higher in 15 people with chronic fatigue syndrome than in 13 healthy volunteers.",
        "The authors set out to test three candidate explanations for the lactate (oxidative stress, cerebral "
        "hypoperfusion and a secondary failure of mitochondria) and concluded that the data fit best with "
        "oxidative stress.",
        "The study does not show what raises the lactate.",
    )
    e = load_text(text, "shungu.txt")
    assert {t for s, t in edges(e, RelType.PROPOSES)} == {"mechanism:oxidative-stress"}


def test_a_greater_shrinkage_is_a_reduction() -> None:
    from loaders.cues import direction_near

    text = "The infected participants showed a greater shrinkage of overall brain size than the controls."
    start = text.index("brain size")
    assert direction_near(text, start, start + len("brain size")) is Direction.REDUCED


def test_a_project_introduced_by_its_leader_short_name_and_long_name() -> None:
    e = news(
        "At Oslo University Hospital, the paediatrician Vegard Bruun Wyller is leading NorCAPITAL, the Norwegian "
        "Study of Chronic Fatigue Syndrome in Adolescents: Pathophysiology and Intervention Trial."
    )
    names = {n.id: n.name for n in e.nodes}
    assert {(names[s], names[t]) for s, t in edges(e, RelType.LED_BY)} == {("NorCAPITAL", "Vegard Bruun Wyller")}


def test_a_subgroups_result_is_not_the_trials() -> None:
    e = news(
        "The phase 3 trial of rintatolimod randomized 234 patients with chronic fatigue syndrome to infusions or "
        "placebo, and the drug improved exercise time. In the other 133, ill for less than two years, the drug "
        "was no better than placebo."
    )
    assert not edges(e, RelType.NULL_RESULT)


@pytest.mark.parametrize(
    ("finding", "leads"),
    [
        # the first author, with colleagues and a place, doing the study's work
        (
            "Ann Sterling and colleagues at the Norwegian Institute of Public Health counted every new diagnosis "
            "in the national register.",
            {"researcher:sterling-a"},
        ),
        # with a role in an appositive that names a department (no person "General Medicine")
        (
            "Ann Sterling, a paediatrician in the Department of General Medicine at a children's hospital, sent "
            "questionnaires to 700 former patients.",
            {"researcher:sterling-a"},
        ),
        # another author at work is not the leader; nor is the first author named without doing the work
        ("Bo Nyland, a statistician, analysed the replies.", set()),
        ("The replies agree with what Ann Sterling had predicted.", set()),
    ],
)
def test_the_first_author_doing_the_work_in_the_findings_leads_the_study(finding: str, leads: set[str]) -> None:
    e = load_text(
        atlas("Sterling, Ann, Nyland, Bo · BMC medicine · 2014 · DOI", finding, "It matters.", "It cannot say why."),
        "a.txt",
    )
    assert {t for _, t in edges(e, RelType.LED_BY)} == leads
    people = {n.id for n in e.nodes if n.node_label is NodeLabel.RESEARCHER}
    assert people == {"researcher:sterling-a", "researcher:nyland-b"}


def test_colleagues_at_a_place_work_there() -> None:
    e = news(
        "Akiko Iwasaki and colleagues at Yale University measured antibodies in 200 people with long COVID.",
    )
    assert ("researcher:iwasaki-a", "institution:yale-university") in edges(e, RelType.AFFILIATED_WITH)


def test_a_paper_s_first_author_of_an_institution_with_and_in_its_name_and_its_corresponding_author() -> None:
    e = news(
        "Andrew Lloyd, an infectious diseases physician at the University of New South Wales, leads the Dubbo "
        "Infection Outcomes Study, which follows people from the moment of an acute infection.",
        "Its best-known paper, published in the BMJ in 2006 with the psychiatrist Ian Hickie of the Brain and "
        "Mind Research Institute as first author and Lloyd as corresponding author, enrolled 253 patients.",
        "Six months on, 12% of them were still ill.",
        "Two researchers from the US Centers for Disease Control and Prevention, Suzanne Vernon and William "
        "Reeves, were co-authors.",
    )
    paper = next(n for n in e.nodes if isinstance(n, Study) and n.name == "Hickie et al. 2006")
    authors = {s for s, t in edges(e, RelType.AUTHORED) if t == paper.id}
    assert authors == {"researcher:hickie-i", "researcher:lloyd-a", "researcher:vernon-s", "researcher:reeves-w"}
    assert (paper.id, "researcher:lloyd-a") in edges(e, RelType.LED_BY)  # the corresponding author
    dubbo = next(n for n in e.nodes if isinstance(n, Study) and n.name == "Dubbo Infection Outcomes Study")
    assert (dubbo.id, "researcher:lloyd-a") in edges(e, RelType.LED_BY)
    cdc = {s for s, t in edges(e, RelType.AFFILIATED_WITH) if t == "institution:cdc"}
    assert cdc == {"researcher:vernon-s", "researcher:reeves-w"}


def test_the_paper_a_few_sentences_after_in_2012_he_led_the_study_is_of_2012() -> None:
    e = news(
        "Ian Lipkin, who directs the Center for Infection and Immunity at Columbia University, spoke next. "
        "In 2012 he led the study that settled the XMRV question. "
        "Blood from 147 patients and 146 healthy people was tested blind. "
        "The paper, in mBio, listed Harvey Alter of the National Institutes of Health as first author.",
    )
    assert {n.name for n in e.nodes if isinstance(n, Study)} == {"Alter et al. 2012"}


def test_two_papers_announced_together_then_each_told() -> None:
    e = news(
        "Simon Carding of the University of East Anglia was leading a project on the gut in 2014. Two studies "
        "published together in Cell Host & Microbe in 2023 set the terms of the debate.",
        "The larger came from a centre at Columbia University, with Cheng Guo as first author and Brent Williams as "
        "senior author. It compared stool from 106 people with ME/CFS and 91 healthy controls.",
        "The second study, from Julia Oh's laboratory at the Jackson Laboratory, asked whether the picture changes "
        "with time. With Ruoyun Xiong as first author, the group compared 154 patients with 79 controls.",
    )
    studies = {n.id: n.name for n in e.nodes if isinstance(n, Study)}
    assert sorted(studies.values()) == ["Guo et al. 2023", "Xiong et al. 2023"]  # no paper of Carding's
    led = {(studies[s], t) for s, t in edges(e, RelType.LED_BY) if s in studies}
    assert led == {("Guo et al. 2023", "researcher:williams-b"), ("Xiong et al. 2023", "researcher:oh-j")}


def test_trials_of_a_therapy_in_a_review_are_no_trial() -> None:
    e = news(
        "The review screened 6,175 articles and included 71 studies. On treatment, they judged that trials of "
        "graded exercise therapy suggested benefit for some patients.",
    )
    assert not [n for n in e.nodes if isinstance(n, Trial)]


def test_the_full_name_opening_a_list_that_ends_in_colleagues_is_the_first_author() -> None:
    e = news(
        "Carmen Scheibenbogen, who heads the Fatigue Center at Charité, spoke first. In a cohort study published in "
        "Nature Communications in 2022, Claudia Kedor, Scheibenbogen and colleagues followed 42 people after COVID-19.",
    )
    paper = next(n for n in e.nodes if isinstance(n, Study))
    assert paper.name == "Kedor et al. 2022"
    authors = {s for s, t in edges(e, RelType.AUTHORED) if t == paper.id}
    assert authors == {"researcher:kedor-c", "researcher:scheibenbogen-c"}


def test_the_results_published_after_a_trial_are_its_leader_s_report_and_neither_nor_made_any_difference() -> None:
    e = news(
        "COVID-OUT, a phase 3 trial led by Carolyn Bramante of the University of Minnesota, randomized 1,300 adults "
        "with COVID-19 to metformin, ivermectin, fluvoxamine or placebo.",
        "Neither ivermectin nor fluvoxamine made any difference. "
        "The results were published in The Lancet Infectious Diseases in June 2023.",
    )
    trial = next(n for n in e.nodes if isinstance(n, Trial))
    nulls = {t for s, t in edges(e, RelType.NULL_RESULT) if s == trial.id}
    assert nulls == {"drug:ivermectin", "drug:fluvoxamine"}
    report = next(n for n in e.nodes if isinstance(n, Study))
    assert report.name == "Bramante et al. 2023"
    assert (report.id, "researcher:bramante-c") in edges(e, RelType.LED_BY)
    assert ("researcher:bramante-c", report.id) in edges(e, RelType.AUTHORED)
