"""What a claim's sentence says beside the claim, which its statement goes without."""

import pytest

from claims.detection import build_statement


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # Who or what a name is, in a relative clause closed before the verb.
        (
            "Retraction Monitor, which tracks withdrawn papers, recorded 10,000 retractions in "
            "2023.",
            "Retraction Monitor recorded 10,000 retractions in 2023.",
        ),
        (
            "Dale Whitford, who took over the district, earns $287,000 a year.",
            "Dale Whitford earns $287,000 a year.",
        ),
        # An apposition describing a name.
        (
            "Holmstad Water, the city-owned utility, supplies 80,000 homes.",
            "Holmstad Water supplies 80,000 homes.",
        ),
        # What is still to come, after the fact.
        (
            "Captain Lewis Grant suffered a broken ankle and would miss the rest of the season.",
            "Captain Lewis Grant suffered a broken ankle.",
        ),
        (
            "The plant reached full output at 4 a.m. and will be connected within 10 days.",
            "The plant reached full output at 4 a.m.",
        ),
        # How others feel about it.
        (
            "Prices are 22 per cent higher than in 2021, and families know it.",
            "Prices are 22 per cent higher than in 2021.",
        ),
        (
            "The race raised £6.2 million in 2022, and organisers hope to beat that.",
            "The race raised £6.2 million in 2022.",
        ),
        # A word of the time of writing.
        (
            "The fleet already shrank from 140 boats in 2010 to 86.",
            "The fleet shrank from 140 boats in 2010 to 86.",
        ),
    ],
)
def test_an_aside_on_the_claim_goes(sentence, statement):
    assert build_statement(sentence) == statement


@pytest.mark.parametrize(
    "sentence",
    [
        # A relative clause with a figure may be the claim.
        "Ana Berg, who earned $200,000 in 2023, paid no tax.",
        # A restrictive clause, without commas, says which one.
        "Residents who had been burgled did not report it to police.",
        # A clause on a common noun is part of what the claim is about.
        "Gross arrivals, which include students, totalled about 470,000 in 2023.",
        # "and will" with more of the claim after a comma: not only a forecast at the end.
        "The council approved the plan in 2023 and will fund it, at $2 million, from reserves.",
        # A feeling with a figure is a claim about the people.
        "Unemployment rose in 2023, and 60 percent of voters say it matters.",
    ],
)
def test_what_belongs_to_the_claim_stays(sentence):
    assert build_statement(sentence) == sentence
