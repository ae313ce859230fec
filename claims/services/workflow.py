"""The claim's life from triage to a published verdict; the one place its rules live."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from articles.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from articles.roles import REVIEWERS, is_editor
from claims.models import (
    Claim,
    ClaimStatus,
    ClaimTransition,
    DetectorFeedback,
    Rating,
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
    S.ASSIGNED: frozenset({S.ASSIGNED, S.IN_REVIEW, S.DRAFTED, S.NOT_CHECKABLE}),
    S.IN_REVIEW: frozenset({S.ASSIGNED, S.DRAFTED}),
    S.DRAFTED: frozenset({S.ASSIGNED, S.DRAFTED, S.PUBLISHED}),
    S.PUBLISHED: frozenset(),
}

MAX_SUMMARY_CHARS = 2000
MAX_EXPLANATION_CHARS = 100_000
MAX_SOURCES = 50


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("reviewer").get(pk=claim.pk)


def _move(claim: Claim, to_status: str, *, actor: Any, reason: str = "") -> None:
    if to_status not in ALLOWED_TRANSITIONS[claim.status]:
        raise TransitionNotAllowed(
            f"A claim that is {S(claim.status).label.lower()} cannot become "
            f"{S(to_status).label.lower()}.",
            field="status",
        )
    ClaimTransition.objects.create(
        claim=claim,
        from_status=claim.status,
        to_status=to_status,
        actor=actor if getattr(actor, "pk", None) else None,
        reason=reason,
    )
    claim.status = to_status


def _require_editor(actor: Any, action: str) -> None:
    if not is_editor(actor):
        raise NotPermitted(f"Only editors can {action}.")


def _record_feedback(claim: Claim, *, checkworthy: bool, actor: Any) -> None:
    DetectorFeedback.objects.create(
        text=claim.text,
        checkworthy=checkworthy,
        claim=claim,
        decided_by=actor if getattr(actor, "pk", None) else None,
    )


def claim_mark_checkable(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    _require_editor(actor, "triage claims")
    with transaction.atomic():
        claim = _locked(claim)
        _move(claim, S.CHECKABLE, actor=actor, reason=reason)
        claim.save(update_fields=["status", "updated_at"])
        _record_feedback(claim, checkworthy=True, actor=actor)
    return claim


def claim_mark_not_checkable(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    _require_editor(actor, "triage claims")
    with transaction.atomic():
        claim = _locked(claim)
        _move(claim, S.NOT_CHECKABLE, actor=actor, reason=reason)
        claim.reviewer = None
        claim.assigned_at = None
        claim.due_date = None
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
        _record_feedback(claim, checkworthy=False, actor=actor)
    return claim


def _reviewer_by_username(username: Any) -> Any:
    if not isinstance(username, str) or not username.strip():
        raise InvalidInput("Name a reviewer by username.", field="reviewer")
    reviewer = (
        get_user_model()
        .objects.filter(username=username.strip(), is_active=True, groups__name=REVIEWERS)
        .first()
    )
    if reviewer is None:
        raise InvalidInput(f"No active reviewer is called {username.strip()!r}.", field="reviewer")
    return reviewer


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
    if not hasattr(reviewer, "pk"):
        reviewer = _reviewer_by_username(reviewer)
    elif not reviewer.is_active or not reviewer.groups.filter(name=REVIEWERS).exists():
        raise InvalidInput(
            f"{reviewer.get_username()} is not an active reviewer.", field="reviewer"
        )
    if due_date is not None and not isinstance(due_date, date):
        raise InvalidInput("Must be a date.", field="due_date")
    with transaction.atomic():
        claim = _locked(claim)
        has_draft = claim.status == S.DRAFTED
        _move(claim, S.DRAFTED if has_draft else S.ASSIGNED, actor=actor, reason=reason)
        claim.reviewer = reviewer
        claim.assigned_at = timezone.now()
        claim.due_date = due_date
        claim.save(update_fields=["status", "reviewer", "assigned_at", "due_date", "updated_at"])
    return claim


def _require_assigned_reviewer(claim: Claim, actor: Any) -> None:
    if not getattr(actor, "is_authenticated", False) or claim.reviewer_id != actor.pk:
        raise NotPermitted("Only the reviewer assigned to this claim can work on its verdict.")


def claim_start_review(*, claim: Claim, actor: Any) -> Claim:
    with transaction.atomic():
        claim = _locked(claim)
        _require_assigned_reviewer(claim, actor)
        _move(claim, S.IN_REVIEW, actor=actor)
        claim.save(update_fields=["status", "updated_at"])
    return claim


def _clean_sources(sources: Iterable[Any]) -> list[dict[str, str]]:
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
    if not isinstance(rating, Rating):
        found = Rating.objects.in_default_scale().filter(slug=rating).first()
        if found is None:
            slugs = ", ".join(Rating.objects.in_default_scale().values_list("slug", flat=True))
            raise InvalidInput(
                f"Unknown rating {rating!r}; choose one of: {slugs}.", field="rating"
            )
        rating = found
    with transaction.atomic():
        claim = _locked(claim)
        _require_assigned_reviewer(claim, actor)
        _move(claim, S.DRAFTED, actor=actor)
        claim.save(update_fields=["status", "updated_at"])
        verdict = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
        if verdict is None:
            last_version = claim.verdicts.aggregate(last=Max("version"))["last"] or 0
            verdict = Verdict(claim=claim, version=last_version + 1, status=VerdictStatus.DRAFT)
        verdict.rating = rating
        verdict.summary = summary
        verdict.explanation = explanation
        verdict.author = actor
        verdict.save()
        verdict.sources.all().delete()
        VerdictSource.objects.bulk_create(
            VerdictSource(verdict=verdict, order=position, **source)
            for position, source in enumerate(cleaned_sources)
        )
    return verdict


def verdict_publish(*, claim: Claim, actor: Any) -> Verdict:
    """An editor publishes the claim's draft verdict; from then on the public sees it."""
    _require_editor(actor, "publish verdicts")
    with transaction.atomic():
        claim = _locked(claim)
        draft = claim.verdicts.select_related("rating__scale").filter(status=VerdictStatus.DRAFT)
        verdict = draft.first()
        if claim.status != S.DRAFTED or verdict is None:
            raise TransitionNotAllowed(
                f"A claim that is {S(claim.status).label.lower()} has no draft verdict to publish.",
                field="status",
            )
        _move(claim, S.PUBLISHED, actor=actor)
        claim.save(update_fields=["status", "updated_at"])
        claim.verdicts.filter(status=VerdictStatus.PUBLISHED).update(
            status=VerdictStatus.SUPERSEDED
        )
        scale_values = list(verdict.rating.scale.ratings.values_list("value", flat=True))
        verdict.rating_slug = verdict.rating.slug
        verdict.rating_label = verdict.rating.label
        verdict.rating_value = verdict.rating.value
        verdict.best_rating = max(scale_values)
        verdict.worst_rating = min(scale_values)
        verdict.status = VerdictStatus.PUBLISHED
        verdict.published_by = actor
        verdict.published_at = timezone.now()
        verdict.save()
    return verdict
