import time

import pytest

from claims.detection import Sentence, paragraph_bounds, split_sentences


def texts(article: str) -> list[str]:
    sentences = split_sentences(article)
    for sentence in sentences:
        assert article[sentence.start : sentence.end] == sentence.text
    return [sentence.text for sentence in sentences]


def test_offsets_point_at_the_exact_sentence_text():
    article = "  First one.  Second one!\n\nThird one?  "
    assert split_sentences(article) == [
        Sentence("First one.", 2, 12),
        Sentence("Second one!", 14, 25),
        Sentence("Third one?", 27, 37),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. military said Dr. Smith and Sen. Warren met on Jan. 5 at 7 p.m. in Geneva.",
        "A crescent moon rose over the station on Feb. 1, 2014, as the crew slept.",
        "Exports fell to 3.5 billion dollars while the index lost $4.2 in a day.",
        "Mr. and Mrs. Jones met Gov. Abbott and Prof. Lee at St. Mary's hospital.",
        "The vote was 52 vs. 48, said John F. Kennedy Jr. after lunch.",
    ],
)
def test_abbreviations_numbers_and_initials_do_not_end_a_sentence(sentence):
    assert texts(sentence) == [sentence]


def test_an_abbreviation_that_ends_a_sentence_still_closes_it():
    assert texts("The troops returned to the U.S. They landed at 6 a.m. The band played.") == [
        "The troops returned to the U.S.",
        "They landed at 6 a.m.",
        "The band played.",
    ]


def test_a_quote_closing_after_the_full_stop_belongs_to_its_sentence():
    article = 'He called it "a disaster." She said it was “a success.” Both left.'
    assert texts(article) == [
        'He called it "a disaster."',
        "She said it was “a success.”",
        "Both left.",
    ]


def test_a_question_inside_a_quote_followed_by_he_asked_stays_one_sentence():
    article = '"Why now?" he asked. “Because we must!” she replied. Nobody spoke.'
    assert texts(article) == [
        '"Why now?" he asked.',
        "“Because we must!” she replied.",
        "Nobody spoke.",
    ]


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON — ",
        "WASHINGTON (Reuters) - ",
        "NEW YORK (AP) — ",
        "LONDON, Jan. 5 (Reuters) - ",
        "PARIS, France -- ",
    ],
)
def test_a_dateline_is_not_part_of_the_first_sentence(dateline):
    article = f"{dateline}The Senate passed the bill on Tuesday. It now goes to the House."
    assert texts(article) == ["The Senate passed the bill on Tuesday.", "It now goes to the House."]


def test_a_capitalised_opening_word_is_not_mistaken_for_a_dateline():
    assert texts("NASA - the agency - said it would launch.") == [
        "NASA - the agency - said it would launch."
    ]


def test_a_line_without_terminal_punctuation_is_its_own_unit():
    article = (
        "Earth from outerspace\nA moon rises over the Earth. Reuters\n\nRussia warned the U.S."
    )
    assert texts(article) == [
        "Earth from outerspace",
        "A moon rises over the Earth.",
        "Reuters",
        "Russia warned the U.S.",
    ]


def test_paragraph_breaks_end_sentences_even_without_a_full_stop():
    article = "The first paragraph ends here\n\n\nThe second one starts here."
    assert texts(article) == ["The first paragraph ends here", "The second one starts here."]


def test_empty_and_blank_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t\n") == []


def test_a_megabyte_long_sentence_is_one_sentence_and_fast():
    article = "word " * 200_000 + "end."
    started = time.process_time()
    sentences = split_sentences(article)
    assert time.process_time() - started < 2.0
    assert len(sentences) == 1
    assert sentences[0].end == len(article)


def test_ten_megabytes_of_text_split_in_linear_time():
    paragraph = "The U.S. economy grew 3.5% in 2019, Dr. Smith said, " * 40 + "and so on.\n"
    article = paragraph * (10_000_000 // len(paragraph))
    started = time.process_time()
    sentences = split_sentences(article)
    assert time.process_time() - started < 10.0
    assert len(article) > 9_900_000
    assert len(sentences) == article.count("\n")


def test_a_megabyte_of_short_sentences_keeps_every_sentence():
    article = (
        "The U.S. economy grew 3.5% in 2019, Dr. Smith said. “It is fine,” he said.\n" * 13_500
    )
    sentences = split_sentences(article)
    assert len(sentences) == 27_000
    assert sentences[-1].text == "“It is fine,” he said."


@pytest.mark.parametrize(
    "article",
    [
        "\x00" * 100_000 + "A sentence.\x00 Another one." * 1000,
        "." * 500_000 + "!?" * 100_000,
        "a. " * 150_000,
        "U.S. " * 100_000,
        "“" * 200_000 + '"' * 200_000,
    ],
)
def test_hostile_input_is_split_quickly_with_exact_offsets(article):
    started = time.process_time()
    sentences = split_sentences(article)
    assert time.process_time() - started < 5.0
    for sentence in sentences:
        assert article[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_a_paragraph_is_a_line_as_the_splitter_reads_it():
    text = "HEADLINE\nThe mayor spoke. Crime rose.\r\n\nThe end."
    crime = text.index("Crime")

    assert text[slice(*paragraph_bounds(text, crime))] == "The mayor spoke. Crime rose."
    assert text[slice(*paragraph_bounds(text, 0))] == "HEADLINE"
    assert text[slice(*paragraph_bounds(text, len(text) - 1))] == "The end."
    # Every sentence the splitter finds lies inside its own paragraph.
    for sentence in split_sentences(text):
        start, end = paragraph_bounds(text, sentence.start)
        assert start <= sentence.start <= sentence.end <= end
