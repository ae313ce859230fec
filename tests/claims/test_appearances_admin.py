"""Editors decide on match suggestions and look up known claims in the admin."""

import pytest
from django.test import Client

from claims.claimreview_import import claimreviews_import
from claims.models import Appearance, Claim, MatchSuggestion, SuggestionStatus, text_digest
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _tracked(text: str, **kwargs) -> Claim:
    claim = ClaimFactory(text=text, **kwargs)
    Appearance.objects.create(
        claim=claim,
        article=claim.article,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        text_hash=text_digest(claim.text),
    )
    return claim


@pytest.fixture
def suggestion() -> MatchSuggestion:
    known = _tracked("Unemployment in Riverside fell to 3.1 percent last year.")
    new = _tracked("Riverside's jobless rate rose last year, according to Moore.")
    return MatchSuggestion.objects.create(claim=new, candidate=known, score=0.1, confidence=0.48)


def test_editors_see_pending_suggestions_first(editor, suggestion):
    page = _logged_in(editor).get("/admin/claims/matchsuggestion/")
    assert page.status_code == 200
    assert "jobless rate rose" in page.content.decode()
    assert "48%" in page.content.decode()


def test_accepting_a_suggestion_makes_the_new_claim_an_appearance_of_the_known_one(
    editor, suggestion
):
    new, known = suggestion.claim, suggestion.candidate
    _logged_in(editor).post(
        "/admin/claims/matchsuggestion/",
        {"action": "accept_suggestions", "_selected_action": [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    new.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert (suggestion.decided_by, suggestion.decided_at is not None) == (editor, True)
    assert new.merged_into == known
    assert sorted(known.appearances.values_list("text", flat=True)) == sorted(
        [known.text, new.text]
    )


def test_rejecting_a_suggestion_keeps_both_claims_apart(editor, suggestion):
    client = _logged_in(editor)
    client.post(
        "/admin/claims/matchsuggestion/",
        {"action": "reject_suggestions", "_selected_action": [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED
    assert suggestion.claim.appearances.count() == 1
    assert Claim.objects.get(pk=suggestion.claim_id).merged_into is None
    # Decided suggestions leave the editors' pending list but stay on record.
    pending = client.get("/admin/claims/matchsuggestion/").content.decode()
    assert "jobless rate rose" not in pending
    decided = client.get("/admin/claims/matchsuggestion/?decision=rejected").content.decode()
    assert "jobless rate rose" in decided


def test_reviewers_cannot_decide_on_suggestions(reviewer, suggestion):
    _logged_in(reviewer).post(
        "/admin/claims/matchsuggestion/",
        {"action": "accept_suggestions", "_selected_action": [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PENDING


def test_the_find_matching_claims_page_ranks_known_claims_with_their_verdicts(editor):
    claimreviews_import(
        enumerate(
            [
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/bleach",
                    "claimReviewed": "Drinking bleach cures the coronavirus.",
                    "author": {"name": "Example Checks"},
                    "reviewRating": {"alternateName": "False", "ratingValue": 1},
                },
                {
                    "@type": "ClaimReview",
                    "url": "https://checks.example/moon",
                    "claimReviewed": "The moon landing was filmed in a studio.",
                    "author": {"name": "Example Checks"},
                },
            ],
            start=1,
        )
    )
    client = _logged_in(editor)
    page = client.get("/admin/claims/matchsuggestion/find/", {"text": "bleach will cure covid"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Drinking bleach" in body
    if "moon landing" in body:
        assert body.index("Drinking bleach") < body.index("moon landing")
    assert "False" in body
    assert "Example Checks" in body
    assert client.get("/admin/claims/matchsuggestion/find/").status_code == 200


def test_a_claim_page_lists_where_the_claim_appeared(editor):
    claim = _tracked("The city spent $4.2 million on road repairs in 2023.")
    other = ArticleFactory(title="Town hall report")
    Appearance.objects.create(
        claim=claim,
        article=other,
        start=0,
        end=40,
        text="The city spent $4.2 million fixing roads",
        text_hash=text_digest("The city spent $4.2 million fixing roads"),
    )
    page = _logged_in(editor).get(f"/admin/claims/claim/{claim.pk}/change/")
    assert page.status_code == 200
    assert "spent $4.2 million fixing roads" in page.content.decode()
    assert "Town hall report" in page.content.decode()
