from claims.detection import split_sentences
from claims.detection.layout import candidate_flags


def candidates(article: str) -> list[str]:
    sentences = split_sentences(article)
    flags = candidate_flags(article, sentences)
    return [s.text for s, flag in zip(sentences, flags, strict=True) if flag]


BODY = "The council approved a budget of $2 billion on Monday. It takes effect in July."


def test_a_headline_without_a_full_stop_is_not_a_candidate():
    assert candidates(f"Council passes record budget\n\n{BODY}") == [
        "The council approved a budget of $2 billion on Monday.",
        "It takes effect in July.",
    ]


def test_a_caption_ending_in_a_photo_credit_is_not_a_candidate():
    for credit in ["Reuters", "AP Photo/Jane Doe", "Getty Images", "AFP", "REUTERS/John Smith"]:
        article = (
            f"Budget day\nThe mayor speaks in the town hall on May 3, 2021. {credit}\n\n{BODY}"
        )
        assert candidates(article) == [
            "The council approved a budget of $2 billion on Monday.",
            "It takes effect in July.",
        ], credit


def test_a_paragraph_describing_a_picture_under_the_headline_is_a_caption():
    article = f"Budget day\nThe mayor is pictured at the town hall on Monday.\n\n{BODY}"
    assert candidates(article)[0] == "The council approved a budget of $2 billion on Monday."


def test_the_same_picture_words_in_the_body_do_not_make_a_caption():
    article = f"{BODY}\n\nThe mayor, pictured last year at a rally, promised lower taxes."
    assert candidates(article)[-1] == (
        "The mayor, pictured last year at a rally, promised lower taxes."
    )


def test_boilerplate_lines_are_not_candidates():
    article = (
        f"By Jane Doe and John Roe\n\n{BODY}\n\nAdvertisement\n\n"
        "Read more: Council cuts school funding by 5%.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n\n"
        "Sign up for our newsletter to get the latest news.\n\n"
        "Copyright 2021 The Daily Planet. All rights reserved."
    )
    assert candidates(article) == [
        "The council approved a budget of $2 billion on Monday.",
        "It takes effect in July.",
    ]


def test_very_short_fragments_are_not_candidates():
    assert candidates(f"{BODY} Thank you. Yes!") == [
        "The council approved a budget of $2 billion on Monday.",
        "It takes effect in July.",
    ]


def test_an_unpunctuated_long_paragraph_is_still_body_text():
    paragraph = (
        "The council approved a budget of two billion dollars on Monday after a long debate "
        "in which members argued about schools and roads and the cost of the new tram line"
    )
    assert candidates(paragraph) == [paragraph]
