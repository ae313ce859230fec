"""manage.py import_claimreviews: published fact-checks in, as claims with external verdicts."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from claims.models import Claim, ClaimOrigin, ExternalReview, MatchIndexChange

pytestmark = pytest.mark.django_db

BLEACH = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/2024/bleach-cure",
    "claimReviewed": "Drinking bleach cures the coronavirus.",
    "headline": "No, bleach does not cure COVID-19",
    "datePublished": "2024-03-02",
    "author": {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example/"},
    "reviewRating": {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Jane Poster"},
        "datePublished": "2024-02-28",
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/1"}],
    },
}
MOON = {
    "@type": "ClaimReview",
    "url": "https://partner.example/moon",
    "claimReviewed": "The moon landing was filmed in a studio.",
    "author": {"name": "Partner Desk"},
    "reviewRating": {"alternateName": "Pants on fire"},
}


def _import(path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_claimreviews", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_json_array_of_claimreviews_becomes_claims_with_external_verdicts(tmp_path):
    feed = tmp_path / "reviews.json"
    feed.write_text(json.dumps([BLEACH, MOON]))
    out, _ = _import(feed)
    assert "2 fact-check(s) imported" in out

    claim = Claim.objects.get(text="Drinking bleach cures the coronavirus.")
    assert (claim.origin, claim.article) == (ClaimOrigin.IMPORTED, None)
    assert claim.claimant.name == "Jane Poster"
    review = claim.external_reviews.get()
    assert (review.publisher, review.rating_text, review.rating_value) == (
        "Example Checks",
        "False",
        1,
    )
    assert (review.best_rating, review.worst_rating) == (5, 1)
    assert (review.reviewed_on.isoformat(), review.claimed_on.isoformat()) == (
        "2024-03-02",
        "2024-02-28",
    )
    assert review.title == "No, bleach does not cure COVID-19"
    assert review.appearance_urls == ["https://social.example/post/1"]


def test_importing_the_same_file_twice_changes_nothing(tmp_path):
    feed = tmp_path / "reviews.jsonl"
    feed.write_text("\n".join(json.dumps(record) for record in (BLEACH, MOON)) + "\n")
    _import(feed)
    before = list(ExternalReview.objects.values_list("pk", "claim_id", "updated_at"))
    changes = MatchIndexChange.objects.count()

    out, _ = _import(feed)

    assert "0 fact-check(s) imported, 0 updated, 2 unchanged" in out
    assert list(ExternalReview.objects.values_list("pk", "claim_id", "updated_at")) == before
    assert Claim.objects.count() == 2
    assert MatchIndexChange.objects.count() == changes


def test_a_corrected_rating_updates_the_known_review_in_place(tmp_path):
    feed = tmp_path / "reviews.jsonl"
    feed.write_text(json.dumps(MOON))
    _import(feed)
    feed.write_text(json.dumps({**MOON, "reviewRating": {"alternateName": "False"}}))
    out, _ = _import(feed)
    assert "1 updated" in out
    assert ExternalReview.objects.get().rating_text == "False"
    assert Claim.objects.count() == 1


def test_malformed_records_are_reported_by_number_and_the_good_ones_kept(tmp_path):
    feed = tmp_path / "reviews.jsonl"
    lines = [
        json.dumps(BLEACH),
        "{not json",
        json.dumps({**MOON, "claimReviewed": ""}),
        json.dumps({**MOON, "url": "ftp://partner.example/x"}),
        json.dumps({**MOON, "url": "https://partner.example/date", "datePublished": "last week"}),
        json.dumps(
            {**MOON, "url": "https://partner.example/r", "reviewRating": {"ratingValue": "x"}}
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps(MOON),
    ]
    feed.write_text("\n".join(lines))
    with pytest.raises(CommandError, match="6 record"):
        _import(feed)
    assert set(ExternalReview.objects.values_list("url", flat=True)) == {BLEACH["url"], MOON["url"]}


def test_each_failed_record_gets_one_line_with_its_number_and_reason(tmp_path):
    feed = tmp_path / "reviews.json"
    feed.write_text(json.dumps([MOON, {**BLEACH, "claimReviewed": None}, {**BLEACH, "url": ""}]))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_claimreviews", str(feed), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert "record 2: claimReviewed: missing" in lines
    assert "record 3: url: missing" in lines
    assert ExternalReview.objects.get().url == MOON["url"]


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        _import(tmp_path / "absent.json")


def test_imported_claims_show_in_the_claims_api_without_an_article(tmp_path):
    feed = tmp_path / "reviews.json"
    feed.write_text(json.dumps(MOON))
    _import(feed)
    response = APIClient().get("/api/claims/")
    assert response.status_code == 200
    (claim,) = response.json()["results"]
    assert claim["text"] == MOON["claimReviewed"]
    assert claim["article"] is None
    # Every claim has the same keys, so a client generated from the schema reads this one too.
    assert claim["article_title"] is None
    assert claim["article_url"] is None
