"""ClaimReview: validated before publishing, served per claim and as a feed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.claimreview_validation import CLAIM_REVIEWED_MAX_CHARS, validate_claimreview
from claims.models import ClaimStatus
from claims.services import verdict_correct, verdict_publish
from claims.services.learning import claim_mark_missed
from core.errors import TransitionNotAllowed
from core.public_url import public_base_url
from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _valid_review(settings) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{public_base_url()}/claims/1/",
        "claimReviewed": "Unemployment fell to 3 percent.",
        "datePublished": "2026-01-10",
        "author": {"@type": "Organization", "name": "Desk", "url": "https://desk.example/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 6,
            "worstRating": 1,
            "alternateName": "False",
        },
        "itemReviewed": {"@type": "Claim", "datePublished": "2026-01-02"},
    }


def test_a_complete_claimreview_passes_validation(settings):
    assert validate_claimreview(_valid_review(settings)) == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"url": "https://elsewhere.example/claims/1/"}, "organisation's domain"),
        ({"url": "ftp://x/"}, "http or https"),
        ({"claimReviewed": ""}, "claimReviewed is required"),
        ({"claimReviewed": "x" * (CLAIM_REVIEWED_MAX_CHARS + 1)}, "at most"),
        ({"datePublished": "2999-01-01"}, "in the future"),
        ({"datePublished": "2026-01-01"}, "before the claim was made"),
        ({"datePublished": "soon"}, "ISO date"),
        ({"dateModified": "2026-01-05"}, "dateModified is before datePublished"),
        ({"author": {"@type": "Organization", "name": "", "url": ""}}, "author.name"),
        ({"reviewRating": {"ratingValue": 9, "bestRating": 6, "worstRating": 1}}, "outside"),
        ({"reviewRating": {"ratingValue": 2, "bestRating": 1, "worstRating": 6}}, "lower"),
        ({"itemReviewed": None}, "itemReviewed"),
    ],
)
def test_a_broken_claimreview_is_rejected_with_the_reason(settings, change, reason):
    review = {**_valid_review(settings), **change}
    problems = validate_claimreview(review)
    assert any(reason in problem for problem in problems), problems


def test_publishing_is_refused_with_reasons_when_the_claimreview_would_be_invalid(
    editor, reviewer, editor_client, settings
):
    future_article = ArticleFactory(published_at=timezone.now() + timedelta(days=3))
    claim = draft_verdict(ClaimFactory(article=future_article), editor=editor, reviewer=reviewer)
    settings.CLAIM_TRACKER_PUBLIC_URL = "https://checks.example.org"
    settings.CLAIM_TRACKER_ORGANIZATION_URL = "https://checks.example.org/"

    response = editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/")
    assert response.status_code == 409
    reasons = response.json()["claimreview"]
    assert any("before the claim was made" in reason for reason in reasons)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED
    assert not claim.verdicts.filter(status="published").exists()


def test_a_verdict_whose_page_is_off_the_organisations_domain_is_not_published(
    editor, reviewer, settings
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    settings.CLAIM_TRACKER_PUBLIC_URL = "https://mirror.example.net"
    settings.CLAIM_TRACKER_ORGANIZATION_URL = "https://checks.example.org/"
    with pytest.raises(TransitionNotAllowed) as refused:
        verdict_publish(claim=claim, actor=editor)
    assert "organisation's domain" in " ".join(refused.value.messages["claimreview"])


def test_the_feed_lists_published_claimreviews_since_a_date(anonymous, editor, reviewer):
    first = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    second = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer, rating="true")
    draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    feed = anonymous.get("/api/claimreviews/").json()
    assert [review["claimReviewed"] for review in feed["results"]] == [first.text, second.text]
    assert all(review["@type"] == "ClaimReview" for review in feed["results"])

    later = second.verdicts.get(status="published").published_at
    since = later.isoformat().replace("+00:00", "Z")
    recent = anonymous.get("/api/claimreviews/", {"since": since}).json()["results"]
    assert [review["claimReviewed"] for review in recent] == [second.text]
    assert anonymous.get("/api/claimreviews/?since=last-week").status_code == 400


def test_a_correction_keeps_its_first_date_and_shows_date_modified(anonymous, editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    original = claim.verdicts.get(status="published")
    original.published_at = original.first_published_at = timezone.now() - timedelta(days=2)
    original.save(update_fields=["published_at", "first_published_at"])
    claim.article.published_at = timezone.now() - timedelta(days=5)
    claim.article.save(update_fields=["published_at"])

    verdict_correct(claim=claim, actor=editor, correction_note="New figures", rating="true")
    verdict_publish(claim=claim, actor=editor)

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["datePublished"] == original.published_at.date().isoformat()
    assert review["dateModified"] == timezone.now().date().isoformat()
    assert review["reviewRating"]["alternateName"] == "True"
    [in_feed] = anonymous.get("/api/claimreviews/").json()["results"]
    assert in_feed == review
    [verdict] = anonymous.get("/api/verdicts/").json()["results"]
    assert verdict["version"] == 2
    assert verdict["correction_note"] == "New figures"


@pytest.mark.parametrize("published", [1, 5])
def test_the_feed_and_verdict_list_cost_the_same_queries_whatever_their_length(
    anonymous, editor, reviewer, django_assert_num_queries, published
):
    for _ in range(published):
        publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    # Reviews with their claim, article and claimant, then where the claims appeared.
    with django_assert_num_queries(2):
        assert len(anonymous.get("/api/claimreviews/?cursor=").json()["results"]) == published
    with django_assert_num_queries(2):  # verdicts with claim and claimant, then sources
        assert len(anonymous.get("/api/verdicts/?cursor=").json()["results"]) == published


def test_without_a_configured_public_address_links_follow_the_host_a_reader_used(
    anonymous, editor, reviewer, settings
):
    settings.ALLOWED_HOSTS = ["factcheck.lan"]
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/", HTTP_HOST="factcheck.lan").json()
    page = anonymous.get(f"/claims/{claim.pk}/embed/", HTTP_HOST="factcheck.lan")

    assert review["url"] == f"http://factcheck.lan/claims/{claim.pk}/"
    assert f'href="http://factcheck.lan/claims/{claim.pk}/"' in page.content.decode()


def test_a_configured_public_address_wins_over_the_host_of_the_request(
    anonymous, editor, reviewer, settings
):
    settings.ALLOWED_HOSTS = ["internal.lan"]
    settings.CLAIM_TRACKER_PUBLIC_URL = "https://checks.example.org"
    settings.CLAIM_TRACKER_ORGANIZATION_URL = "https://checks.example.org/"
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/", HTTP_HOST="internal.lan").json()

    assert review["url"] == f"https://checks.example.org/claims/{claim.pk}/"


def test_a_client_asking_for_json_ld_gets_the_claimreview_as_json_ld(anonymous, editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    review = anonymous.get(
        f"/api/claims/{claim.pk}/claimreview/", HTTP_ACCEPT="application/ld+json"
    )
    feed = anonymous.get("/api/claimreviews/", HTTP_ACCEPT="application/ld+json")

    assert review.status_code == 200
    assert review["Content-Type"].startswith("application/ld+json")
    assert review.json()["@type"] == "ClaimReview"
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/ld+json")


def test_a_claim_an_editor_added_by_hand_is_reviewed_as_its_statement_by_its_speaker(
    anonymous, editor, reviewer
):
    article = ArticleFactory(
        body=(
            "Mayor Jacob Ramsey unveiled his budget on Tuesday.\n"
            "Ramsey has pledged to add $25 million to the police budget, which he said would "
            "pay for 200 more officers."
        )
    )
    start = article.body.index("Ramsey has pledged")
    claim = claim_mark_missed(article=article, start=start, end=len(article.body), actor=editor)
    publish_verdict(claim, editor=editor, reviewer=reviewer)

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()

    assert review["claimReviewed"] == (
        "Jacob Ramsey has pledged to add $25 million to the police budget, which would pay for "
        "200 more officers."
    )
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jacob Ramsey"}
