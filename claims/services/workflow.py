"""The claim's life from triage to a published verdict; the one place its rules live.

new -> checkable | not checkable -> assigned -> in review -> verdict drafted -> published;
published -> correction drafted -> published again (the correction supersedes the old version).
Every move is checked against ALLOWED_TRANSITIONS and recorded as a ClaimTransition (who, when,
why); every row written here also lands in the change history with the acting user.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from simple_history.utils import bulk_create_with_history

from articles.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from articles.roles import REVIEWERS, is_editor
from claims import events
from claims.claimreview_validation import ensure_claimreview_publishable
from claims.models import (
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

S = ClaimStatus
# Which states each state may move to. Anything else is refused with a 409.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.CHECKABLE, S.NOT_CHECKABLE, S.ASSIGNED}),
    S.CHECKABLE: frozenset({S.NOT_CHECKABLE, S.ASSIGNED}),
    S.NOT_CHECKABLE: frozenset({S.CHECKABLE}),
    S.ASSIGNED: frozenset({S.ASSIGNED, S.IN_REVIEW, S.DRAFTED, S.NOT_CHECKABLE, S.CHECKABLE}),
    S.IN_REVIEW: frozenset({S.ASSIGNED, S.DRAFTED, S.CHECKABLE}),
    S.DRAFTED: frozenset({S.ASSIGNED, S.DRAFTED, S.PUBLISHED}),
    S.PUBLISHED: frozenset({S.CORRECTION_DRAFTED}),
    S.CORRECTION_DRAFTED: frozenset({S.CORRECTION_DRAFTED, S.PUBLISHED}),
}

MAX_SUMMARY_CHARS = 2000
MAX_EXPLANATION_CHARS = 100_000
MAX_NOTE_CHARS = 10_000
MAX_SOURCES = 50


def _user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def name_history_user(actor: Any, *rows: Any) -> None:
    """Name the acting user in the change history, also when no request is running (tasks)."""
    for row in rows:
        row._history_user = _user_or_none(actor)


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("reviewer").get(pk=claim.pk)


def _record(claim: Claim, from_status: str, to_status: str, *, actor: Any, reason: str) -> None:
    ClaimTransition.objects.create(
        claim=claim,
        from_status=from_status,
        to_status=to_status,
        actor=_user_or_none(actor),
        reason=reason,
    )


def _move(claim: Claim, to_status: str, *, actor: Any, reason: str = "") -> None:
    if to_status not in ALLOWED_TRANSITIONS[claim.status]:
        raise TransitionNotAllowed(
            f"A claim that is {S(claim.status).label.lower()} cannot become "
            f"{S(to_status).label.lower()}.",
            field="status",
        )
    _record(claim, claim.status, to_status, actor=actor, reason=reason)
    claim.status = to_status
    name_history_user(actor, claim)


def _require_editor(actor: Any, action: str) -> None:
    if not is_editor(actor):
        raise NotPermitted(f"Only editors can {action}.")


def _clean_reason(reason: Any, *, field: str = "reason", required: bool = False) -> str:
    return _clean_verdict_text(reason, field=field, limit=MAX_NOTE_CHARS, required=required)


def _record_feedback(claim: Claim, *, checkworthy: bool, actor: Any) -> None:
    DetectorFeedback.objects.create(
        text=claim.text, checkworthy=checkworthy, claim=claim, decided_by=_user_or_none(actor)
    )


def _refuse_duplicate(claim: Claim) -> None:
    if claim.duplicate_of_id is not None:
        raise TransitionNotAllowed(
            f"This claim is a duplicate of claim #{claim.duplicate_of_id} and follows its "
            "verdict; undo the duplicate first.",
            field="duplicate_of",
        )


def claim_mark_checkable(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    _require_editor(actor, "triage claims")
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        if claim.reviewer_id is not None:
            raise TransitionNotAllowed(
                "This claim is with a reviewer; unassign it to make it checkable again.",
                field="status",
            )
        _move(claim, S.CHECKABLE, actor=actor, reason=reason)
        claim.save(update_fields=["status", "updated_at"])
        _record_feedback(claim, checkworthy=True, actor=actor)
    return claim


def claim_mark_not_checkable(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    _require_editor(actor, "triage claims")
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        _move(claim, S.NOT_CHECKABLE, actor=actor, reason=reason)
        claim.reviewer = None
        claim.assigned_at = None
        claim.due_date = None
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
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
) -> Claim:
    """Give a claim to a reviewer (by user or username); reassigning keeps any draft verdict."""
    _require_editor(actor, "assign claims")
    reviewer = _active_reviewer(reviewer, field="reviewer")
    if due_date is not None and not isinstance(due_date, date):
        raise InvalidInput("Must be a date.", field="due_date")
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        _refuse_duplicate(claim)
        if claim.second_reviewer_id == reviewer.pk:
            raise InvalidInput(
                f"{reviewer.get_username()} is this claim's second reviewer; the second review "
                "needs someone else.",
                field="reviewer",
            )
        has_draft = claim.status == S.DRAFTED
        _move(claim, S.DRAFTED if has_draft else S.ASSIGNED, actor=actor, reason=reason)
        claim.reviewer = reviewer
        claim.assigned_at = timezone.now()
        claim.due_date = due_date
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
    return claim


def claim_unassign(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """Take a claim back from its reviewer before a verdict is drafted; it is checkable again."""
    _require_editor(actor, "unassign claims")
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        if claim.status == S.DRAFTED:
            raise TransitionNotAllowed(
                "This claim has a draft verdict; reassign it to another reviewer instead.",
                field="status",
            )
        _move(claim, S.CHECKABLE, actor=actor, reason=reason)
        claim.reviewer = None
        claim.assigned_at = None
        claim.due_date = None
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
    return claim


def _require_assigned_reviewer(claim: Claim, actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False) or claim.reviewer_id != actor.pk:
        raise NotPermitted("Only the reviewer assigned to this claim can work on its verdict.")


def claim_start_review(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """The assigned reviewer starts researching the claim."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        _require_assigned_reviewer(claim, actor)
        _move(claim, S.IN_REVIEW, actor=actor, reason=reason)
        claim.save(update_fields=["status", "updated_at"])
    return claim


def _clean_accessed_at(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = parse_datetime(value.strip()) or parse_date(value.strip())
        if value is None:
            raise InvalidInput("accessed_at must be an ISO date or date-time.", field="sources")
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if not isinstance(value, datetime):
        raise InvalidInput("accessed_at must be an ISO date or date-time.", field="sources")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value > timezone.now() + timedelta(days=1):
        raise InvalidInput("A source cannot have been accessed in the future.", field="sources")
    return value


def _clean_sources(sources: Iterable[Any]) -> list[dict[str, Any]]:
    if isinstance(sources, str | bytes) or not isinstance(sources, Iterable):
        raise InvalidInput("Give a list of source URLs.", field="sources")
    cleaned = []
    for item in sources:
        entry = dict(item) if isinstance(item, Mapping) else {"url": item}
        url = entry.get("url")
        if not isinstance(url, str) or len(url) > 2000:
            raise InvalidInput("Each source needs a URL.", field="sources")
        parts = urlsplit(url.strip())
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidInput(f"{url[:200]!r} is not an http or https URL.", field="sources")
        cleaned.append(
            {
                "url": url.strip(),
                "title": str(entry.get("title") or "")[:500],
                "publisher": str(entry.get("publisher") or "")[:300],
                "quote": str(entry.get("quote") or "")[:10_000],
                "accessed_at": _clean_accessed_at(entry.get("accessed_at")),
            }
        )
    if len(cleaned) > MAX_SOURCES:
        raise InvalidInput(f"At most {MAX_SOURCES} sources.", field="sources")
    return cleaned


def _clean_verdict_text(value: Any, *, field: str, limit: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or "\x00" in value:
        raise InvalidInput("Must be text.", field=field)
    if required and not value.strip():
        raise InvalidInput("This field may not be blank.", field=field)
    if len(value) > limit:
        raise InvalidInput(f"Must be at most {limit} characters.", field=field)
    return value.strip()


def _rating_on_active_scale(rating: str | Rating) -> Rating:
    if isinstance(rating, Rating):
        if not Rating.objects.in_default_scale().filter(pk=rating.pk).exists():
            raise InvalidInput(f"{rating.label} is not on the active rating scale.", field="rating")
        return rating
    found = Rating.objects.in_default_scale().filter(slug=rating).first()
    if found is None:
        slugs = ", ".join(Rating.objects.in_default_scale().values_list("slug", flat=True))
        raise InvalidInput(f"Unknown rating {rating!r}; choose one of: {slugs}.", field="rating")
    return found


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
        default_user=_user_or_none(actor),
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
    summary = _clean_verdict_text(summary, field="summary", limit=MAX_SUMMARY_CHARS, required=True)
    explanation = _clean_verdict_text(
        explanation, field="explanation", limit=MAX_EXPLANATION_CHARS, required=False
    )
    cleaned_sources = _clean_sources(sources)
    rating = _rating_on_active_scale(rating)
    with transaction.atomic():
        claim = _locked(claim)
        _require_assigned_reviewer(claim, actor)
        if claim.status in (S.PUBLISHED, S.CORRECTION_DRAFTED):
            raise TransitionNotAllowed(
                "This claim's verdict is published; change it with a correction.", field="status"
            )
        _move(claim, S.DRAFTED, actor=actor)
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
    correction_note = _clean_reason(correction_note, field="correction_note", required=True)
    with transaction.atomic():
        claim = _locked(claim)
        if not is_editor(actor) and not (
            getattr(actor, "is_authenticated", False) and claim.reviewer_id == actor.pk
        ):
            raise NotPermitted("Only editors and the claim's reviewer can correct its verdict.")
        if claim.status not in (S.PUBLISHED, S.CORRECTION_DRAFTED):
            raise TransitionNotAllowed(
                f"A claim that is {S(claim.status).label.lower()} has no published verdict to "
                "correct.",
                field="status",
            )
        base = (
            claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
            or claim.verdicts.filter(status=VerdictStatus.PUBLISHED).first()
        )
        rating = _rating_on_active_scale(base.rating if rating is None else rating)
        summary = _clean_verdict_text(
            base.summary if summary is None else summary,
            field="summary",
            limit=MAX_SUMMARY_CHARS,
            required=True,
        )
        explanation = _clean_verdict_text(
            base.explanation if explanation is None else explanation,
            field="explanation",
            limit=MAX_EXPLANATION_CHARS,
            required=False,
        )
        cleaned_sources = _clean_sources(
            list(base.sources.values("url", "title", "publisher", "quote", "accessed_at"))
            if sources is None
            else sources
        )
        _move(claim, S.CORRECTION_DRAFTED, actor=actor, reason=correction_note)
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
    _require_editor(actor, "ask for a second review")
    if second_reviewer is not None:
        second_reviewer = _active_reviewer(second_reviewer, field="second_reviewer")
    with transaction.atomic():
        claim = _locked(claim)
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
    if decision not in SECOND_REVIEW_DECISIONS:
        raise InvalidInput("Choose approve or reject.", field="decision")
    note = _clean_reason(note, field="note", required=decision == "reject")
    with transaction.atomic():
        claim = _locked(claim)
        if (
            not getattr(actor, "is_authenticated", False)
            or claim.second_reviewer_id is None
            or claim.second_reviewer_id != actor.pk
        ):
            raise NotPermitted("Only the second reviewer named by an editor can do this.")
        draft = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
        if draft is None:
            raise TransitionNotAllowed("There is no draft verdict to review.", field="status")
        draft.second_review = SECOND_REVIEW_DECISIONS[decision]
        draft.second_review_note = note
        draft.second_reviewed_by = actor
        draft.second_reviewed_at = timezone.now()
        name_history_user(actor, draft)
        draft.save()
    return draft


def _refuse_unapproved(claim: Claim, verdict: Verdict) -> None:
    if claim.second_reviewer_id is None or verdict.second_review == SecondReview.APPROVED:
        return
    who = claim.second_reviewer.get_username()
    if verdict.second_review == SecondReview.REJECTED:
        raise TransitionNotAllowed(
            f"The second reviewer ({who}) rejected this draft: {verdict.second_review_note}",
            field="second_review",
        )
    raise TransitionNotAllowed(
        f"This verdict needs the second reviewer's ({who}) agreement before it is published.",
        field="second_review",
    )


def verdict_publish(*, claim: Claim, actor: Any) -> Verdict:
    """An editor publishes the claim's draft verdict or correction; from then on readers see it."""
    _require_editor(actor, "publish verdicts")
    with transaction.atomic():
        claim = _locked(claim)
        draft = claim.verdicts.select_related("rating__scale").filter(status=VerdictStatus.DRAFT)
        verdict = draft.first()
        if claim.status not in (S.DRAFTED, S.CORRECTION_DRAFTED) or verdict is None:
            raise TransitionNotAllowed(
                f"A claim that is {S(claim.status).label.lower()} has no draft verdict to publish.",
                field="status",
            )
        _refuse_unapproved(claim, verdict)
        if not verdict.rating.scale.is_default:
            raise TransitionNotAllowed(
                f"The draft is rated on {verdict.rating.scale.name}, which is no longer the "
                "active scale; rate it again before publishing.",
                field="rating",
            )
        ensure_claimreview_publishable(claim=claim, verdict=verdict)
        _move(claim, S.PUBLISHED, actor=actor, reason=verdict.correction_note)
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
    _require_editor(actor, "send a draft back")
    note = _clean_reason(note, field="note", required=True)
    with transaction.atomic():
        claim = _locked(claim)
        if claim.status != S.DRAFTED or claim.reviewer_id is None:
            raise TransitionNotAllowed(
                f"A claim that is {S(claim.status).label.lower()} has no draft verdict to send "
                "back.",
                field="status",
            )
        _move(claim, S.ASSIGNED, actor=actor, reason=note)
        claim.save(update_fields=["status", "updated_at"])
    return claim


def latest_send_back(claim: Claim) -> ClaimTransition | None:
    """The editor's note on the draft sent back, while the reviewer has not redrafted it.

    Only verdict_send_back moves a drafted claim back to "assigned" (reassigning keeps it
    drafted), so that move is the send-back.
    """
    if claim.status not in (S.ASSIGNED, S.IN_REVIEW):
        return None
    return (
        claim.transitions.filter(from_status=S.DRAFTED, to_status=S.ASSIGNED)
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
