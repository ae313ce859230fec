import json

import pytest

from claims.models import ClaimStatus
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db

VERDICT = {
    "rating": "false",
    "summary": "Road spending was $2.1 million, half the figure claimed.",
    "explanation": "City budget documents show ...",
    "sources": ["https://city.example.gov/budget-2023"],
}


def _assign(editor_client, claim, reviewer):
    return editor_client.post(
        f"/api/claims/{claim.pk}/assign/", {"reviewer": reviewer.username}, format="json"
    )


def test_claims_are_listed_with_status_score_span_and_no_verdict_yet(anonymous):
    claim = ClaimFactory()
    payload = anonymous.get("/api/claims/").json()
    assert payload["count"] == 1
    assert {"next", "previous", "results"} <= set(payload)
    item = payload["results"][0]
    assert item["id"] == claim.pk
    assert item["status"] == "new"
    assert item["score"] == pytest.approx(0.9)
    assert (item["article"], item["start"], item["end"]) == (claim.article_id, 0, len(claim.text))
    assert item["verdict"] is None


def test_claims_filter_by_article_status_and_claimant(anonymous, editor):
    from claims.services import claimant_resolve

    article = ArticleFactory()
    lavrov = claimant_resolve(name="Sergey Lavrov", kind="person", aliases=["Lavrov"])
    wanted = ClaimFactory(article=article, claimant=lavrov)
    ClaimFactory(article=article, status=ClaimStatus.NOT_CHECKABLE)
    ClaimFactory()

    def ids(query: str) -> set[int]:
        return {item["id"] for item in anonymous.get(f"/api/claims/?{query}").json()["results"]}

    assert len(ids(f"article={article.pk}")) == 2
    assert ids(f"article={article.pk}&status=new") == {wanted.pk}
    assert ids("claimant=Lavrov") == {wanted.pk}
    assert ids(f"claimant={lavrov.pk}") == {wanted.pk}
    assert anonymous.get("/api/claims/?status=nonsense").status_code == 400


def test_page_size_is_capped_and_validated(anonymous, settings):
    ClaimFactory.create_batch(3)
    capped = anonymous.get("/api/claims/?page_size=1000000000000000000000000000000")
    assert capped.status_code == 200
    assert len(capped.json()["results"]) == 3
    assert anonymous.get("/api/claims/?page_size=2").json()["next"] is not None
    assert anonymous.get("/api/claims/?page_size=-1").status_code == 400
    assert anonymous.get("/api/claims/?page_size=abc").status_code == 400
    assert anonymous.get("/api/claims/?page=999").status_code == 404


def test_only_editors_assign_claims(editor_client, reviewer_client, anonymous, reviewer):
    claim = ClaimFactory()
    assert _assign(anonymous, claim, reviewer).status_code == 401
    assert _assign(reviewer_client, claim, reviewer).status_code == 403
    response = _assign(editor_client, claim, reviewer)
    assert response.status_code == 200
    assert response.json()["status"] == "assigned"
    assert response.json()["reviewer"] == reviewer.username


def test_assigning_to_an_unknown_reviewer_is_a_400(editor_client):
    claim = ClaimFactory()
    response = editor_client.post(
        f"/api/claims/{claim.pk}/assign/", {"reviewer": "ghost"}, format="json"
    )
    assert response.status_code == 400
    assert "reviewer" in response.json()


def test_the_assigned_reviewer_drafts_and_the_draft_never_leaks(
    editor_client, reviewer_client, anonymous, reviewer
):
    claim = ClaimFactory()
    _assign(editor_client, claim, reviewer)
    response = reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "draft"

    public = anonymous.get(f"/api/claims/{claim.pk}/").json()
    assert public["status"] == "drafted"
    assert public["verdict"] is None
    assert public["reviewer"] is None
    assert "half the figure" not in json.dumps(anonymous.get("/api/claims/").json())
    assert anonymous.get(f"/api/claims/{claim.pk}/claimreview/").status_code == 404


def test_a_reviewer_cannot_draft_for_a_claim_assigned_to_someone_else(
    editor_client, reviewer_client
):
    claim = ClaimFactory()
    _assign(editor_client, claim, ReviewerFactory())
    response = reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    assert response.status_code == 403


def test_bad_verdict_input_is_a_400_with_field_messages(editor_client, reviewer_client, reviewer):
    claim = ClaimFactory()
    _assign(editor_client, claim, reviewer)
    response = reviewer_client.post(
        f"/api/claims/{claim.pk}/verdict/",
        {"rating": "sort-of", "summary": "", "sources": ["javascript:alert(1)"]},
        format="json",
    )
    assert response.status_code == 400
    assert {"summary", "sources"} <= set(response.json())
    unknown_rating = reviewer_client.post(
        f"/api/claims/{claim.pk}/verdict/", {**VERDICT, "rating": "sort-of"}, format="json"
    )
    assert unknown_rating.status_code == 400
    assert "rating" in unknown_rating.json()


def test_publishing_is_for_editors_and_needs_a_draft(editor_client, reviewer_client, reviewer):
    claim = ClaimFactory()
    assert editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/").status_code == 409
    _assign(editor_client, claim, reviewer)
    reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    assert reviewer_client.post(f"/api/claims/{claim.pk}/verdict/publish/").status_code == 403
    published = editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    assert editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/").status_code == 409


def test_a_published_verdict_and_its_claimreview_are_public(
    editor_client, reviewer_client, anonymous, reviewer, settings
):
    from claims.services import claimant_resolve

    claim = ClaimFactory(claimant=claimant_resolve(name="Jane Ortiz", kind="person"))
    _assign(editor_client, claim, reviewer)
    reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/")

    verdict = anonymous.get(f"/api/claims/{claim.pk}/").json()["verdict"]
    assert verdict["rating"] == "false"
    assert verdict["summary"] == VERDICT["summary"]
    assert [source["url"] for source in verdict["sources"]] == VERDICT["sources"]

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"
    assert review["author"]["name"] == settings.CLAIM_TRACKER_ORGANIZATION_NAME
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 6,
        "worstRating": 1,
        "alternateName": "False",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "Jane Ortiz"
    assert item["appearance"][0]["url"] == claim.article.url
    assert len(review["datePublished"]) == 10


def test_the_public_claim_page_carries_the_claimreview_json_ld(
    editor_client, reviewer_client, anonymous, reviewer
):
    claim = ClaimFactory(text="Crime doubled </script><script>alert(1)</script> since 2020.")
    _assign(editor_client, claim, reviewer)
    reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/")

    page = anonymous.get(f"/claims/{claim.pk}/").content.decode()
    assert '<script type="application/ld+json">' in page
    assert "<script>alert(1)</script>" not in page
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    review = json.loads(page[start : page.index("</script>", start)])
    assert review["claimReviewed"] == claim.text


def test_ratings_are_listed_best_first(anonymous, newsroom):
    slugs = [rating["slug"] for rating in anonymous.get("/api/ratings/").json()]
    assert slugs == ["true", "mostly-true", "half-true", "mostly-false", "false", "pants-on-fire"]


def test_the_openapi_schema_is_valid_without_warnings():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_our_verdict_on_an_imported_fact_check_has_a_valid_claimreview(
    editor_client, reviewer_client, anonymous, reviewer, tmp_path
):
    from django.core.management import call_command

    from claims.models import Claim

    record = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://partner.example.org/checks/bleach-cure",
        "claimReviewed": "Drinking bleach cures the flu.",
        "datePublished": "2024-02-01",
        "author": {"@type": "Organization", "name": "Partner Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": "2024-01-20",
            "appearance": [{"@type": "CreativeWork", "url": "https://social.example.com/p/1"}],
        },
    }
    path = tmp_path / "reviews.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("import_claimreviews", str(path))
    claim = Claim.objects.get(text="Drinking bleach cures the flu.")
    assert claim.article is None

    _assign(editor_client, claim, reviewer)
    reviewer_client.post(f"/api/claims/{claim.pk}/verdict/", VERDICT, format="json")
    assert editor_client.post(f"/api/claims/{claim.pk}/verdict/publish/").status_code == 200

    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["itemReviewed"]["datePublished"] == "2024-01-20"
    assert review["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "url": "https://social.example.com/p/1"}
    ]
    assert "Drinking bleach" in anonymous.get(f"/claims/{claim.pk}/").content.decode()
