import datetime

import pytest

from claims.detection import DateMention
from claims.detection.dates import find_dates

# A Wednesday.
PUBLISHED = datetime.date(2019, 2, 20)
D = datetime.date


def periods(text: str, published_at: datetime.date | None = PUBLISHED) -> list[tuple]:
    found = find_dates(text, published_at=published_at)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(m.value, m.end_value, m.granularity) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump in 2018 announced a Space Force.", (D(2018, 1, 1), D(2018, 12, 31), "year")),
        ("In January this year, officials said so.", (D(2019, 1, 1), D(2019, 1, 31), "month")),
        ("Prices rose last year.", (D(2018, 1, 1), D(2018, 12, 31), "year")),
        ("The vote took place on Wednesday.", (D(2019, 2, 20), D(2019, 2, 20), "day")),
        ("The vote took place on Monday.", (D(2019, 2, 18), D(2019, 2, 18), "day")),
        ("A deadline of December 2022 looms.", (D(2022, 12, 1), D(2022, 12, 31), "month")),
        ("It was taken Feb. 1, 2014.", (D(2014, 2, 1), D(2014, 2, 1), "day")),
        ("It was taken on 2014-02-01.", (D(2014, 2, 1), D(2014, 2, 1), "day")),
        ("Sales fell last month.", (D(2019, 1, 1), D(2019, 1, 31), "month")),
        ("The bridge closed yesterday.", (D(2019, 2, 19), D(2019, 2, 19), "day")),
        ("Crime fell in the 1990s.", (D(1990, 1, 1), D(1999, 12, 31), "year")),
        ("It happened on 5 March 2017.", (D(2017, 3, 5), D(2017, 3, 5), "day")),
        ("It opened two years ago.", (D(2017, 1, 1), D(2017, 12, 31), "year")),
        ("Rates rose last week.", (D(2019, 2, 11), D(2019, 2, 17), "day")),
        ("Talks resume next Tuesday.", (D(2019, 2, 26), D(2019, 2, 26), "day")),
        ("Growth slowed by mid-2020.", (D(2020, 1, 1), D(2020, 12, 31), "year")),
        ("They may march in May.", (D(2019, 5, 1), D(2019, 5, 31), "month")),
        ("Talks resume TOMORROW.", (D(2019, 2, 21), D(2019, 2, 21), "day")),
    ],
)
def test_each_date_expression_becomes_the_period_it_names(text, expected):
    assert periods(text) == [expected]


def test_a_day_without_a_year_is_read_in_the_year_of_publication():
    assert periods("The law passed on Feb. 5.") == [(D(2019, 2, 5), D(2019, 2, 5), "day")]


def test_a_december_day_read_in_january_is_last_december():
    published = datetime.date(2020, 1, 3)
    assert periods("It passed on Dec. 30.", published) == [
        (D(2019, 12, 30), D(2019, 12, 30), "day")
    ]


def test_without_a_publication_date_relative_dates_are_skipped_and_absolute_ones_kept():
    text = "Last year, on Wednesday, and yesterday differ from Feb. 1, 2014 and from 2018."
    assert periods(text, published_at=None) == [
        (D(2014, 2, 1), D(2014, 2, 1), "day"),
        (D(2018, 1, 1), D(2018, 12, 31), "year"),
    ]


def test_a_publication_datetime_is_read_as_its_date():
    published = datetime.datetime(2019, 2, 20, 18, 30, tzinfo=datetime.UTC)
    assert periods("It closed yesterday.", published) == [(D(2019, 2, 19), D(2019, 2, 19), "day")]


def test_a_full_date_is_one_mention_not_a_day_and_a_year():
    found = find_dates("A moon rises over the station Feb. 1, 2014. Reuters")
    assert [m.text for m in found] == ["Feb. 1, 2014"]


@pytest.mark.parametrize(
    "text",
    [
        "The bill costs $2020 and 2019% more.",
        "They may march again.",
        "It has 1,900 beds.",
        "The date 2014-02-30 does not exist.",
        "Call 555-2014 now.",
    ],
)
def test_numbers_and_words_that_are_not_dates_are_ignored(text):
    assert periods(text) == []


def test_offsets_point_at_the_date_text():
    text = "Officials met on Feb. 1, 2014, in Geneva."
    (mention,) = find_dates(text)
    assert mention == DateMention("Feb. 1, 2014", 17, 29, D(2014, 2, 1), D(2014, 2, 1), "day")


def test_a_month_with_its_year_after_in_is_that_month_of_that_year():
    assert periods("The plant closed in March 2016.") == [(D(2016, 3, 1), D(2016, 3, 31), "month")]
    assert periods("Prices have risen since June, 2017.") == [
        (D(2017, 6, 1), D(2017, 6, 30), "month")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Voters will go to the polls on Nov. 3.",
        "The upcoming Nov. 3 election is the first since the boundary review.",
        "The council is expected to vote on Nov. 3.",
    ],
)
def test_a_day_without_a_year_in_a_sentence_about_the_future_is_its_next_occurrence(text):
    published = datetime.date(2020, 6, 10)
    assert periods(text, published) == [(D(2020, 11, 3), D(2020, 11, 3), "day")]


def test_a_day_without_a_year_in_a_sentence_about_the_past_is_its_last_occurrence():
    published = datetime.date(2020, 6, 10)
    assert periods("The council voted on Nov. 3.", published) == [
        (D(2019, 11, 3), D(2019, 11, 3), "day")
    ]
    assert periods("Next week's vote follows the one held on Jan. 12.", published) == [
        (D(2020, 6, 15), D(2020, 6, 21), "day"),
        (D(2020, 1, 12), D(2020, 1, 12), "day"),
    ]


def test_a_month_without_a_year_follows_the_tense_of_its_sentence():
    published = datetime.date(2020, 6, 10)
    assert periods("The bridge will reopen in March.", published) == [
        (D(2021, 3, 1), D(2021, 3, 31), "month")
    ]
    assert periods("The bridge closed in November.", published) == [
        (D(2019, 11, 1), D(2019, 11, 30), "month")
    ]


def test_a_weekday_in_a_sentence_about_the_future_is_the_coming_one():
    # PUBLISHED is a Wednesday.
    assert periods("The committee will meet on Friday.") == [
        (D(2019, 2, 22), D(2019, 2, 22), "day")
    ]
    assert periods("The committee met on Friday.") == [(D(2019, 2, 15), D(2019, 2, 15), "day")]


def test_this_weekday_in_a_sentence_about_the_future_is_the_coming_one():
    # PUBLISHED is a Wednesday.
    assert periods("The board will decide this Friday.") == [
        (D(2019, 2, 22), D(2019, 2, 22), "day")
    ]


# A Sunday in September: a November date is seven weeks ahead, a March one six months behind.
SEPTEMBER = datetime.date(2026, 9, 13)


def days(text: str, published_at: datetime.date = SEPTEMBER) -> list[datetime.date]:
    return [value for value, _, _ in periods(text, published_at)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters head to the polls in the Nov. 3 election.", D(2026, 11, 3)),
        ("He said the Nov. 3 general election would be close.", D(2026, 11, 3)),
        ("The council missed the March 31 deadline.", D(2026, 3, 31)),
        ("They filed before the March 31 filing deadline.", D(2026, 3, 31)),
        ("Turnout in the June 12 vote was 40 percent.", D(2026, 6, 12)),
        ("The city's Oct. 20 hearing drew 300 people.", D(2026, 10, 20)),
        ("Officials said Tuesday's meeting was cancelled.", D(2026, 9, 15)),
        ("Thursday's vote passed 5-2.", D(2026, 9, 10)),
    ],
)
def test_a_date_naming_an_event_is_the_occurrence_nearest_publication(text, expected):
    assert days(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said on Nov. 3 that taxes rose.", D(2025, 11, 3)),
        ("Shares fell on Dec. 1 after the report.", D(2025, 12, 1)),
        ("Prices rose in November.", D(2025, 11, 1)),
        ("The council will vote on Nov. 3.", D(2026, 11, 3)),
        ("The bridge will reopen on Feb. 2.", D(2027, 2, 2)),
    ],
)
def test_a_date_on_a_verb_follows_its_tense(text, expected):
    assert days(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment fell in March 2016.",
        "Unemployment fell in March, 2016.",
        "Unemployment fell in March of 2016.",
        "Unemployment fell in March and April 2016.",
        "Unemployment fell between March 2 and April 5, 2016.",
        "Unemployment fell on March 15-16, 2016.",
        "Unemployment fell between 15 March and 2 April 2016.",
    ],
)
def test_a_month_whose_year_is_written_after_it_stays_in_that_year(text):
    assert {value.year for value in days(text)} == {2016}
