"""Marking a claim as a duplicate of another, so that it follows the original's verdict."""

from typing import Any

from django.db import transaction

from claims.models import Claim, ClaimStatus
from claims.services.kernel import (
    clean_reason,
    lock_claim,
    name_history_user,
    record_transition,
    transition,
)
from claims.services.policy import Move, check_move
from core.errors import InvalidInput, TransitionNotAllowed

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


def claim_mark_duplicate(
    *,
    claim: Claim,
    original: Any,
    actor: Any,
    reason: str = "",
    expected_version: str | None = None,
) -> Claim:
    """The claim now follows the original's verdict; chains resolve to the first original.

    A claim that already has a verdict of its own, published or drafted, cannot become a
    duplicate; its reviewer, if any, is released and it goes back to checkable.
    """
    with transaction.atomic():
        claim = lock_claim(claim, expected_version=expected_version)
        check_move(claim=claim, actor=actor, move=Move.MARK_DUPLICATE)
        reason = clean_reason(reason)
        original = _original(original)
        original = Claim.objects.select_for_update().get(pk=original.pk)
        root = Claim.objects.select_for_update().get(pk=original.duplicate_of_id or original.pk)
        if root.pk == claim.pk:
            raise TransitionNotAllowed(
                "A claim cannot be a duplicate of itself or of one of its own duplicates.",
                field="original",
            )
        note = f"Duplicate of claim #{root.pk}." + (f" {reason}" if reason else "")
        if claim.status in (S.ASSIGNED, S.IN_REVIEW):
            # A duplicate is not checked on its own: its reviewer is released.
            transition(claim, S.CHECKABLE, actor=actor, reason=note)
            claim.reviewer = None
            claim.assigned_at = None
            claim.due_date = None
        else:
            record_transition(claim, claim.status, claim.status, actor=actor, reason=note)
        claim.duplicate_of = root
        name_history_user(actor, claim)
        claim.save()
        # Keep chains one step long: the claim's own duplicates now follow the root too.
        for follower in claim.duplicates.select_for_update():
            follower.duplicate_of = root
            name_history_user(actor, follower)
            follower.save(update_fields=["duplicate_of", "updated_at"])
            record_transition(follower, follower.status, follower.status, actor=actor, reason=note)
    return claim


def claim_unmark_duplicate(*, claim: Claim, actor: Any, reason: str = "") -> Claim:
    """The claim stops following another's verdict and can be checked on its own."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.UNMARK_DUPLICATE)
        reason = clean_reason(reason)
        note = f"No longer a duplicate of claim #{claim.duplicate_of_id}." + (
            f" {reason}" if reason else ""
        )
        claim.duplicate_of = None
        name_history_user(actor, claim)
        claim.save(update_fields=["duplicate_of", "updated_at"])
        record_transition(claim, claim.status, claim.status, actor=actor, reason=note)
    return claim
