import pytest

from claims.detection import EntityMention
from claims.detection.entities import find_entities


def entities(text: str, **options) -> list[tuple[str, str, float | None]]:
    found = find_entities(text, **options)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(m.text, m.kind, m.value) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports reached 3.5 billion.", ("3.5 billion", "quantity", 3.5e9)),
        ("It cost $4.2 million.", ("$4.2 million", "money", 4.2e6)),
        ("Unemployment is 12%.", ("12%", "percent", 12.0)),
        ("Unemployment is 12 percent.", ("12 percent", "percent", 12.0)),
        ("Rates rose 0.25 percentage points.", ("0.25 percentage points", "percent", 0.25)),
        ("They sold 1,200 homes.", ("1,200", "quantity", 1200.0)),
        ("Two million people voted.", ("Two million", "quantity", 2e6)),
        ("A fine of €5bn was imposed.", ("€5bn", "money", 5e9)),
        ("The deal is worth 40 euros a share.", ("40 euros", "money", 40.0)),
        ("It raised $20M.", ("$20M", "money", 2e7)),
    ],
)
def test_numbers_carry_their_kind_and_value(text, expected):
    assert entities(text) == [expected]


def test_people_organisations_and_places_are_named():
    text = (
        "Stephen Young, a senior Washington representative for the Union of Concerned "
        "Scientists, told the Guardian that America cannot defend against Russia."
    )
    assert entities(text) == [
        ("Stephen Young", "person", None),
        ("Washington", "place", None),
        ("Union of Concerned Scientists", "organization", None),
        ("Guardian", "organization", None),
        ("America", "place", None),
        ("Russia", "place", None),
    ]


def test_a_title_is_not_part_of_the_person_it_introduces():
    text = "U.S. President Donald Trump met the Japan Aerospace Exploration Agency."
    assert entities(text) == [
        ("Donald Trump", "person", None),
        ("Japan Aerospace Exploration Agency", "organization", None),
    ]


def test_a_lone_surname_is_a_person_once_the_article_has_introduced_them():
    assert entities("Lavrov spoke.") == []
    assert entities("Lavrov spoke.", known_people={"Lavrov"}) == [("Lavrov", "person", None)]


def test_treaties_stations_and_sentence_openers_are_not_entities():
    text = "The crew of the International Space Station read the New START Treaty."
    assert entities(text) == []


def test_dates_passed_as_excluded_spans_are_not_also_quantities():
    text = "It happened on Feb. 1, 2014, to 300 people."
    assert entities(text, exclude=[(15, 27)]) == [("300", "quantity", 300.0)]


def test_offsets_point_at_the_entity_text():
    assert find_entities("The CDC said 7.5% smoke.") == [
        EntityMention("CDC", 4, 7, "organization", None),
        EntityMention("7.5%", 13, 17, "percent", 7.5),
    ]
