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
        # What would have been is a claim about the past, not a forecast.
        "Prices rose 4 percent in 2023 and would have risen 6 percent without subsidies.",
        # A feeling with a figure is a claim about the people.
        "Unemployment rose in 2023, and 60 percent of voters say it matters.",
    ],
)
def test_what_belongs_to_the_claim_stays(sentence):
    assert build_statement(sentence) == sentence


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # A result the company reported is the result it had.
        (
            "Brightwave reported turnover of 3.8 billion euros in 2023.",
            "Brightwave had turnover of 3.8 billion euros in 2023.",
        ),
        (
            "Kestrel Foods reported a net loss of $12 million for 2023.",
            "Kestrel Foods had a net loss of $12 million for 2023.",
        ),
        # The day of the reporting stays with "reported": "had" would put the profit on it.
        (
            "Castellan Telecom reported net profit of 412 million euros on Thursday.",
            "Castellan Telecom reported net profit of 412 million euros on Thursday.",
        ),
        # Reporting something other than a result is left as written.
        (
            "Kestrel Foods reported a fire at its bakery in 2023.",
            "Kestrel Foods reported a fire at its bakery in 2023.",
        ),
        # A second claim the subject made joins the first.
        (
            "The president declared an emergency in three provinces and said the army deployed "
            "2,500 soldiers.",
            "The president declared an emergency in three provinces and the army deployed "
            "2,500 soldiers.",
        ),
    ],
)
def test_the_reporting_of_a_result_or_a_second_claim_goes(sentence, statement):
    assert build_statement(sentence) == statement
