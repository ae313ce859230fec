"""Marking a claim as a duplicate of another, so that it follows the original's verdict."""

from typing import Any

from django.db import transaction

from articles.errors import InvalidInput, TransitionNotAllowed
from claims.models import Claim, ClaimStatus, VerdictStatus
from claims.services.workflow import (
    _clean_reason,
    _locked,
    _record,
    _require_editor,
    name_history_user,
)

S = ClaimStatus


def _original(original: Any) -> Claim:
    if isinstance(original, Claim):
        return original
    if isinstance(original, bool) or not isinstance(original, int | str):
        raise InvalidInput("Give the original claim's id.", field="original")
    found = Claim.objects.filter(pk=int(original)).first() if str(original).isdigit() else None
    if found is None:
        raise InvalidInput(f"There is no claim #{original}.", field="original")
    return found


def claim_mark_duplicate(*, claim: Claim, original: Any, actor: Any, reason: str = "") -> Claim:
    """The claim now follows the original's verdict; chains resolve to the first original.

    A claim that already has a verdict of its own, published or drafted, cannot become a
    duplicate; its reviewer, if any, is released and it goes back to checkable.
    """
    _require_editor(actor, "mark duplicates")
    reason = _clean_reason(reason)
    original = _original(original)
    with transaction.atomic():
        claim = _locked(claim)
        original = Claim.objects.select_for_update().get(pk=original.pk)
        root = Claim.objects.select_for_update().get(pk=original.duplicate_of_id or original.pk)
        if root.pk == claim.pk:
            raise TransitionNotAllowed(
                "A claim cannot be a duplicate of itself or of one of its own duplicates.",
                field="original",
            )
        if claim.verdicts.filter(
            status__in=[VerdictStatus.DRAFT, VerdictStatus.PUBLISHED]
        ).exists():
            raise TransitionNotAllowed(
                "This claim has a verdict of its own; it cannot follow another's.",
                field="original",
            )
        from_status = claim.status
        if claim.status in (S.ASSIGNED, S.IN_REVIEW):
            claim.status = S.CHECKABLE
            claim.reviewer = None
            claim.assigned_at = None
            claim.due_date = None
        claim.duplicate_of = root
        name_history_user(actor, claim)
        claim.save()
        note = f"Duplicate of claim #{root.pk}." + (f" {reason}" if reason else "")
        _record(claim, from_status, claim.status, actor=actor, reason=note)
        # Keep chains one step long: the claim's own duplicates now follow the root too.
        for follower in claim.duplicates.select_for_update():
            follower.duplicate_of = root
            name_history_user(actor, follower)
            follower.save(update_fields=["duplicate_of", "updated_at"])
            _record(follower, follower.status, follower.status, actor=actor, reason=note)
    return claim


def claim_unmark_duplicate(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """The claim stops following another's verdict and can be checked on its own."""
    _require_editor(actor, "mark duplicates")
    reason = _clean_reason(reason)
    with transaction.atomic():
        claim = _locked(claim)
        if claim.duplicate_of_id is None:
            raise TransitionNotAllowed("This claim is not marked as a duplicate.", field="status")
        note = f"No longer a duplicate of claim #{claim.duplicate_of_id}." + (
            f" {reason}" if reason else ""
        )
        claim.duplicate_of = None
        name_history_user(actor, claim)
        claim.save(update_fields=["duplicate_of", "updated_at"])
        _record(claim, claim.status, claim.status, actor=actor, reason=note)
    return claim
