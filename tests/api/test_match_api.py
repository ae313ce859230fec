"""GET /api/claims/match/: has this claim been checked before?"""

import threading
from datetime import UTC, datetime
from urllib.parse import urlparse

import pytest
from django.db import connection, transaction
from rest_framework.test import APIClient

from articles.services import article_create
from claims.claimreview_import import claimreviews_import
from claims.match_index import claim_match_index
from claims.models import Claim, Rating, Verdict, VerdictStatus
from claims.services import claim_merge, match_index_record
from claims.services.matching import MAX_MATCHES
from tests.factories import ClaimFactory

REVIEWS = [
    {
        "@type": "ClaimReview",
        "url": "https://checks.example/bleach",
        "claimReviewed": "Drinking bleach cures the coronavirus.",
        "headline": "No, bleach does not cure COVID-19",
        "author": {"name": "Example Checks"},
        "datePublished": "2024-03-02",
        "reviewRating": {"alternateName": "False", "ratingValue": 1, "bestRating": 5},
    },
    {
        "@type": "ClaimReview",
        "url": "https://checks.example/5g",
        "claimReviewed": "5G masts spread the coronavirus.",
        "author": {"name": "Example Checks"},
        "reviewRating": {"alternateName": "False"},
    },
    {
        "@type": "ClaimReview",
        "url": "https://partner.example/moon",
        "claimReviewed": "The moon landing was filmed in a Hollywood studio.",
        "author": {"name": "Partner Desk"},
        "reviewRating": {"alternateName": "Pants on fire"},
    },
]


class RolledBack(Exception):
    pass


def _match(text: str, **params) -> dict:
    response = APIClient().get("/api/claims/match/", {"text": text, **params})
    assert response.status_code == 200, response.content
    return response.json()


def _import(*records) -> None:
    claimreviews_import(enumerate(records, start=1))


@pytest.fixture
def known_reviews(db) -> None:
    _import(*REVIEWS)


def test_a_reworded_claim_finds_the_fact_check_it_repeats(known_reviews):
    (best, *_) = _match("Coronavirus can be cured by drinking bleach, says a viral post")["results"]
    assert best["text"] == "Drinking bleach cures the coronavirus."
    assert best["match"] == "confident"
    assert 0 < best["confidence"] <= 1
    assert best["status"] == "new"
    assert best["verdict"] is None
    (review,) = best["external_reviews"]
    assert (review["publisher"], review["rating_text"], review["url"]) == (
        "Example Checks",
        "False",
        "https://checks.example/bleach",
    )
    # No public page exists until the claim has a published verdict: no address to follow.
    assert best["url"] is None


def test_results_are_ranked_best_first_and_limited(known_reviews):
    results = _match("the coronavirus is spread by 5G masts", limit=2)["results"]
    assert len(results) <= 2
    assert results[0]["text"] == "5G masts spread the coronavirus."
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 10_001}, "text"),
        ({"text": "bleach", "limit": "many"}, "limit"),
        ({"text": "bleach", "limit": "0"}, "limit"),
    ],
)
def test_bad_lookups_are_refused_with_a_field_message(db, params, field):
    response = APIClient().get("/api/claims/match/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_the_limit_is_capped(known_reviews):
    response = APIClient().get("/api/claims/match/", {"text": "coronavirus", "limit": 10_000})
    assert response.status_code == 200
    assert len(response.json()["results"]) <= MAX_MATCHES


def test_the_lookup_is_public_and_cacheable(known_reviews):
    response = APIClient().get("/api/claims/match/", {"text": "moon landing faked"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_a_claim_is_matchable_as_soon_as_its_article_is_saved(known_reviews):
    _match("warm the index up")
    article_create(
        title="Council budget",
        body=(
            "Council budget approved\n\n"
            '"The city spent $4.2 million on road repairs in 2023," Mayor Helen Carter said.'
        ),
        published_at=datetime(2024, 3, 5, tzinfo=UTC),
    )
    (best, *_) = _match("Carter says roads got $4.2 million of repairs in 2023")["results"]
    assert "$4.2 million on road repairs" in best["text"]


def test_merged_claims_are_found_through_the_claim_they_joined(known_reviews, editor):
    bleach = Claim.objects.get(text__startswith="Drinking bleach")
    _import(
        {
            "@type": "ClaimReview",
            "url": "https://partner.example/bleach",
            "claimReviewed": "Bleach drinking is a cure for COVID.",
            "author": {"name": "Partner Desk"},
        }
    )
    copy = Claim.objects.get(text__startswith="Bleach drinking")
    claim_merge(keep=bleach, merged=[copy], actor=editor)
    results = _match("Bleach drinking is a cure for COVID.")["results"]
    assert copy.pk not in [result["id"] for result in results]
    assert results[0]["id"] == bleach.pk
    assert {r["url"] for r in results[0]["external_reviews"]} == {
        "https://checks.example/bleach",
        "https://partner.example/bleach",
    }


@pytest.mark.django_db(transaction=True)
def test_a_lookup_sees_claims_another_connection_saved_without_rebuilding(known_reviews):
    assert _match("moon landing filmed in a studio")["results"]
    builds = claim_match_index.builds

    def import_elsewhere() -> None:
        try:
            _import(
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/gulls",
                    "claimReviewed": "A lighthouse keeper counted 4,812 gulls in one morning.",
                    "author": {"name": "Example Checks"},
                }
            )
        finally:
            connection.close()

    writer = threading.Thread(target=import_elsewhere)
    writer.start()
    writer.join()

    (best, *_) = _match("a lighthouse keeper counted thousands of gulls")["results"]
    assert best["text"] == "A lighthouse keeper counted 4,812 gulls in one morning."
    assert claim_match_index.builds == builds
    assert claim_match_index.changes_applied >= 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_import_never_reaches_the_lookup(known_reviews):
    def import_then_roll_back() -> None:
        with transaction.atomic():
            _import(
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/ghost",
                    "claimReviewed": "Ghost ships sail the Baltic every winter.",
                }
            )
            seen = _match("ghost ships in the Baltic")["results"][0]["text"]
            raise RolledBack(seen)

    with pytest.raises(RolledBack, match="Ghost ships"):
        import_then_roll_back()

    results = _match("ghost ships in the Baltic")["results"]
    assert all(not result["text"].startswith("Ghost") for result in results)


def test_claims_deleted_outside_the_tracker_drop_out_of_the_results(known_reviews):
    moon = Claim.objects.get(text__startswith="The moon landing")
    assert _match("moon landing studio")["results"][0]["id"] == moon.pk
    Claim.objects.filter(pk=moon.pk).delete()
    assert moon.pk not in [r["id"] for r in _match("moon landing studio")["results"]]


def test_a_match_shows_this_newsrooms_published_verdict(known_reviews, editor):
    claim = ClaimFactory(text="The city spent $4.2 million on road repairs in 2023.")
    rating = Rating.objects.in_default_scale().get(slug="mostly-true")
    Verdict.objects.create(
        claim=claim,
        status=VerdictStatus.PUBLISHED,
        rating=rating,
        rating_slug=rating.slug,
        rating_label=rating.label,
        rating_value=rating.value,
        summary="Close: the figure was $4.1 million.",
        author=editor,
        published_at=datetime(2024, 3, 6, tzinfo=UTC),
    )
    match_index_record(claim_ids=[claim.pk])
    (best, *_) = _match("the city spent 4.2 million dollars on roads in 2023")["results"]
    assert best["id"] == claim.pk
    assert (best["verdict"]["rating"], best["verdict"]["rating_label"]) == (
        "mostly-true",
        "Mostly true",
    )
    assert best["external_reviews"] == []
    page = APIClient().get(urlparse(best["url"]).path)
    assert page.status_code == 200
    assert "Mostly true" in page.content.decode()
