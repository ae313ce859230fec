"""The same article arriving twice, by address or by text, is one article; a changed text at
the same address updates it without losing the triage already done."""

import pytest

from articles.models import Article, ArticleStatus
from articles.services import article_create_from_url, article_receive
from claims.models import Claim, ClaimStatus
from tests.articles.conftest import DREDGING, send_document
from tests.articles.ingest.conftest import fixture_bytes

pytestmark = pytest.mark.django_db

BODY = (
    "Unemployment in Ohio fell to 3.9 percent in March 2024, the state labor department said.\n\n"
    "Governor Mike DeWine said the state added 42,000 jobs last year."
)


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_an_address_submitted_again_under_another_spelling_is_the_same_article(
    news_server, committed
):
    with committed():
        first = article_create_from_url(url=news_server.url(DREDGING))
    with committed():
        again = article_create_from_url(
            url=news_server.url(DREDGING + "?utm_source=newsletter&fbclid=abc#comments").replace(
                "http://", "HTTP://"
            )
        )

    assert first.outcome == "created"
    assert (again.outcome, again.matched_by) == ("duplicate", "url")
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1
    # The page was fetched once, and claims extracted once.
    assert [path for path, _ in news_server.seen] == [DREDGING]


@pytest.mark.usefixtures("newsroom")
def test_the_same_text_under_another_address_is_recognised_as_the_same_article(committed):
    with committed():
        first = article_receive(title="Jobs", body=BODY, url="https://wire.example/jobs")
    retyped = (
        BODY.replace(" said", "  said").replace("\n\n", "\n").replace("42,000", "42,000\u200b")
    )
    again = article_receive(
        title="Ohio jobs", body=retyped.upper(), url="https://syndicated.example/ohio-jobs"
    )

    assert (again.outcome, again.matched_by) == ("duplicate", "body")
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert first.article.claims.count() == Claim.objects.count()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_the_same_page_served_at_two_addresses_is_one_article_with_its_claims_once(
    news_server, committed
):
    news_server.routes["/amp/dredging"] = news_server.routes[DREDGING]
    with committed():
        first = article_create_from_url(url=news_server.url(DREDGING)).article
    with committed():
        second = article_create_from_url(url=news_server.url("/amp/dredging")).article

    second.refresh_from_db()
    assert second.duplicate_of_id == first.pk
    assert second.status == ArticleStatus.DONE
    assert second.status_reason == f"Already stored as article {first.pk}."
    assert not second.claims.exists()
    # Next time, that address is known at once.
    assert article_create_from_url(url=news_server.url("/amp/dredging")).article.pk == second.pk


@pytest.mark.usefixtures("newsroom")
def test_a_changed_text_at_the_same_address_updates_the_article_and_keeps_triaged_claims(
    committed,
):
    with committed():
        first = article_receive(title="Jobs", body=BODY, url="https://example.org/jobs").article
    triaged = first.claims.get(text__contains="42,000 jobs")
    Claim.objects.filter(pk=triaged.pk).update(status=ClaimStatus.CHECKABLE)
    untouched = set(first.claims.exclude(pk=triaged.pk).values_list("pk", flat=True))

    with committed():
        updated = article_receive(
            title="Jobs (updated)",
            body=BODY + "\n\nThe state budget grew 4 percent in 2023, the treasurer said.",
            url="https://example.org/jobs?utm_campaign=update",
        )

    assert (updated.outcome, updated.article.pk) == ("updated", first.pk)
    article = Article.objects.get(pk=first.pk)
    assert article.title == "Jobs (updated)"
    assert article.status == ArticleStatus.DONE
    assert Claim.objects.get(pk=triaged.pk).status == ClaimStatus.CHECKABLE
    assert untouched <= set(article.claims.values_list("pk", flat=True))
    assert article.claims.filter(text__contains="4 percent in 2023").exists()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_newer_version_of_a_stored_page_updates_the_stored_article(news_server, committed):
    with committed():
        first = article_create_from_url(url=news_server.url(DREDGING)).article
    first.refresh_from_db()
    triaged = first.claims.get(text__contains="road maintenance budget")
    Claim.objects.filter(pk=triaged.pk).update(status=ClaimStatus.CHECKABLE)
    newer = fixture_bytes("harbour_gazette_jsonld.html").replace(
        b"<p>The committee will vote",
        b"<p>Update: dredging resumed on Friday after a two-day pause, costing "
        b"\xc2\xa31.2 million a week.</p><p>The committee will vote",
    )
    # The same story (same canonical address), reached through a new link.
    news_server.routes["/news/latest"] = lambda handler: send_document(handler, newer, "text/html")

    with committed():
        second = article_create_from_url(url=news_server.url("/news/latest")).article

    second.refresh_from_db()
    first.refresh_from_db()
    assert second.duplicate_of_id == first.pk
    assert "costing £1.2 million a week" in first.body
    assert first.status == ArticleStatus.DONE
    assert Claim.objects.get(pk=triaged.pk).status == ClaimStatus.CHECKABLE
    assert first.claims.filter(text__contains="£1.2 million a week").exists()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_page_on_another_site_cannot_overwrite_a_stored_article_by_naming_its_address(
    news_server, committed
):
    canonical = "https://www.harbourgazette.co.uk/news/politics/port-dredging-bill-overspend-4471"
    with committed():
        original = article_receive(title="Dredging", body=BODY, url=canonical).article
    # The local page declares the Gazette's address as its own canonical address.
    with committed():
        copy = article_create_from_url(url=news_server.url(DREDGING)).article

    original.refresh_from_db()
    copy.refresh_from_db()
    assert original.body == BODY
    assert copy.duplicate_of_id is None
    assert "£243 million" in copy.body
    assert list(copy.addresses.values_list("url", flat=True)) == [news_server.url(DREDGING)]
