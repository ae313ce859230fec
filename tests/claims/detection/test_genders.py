"""Whether an article calls a person "he" or "she", from its own words about them."""

import pytest

from claims.detection.genders import known_genders


@pytest.mark.parametrize(
    ("sentences", "person", "gender"),
    [
        # A title before the name.
        (["Mr Cole said the charity had repaid £41,000."], "Cole", "he"),
        (["Ms Okoye sentenced the treasurer on Friday."], "Patricia Okoye", "she"),
        # The pronouns of a sentence naming that person and nobody else.
        (["Maria Lindqvist said she would stand again."], "Maria Lindqvist", "she"),
        # A sentence opening on a pronoun after one whose subject is that person.
        (["Tomas Brill visited the border.", "He met officers there."], "Tomas Brill", "he"),
        # The one person a sentence's pronouns can stand for once the other is known.
        (
            [
                "Ms Rahman opened the case.",
                "Ms Rahman said Graham Tulloch moved money into his own accounts.",
            ],
            "Graham Tulloch",
            "he",
        ),
    ],
)
def test_the_article_makes_a_persons_gender_clear(sentences, person, gender):
    people = frozenset(
        [
            "Cole",
            "Martin Cole",
            "Patricia Okoye",
            "Okoye",
            "Maria Lindqvist",
            "Tomas Brill",
            "Rahman",
            "Aisha Rahman",
            "Graham Tulloch",
            "Tulloch",
        ]
    )
    assert known_genders(people, sentences).get(person) == gender


@pytest.mark.parametrize(
    "sentences",
    [
        # A pronoun inside a quotation is about somebody else.
        ["Outside court, Rachel Dunn said: “Today is about the families, not about him.”"],
        # Two people named: the pronoun could be either.
        ["Rachel Dunn said Owen Price had left his post."],
        # Part of a longer name is not a person.
        ["The Rachel Dunn Trust said he had left."],
        # A sentence about somebody it does not name: its pronouns are not the named person's.
        ["She married Rachel Dunn's brother in 1964; he died in 2011."],
        ["Owen Price left.", "She thanked Rachel Dunn.", "He said nothing."],
    ],
)
def test_a_gender_the_article_leaves_unclear_is_not_guessed(sentences):
    people = frozenset(["Rachel Dunn", "Dunn", "Owen Price", "Price"])
    assert "Rachel Dunn" not in known_genders(people, sentences)
