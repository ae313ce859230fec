"""Claimants named the way wire news writes them: businesses with an apostrophe, titles before
names, records with their authors, and "the company" for the one company the story named."""

import pytest

from claims.detection import ClaimantMention, split_sentences
from claims.detection.claimants import attribute_claimants


def last_claimant(article: str) -> ClaimantMention | None:
    return attribute_claimants(article, split_sentences(article))[-1]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Severn Vale Water's debt rose 9 percent last year, according to Moody's.", "Moody's"),
        ("Moody's said the utility's debt rose 9 percent last year.", "Moody's"),
        ("Sales rose 5 percent in the second quarter, McDonald's reported.", "McDonald's"),
        ("Sainsbury's said its profits fell 12 percent in 2025.", "Sainsbury's"),
        # The curly apostrophe of typeset copy.
        ("Sainsbury\u2019s said its profits fell 12 percent.", "Sainsbury\u2019s"),
    ],
)
def test_a_business_named_with_an_apostrophe_is_an_organisation_that_keeps_it(sentence, name):
    claimant = last_claimant(sentence)
    assert claimant is not None
    assert (claimant.name, claimant.kind) == (name, "organization")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Mayor Denise Okafor said the council had cut 300 jobs since 2022.", "Mayor"),
        (
            "Councilmember Raymond Tse said the city lost 2 million dollars in 2024.",
            "Councilmember",
        ),
        ("Council Member Raymond Tse said the city lost 2 million dollars.", "Council Member"),
        ("Assemblywoman Raymond Tse said the state lost 2 million dollars.", "Assemblywoman"),
        ("Alderman Raymond Tse said the ward lost 2 million dollars.", "Alderman"),
        ("Supervisor Raymond Tse said the county lost 2 million dollars.", "Supervisor"),
    ],
)
def test_a_claimant_is_named_without_the_title_that_introduces_them(sentence, title):
    claimant = last_claimant(sentence)
    assert claimant is not None
    assert claimant.kind == "person"
    assert title not in claimant.name
    assert any(title in alias for alias in claimant.aliases)


@pytest.mark.parametrize(
    "opening",
    [
        "Severn Vale Water raised its bills by 12 percent last year.",
        "Water supplier Severn Vale Water raised bills by 12 percent last year.",
        "Severn Vale Water, the regional water company, raised bills by 12 percent.",
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "The company said it had invested 800 million pounds since 2020.",
        "It invested 800 million pounds since 2020, the company said.",
        "A company spokesperson said it had invested 800 million pounds since 2020.",
    ],
)
def test_the_company_is_the_one_company_the_story_named(opening, sentence):
    article = (
        f"{opening} Its debt rose 9 percent, according to Moody's. "
        f"Polling by YouGov shows 61 percent of customers oppose the rise. {sentence}"
    )
    claimant = last_claimant(article)
    assert claimant is not None
    assert claimant.name == "Severn Vale Water"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Polling by YouGov shows 61 percent of customers oppose the rise.", "YouGov"),
        ("A poll by Gallup showed 40 percent back the plan.", "Gallup"),
        ("Research from Ipsos found 40 percent back the plan.", "Ipsos"),
    ],
)
def test_the_author_of_a_poll_is_an_organisation(sentence, name):
    claimant = last_claimant(sentence)
    assert claimant is not None
    assert (claimant.name, claimant.kind) == (name, "organization")


@pytest.mark.parametrize(
    "sentence",
    [
        "The company said it had invested 800 million pounds since 2020.",
        "The city said 14,000 households were behind on their bills.",
        "The department said 3,000 people were employed by the scheme in 2024.",
        "State records show the district spent 4 million dollars on consultants.",
        "The report found that 40 percent of leaks were never fixed.",
    ],
)
def test_a_bare_description_that_refers_to_nobody_named_is_no_claimant(sentence):
    assert last_claimant(f"Water bills rose across the region last year. {sentence}") is None


@pytest.mark.parametrize(
    ("article", "name"),
    [
        (
            "The city of Norvik cut its workweek. The city said sick leave fell 24 percent.",
            "Norvik",
        ),
        ("Burglaries in Eastbrook fell 23 percent. The city said thefts rose.", "Eastbrook"),
        (
            "Moody's, the ratings agency, cut the utility's rating. The ratings agency said its "
            "debt rose 9 percent.",
            "Moody's",
        ),
        ("Officials in Kent said bills rose. Officials said 300 jobs were cut.", "Officials"),
    ],
)
def test_a_description_resolves_to_what_the_story_named_of_that_kind(article, name):
    claimant = last_claimant(article)
    assert claimant is not None
    assert claimant.name == name
