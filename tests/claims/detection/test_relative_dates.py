"""A statement's dates: relative ones anchored to the publication date, as news style writes them."""

import datetime

import pytest

from claims.detection import build_statement

WEDNESDAY = datetime.date(2024, 7, 10)


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Exports fell 4 percent last year.", "Exports fell 4 percent in 2023."),
        ("Exports fell 4 percent this year.", "Exports fell 4 percent in 2024."),
        ("Exports fell 4 percent in March.", "Exports fell 4 percent in March 2024."),
        ("Exports have fallen since January.", "Exports have fallen since January 2024."),
        ("Exports fell 4 percent last month.", "Exports fell 4 percent in June 2024."),
        (
            "Boats protested at a cut to this year's quota.",
            "Boats protested at a cut to the 2024 quota.",
        ),
        ("Last year's budget cut 300 posts.", "The 2023 budget cut 300 posts."),
        # An amount some years before a year the sentence names.
        (
            "The programme recorded 1.82 million cases last year, down from 2.76 million two "
            "years earlier.",
            "The programme recorded 1.82 million cases in 2023, down from 2.76 million in 2021.",
        ),
        (
            "Its loss widened to 48 million crowns in 2022 from 31 million a year earlier.",
            "Its loss widened to 48 million crowns in 2022 from 31 million in 2021.",
        ),
        # A change on a year earlier stays as news writes it.
        (
            "Revenue in 2023 was up 9 percent from a year earlier.",
            "Revenue in 2023 was up 9 percent from a year earlier.",
        ),
        ("The plant closed on Tuesday.", "The plant closed on July 9, 2024."),
        ("The plant closed yesterday.", "The plant closed on July 9, 2024."),
        ("The plant closed on June 3.", "The plant closed on June 3, 2024."),
        # A month or day without its year in a sentence about the past is its latest one.
        ("The plant closed in November.", "The plant closed in November 2023."),
        ("The plant closed on Sept. 3.", "The plant closed on Sept. 3, 2023."),
        ("Prices have risen since October.", "Prices have risen since October 2023."),
        # One still to come this year, in a sentence about the future.
        ("The new fares take effect on Sept. 3.", "The new fares take effect on Sept. 3, 2024."),
        ("The new fares take effect on Jan. 5.", "The new fares take effect on Jan. 5, 2025."),
        # The future of another clause does not move a past date.
        (
            "The company, which cut 200 jobs in March, will hire 50 more.",
            "The company, which cut 200 jobs in March 2024, will hire 50 more.",
        ),
        ("The fund will reopen in November.", "The fund will reopen in November 2024."),
        (
            "We opened 38 shelters this morning.",
            "We opened 38 shelters on the morning of July 10, 2024.",
        ),
        ("Two wards were full last night.", "Two wards were full on the night of July 9, 2024."),
    ],
)
def test_relative_dates_are_anchored_to_the_publication_date(sentence, statement):
    assert build_statement(sentence, published_at=WEDNESDAY) == statement


@pytest.mark.parametrize(
    "sentence",
    [
        # Not certain: a span, a month still to come, a decade, a year already written.
        "The plant closed last week.",
        "Exports doubled in the 1990s.",
        "Talks began in March 2016.",
        "The club signed him from a Sunday league side.",
        "Exports were higher than in any previous year.",
    ],
)
def test_dates_the_text_does_not_pin_down_are_left_as_written(sentence):
    assert build_statement(sentence, published_at=WEDNESDAY) == sentence


def test_without_a_publication_date_relative_dates_stay():
    assert build_statement("Exports fell 4 percent last year.") == (
        "Exports fell 4 percent last year."
    )


def test_the_date_of_the_saying_goes_with_the_attribution():
    sentence = "The plant employed 800 people, the company said on Tuesday."
    assert build_statement(sentence, published_at=WEDNESDAY) == "The plant employed 800 people."


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Rents rose 4 percent this spring.", "Rents rose 4 percent in spring 2024."),
        ("Rents rose 4 percent last winter.", "Rents rose 4 percent in the winter of 2023-24."),
        ("Rents rose 4 percent last summer.", "Rents rose 4 percent in summer 2023."),
        (
            "The bridge closed on Tuesday evening.",
            "The bridge closed on the evening of July 9, 2024.",
        ),
    ],
)
def test_seasons_and_parts_of_a_day_are_anchored_in_news_style(sentence, statement):
    assert build_statement(sentence, published_at=WEDNESDAY) == statement


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("Elections are held in November.", "Elections are held in November."),
        ("The levy is paid in March.", "The levy is paid in March."),
        ("Rents rise every April.", "Rents rise every April."),
        ("The report is usually published in May.", "The report is usually published in May."),
        # Once, not every year: the month is anchored.
        ("The election was held in March.", "The election was held in March 2024."),
        ("The rent rose 4 percent in April.", "The rent rose 4 percent in April 2024."),
        # What happens every year in another clause leaves this one's month anchored.
        (
            "The firm is based in Oslo and cut 300 jobs in March.",
            "The firm is based in Oslo and cut 300 jobs in March 2024.",
        ),
    ],
)
def test_what_happens_every_year_keeps_its_month_without_a_year(sentence, statement):
    assert build_statement(sentence, published_at=WEDNESDAY) == statement


# A Sunday in September.
SEPTEMBER = datetime.date(2026, 9, 13)


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        (
            "Turnout in the Nov. 3 election is expected to top 60 percent.",
            "Turnout in the Nov. 3, 2026 election is expected to top 60 percent.",
        ),
        ("The March 31 deadline was missed by 40 firms.", "The March 31, 2026 deadline was"),
        ("Turnout in the June 12 vote was 40 percent.", "Turnout in the June 12, 2026 vote"),
        ("The mayor said on Nov. 3 that taxes rose.", "Nov. 3, 2025"),
        ("The council will vote on Nov. 3 on the budget.", "on Nov. 3, 2026"),
        ("Unemployment fell between March 2 and April 5, 2016.", "March 2 and April 5, 2016"),
    ],
)
def test_a_date_without_a_year_is_anchored_as_the_detector_reads_it(sentence, statement):
    assert statement in build_statement(sentence, published_at=SEPTEMBER)
