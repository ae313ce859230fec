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
