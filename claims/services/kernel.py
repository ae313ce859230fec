"""What every claim service shares: the row lock, the transition record, the history's user,
the editor check and the reason's cleaning. Services import these, never each other's privates."""

from typing import Any

from claims.limits import MAX_NOTE_CHARS, clean_text
from claims.models import Claim, ClaimStatus, ClaimTransition
from claims.services.policy import transition_refusal
from core.errors import NotPermitted, TransitionNotAllowed
from core.roles import is_editor


def user_or_none(actor: Any) -> Any:
    """The actor as a stored user, or None for a task or an anonymous caller."""
    return actor if getattr(actor, "pk", None) else None


def name_history_user(actor: Any, *rows: Any) -> None:
    """Name the acting user in the change history, also when no request is running (tasks)."""
    for row in rows:
        row._history_user = user_or_none(actor)


def claim_version(claim: Claim) -> str:
    """The claim as a page showed it: any save changes it."""
    return claim.updated_at.isoformat()


def lock_claim(claim: Claim, *, expected_version: str | None = None) -> Claim:
    """The claim re-read under a row lock, so two editors cannot move it at once.

    With `expected_version` (the claim as the editor's page showed it), a claim changed since
    is refused: compared under the lock, so of two editors acting at once only one passes.
    """
    locked = (
        Claim.objects.select_for_update(of=("self",)).select_related("reviewer").get(pk=claim.pk)
    )
    if expected_version and expected_version != claim_version(locked):
        reviewer = f" with {locked.reviewer.get_username()}" if locked.reviewer else ""
        raise TransitionNotAllowed(
            f"Claim #{locked.pk} changed since you opened it: it is now "
            f"{ClaimStatus(locked.status).label.lower()}{reviewer}. Look again before you act."
        )
    return locked


def record_transition(
    claim: Claim, from_status: str, to_status: str, *, actor: Any, reason: str
) -> None:
    """Write who moved the claim, when and why (also a note on a claim that keeps its state)."""
    ClaimTransition.objects.create(
        claim=claim,
        from_status=from_status,
        to_status=to_status,
        actor=user_or_none(actor),
        reason=reason,
    )


def transition(claim: Claim, to_status: str, *, actor: Any, reason: str = "") -> None:
    """Move the claim to a state its state allows, recorded; the caller saves the claim."""
    if (refusal := transition_refusal(claim.status, to_status)) is not None:
        raise refusal.exception()
    record_transition(claim, claim.status, to_status, actor=actor, reason=reason)
    claim.status = to_status
    name_history_user(actor, claim)


def require_editor(actor: Any, action: str, *, operator_allowed: bool = False) -> None:
    """Refuse anyone but an editor; with operator_allowed, None (the command line) may act."""
    if operator_allowed and actor is None:
        return
    if not is_editor(actor):
        raise NotPermitted(f"Only editors can {action}.")


def clean_reason(reason: Any, *, field: str = "reason", required: bool = False) -> str:
    return clean_text(reason, field=field, limit=MAX_NOTE_CHARS, required=required)
