"""The public fact-check page and its embed card, as readers and search engines see them."""

from datetime import UTC, datetime

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claimant, ClaimStatus, Rating
from claims.services import claim_mark_duplicate, verdict_correct, verdict_publish
from tests.api.publishing import VERDICT_SUMMARY, draft_verdict, publish_verdict
from tests.factories import ArticleFactory, ClaimFactory

STATEMENT = "The city spent $4.2 million on road repairs in 2023."


def _page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return response, lxml.html.fromstring(response.content)


@pytest.fixture
def fact_check(editor, reviewer):
    article = ArticleFactory(
        title="Council report",
        outlet="The Example Tribune",
        published_at=datetime(2026, 2, 28, 9, 0, tzinfo=UTC),
    )
    claimant = Claimant.objects.create(name="Jane Ortiz", kind="person")
    claim = ClaimFactory(article=article, text=STATEMENT, claimant=claimant)
    return publish_verdict(claim, editor=editor, reviewer=reviewer, rating="false")


def test_the_claim_page_heads_with_the_statement_and_says_who_checked_it(
    client, fact_check, settings
):
    settings.CLAIM_TRACKER_ORGANIZATION_NAME = "Example Fact Check Desk"
    _, page = _page(client, f"/claims/{fact_check.pk}/")

    assert [h1.text_content() for h1 in page.xpath("//h1")] == [STATEMENT]
    assert page.xpath("//main//h1")
    text = page.xpath("string(//main)")
    assert "Fact check by Example Fact Check Desk" in text
    assert "Said by Jane Ortiz in:" in " ".join(text.split())
    assert "The Example Tribune" in text
    assert "28 February 2026" in text
    assert VERDICT_SUMMARY in text
    assert "on a scale from 1 (Pants on fire) to 6 (True)" in text
    assert page.xpath("//a[@class='skip-link']/@href") == ["#content"]
    assert page.xpath("//main/@id") == ["content"]


def test_the_claim_page_names_the_organisation_and_its_logo_from_settings(
    client, fact_check, settings
):
    settings.CLAIM_TRACKER_ORGANIZATION_NAME = "Example Fact Check Desk"
    settings.CLAIM_TRACKER_ORGANIZATION_LOGO_URL = "https://factcheck.example.org/logo.png"
    _, page = _page(client, f"/claims/{fact_check.pk}/")

    assert "Example Fact Check Desk" in page.xpath("string(//header)")
    assert page.xpath("//header//img/@src") == ["https://factcheck.example.org/logo.png"]
    assert page.xpath("//meta[@property='og:image']/@content") == [
        "https://factcheck.example.org/logo.png"
    ]


def test_search_engines_get_a_title_description_canonical_and_share_card(
    client, fact_check, settings
):
    settings.CLAIM_TRACKER_ORGANIZATION_NAME = "Example Fact Check Desk"
    _, page = _page(client, f"/claims/{fact_check.pk}/")
    canonical = f"http://testserver/claims/{fact_check.pk}/"

    assert page.findtext(".//title") == f"Fact check: {STATEMENT} - False | Example Fact Check Desk"
    assert page.xpath("//meta[@name='description']/@content") == [VERDICT_SUMMARY]
    assert page.xpath("//link[@rel='canonical']/@href") == [canonical]
    assert page.xpath("//meta[@property='og:url']/@content") == [canonical]
    assert page.xpath("//meta[@property='og:title']/@content") == [f"False: {STATEMENT}"]
    assert page.xpath("//meta[@name='twitter:card']/@content") == ["summary"]
    assert not page.xpath("//meta[@name='robots']")
    assert page.xpath("//link[@rel='icon']/@href")


@pytest.mark.parametrize(
    "status", [ClaimStatus.NEW, ClaimStatus.NOT_CHECKABLE, ClaimStatus.CHECKABLE]
)
def test_a_claim_without_a_published_verdict_has_no_public_page_or_card(client, newsroom, status):
    claim = ClaimFactory(text=STATEMENT, status=status)

    for url in (f"/claims/{claim.pk}/", f"/claims/{claim.pk}/embed/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert STATEMENT not in response.content.decode(), url


def test_a_drafted_verdict_gets_no_public_page_until_it_is_published(client, editor, reviewer):
    claim = draft_verdict(ClaimFactory(text=STATEMENT), editor=editor, reviewer=reviewer)

    assert client.get(f"/claims/{claim.pk}/").status_code == 404

    verdict_publish(claim=claim, actor=editor)
    assert client.get(f"/claims/{claim.pk}/").status_code == 200


def test_a_correction_shows_both_dates_and_the_correction_log(client, fact_check, editor):
    verdict_correct(
        claim=fact_check,
        actor=editor,
        correction_note="The city revised the budget: $1.4 million was spent.",
        rating="pants-on-fire",
    )
    verdict_publish(claim=fact_check, actor=editor)
    _, page = _page(client, f"/claims/{fact_check.pk}/")

    dates = page.xpath("string(//p[@class='dates'])")
    assert "Published" in dates
    assert "corrected" in dates
    assert "$1.4 million" in page.xpath("string(//p[@class='correction'])")
    assert len(page.xpath("//section[@id='verdict-history']//li")) == 2
    assert page.xpath("//meta[@property='article:modified_time']")


@pytest.mark.parametrize(
    ("slug", "text_colour"),
    [
        ("true", "#ffffff"),
        ("mostly-true", "#000000"),
        ("half-true", "#000000"),
        ("mostly-false", "#000000"),
        ("false", "#000000"),
        ("pants-on-fire", "#ffffff"),
    ],
)
def test_every_default_rating_badge_is_drawn_in_the_text_colour_that_reads_best(
    client, editor, reviewer, slug, text_colour
):
    claim = publish_verdict(
        ClaimFactory(text=STATEMENT), editor=editor, reviewer=reviewer, rating=slug
    )
    rating = Rating.objects.in_default_scale().get(slug=slug)
    _, page = _page(client, f"/claims/{claim.pk}/")

    (badge,) = page.xpath("//span[@class='rating']")
    assert badge.text_content() == rating.label
    assert f"color: {text_colour}" in badge.get("style")


def test_the_embed_card_points_search_engines_to_the_claim_page(client, fact_check, settings):
    response, card = _page(client, f"/claims/{fact_check.pk}/embed/")

    assert card.xpath("//link[@rel='canonical']/@href") == [
        f"http://testserver/claims/{fact_check.pk}/"
    ]
    assert card.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert response["X-Robots-Tag"] == "noindex"
    assert card.xpath("string(//span[@class='rating'])") == "False"


def test_a_duplicate_claims_page_card_and_claimreview_show_its_originals_verdict(
    client, fact_check, editor
):
    repeat = ClaimFactory(text="The city spent 4.2 million dollars on roads in 2023.")
    claim_mark_duplicate(claim=repeat, original=fact_check, actor=editor)

    _, page = _page(client, f"/claims/{repeat.pk}/")
    _, card = _page(client, f"/claims/{repeat.pk}/embed/")
    review = client.get(f"/api/claims/{repeat.pk}/claimreview/").json()
    assert page.xpath("string(//span[@class='rating'])") == "False"
    assert card.xpath("string(//span[@class='rating'])") == "False"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["url"] == f"http://testserver/claims/{repeat.pk}/"


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, settings):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_favicon_is_found_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("claims/favicon.svg")


def test_the_claim_page_costs_the_same_queries_however_long_its_correction_log(
    client, fact_check, editor
):
    def correct() -> None:
        verdict_correct(claim=fact_check, actor=editor, correction_note="Revised figures.")
        verdict_publish(claim=fact_check, actor=editor)

    correct()
    with CaptureQueriesContext(connection) as once:
        _page(client, f"/claims/{fact_check.pk}/")
    correct()
    correct()
    with CaptureQueriesContext(connection) as thrice:
        _, page = _page(client, f"/claims/{fact_check.pk}/")

    assert len(page.xpath("//section[@id='verdict-history']//li")) == 4
    assert len(thrice) == len(once)
