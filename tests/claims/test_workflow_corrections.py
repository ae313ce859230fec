"""States beyond the first verdict: review, unassignment, corrections, second review, scales."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from claims.claimreview import claimreview_for
from claims.models import (
    Claim,
    ClaimStatus,
    ClaimTransition,
    Rating,
    RatingScale,
    SecondReview,
    Verdict,
    VerdictStatus,
)
from claims.services import (
    claim_assign,
    claim_edit_statement,
    claim_require_second_review,
    claim_start_review,
    claim_unassign,
    rating_scale_activate,
    verdict_correct,
    verdict_draft,
    verdict_publish,
    verdict_second_review,
)
from claims.services.policy import ALLOWED_TRANSITIONS
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from tests.factories import ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _published(editor, reviewer, **draft):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(
        claim=claim,
        actor=reviewer,
        rating=draft.get("rating", "false"),
        summary=draft.get("summary", "Spending was half the figure claimed."),
        sources=[{"url": "https://city.example.gov/budget", "title": "Budget 2023"}],
    )
    verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    return claim


def test_every_state_has_its_allowed_moves_written_down():
    assert set(ALLOWED_TRANSITIONS) == set(ClaimStatus.values)
    assert ClaimStatus.CORRECTION_DRAFTED in ALLOWED_TRANSITIONS[ClaimStatus.PUBLISHED]
    assert ClaimStatus.PUBLISHED in ALLOWED_TRANSITIONS[ClaimStatus.CORRECTION_DRAFTED]


def test_the_assigned_reviewer_starts_the_review_and_it_is_recorded(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim = claim_start_review(claim=claim, actor=reviewer, reason="Calling the bureau")
    assert claim.status == ClaimStatus.IN_REVIEW
    last = ClaimTransition.objects.filter(claim=claim).last()
    assert (last.from_status, last.to_status, last.actor, last.reason) == (
        ClaimStatus.ASSIGNED,
        ClaimStatus.IN_REVIEW,
        reviewer,
        "Calling the bureau",
    )


def test_a_review_cannot_start_on_an_unassigned_claim(editor):
    claim = ClaimFactory()
    with pytest.raises(NotPermitted):
        claim_start_review(claim=claim, actor=editor)


def test_starting_a_review_twice_is_a_conflict(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_start_review(claim=claim, actor=reviewer)
    with pytest.raises(TransitionNotAllowed):
        claim_start_review(claim=claim, actor=reviewer)


def test_an_editor_unassigns_a_claim_in_review_and_it_is_checkable_again(editor, reviewer):
    claim = claim_assign(
        claim=ClaimFactory(), reviewer=reviewer, actor=editor, due_date=timezone.localdate()
    )
    claim_start_review(claim=claim, actor=reviewer)
    claim = claim_unassign(claim=claim, actor=editor, reason="Reviewer is away")
    assert (claim.status, claim.reviewer, claim.due_date) == (ClaimStatus.CHECKABLE, None, None)


def test_a_claim_with_a_draft_cannot_be_unassigned_only_reassigned(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="true", summary="Right.")
    with pytest.raises(TransitionNotAllowed) as refused:
        claim_unassign(claim=claim, actor=editor)
    assert "reassign" in refused.value.message


def test_a_correction_is_a_new_version_and_readers_see_the_old_one_until_it_is_published(
    editor, reviewer
):
    claim = _published(editor, reviewer)
    first = claim.verdicts.get(status=VerdictStatus.PUBLISHED)

    draft = verdict_correct(
        claim=claim,
        actor=editor,
        correction_note="The budget figure was revised by the city.",
        rating="mostly-false",
    )
    claim.refresh_from_db()
    assert (claim.status, draft.version, draft.status) == (
        ClaimStatus.CORRECTION_DRAFTED,
        2,
        VerdictStatus.DRAFT,
    )
    assert draft.summary == first.summary
    assert [source.url for source in draft.sources.all()] == ["https://city.example.gov/budget"]
    assert claim.published_verdict == first

    corrected = verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    first.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert first.status == VerdictStatus.SUPERSEDED
    assert first.rating_label == "False"
    assert (corrected.rating_label, corrected.first_published_at) == (
        "Mostly false",
        first.published_at,
    )
    assert [version.version for version in claim.verdict_history] == [2, 1]
    last = ClaimTransition.objects.filter(claim=claim).last()
    assert (last.from_status, last.to_status, last.reason) == (
        ClaimStatus.CORRECTION_DRAFTED,
        ClaimStatus.PUBLISHED,
        "The budget figure was revised by the city.",
    )


def test_a_correction_needs_a_note(editor, reviewer):
    claim = _published(editor, reviewer)
    with pytest.raises(InvalidInput) as refused:
        verdict_correct(claim=claim, actor=editor, correction_note="  ")
    assert "correction_note" in refused.value.messages
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED


def test_only_a_published_verdict_can_be_corrected(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    with pytest.raises(TransitionNotAllowed):
        verdict_correct(claim=claim, actor=editor, correction_note="Typo.")


def test_another_reviewer_cannot_correct_a_verdict(editor, reviewer):
    claim = _published(editor, reviewer)
    with pytest.raises(NotPermitted):
        verdict_correct(claim=claim, actor=ReviewerFactory(), correction_note="Mine now.")


def test_a_published_verdict_is_never_rewritten_through_a_new_draft(editor, reviewer):
    claim = _published(editor, reviewer)
    with pytest.raises(TransitionNotAllowed) as refused:
        verdict_draft(claim=claim, actor=reviewer, rating="true", summary="Changed my mind.")
    assert "correction" in refused.value.message


def test_the_claimreview_of_a_correction_says_when_it_was_modified(editor, reviewer):
    claim = _published(editor, reviewer)
    claim.article.published_at = timezone.now() - timedelta(days=30)
    claim.article.save(update_fields=["published_at"])
    first = claim.verdicts.get()
    Verdict.objects.filter(pk=first.pk).update(
        published_at=first.published_at - timedelta(days=3),
        first_published_at=first.published_at - timedelta(days=3),
    )
    assert "dateModified" not in claimreview_for(claim, claim.published_verdict)

    verdict_correct(claim=claim, actor=editor, correction_note="New figures.", rating="half-true")
    corrected = verdict_publish(claim=claim, actor=editor)
    review = claimreview_for(claim, corrected)
    assert review["dateModified"] == corrected.published_at.date().isoformat()
    assert review["datePublished"] == (first.published_at - timedelta(days=3)).date().isoformat()
    assert review["reviewRating"]["alternateName"] == "Half true"


def test_publishing_waits_for_the_second_reviewers_agreement(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second.username)
    draft = verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    assert draft.second_review == SecondReview.PENDING

    with pytest.raises(TransitionNotAllowed) as refused:
        verdict_publish(claim=claim, actor=editor)
    assert second.username in refused.value.message

    verdict_second_review(claim=claim, actor=second, decision="approve")
    assert verdict_publish(claim=claim, actor=editor).status == VerdictStatus.PUBLISHED


def test_a_rejected_draft_stays_unpublished_until_rewritten_and_approved(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")

    with pytest.raises(InvalidInput):
        verdict_second_review(claim=claim, actor=second, decision="reject", note="")
    verdict_second_review(
        claim=claim, actor=second, decision="reject", note="The source is a press release."
    )
    with pytest.raises(TransitionNotAllowed) as refused:
        verdict_publish(claim=claim, actor=editor)
    assert "press release" in refused.value.message

    rewritten = verdict_draft(claim=claim, actor=reviewer, rating="mostly-false", summary="Mostly.")
    assert rewritten.second_review == SecondReview.PENDING
    verdict_second_review(claim=claim, actor=second, decision="approve")
    verdict_publish(claim=claim, actor=editor)


def test_only_the_named_second_reviewer_may_agree(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    for someone in (reviewer, editor, ReviewerFactory()):
        with pytest.raises(NotPermitted):
            verdict_second_review(claim=claim, actor=someone, decision="approve")


def test_the_claims_own_reviewer_cannot_be_its_second_reviewer(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    with pytest.raises(InvalidInput):
        claim_require_second_review(claim=claim, actor=editor, second_reviewer=reviewer)
    with pytest.raises(NotPermitted):
        claim_require_second_review(claim=claim, actor=reviewer, second_reviewer=None)


def test_dropping_the_second_review_lets_the_editor_publish(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=ReviewerFactory())
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=None)
    assert verdict_publish(claim=claim, actor=editor).second_review == SecondReview.NOT_REQUIRED


def _second_scale() -> RatingScale:
    scale = RatingScale.objects.create(name="Three-step", slug="three-step")
    for order, (slug, label, value) in enumerate(
        [("correct", "Correct", 3), ("misleading", "Misleading", 2), ("wrong", "Wrong", 1)]
    ):
        Rating.objects.create(
            scale=scale, slug=slug, label=label, value=value, order=order, colour="#123456"
        )
    return scale


def test_switching_the_active_scale_leaves_exactly_one_and_keeps_published_ratings(
    editor, reviewer
):
    claim = _published(editor, reviewer, rating="false")
    before = claimreview_for(claim, claim.published_verdict)

    scale = rating_scale_activate(scale=_second_scale(), actor=editor)
    assert list(RatingScale.objects.filter(is_default=True)) == [scale]
    Rating.objects.filter(slug="false").update(label="Wrong-ish", value=42)

    claim = Claim.objects.with_public_detail().get(pk=claim.pk)
    assert claimreview_for(claim, claim.published_verdict) == before
    assert claim.published_verdict.rating_label == "False"

    fresh = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    with pytest.raises(InvalidInput) as refused:
        verdict_draft(claim=fresh, actor=reviewer, rating="false", summary="No.")
    assert "wrong" in refused.value.messages["rating"][0]


def test_a_draft_rated_on_a_scale_that_is_no_longer_active_is_not_published(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    rating_scale_activate(scale=_second_scale(), actor=editor)
    with pytest.raises(TransitionNotAllowed) as refused:
        verdict_publish(claim=claim, actor=editor)
    assert "rate it again" in refused.value.message


def test_an_empty_scale_cannot_become_active_and_reviewers_cannot_switch(editor, reviewer):
    empty = RatingScale.objects.create(name="Empty", slug="empty")
    with pytest.raises(InvalidInput):
        rating_scale_activate(scale=empty, actor=editor)
    with pytest.raises(NotPermitted):
        rating_scale_activate(scale=_second_scale(), actor=reviewer)
    assert RatingScale.objects.get(is_default=True).slug == "six-step"


@pytest.mark.parametrize("colour", ["red", "#12345", "#12345g", "123456"])
def test_a_rating_colour_must_be_hash_rrggbb(newsroom, colour):
    rating = Rating.objects.first()
    rating.colour = colour
    with pytest.raises(ValidationError) as refused:
        rating.full_clean()
    assert "colour" in refused.value.message_dict


def test_sources_keep_when_they_were_accessed(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict = verdict_draft(
        claim=claim,
        actor=reviewer,
        rating="false",
        summary="No.",
        sources=[
            {
                "url": "https://stats.example.gov/a",
                "publisher": "Statistics Office",
                "quote": "Unemployment was 4.1%.",
                "accessed_at": "2026-03-02",
            }
        ],
    )
    source = verdict.sources.get()
    assert (source.publisher, source.quote, source.accessed_at.date().isoformat()) == (
        "Statistics Office",
        "Unemployment was 4.1%.",
        "2026-03-02",
    )
    with pytest.raises(InvalidInput):
        verdict_draft(
            claim=claim,
            actor=reviewer,
            rating="false",
            summary="No.",
            sources=[{"url": "https://a.example/", "accessed_at": "next week"}],
        )


def test_each_published_version_keeps_the_wording_it_was_published_with(editor, reviewer):
    claim = _published(editor, reviewer)
    first_wording = claim.claim_reviewed
    verdict_correct(claim=claim, actor=editor, correction_note="Reworded the claim.")
    claim_edit_statement(claim=claim, actor=editor, statement="Roads cost $1.4 million.")
    assert claimreview_for(claim, claim.published_verdict)["claimReviewed"] == first_wording

    corrected = verdict_publish(claim=claim, actor=editor)
    first = claim.verdicts.get(version=1)
    assert (first.status, first.claim_reviewed) == (VerdictStatus.SUPERSEDED, first_wording)
    assert corrected.claim_reviewed == "Roads cost $1.4 million."
    assert claimreview_for(claim, corrected)["claimReviewed"] == "Roads cost $1.4 million."
