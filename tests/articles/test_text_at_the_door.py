"""Article text is normalised once, however it arrives: line breaks, stray surrogates and
control characters never reach the detector or the database."""

import pytest

from articles.models import ArticleStatus
from articles.services import article_create, article_update

PARAGRAPHS = [
    "Jobs report",
    "Unemployment in Ohio fell to 3.9 percent in March 2024, the state labor department said.",
    "Governor Mike DeWine said the state added 42,000 jobs last year.",
    "The state budget grew 4 percent in 2023, according to the budget office.",
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "line_break", ["\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c"], ids=repr
)
def test_an_article_whose_lines_end_in_any_line_break_gives_its_claims(line_break):
    article = article_create(title="Jobs", body=line_break.join(PARAGRAPHS))
    article.refresh_from_db()
    assert article.body == "\n".join(PARAGRAPHS)
    assert article.status == ArticleStatus.DONE
    # The headline is a line of its own, not a claim; every paragraph under it is one.
    assert sorted(article.claims.values_list("text", flat=True)) == sorted(PARAGRAPHS[1:])


@pytest.mark.django_db(transaction=True)
def test_a_lone_surrogate_in_a_body_is_replaced_and_the_article_extracted():
    body = "\n".join(PARAGRAPHS) + "\nThe mayor said \ud800 taxes rose 5 percent in 2022."
    article = article_create(title="Jobs \udfff", body=body)
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE, article.status_reason
    assert "\ufffd taxes rose" in article.body
    assert article.title == "Jobs \ufffd"
    assert article.claims.count() >= 2


@pytest.mark.django_db(transaction=True)
def test_a_surrogate_pair_written_as_two_halves_becomes_its_character():
    article = article_create(title="Emoji", body="\n".join(PARAGRAPHS) + " \ud83d\ude00")
    article.refresh_from_db()
    assert article.body.endswith(" \U0001f600")


@pytest.mark.django_db(transaction=True)
def test_control_characters_are_removed_from_a_body_but_tabs_and_line_breaks_kept():
    body = "\n".join(PARAGRAPHS).replace("Governor", "Gover\x07nor\x1b\x7f\x9b") + "\n\tEnd."
    article = article_create(title="Jobs", body=body)
    article.refresh_from_db()
    assert article.body == "\n".join(PARAGRAPHS) + "\n\tEnd."


@pytest.mark.django_db(transaction=True)
def test_an_edited_body_is_normalised_too():
    article = article_create(title="Jobs", body="\n".join(PARAGRAPHS))
    article_update(article=article, body="\r".join(PARAGRAPHS[:3]) + "\u2028Extra \ud800.")
    article.refresh_from_db()
    assert article.body == "\n".join(PARAGRAPHS[:3]) + "\nExtra \ufffd."
    assert article.status == ArticleStatus.DONE
