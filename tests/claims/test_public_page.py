"""The public fact-check page and its embed card, as readers and search engines see them."""

import importlib
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import Claimant, ClaimStatus, Rating, Verdict, VerdictStatus, normalise_name
from claims.public import claim_item_of
from claims.services import (
    claim_change_claimant,
    claim_edit_statement,
    claim_mark_duplicate,
    verdict_correct,
    verdict_publish,
)
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


def _public_wording(client, claim_id: int) -> dict:
    """The statement and claimant every public reader is shown of the claim."""
    _, page = _page(client, f"/claims/{claim_id}/")
    _, card = _page(client, f"/claims/{claim_id}/embed/")
    review = client.get(f"/api/claims/{claim_id}/claimreview/").json()
    item = client.get(f"/api/claims/{claim_id}/").json()
    return {
        "page": page.xpath("string(//main//h1)"),
        "said by": " ".join(page.xpath("string(//main)").split()).split("Said by ")[1][:9],
        "card": card.xpath("string(//h1)"),
        "card said by": card.xpath("string(//p[@class='muted'])"),
        "claimReviewed": review["claimReviewed"],
        "author": review["itemReviewed"]["author"]["name"],
        "api statement": item["statement"],
        "api claimant": item["claimant"],
        "dateModified": review.get("dateModified"),
    }


def test_a_drafted_correction_rewords_the_claim_for_readers_only_once_published(
    client, fact_check, editor
):
    earlier = timezone.now() - timedelta(days=3)
    Verdict.objects.filter(claim=fact_check).update(
        published_at=earlier, first_published_at=earlier
    )
    before = _public_wording(client, fact_check.pk)
    assert before["page"] == before["card"] == before["claimReviewed"] == STATEMENT
    assert before["author"] == before["card said by"].lstrip("— ") == "Jane Ortiz"
    assert before["dateModified"] is None

    verdict_correct(claim=fact_check, actor=editor, correction_note="The mayor said it.")
    reworded = "The city spent $1.4 million on road repairs in 2023."
    claim_edit_statement(claim=fact_check, actor=editor, statement=reworded)
    mayor = Claimant.objects.create(
        name="Mayor Sam Lee", normalized_name=normalise_name("Mayor Sam Lee"), kind="person"
    )
    claim_change_claimant(claim=fact_check, actor=editor, claimant=mayor)
    assert _public_wording(client, fact_check.pk) == before

    verdict_publish(claim=fact_check, actor=editor)
    after = _public_wording(client, fact_check.pk)
    assert after["page"] == after["card"] == after["claimReviewed"] == reworded
    assert after["api statement"] == reworded
    assert after["author"] == after["api claimant"] == "Mayor Sam Lee"
    assert after["said by"] == "Mayor Sam"
    assert after["card said by"] == "— Mayor Sam Lee"
    assert after["dateModified"] == timezone.now().date().isoformat()


def test_renaming_a_claimant_leaves_published_reviews_until_a_correction(
    client, fact_check, editor
):
    claimant = fact_check.claimant
    claimant.name = "Jane Ortiz-Baker"
    claimant.same_as = ["https://www.wikidata.org/wiki/Q42"]
    claimant.save()

    review = client.get(f"/api/claims/{fact_check.pk}/claimreview/").json()
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Ortiz"}
    [listed] = client.get("/api/claimreviews/").json()["results"]
    assert listed["itemReviewed"]["author"]["name"] == "Jane Ortiz"
    [verdict] = client.get("/api/verdicts/").json()["results"]
    assert verdict["claimant"] == "Jane Ortiz"
    assert "Said by Jane Ortiz in:" in " ".join(
        _page(client, f"/claims/{fact_check.pk}/")[1].xpath("string(//main)").split()
    )

    verdict_correct(claim=fact_check, actor=editor, correction_note="Her name changed.")
    verdict_publish(claim=fact_check, actor=editor)
    review = client.get(f"/api/claims/{fact_check.pk}/claimreview/").json()
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Jane Ortiz-Baker",
        "sameAs": ["https://www.wikidata.org/wiki/Q42"],
    }


def test_the_newsroom_reads_the_claims_working_wording_while_the_public_reads_the_published(
    fact_check, editor
):
    verdict_correct(claim=fact_check, actor=editor, correction_note="Reworded.")
    claim_edit_statement(claim=fact_check, actor=editor, statement="Roads cost $1.4 million.")
    assert claim_item_of(fact_check.pk, for_staff=True)["statement"] == "Roads cost $1.4 million."
    assert claim_item_of(fact_check.pk, for_staff=False)["statement"] == STATEMENT


def test_the_migration_gives_verdicts_readers_have_seen_their_claims_current_wording(
    fact_check, editor
):
    fill = importlib.import_module("claims.migrations.0013_fill_verdict_wording").fill_wording
    verdict_correct(claim=fact_check, actor=editor, correction_note="Reworded.")
    verdict_publish(claim=fact_check, actor=editor)
    verdict_correct(claim=fact_check, actor=editor, correction_note="Again.")
    Verdict.objects.update(
        claim_reviewed="", claimant_name="", claimant_kind="", claimant_same_as=[]
    )
    fact_check.claimant.same_as = ["https://www.wikidata.org/wiki/Q42"]
    fact_check.claimant.save()

    fill(django_apps, None)

    filled = {
        verdict.status: (verdict.claim_reviewed, verdict.published_wording.claimant)
        for verdict in Verdict.objects.filter(claim=fact_check)
    }
    jane = ("Jane Ortiz", "person", ["https://www.wikidata.org/wiki/Q42"])
    assert filled == {
        VerdictStatus.SUPERSEDED: (STATEMENT, jane),
        VerdictStatus.PUBLISHED: (STATEMENT, jane),
        # A draft gets its wording when it is published.
        VerdictStatus.DRAFT: ("", None),
    }
