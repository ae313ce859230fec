"""The workflow's API actions: the same rules as the admin, as 200/400/401/403/409."""

import pytest

from claims.models import ClaimStatus, Rating
from claims.services import claim_assign, verdict_draft, verdict_publish
from tests.api.conftest import client_for
from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous():
    return client_for()


def _post(client, claim, action, payload=None):
    return client.post(f"/api/claims/{claim.pk}/{action}/", payload or {}, format="json")


def _published_claim(editor, reviewer):
    return publish_verdict(
        ClaimFactory(), editor=editor, reviewer=reviewer, summary="Half the figure."
    )


def test_triage_actions_move_the_claim_and_only_editors_may_take_them(editor, reviewer):
    claim = ClaimFactory()
    assert _post(client_for(), claim, "mark-checkable").status_code == 401
    assert _post(client_for(reviewer), claim, "mark-checkable").status_code == 403
    response = _post(client_for(editor), claim, "mark-checkable", {"reason": "Has numbers"})
    assert (response.status_code, response.json()["status"]) == (200, "checkable")
    response = _post(client_for(editor), claim, "mark-not-checkable")
    assert response.json()["status"] == "not_checkable"
    assert claim.transitions.last().actor == editor


def test_the_assigned_reviewer_starts_review_through_the_api(editor, reviewer):
    claim = ClaimFactory()
    assert _post(client_for(reviewer), claim, "start-review").status_code == 403
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    assert _post(client_for(ReviewerFactory()), claim, "start-review").status_code == 403
    response = _post(client_for(reviewer), claim, "start-review")
    assert (response.status_code, response.json()["status"]) == (200, "in_review")
    conflict = _post(client_for(reviewer), claim, "start-review")
    assert conflict.status_code == 409
    assert "in review" in conflict.json()["detail"]


def test_an_editor_unassigns_through_the_api(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    response = _post(client_for(editor), claim, "unassign", {"reason": "Away"})
    assert (response.status_code, response.json()["status"]) == (200, "checkable")
    assert _post(client_for(editor), claim, "unassign").status_code == 409


def test_a_correction_through_the_api_shows_the_new_version_and_its_history(
    editor, reviewer, anonymous
):
    claim = _published_claim(editor, reviewer)
    assert _post(client_for(editor), claim, "verdict/correct").status_code == 400
    draft = _post(
        client_for(editor),
        claim,
        "verdict/correct",
        {"correction_note": "The city revised the figure.", "rating": "mostly-false"},
    )
    assert draft.status_code == 201
    assert (draft.json()["version"], draft.json()["correction_note"]) == (
        2,
        "The city revised the figure.",
    )
    public = anonymous.get(f"/api/claims/{claim.pk}/").json()
    assert public["verdict"]["rating"] == "false"

    assert _post(client_for(editor), claim, "verdict/publish").status_code == 200
    public = anonymous.get(f"/api/claims/{claim.pk}/").json()
    assert public["status"] == "published"
    assert (public["verdict"]["version"], public["verdict"]["rating"]) == (2, "mostly-false")
    assert public["verdict"]["correction_note"] == "The city revised the figure."
    assert [
        (item["version"], item["rating"], item["correction_note"])
        for item in public["verdict_history"]
    ] == [(2, "mostly-false", "The city revised the figure."), (1, "false", "")]
    review = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()
    assert review["reviewRating"]["alternateName"] == "Mostly false"


def test_correcting_an_unpublished_claim_is_a_409_and_a_stranger_gets_403(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    note = {"correction_note": "Typo."}
    assert _post(client_for(editor), claim, "verdict/correct", note).status_code == 409
    published = _published_claim(editor, reviewer)
    stranger = client_for(UserFactory(is_staff=False))
    assert _post(stranger, published, "verdict/correct", note).status_code == 403


def test_publishing_is_a_409_until_the_second_reviewer_agrees(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    assert (
        _post(client_for(reviewer), claim, "second-reviewer", {"second_reviewer": second.username})
    ).status_code == 403
    assert (
        _post(client_for(editor), claim, "second-reviewer", {"second_reviewer": "ghost"})
    ).status_code == 400
    response = _post(
        client_for(editor), claim, "second-reviewer", {"second_reviewer": second.username}
    )
    assert response.status_code == 200
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")

    refused = _post(client_for(editor), claim, "verdict/publish")
    assert refused.status_code == 409
    assert second.username in refused.json()["detail"]
    review = "verdict/second-review"
    assert _post(client_for(reviewer), claim, review, {"decision": "approve"}).status_code == 403
    assert _post(client_for(second), claim, review, {"decision": "maybe"}).status_code == 400
    assert _post(client_for(second), claim, review, {"decision": "reject"}).status_code == 400
    agreed = _post(client_for(second), claim, review, {"decision": "approve", "note": "Solid."})
    assert (agreed.status_code, agreed.json()["second_review"]) == (200, "approved")
    assert _post(client_for(editor), claim, "verdict/publish").status_code == 200


def test_a_duplicate_shows_the_originals_verdict_and_can_be_undone(editor, reviewer, anonymous):
    original = _published_claim(editor, reviewer)
    repeat = ClaimFactory()
    assert (
        _post(client_for(reviewer), repeat, "duplicate", {"original": original.pk}).status_code
        == 403
    )
    assert _post(client_for(editor), repeat, "duplicate", {"original": 999999}).status_code == 400
    response = _post(client_for(editor), repeat, "duplicate", {"original": original.pk})
    assert response.status_code == 200

    public = anonymous.get(f"/api/claims/{repeat.pk}/").json()
    assert public["duplicate_of"] == original.pk
    assert public["verdict"]["rating"] == "false"
    review = anonymous.get(f"/api/claims/{repeat.pk}/claimreview/").json()
    assert review["claimReviewed"] == repeat.text

    assert (
        _post(client_for(editor), original, "duplicate", {"original": repeat.pk}).status_code == 409
    )
    undone = client_for(editor).delete(f"/api/claims/{repeat.pk}/duplicate/")
    assert (undone.status_code, undone.json()["duplicate_of"], undone.json()["verdict"]) == (
        200,
        None,
        None,
    )
    assert client_for(editor).delete(f"/api/claims/{repeat.pk}/duplicate/").status_code == 409


def test_sources_with_every_detail_go_in_and_come_out_and_only_web_links_count(
    editor, reviewer, anonymous
):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    source = {
        "url": "https://stats.example.gov/jobs",
        "title": "Jobs report",
        "publisher": "Statistics Office",
        "quote": "The rate was 4.1%.",
        "accessed_at": "2026-03-02T10:00:00Z",
    }
    bad = {**source, "url": "ftp://stats.example.gov/jobs"}
    verdict = {"rating": "false", "summary": "No.", "sources": [bad]}
    assert _post(client_for(reviewer), claim, "verdict", verdict).status_code == 400
    verdict["sources"] = [source]
    assert _post(client_for(reviewer), claim, "verdict", verdict).status_code == 201
    verdict_publish(claim=claim, actor=editor)
    shown = anonymous.get(f"/api/claims/{claim.pk}/").json()["verdict"]["sources"][0]
    assert shown == {**source, "accessed_at": "2026-03-02T10:00:00Z"}


def test_editing_the_scale_later_never_changes_a_published_verdict(editor, reviewer, anonymous):
    claim = _published_claim(editor, reviewer)
    before = anonymous.get(f"/api/claims/{claim.pk}/").json()["verdict"]
    review_before = anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json()
    rating = Rating.objects.get(slug="false")
    rating.label, rating.value, rating.colour = "Incorrect", 9, "#000000"
    rating.save()
    Rating.objects.filter(slug="true").update(value=12)
    assert anonymous.get(f"/api/claims/{claim.pk}/").json()["verdict"] == before
    assert anonymous.get(f"/api/claims/{claim.pk}/claimreview/").json() == review_before
    assert before["rating_label"] == "False"
    assert anonymous.get(f"/api/claims/{claim.pk}/").json()["status"] == ClaimStatus.PUBLISHED
