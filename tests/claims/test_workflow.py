import pytest

from claims.models import ClaimStatus, ClaimTransition, DetectorFeedback, Verdict, VerdictStatus
from claims.services import (
    claim_assign,
    claim_mark_checkable,
    claim_mark_not_checkable,
    claim_start_review,
    verdict_draft,
    verdict_publish,
)
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from tests.factories import ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _drafted_claim(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(
        claim=claim,
        actor=reviewer,
        rating="mostly-false",
        summary="The rate fell, but by less than claimed.",
        sources=["https://stats.example.gov/unemployment"],
    )
    return claim


def test_an_editor_assigns_a_claim_and_the_move_is_recorded(editor, reviewer):
    claim = claim_assign(
        claim=ClaimFactory(), reviewer=reviewer.username, actor=editor, reason="urgent"
    )
    assert claim.status == ClaimStatus.ASSIGNED
    assert claim.reviewer == reviewer
    transition = ClaimTransition.objects.get(claim=claim)
    assert (transition.from_status, transition.to_status, transition.actor, transition.reason) == (
        ClaimStatus.NEW,
        ClaimStatus.ASSIGNED,
        editor,
        "urgent",
    )


def test_a_reviewer_cannot_assign_claims(reviewer):
    with pytest.raises(NotPermitted):
        claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=reviewer)


def test_assigning_to_someone_who_is_not_a_reviewer_is_refused(editor):
    with pytest.raises(InvalidInput) as refused:
        claim_assign(claim=ClaimFactory(), reviewer=editor.username, actor=editor)
    assert "reviewer" in refused.value.messages


def test_the_assigned_reviewer_drafts_and_an_editor_publishes(editor, reviewer):
    claim = _drafted_claim(editor, reviewer)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED

    verdict = verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert verdict.status == VerdictStatus.PUBLISHED
    assert (
        verdict.rating_label,
        verdict.rating_value,
        verdict.best_rating,
        verdict.worst_rating,
    ) == (
        "Mostly false",
        3,
        6,
        1,
    )
    assert [source.url for source in verdict.sources.all()] == [
        "https://stats.example.gov/unemployment"
    ]


def test_a_reviewer_cannot_publish_even_their_own_verdict(editor, reviewer):
    claim = _drafted_claim(editor, reviewer)
    with pytest.raises(NotPermitted):
        verdict_publish(claim=claim, actor=reviewer)
    assert not Verdict.objects.filter(status=VerdictStatus.PUBLISHED).exists()


def test_a_reviewer_cannot_touch_a_claim_assigned_to_someone_else(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=ReviewerFactory(), actor=editor)
    with pytest.raises(NotPermitted):
        verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    with pytest.raises(NotPermitted):
        claim_start_review(claim=claim, actor=reviewer)


def test_publishing_without_a_draft_is_a_conflict(editor):
    with pytest.raises(TransitionNotAllowed):
        verdict_publish(claim=ClaimFactory(), actor=editor)


def test_a_published_claim_cannot_be_reassigned(editor, reviewer):
    claim = _drafted_claim(editor, reviewer)
    verdict_publish(claim=claim, actor=editor)
    with pytest.raises(TransitionNotAllowed):
        claim_assign(claim=claim, reviewer=reviewer, actor=editor)


def test_reassigning_a_drafted_claim_keeps_the_draft(editor, reviewer):
    claim = _drafted_claim(editor, reviewer)
    other = ReviewerFactory()
    claim = claim_assign(claim=claim, reviewer=other, actor=editor)
    assert claim.status == ClaimStatus.DRAFTED
    verdict = verdict_draft(claim=claim, actor=other, rating="false", summary="Rewritten.")
    assert Verdict.objects.filter(claim=claim).count() == 1
    assert verdict.summary == "Rewritten."


def test_an_unknown_rating_is_refused_with_the_choices(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    with pytest.raises(InvalidInput) as refused:
        verdict_draft(claim=claim, actor=reviewer, rating="sort-of", summary="Hmm.")
    assert "pants-on-fire" in refused.value.messages["rating"][0]


def test_source_links_must_be_web_addresses(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    with pytest.raises(InvalidInput) as refused:
        verdict_draft(
            claim=claim,
            actor=reviewer,
            rating="false",
            summary="No.",
            sources=["javascript:alert(1)"],
        )
    assert "sources" in refused.value.messages
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED


def test_triage_decisions_are_kept_for_retraining_the_detector(editor):
    not_checkable = claim_mark_not_checkable(claim=ClaimFactory(), actor=editor, reason="opinion")
    checkable = claim_mark_checkable(claim=ClaimFactory(), actor=editor)
    feedback = {item.claim_id: item.checkworthy for item in DetectorFeedback.objects.all()}
    assert feedback == {not_checkable.pk: False, checkable.pk: True}


def test_a_not_checkable_claim_cannot_get_a_verdict(editor, reviewer):
    claim = claim_mark_not_checkable(claim=ClaimFactory(), actor=editor)
    with pytest.raises(TransitionNotAllowed):
        claim_assign(claim=claim, reviewer=reviewer, actor=editor)
