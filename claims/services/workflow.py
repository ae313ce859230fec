"""The claim's life from triage to a published verdict: the services that move it.

Which moves a claim allows, and for whom, is decided in `claims.services.policy`; each service
here checks its move there first, under the claim's row lock, then validates its input and
writes. Every move is recorded as a ClaimTransition (who, when, why); every row written here
also lands in the change history with the acting user.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from claims import events
from claims.claimreview_validation import ensure_claimreview_publishable
from claims.limits import (
    MAX_EXPLANATION_CHARS,
    MAX_SUMMARY_CHARS,
    clean_text,
)
from claims.models import (
    SENT_BACK_STATUSES,
    Claim,
    ClaimStatus,
    ClaimTransition,
    DetectorFeedback,
    Rating,
    SecondReview,
    Verdict,
    VerdictSource,
    VerdictStatus,
)
from claims.services.kernel import (
    clean_reason,
    lock_claim,
    name_history_user,
    transition,
    user_or_none,
)
from claims.services.policy import Move, check_move
from claims.services.verdict_input import clean_sources, rating_on_active_scale
from core.errors import InvalidInput, TransitionNotAllowed
from core.roles import REVIEWERS

S = ClaimStatus


def _record_feedback(claim: Claim, *, checkworthy: bool, actor: Any) -> None:
    DetectorFeedback.objects.create(
        text=claim.text, checkworthy=checkworthy, claim=claim, decided_by=user_or_none(actor)
    )


def claim_mark_checkable(
    *, claim: Claim, actor: Any, reason: str = "", expected_version: str | None = None
) -> Claim:
    with transaction.atomic():
        claim = lock_claim(claim, expected_version=expected_version)
        check_move(claim=claim, actor=actor, move=Move.MARK_CHECKABLE)
        reason = clean_reason(reason)
        transition(claim, S.CHECKABLE, actor=actor, reason=reason)
        claim.save(update_fields=["status", "updated_at"])
        _record_feedback(claim, checkworthy=True, actor=actor)
    return claim


def claim_mark_not_checkable(
    *, claim: Claim, actor: Any, reason: str = "", expected_version: str | None = None
) -> Claim:
    with transaction.atomic():
        claim = lock_claim(claim, expected_version=expected_version)
        check_move(claim=claim, actor=actor, move=Move.MARK_NOT_CHECKABLE)
        reason = clean_reason(reason)
        transition(claim, S.NOT_CHECKABLE, actor=actor, reason=reason)
        # Nobody checks a claim that is not checkable: its reviewers are released, the second
        # one too (the policy refuses naming one until the claim is checkable again).
        claim.reviewer = None
        claim.second_reviewer = None
        claim.assigned_at = None
        claim.due_date = None
        claim.save(
            update_fields=[
                "status",
                "reviewer",
                "second_reviewer",
                "assigned_at",
                "due_date",
                "updated_at",
            ]
        )
        _record_feedback(claim, checkworthy=False, actor=actor)
    return claim


def _active_reviewer(person: Any, *, field: str) -> Any:
    """A user who may check claims, given as a user or a username."""
    if hasattr(person, "pk"):
        if not person.is_active or not person.groups.filter(name=REVIEWERS).exists():
            raise InvalidInput(f"{person.get_username()} is not an active reviewer.", field=field)
        return person
    if not isinstance(person, str) or not person.strip():
        raise InvalidInput("Name a reviewer by username.", field=field)
    found = (
        get_user_model()
        .objects.filter(username=person.strip(), is_active=True, groups__name=REVIEWERS)
        .first()
    )
    if found is None:
        raise InvalidInput(f"No active reviewer is called {person.strip()!r}.", field=field)
    return found


def claim_assign(
    *,
    claim: Claim,
    reviewer: Any,
    actor: Any,
    due_date: date | None = None,
    reason: str = "",
    expected_version: str | None = None,
) -> Claim:
    """Give a claim to a reviewer (by user or username); reassigning keeps any draft verdict."""
    with transaction.atomic():
        claim = lock_claim(claim, expected_version=expected_version)
        check_move(claim=claim, actor=actor, move=Move.ASSIGN)
        reviewer = _active_reviewer(reviewer, field="reviewer")
        if due_date is not None and not isinstance(due_date, date):
            raise InvalidInput("Must be a date.", field="due_date")
        reason = clean_reason(reason)
        if claim.second_reviewer_id == reviewer.pk:
            raise InvalidInput(
                f"{reviewer.get_username()} is this claim's second reviewer; the second review "
                "needs someone else.",
                field="reviewer",
            )
        has_draft = claim.status == S.DRAFTED
        transition(claim, S.DRAFTED if has_draft else S.ASSIGNED, actor=actor, reason=reason)
        claim.reviewer = reviewer
        claim.assigned_at = timezone.now()
        claim.due_date = due_date
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
    return claim


def claim_unassign(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """Take a claim back from its reviewer before a verdict is drafted; it is checkable again."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.UNASSIGN)
        reason = clean_reason(reason)
        transition(claim, S.CHECKABLE, actor=actor, reason=reason)
        claim.reviewer = None
        claim.assigned_at = None
        claim.due_date = None
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
    return claim


def claim_start_review(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """The assigned reviewer starts researching the claim."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.START_REVIEW)
        reason = clean_reason(reason)
        transition(claim, S.IN_REVIEW, actor=actor, reason=reason)
        claim.save(update_fields=["status", "updated_at"])
    return claim


def _write_draft(
    claim: Claim,
    *,
    actor: Any,
    rating: Rating,
    summary: str,
    explanation: str,
    sources: list[dict[str, Any]],
    correction_note: str = "",
) -> Verdict:
    """Create or rewrite the claim's one draft; a rewrite needs a fresh second review."""
    verdict = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
    if verdict is None:
        last_version = claim.verdicts.aggregate(last=Max("version"))["last"] or 0
        verdict = Verdict(claim=claim, version=last_version + 1, status=VerdictStatus.DRAFT)
    verdict.rating = rating
    verdict.summary = summary
    verdict.explanation = explanation
    verdict.author = actor
    verdict.correction_note = correction_note
    _reset_second_review(claim, verdict)
    name_history_user(actor, verdict)
    verdict.save()
    for source in verdict.sources.all():
        name_history_user(actor, source)
        source.delete()
    bulk_create_with_history(
        [
            VerdictSource(verdict=verdict, order=position, **source)
            for position, source in enumerate(sources)
        ],
        VerdictSource,
        default_user=user_or_none(actor),
    )
    return verdict


def _reset_second_review(claim: Claim, verdict: Verdict) -> None:
    verdict.second_review = (
        SecondReview.PENDING if claim.second_reviewer_id else SecondReview.NOT_REQUIRED
    )
    verdict.second_review_note = ""
    verdict.second_reviewed_by = None
    verdict.second_reviewed_at = None


def verdict_draft(
    *,
    claim: Claim,
    actor: Any,
    rating: str | Rating,
    summary: str,
    explanation: str = "",
    sources: Iterable[Any] = (),
) -> Verdict:
    """The assigned reviewer writes (or rewrites) the claim's draft verdict."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.WRITE_VERDICT)
        summary = clean_text(summary, field="summary", limit=MAX_SUMMARY_CHARS, required=True)
        explanation = clean_text(explanation, field="explanation", limit=MAX_EXPLANATION_CHARS)
        cleaned_sources = clean_sources(sources)
        rating = rating_on_active_scale(rating)
        transition(claim, S.DRAFTED, actor=actor)
        claim.save(update_fields=["status", "updated_at"])
        verdict = _write_draft(
            claim,
            actor=actor,
            rating=rating,
            summary=summary,
            explanation=explanation,
            sources=cleaned_sources,
        )
    return verdict


def verdict_correct(
    *,
    claim: Claim,
    actor: Any,
    correction_note: str,
    rating: str | Rating | None = None,
    summary: str | None = None,
    explanation: str | None = None,
    sources: Iterable[Any] | None = None,
) -> Verdict:
    """Draft a new version of a published verdict; readers see the old one until it is published.

    What is not given is carried over from the version being corrected.
    """
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.CORRECT)
        correction_note = clean_reason(correction_note, field="correction_note", required=True)
        base = (
            claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
            or claim.verdicts.filter(status=VerdictStatus.PUBLISHED).first()
        )
        if base is None:  # a published claim whose verdicts were merged away
            raise TransitionNotAllowed("This claim has no verdict to correct.", field="status")
        rating = rating_on_active_scale(base.rating if rating is None else rating)
        summary = clean_text(
            base.summary if summary is None else summary,
            field="summary",
            limit=MAX_SUMMARY_CHARS,
            required=True,
        )
        explanation = clean_text(
            base.explanation if explanation is None else explanation,
            field="explanation",
            limit=MAX_EXPLANATION_CHARS,
            required=False,
        )
        cleaned_sources = clean_sources(
            list(base.sources.values("url", "title", "publisher", "quote", "accessed_at"))
            if sources is None
            else sources
        )
        transition(claim, S.CORRECTION_DRAFTED, actor=actor, reason=correction_note)
        claim.save(update_fields=["status", "updated_at"])
        verdict = _write_draft(
            claim,
            actor=actor,
            rating=rating,
            summary=summary,
            explanation=explanation,
            sources=cleaned_sources,
            correction_note=correction_note,
        )
    return verdict


def claim_require_second_review(*, claim: Claim, actor: Any, second_reviewer: Any) -> Claim:
    """An editor asks a second reviewer to agree before the verdict goes out (None: no longer)."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.REQUIRE_SECOND_REVIEW)
        if second_reviewer is not None:
            second_reviewer = _active_reviewer(second_reviewer, field="second_reviewer")
        if second_reviewer is not None and claim.reviewer_id == second_reviewer.pk:
            raise InvalidInput(
                "The second reviewer must be someone other than the claim's reviewer.",
                field="second_reviewer",
            )
        claim.second_reviewer = second_reviewer
        name_history_user(actor, claim)
        claim.save(update_fields=["second_reviewer", "updated_at"])
        draft = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
        if draft is not None:
            _reset_second_review(claim, draft)
            name_history_user(actor, draft)
            draft.save()
    return claim


SECOND_REVIEW_DECISIONS = {"approve": SecondReview.APPROVED, "reject": SecondReview.REJECTED}


def verdict_second_review(*, claim: Claim, actor: Any, decision: str, note: str = "") -> Verdict:
    """The second reviewer agrees with the draft verdict, or sends it back with a note."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.SECOND_REVIEW)
        if decision not in SECOND_REVIEW_DECISIONS:
            raise InvalidInput("Choose approve or reject.", field="decision")
        note = clean_reason(note, field="note", required=decision == "reject")
        draft = claim.verdicts.get(status=VerdictStatus.DRAFT)
        draft.second_review = SECOND_REVIEW_DECISIONS[decision]
        draft.second_review_note = note
        draft.second_reviewed_by = actor
        draft.second_reviewed_at = timezone.now()
        name_history_user(actor, draft)
        draft.save()
    return draft


def verdict_publish(*, claim: Claim, actor: Any) -> Verdict:
    """An editor publishes the claim's draft verdict or correction; from then on readers see it."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.PUBLISH)
        verdict = claim.verdicts.select_related("rating__scale").get(status=VerdictStatus.DRAFT)
        if not verdict.rating.scale.is_default:
            raise TransitionNotAllowed(
                f"The draft is rated on {verdict.rating.scale.name}, which is no longer the "
                "active scale; rate it again before publishing.",
                field="rating",
            )
        ensure_claimreview_publishable(claim=claim, verdict=verdict)
        transition(claim, S.PUBLISHED, actor=actor, reason=verdict.correction_note)
        claim.save(update_fields=["status", "updated_at"])
        now = timezone.now()
        first_published_at = now
        for previous in claim.verdicts.filter(status=VerdictStatus.PUBLISHED):
            first_published_at = previous.first_published_at or previous.published_at or now
            previous.status = VerdictStatus.SUPERSEDED
            name_history_user(actor, previous)
            previous.save(update_fields=["status", "updated_at"])
        scale_values = list(verdict.rating.scale.ratings.values_list("value", flat=True))
        verdict.rating_slug = verdict.rating.slug
        verdict.rating_label = verdict.rating.label
        verdict.rating_value = verdict.rating.value
        verdict.best_rating = max(scale_values)
        verdict.worst_rating = min(scale_values)
        verdict.copy_wording(claim)
        verdict.status = VerdictStatus.PUBLISHED
        verdict.published_by = actor
        verdict.published_at = now
        verdict.first_published_at = first_published_at
        name_history_user(actor, verdict)
        verdict.save()
        events.verdict_published(claim=claim, verdict=verdict)
    return verdict


def verdict_send_back(*, claim: Claim, actor: Any, note: str) -> Claim:
    """An editor returns a draft verdict to its reviewer with a note saying what to change.

    The draft stays as written (the reviewer reworks it); the claim goes back to "assigned" and
    the note is kept as the reason of that move, where the reviewer reads it.
    """
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.SEND_BACK)
        note = clean_reason(note, field="note", required=True)
        transition(claim, S.ASSIGNED, actor=actor, reason=note)
        claim.save(update_fields=["status", "updated_at"])
    return claim


def latest_send_back(claim: Claim) -> ClaimTransition | None:
    """The editor's note on the draft sent back, while the reviewer has not redrafted it; lists
    read the same as `Claim.objects.with_send_back()`."""
    if claim.status not in SENT_BACK_STATUSES:
        return None
    return (
        ClaimTransition.objects.send_backs()
        .filter(claim=claim)
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
