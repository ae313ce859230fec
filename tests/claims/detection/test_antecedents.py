"""A statement's leading "It", "That", "They" and "some of them": what the sentence before names."""

import pytest

from claims.detection import build_statement


@pytest.mark.parametrize(
    ("previous", "sentence", "statement"),
    [
        (
            "The jobless rate in Eastport rose to 6.2 percent in May, the labour office said.",
            "It was the highest rate since 2020.",
            "The jobless rate in Eastport was the highest rate since 2020.",
        ),
        (
            "The port's cargo volume fell by 300,000 tonnes in 2023.",
            "That is the steepest drop in a decade.",
            "The port's cargo volume is the steepest drop in a decade.",
        ),
        (
            "New bus lanes opened on three avenues in March.",
            "They cut journey times by 12 percent.",
            "New bus lanes cut journey times by 12 percent.",
        ),
    ],
)
def test_a_leading_it_that_or_they_is_the_subject_of_the_sentence_before(
    previous, sentence, statement
):
    assert build_statement(sentence, previous=[previous]) == statement


@pytest.mark.parametrize(
    ("previous", "sentence"),
    [
        # A dummy "it", a person or a bare name as the subject before, a singular for "They".
        ("The port's cargo volume fell in 2023.", "It is likely that exports will recover."),
        ("The port's cargo volume fell in 2023.", "It took the port two years to recover."),
        ("Keeper Sam Ortiz saved two penalties.", "It was the club's first cup win."),
        ("Exports fell 4 percent in 2023.", "It was the lowest figure since 2009."),
        ("The port's cargo volume fell in 2023.", "They cut 200 jobs."),
        ("In March, the port's cargo volume fell.", "It was the lowest since 2009."),
    ],
)
def test_a_leading_pronoun_without_a_plain_antecedent_is_left_alone(previous, sentence):
    assert build_statement(sentence, previous=[previous]) == sentence


@pytest.mark.parametrize(
    ("previous", "sentence", "statement"),
    [
        (
            "Twelve climbers were caught in the avalanche on Monday.",
            "Nine of them were rescued by helicopter.",
            "Nine of the twelve climbers were rescued by helicopter.",
        ),
        (
            "The new shelters opened across the county in March.",
            "Most of them have space left.",
            "Most of the new shelters have space left.",
        ),
        # A counted group named anywhere in the sentence before, not a measure.
        (
            "Investigators had reviewed all 19 cases by Friday.",
            "In two of them, the vaccine was a contributing factor.",
            "In two of the 19 cases, the vaccine was a contributing factor.",
        ),
        (
            "We opened 38 shelters this morning.",
            "Thirty-one of them have space.",
            "Thirty-one of the 38 shelters have space.",
        ),
        (
            "The strike lasted 12 days in 2023.",
            "Nine of them were in March.",
            "Nine of them were in March.",
        ),
        # A singular or an indefinite group is not what "them" names.
        (
            "The shelter opened in March.",
            "Most of them have space left.",
            "Most of them have space left.",
        ),
    ],
)
def test_of_them_names_the_group_of_the_sentence_before(previous, sentence, statement):
    assert build_statement(sentence, previous=[previous]) == statement
