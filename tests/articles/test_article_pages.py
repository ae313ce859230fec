"""Articles submitted by their address or as a saved page: fetched from a local news server,
their text and details extracted, the page kept, failures shown and retried."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article, ArticlePage, ArticleStatus
from articles.services import (
    article_create_from_url,
    article_request_fetch,
    article_sweep_fetches,
    article_update,
)
from claims.models import Claim, ClaimStatus
from tests.articles.conftest import DREDGING, ENGLISH_PAGES, RENTS, fixture_bytes, send_document
from tests.articles.ingest.conftest import PAGES
from tests.articles.ingest.test_ingest_extraction import EXPECTED, FURNITURE, STORY_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def fetched(news_server, committed):
    """Submit a page of the news server by its address; the article as the tasks left it."""

    def fetch(path):
        with committed():
            receipt = article_create_from_url(url=news_server.url(path))
        return Article.objects.get(pk=receipt.article.pk)

    return fetch


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
@pytest.mark.parametrize("path", [*ENGLISH_PAGES, RENTS])
def test_an_article_given_by_address_gets_its_text_and_details_from_the_page(
    news_server, fetched, path
):
    article = fetched(path)

    expected = EXPECTED[path]
    assert article.title == expected["title"]
    assert article.author == expected["author"]
    assert article.outlet == expected["outlet"]
    assert article.canonical_url == expected["canonical_url"]
    assert article.published_at == expected["published_at"]
    assert article.language == expected["language"]
    for sentence in STORY_TEXT[path]:
        assert sentence in article.body
    assert article.url == news_server.url(path)
    assert article.status == ArticleStatus.DONE
    # The page is kept as fetched, to be extracted again later.
    page = ArticlePage.objects.get(article=article)
    assert bytes(page.html) == fixture_bytes(PAGES[path][0])


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_page_furniture_around_a_story_produces_no_claims(fetched, path):
    article = fetched(path)

    claims = list(article.claims.values_list("text", flat=True))
    assert claims, "the story itself holds check-worthy claims"
    leaked = [
        phrase
        for phrase in FURNITURE[path]
        for claim in claims
        if phrase.casefold() in claim.casefold()
    ]
    assert leaked == []
    assert all(claim in article.body for claim in claims)


@pytest.mark.usefixtures("private_addresses_refused")
@pytest.mark.parametrize(
    ("address", "kind"),
    [
        (None, "a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://10.0.0.7/admin", "a private address"),
        ("http://[::1]:8000/", "a loopback address"),
    ],
)
def test_an_address_inside_the_newsroom_network_is_refused_and_shown_on_the_article(
    news_server, committed, address, kind
):
    url = address or news_server.url(DREDGING)
    with committed():
        receipt = article_create_from_url(url=url)
    article = Article.objects.get(pk=receipt.article.pk)

    assert article.status == ArticleStatus.FAILED
    assert kind in article.status_reason
    assert article.status_reason.startswith("Could not fetch the page (permanent): refused")
    assert article.fetch_failure_transient is False
    # A refused address is not tried again on its own, and nothing was asked of the server.
    assert article.next_fetch_at is None
    assert news_server.seen == []
    assert article_sweep_fetches() == 0


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_page_that_trickles_in_is_cut_off_then_fetched_by_the_sweep_once_the_server_recovers(
    news_server, settings, fetched, committed
):
    settings.ARTICLE_FETCH_READ_TIMEOUT = 0.5
    settings.ARTICLE_FETCH_TOTAL_TIMEOUT = 1
    settings.ARTICLE_FETCH_RETRY_SECONDS = 1
    page = news_server.routes[DREDGING]
    news_server.routes[DREDGING] = lambda handler: news_server.trickle(
        handler, pause=0.2, chunks=30
    )

    started = time.monotonic()
    article = fetched(DREDGING)
    assert time.monotonic() - started < 3

    assert article.status == ArticleStatus.FAILED
    assert "Could not fetch the page (temporary): timed out after 1 s" in article.status_reason
    assert "trying again in 1 s" in article.status_reason
    assert article.fetch_failure_transient is True
    assert article.next_fetch_at > timezone.now() - timezone.timedelta(seconds=1)

    news_server.routes[DREDGING] = page
    time.sleep(1.1)
    with committed():
        assert article_sweep_fetches() == 1

    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.title == EXPECTED[DREDGING]["title"]
    assert article.fetch_attempts == 2
    assert article.claims.exists()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_page_over_the_size_limit_is_refused_and_fetched_when_an_editor_retries(
    news_server, settings, admin_client_for, fetched, committed
):
    settings.ARTICLE_FETCH_MAX_BYTES = 64 * 1024
    huge = b"<html><body>" + b"<p>" + b"The council spent money. " * 8000 + b"</p></body></html>"
    news_server.routes["/news/huge"] = lambda handler: send_document(handler, huge, "text/html")

    article = fetched("/news/huge")
    assert article.status == ArticleStatus.FAILED
    assert article.status_reason == (
        "Could not fetch the page (permanent): response larger than 64 KB; "
        "not retried: fix the address or retry from the admin."
    )
    assert article_sweep_fetches() == 0

    news_server.routes["/news/huge"] = news_server.routes[DREDGING]
    with committed():
        response = admin_client_for.post(
            "/admin/articles/article/",
            {"action": "retry_fetch", "_selected_action": [article.pk]},
            follow=True,
        )
    assert "Fetch requested for 1 article(s)." in response.text

    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.status_reason == ""
    assert article.title == EXPECTED[DREDGING]["title"]


@pytest.mark.usefixtures("private_addresses_allowed")
def test_a_page_with_no_article_in_it_fails_for_good_and_is_kept(news_server, fetched):
    news_server.routes["/video/empty"] = lambda handler: send_document(
        handler, b"<html><body><nav>Home News Sport</nav><p>Watch:</p></body></html>", "text/html"
    )
    article = fetched("/video/empty")

    assert article.status == ArticleStatus.FAILED
    assert article.status_reason.startswith("No article found in the page (permanent)")
    assert ArticlePage.objects.filter(article=article).exists()


@pytest.mark.usefixtures("private_addresses_allowed")
def test_a_page_of_another_content_type_is_refused(news_server, fetched):
    news_server.routes["/report.pdf"] = lambda handler: send_document(
        handler, b"%PDF-1.7", "application/pdf"
    )
    article = fetched("/report.pdf")

    assert article.status == ArticleStatus.FAILED
    assert "unsupported content type application/pdf" in article.status_reason


@pytest.mark.usefixtures("newsroom")
def test_an_article_stored_while_the_broker_is_down_is_fetched_by_the_sweep(
    news_server, private_addresses_allowed, settings, django_capture_on_commit_callbacks
):
    settings.ARTICLE_FETCH_STALE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=False) as never_sent:
        article = article_create_from_url(url=news_server.url(DREDGING)).article
    assert len(never_sent) == 1
    article.refresh_from_db()
    assert (article.status, article.url) == (ArticleStatus.FETCHING, news_server.url(DREDGING))

    with django_capture_on_commit_callbacks(execute=True):
        assert article_sweep_fetches() == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.claims.exists()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_re_extracting_from_the_saved_page_restores_the_pages_text_without_fetching(
    news_server, admin_client_for, fetched, committed
):
    article = fetched(DREDGING)
    original = article.body
    with committed():
        article_update(article=article, body="The council spent £1 on dredging, the mayor said.")
    news_server.routes[DREDGING] = lambda handler: handler.send_error(503)
    requests_before = len(news_server.seen)

    with committed():
        response = admin_client_for.post(
            "/admin/articles/article/",
            {"action": "reextract_from_saved_html", "_selected_action": [article.pk]},
            follow=True,
        )
    assert "Re-extracted from saved HTML: 1 stored." in response.text

    article.refresh_from_db()
    assert article.body == original
    assert article.status == ArticleStatus.DONE
    assert len(news_server.seen) == requests_before


@pytest.mark.usefixtures("newsroom")
def test_an_editor_uploads_a_saved_page_in_the_admin(admin_client_for, committed):
    upload = SimpleUploadedFile(
        "dredging.html", fixture_bytes("harbour_gazette_jsonld.html"), content_type="text/html"
    )
    with committed():
        response = admin_client_for.post(
            "/admin/articles/article/add/",
            {"title": "", "body": "", "url": "", "outlet": "", "author": "", "html_file": upload},
            follow=True,
        )
    assert response.status_code == 200

    article = Article.objects.get()
    assert article.title == EXPECTED[DREDGING]["title"]
    assert article.author == "Eleanor Whitcombe"
    assert article.url == EXPECTED[DREDGING]["canonical_url"]
    assert article.status == ArticleStatus.DONE
    assert bytes(article.page.html) == fixture_bytes("harbour_gazette_jsonld.html")
    assert article.claims.exists()


@pytest.mark.usefixtures("newsroom")
def test_an_uploaded_page_with_no_article_is_refused_with_the_reason(admin_client_for):
    upload = SimpleUploadedFile("menu.html", b"<html><body><p>Menu</p></body></html>")
    response = admin_client_for.post(
        "/admin/articles/article/add/",
        {"title": "", "body": "", "url": "", "outlet": "", "author": "", "html_file": upload},
    )
    assert response.status_code == 200
    assert "no article text found in the page" in response.text
    assert not Article.objects.exists()


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_an_editor_adds_an_article_by_its_address_alone_in_the_admin(
    news_server, admin_client_for, committed
):
    with committed():
        response = admin_client_for.post(
            "/admin/articles/article/add/",
            {"title": "", "body": "", "url": news_server.url(DREDGING), "outlet": "", "author": ""},
            follow=True,
        )
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.title == EXPECTED[DREDGING]["title"]
    assert article.status == ArticleStatus.DONE


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_corrected_story_fetched_again_keeps_the_triage_of_its_unchanged_claims(
    news_server, fetched, committed
):
    article = fetched(DREDGING)
    kept = article.claims.get(text__contains="road maintenance budget")
    Claim.objects.filter(pk=kept.pk).update(status=ClaimStatus.CHECKABLE)
    corrected = fixture_bytes("harbour_gazette_jsonld.html").replace(
        b"<p>The committee will vote",
        b"<p>Correction: the council's finance director said the port earned "
        b"\xc2\xa312 million in harbour dues in 2023, up 9% on 2022.</p><p>The committee will vote",
    )
    news_server.routes[DREDGING] = lambda handler: send_document(handler, corrected, "text/html")

    with committed():
        article_request_fetch(article=article)

    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert "up 9% on 2022" in article.body
    assert Claim.objects.get(pk=kept.pk).status == ClaimStatus.CHECKABLE
    assert article.claims.filter(text__contains="harbour dues in 2023").exists()
    texts = list(article.claims.values_list("text", flat=True))
    assert len(texts) == len(set(texts))


@pytest.mark.usefixtures("private_addresses_allowed")
def test_a_redirect_loop_is_cut_off_and_shown_on_the_article(news_server, fetched, settings):
    settings.ARTICLE_FETCH_MAX_REDIRECTS = 3
    news_server.routes["/loop"] = lambda handler: news_server.redirect(handler, "/loop?again")

    article = fetched("/loop")

    assert article.status == ArticleStatus.FAILED
    assert "too many redirects (more than 3)" in article.status_reason
    assert [path for path, _ in news_server.seen].count("/loop?again") == 3


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_page_reached_through_redirects_is_stored_under_both_addresses(news_server, fetched):
    news_server.routes["/r/4471"] = lambda handler: news_server.redirect(handler, DREDGING, 301)

    article = fetched("/r/4471")

    assert article.title == EXPECTED[DREDGING]["title"]
    assert set(article.addresses.values_list("url", flat=True)) == {
        news_server.url("/r/4471"),
        news_server.url(DREDGING),
        EXPECTED[DREDGING]["canonical_url"],
    }
