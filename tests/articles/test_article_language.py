"""Each article's language is detected and stored; articles in a language the claim detector
does not read are kept and flagged, with no claims, and can be found by language."""

import pytest

from articles.models import Article, ArticleStatus
from articles.services import (
    article_create_from_url,
    article_receive,
    article_request_extraction,
)
from tests.articles.conftest import RENTS
from tests.articles.ingest.test_ingest_extraction import EXPECTED

pytestmark = pytest.mark.django_db

SPANISH = (
    "El ayuntamiento de Sevilla aprobó el martes un presupuesto de 1.200 millones de euros, "
    "un 8 % más que el año pasado, según informó la portavoz municipal a los periodistas."
)


@pytest.mark.usefixtures("private_addresses_allowed")
def test_a_french_page_is_kept_and_flagged_with_no_claims(news_server, committed):
    with committed():
        article = article_create_from_url(url=news_server.url(RENTS)).article

    article.refresh_from_db()
    assert article.title == EXPECTED[RENTS]["title"]
    assert article.language == "fr"
    assert article.status == ArticleStatus.DONE
    assert article.status_reason == "language fr not supported by the claim detector"
    assert "Les loyers du parc privé ont augmenté de 7 %" in article.body
    assert not article.claims.exists()


def test_a_pasted_article_in_an_unsupported_language_gets_no_claims_even_when_asked_again(
    committed,
):
    with committed():
        article = article_receive(title="Presupuesto", body=SPANISH).article
    with committed():
        article_request_extraction(article=article)

    article.refresh_from_db()
    assert (article.language, article.status) == ("es", ArticleStatus.DONE)
    assert article.status_reason == "language es not supported by the claim detector"
    assert not article.claims.exists()


@pytest.mark.usefixtures("newsroom")
def test_an_english_article_is_detected_as_english_and_extracted(sample_article_text, committed):
    with committed():
        article = article_receive(title="Space", body=sample_article_text).article

    article.refresh_from_db()
    assert (article.language, article.status, article.status_reason) == ("en", "done", "")
    assert article.claims.exists()


def test_adding_a_language_to_the_supported_ones_sends_its_articles_to_the_detector(
    settings, committed
):
    settings.SUPPORTED_LANGUAGES = {"en", "es"}
    with committed():
        article = article_receive(title="Presupuesto", body=SPANISH).article

    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.status_reason == ""
    assert article.processed_at is not None


@pytest.mark.usefixtures("private_addresses_allowed")
def test_editors_filter_articles_by_language_in_the_admin(news_server, admin_client_for, committed):
    with committed():
        article_create_from_url(url=news_server.url(RENTS))
        article_receive(title="Presupuesto", body=SPANISH)

    french = admin_client_for.get("/admin/articles/article/?language=fr")
    assert EXPECTED[RENTS]["title"].replace("'", "&#x27;") in french.text
    assert "Presupuesto" not in french.text
    assert Article.objects.in_language("ES").get().title == "Presupuesto"
