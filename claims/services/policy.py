"""Which workflow moves a claim allows for an actor: the one place the workflow's rules live.

new -> checkable | not checkable -> assigned -> in review -> verdict drafted -> published;
published -> correction drafted -> published again (the correction supersedes the old version).

`claim_moves` answers, for every move, None (allowed) or the refusal the service raises: the
actor's role first (NotPermitted, 403), then the claim's state and guards (TransitionNotAllowed,
409). The services call `check_move` before writing; the admin's buttons and the API's
`allowed_moves` are read from `allowed_moves`, so both show exactly what the services accept.
What depends on the input (which reviewer, which original, the verdict's text) stays with the
service that receives it.
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from claims.models import Claim, ClaimStatus, SecondReview, Verdict, VerdictStatus
from core.errors import NotPermitted, ServiceError, TransitionNotAllowed
from core.roles import is_editor

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
PUBLISHED_STATES = (S.PUBLISHED, S.CORRECTION_DRAFTED)


class Move(StrEnum):
    """A step an actor can take on a claim; the admin names its buttons `can_<move>`."""

    MARK_CHECKABLE = "mark_checkable"
    MARK_NOT_CHECKABLE = "mark_not_checkable"
    ASSIGN = "assign"
    UNASSIGN = "unassign"
    START_REVIEW = "start_review"
    WRITE_VERDICT = "write_verdict"
    CORRECT = "correct"
    REQUIRE_SECOND_REVIEW = "require_second_review"
    SECOND_REVIEW = "second_review"
    PUBLISH = "publish"
    SEND_BACK = "send_back"
    MARK_DUPLICATE = "mark_duplicate"
    UNMARK_DUPLICATE = "unmark_duplicate"
    EDIT_STATEMENT = "edit_statement"
    CHANGE_CLAIMANT = "change_claimant"


@dataclass(frozen=True)
class Refusal:
    """Why a move is not allowed: the error a service raises for it."""

    error: type[ServiceError]
    message: str
    field: str | None = None

    @property
    def is_permission(self) -> bool:
        """The actor may never take this move on this claim (not merely not now)."""
        return self.error is NotPermitted

    def exception(self) -> ServiceError:
        return self.error(self.message, field=self.field)


def transition_refusal(from_status: str, to_status: str) -> Refusal | None:
    if to_status in ALLOWED_TRANSITIONS[from_status]:
        return None
    return Refusal(
        TransitionNotAllowed,
        f"A claim that is {S(from_status).label.lower()} cannot become "
        f"{S(to_status).label.lower()}.",
        "status",
    )


class _Facts:
    """What the rules look at besides the claim's own columns, each read once and only when a
    rule asks (a reviewer's move costs no group lookup, a triage move no verdict query)."""

    def __init__(self, claim: Claim, actor: Any) -> None:
        self._claim = claim
        self._actor = actor
        signed_in = getattr(actor, "is_authenticated", False)
        self.assigned = bool(
            signed_in and claim.reviewer_id is not None and claim.reviewer_id == actor.pk
        )
        self.second_reviewer = bool(
            signed_in
            and claim.second_reviewer_id is not None
            and claim.second_reviewer_id == actor.pk
        )

    @cached_property
    def editor(self) -> bool:
        return is_editor(self._actor)

    @cached_property
    def _own_verdicts(self) -> list[Verdict]:
        return list(
            self._claim.verdicts.filter(
                status__in=[VerdictStatus.DRAFT, VerdictStatus.PUBLISHED]
            ).only("id", "status", "second_review", "second_review_note")
        )

    @property
    def draft(self) -> Verdict | None:
        return next((v for v in self._own_verdicts if v.status == VerdictStatus.DRAFT), None)

    @property
    def has_published(self) -> bool:
        return any(v.status == VerdictStatus.PUBLISHED for v in self._own_verdicts)


def _editors(action: str) -> Refusal:
    return Refusal(NotPermitted, f"Only editors can {action}.")


def _duplicate_refusal(claim: Claim) -> Refusal:
    return Refusal(
        TransitionNotAllowed,
        f"This claim is a duplicate of claim #{claim.duplicate_of_id} and follows its "
        "verdict; undo the duplicate first.",
        "duplicate_of",
    )


def _mark_checkable(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("triage claims")
    if claim.reviewer_id is not None:
        return Refusal(
            TransitionNotAllowed,
            "This claim is with a reviewer; unassign it to make it checkable again.",
            "status",
        )
    return transition_refusal(claim.status, S.CHECKABLE)


def _mark_not_checkable(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("triage claims")
    return transition_refusal(claim.status, S.NOT_CHECKABLE)


def _assign(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("assign claims")
    if claim.duplicate_of_id is not None:
        return _duplicate_refusal(claim)
    # Reassigning a drafted claim keeps its draft, so it stays drafted.
    return transition_refusal(claim.status, S.DRAFTED if claim.status == S.DRAFTED else S.ASSIGNED)


def _unassign(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("unassign claims")
    if claim.status == S.DRAFTED:
        return Refusal(
            TransitionNotAllowed,
            "This claim has a draft verdict; reassign it to another reviewer instead.",
            "status",
        )
    if claim.status not in (S.ASSIGNED, S.IN_REVIEW):
        return Refusal(
            TransitionNotAllowed, "This claim has no reviewer to take it from.", "status"
        )
    return transition_refusal(claim.status, S.CHECKABLE)


def _assigned_only(facts: _Facts) -> Refusal | None:
    if not facts.assigned:
        return Refusal(
            NotPermitted, "Only the reviewer assigned to this claim can work on its verdict."
        )
    return None


def _start_review(claim: Claim, facts: _Facts) -> Refusal | None:
    return _assigned_only(facts) or transition_refusal(claim.status, S.IN_REVIEW)


def _write_verdict(claim: Claim, facts: _Facts) -> Refusal | None:
    if refusal := _assigned_only(facts):
        return refusal
    if claim.status in PUBLISHED_STATES:
        return Refusal(
            TransitionNotAllowed,
            "This claim's verdict is published; change it with a correction.",
            "status",
        )
    return transition_refusal(claim.status, S.DRAFTED)


def _correct(claim: Claim, facts: _Facts) -> Refusal | None:
    if not (facts.editor or facts.assigned):
        return Refusal(
            NotPermitted, "Only editors and the claim's reviewer can correct its verdict."
        )
    if claim.status not in PUBLISHED_STATES:
        return Refusal(
            TransitionNotAllowed,
            f"A claim that is {S(claim.status).label.lower()} has no published verdict to correct.",
            "status",
        )
    return None


def _require_second_review(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("ask for a second review")
    # A not-checkable claim gets no verdict (it can only become checkable again), so there is
    # nothing for a second reviewer to agree with.
    if claim.status == S.NOT_CHECKABLE:
        return Refusal(
            TransitionNotAllowed,
            "This claim is not checkable; mark it checkable before asking for a second review.",
            "status",
        )
    # Publication ends the verdict's review: there is no draft for anyone to agree with until
    # a correction is drafted, and a correction can ask for one then.
    if claim.status == S.PUBLISHED:
        return Refusal(
            TransitionNotAllowed,
            "This verdict is published; ask for a second review of a correction once it is "
            "drafted.",
            "status",
        )
    return None


def _second_review(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.second_reviewer:
        return Refusal(NotPermitted, "Only the second reviewer named by an editor can do this.")
    if facts.draft is None:
        return Refusal(TransitionNotAllowed, "There is no draft verdict to review.", "status")
    return None


def _publish(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("publish verdicts")
    draft = facts.draft
    if claim.status not in (S.DRAFTED, S.CORRECTION_DRAFTED) or draft is None:
        return Refusal(
            TransitionNotAllowed,
            f"A claim that is {S(claim.status).label.lower()} has no draft verdict to publish.",
            "status",
        )
    if claim.second_reviewer_id is None or draft.second_review == SecondReview.APPROVED:
        return None
    second = claim.second_reviewer
    who = second.get_username() if second is not None else ""
    if draft.second_review == SecondReview.REJECTED:
        return Refusal(
            TransitionNotAllowed,
            f"The second reviewer ({who}) rejected this draft: {draft.second_review_note}",
            "second_review",
        )
    return Refusal(
        TransitionNotAllowed,
        f"This verdict needs the second reviewer's ({who}) agreement before it is published.",
        "second_review",
    )


def _send_back(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("send a draft back")
    if claim.status != S.DRAFTED or claim.reviewer_id is None:
        return Refusal(
            TransitionNotAllowed,
            f"A claim that is {S(claim.status).label.lower()} has no draft verdict to send back.",
            "status",
        )
    return transition_refusal(claim.status, S.ASSIGNED)


def _mark_duplicate(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("mark duplicates")
    if facts.draft is not None or facts.has_published:
        return Refusal(
            TransitionNotAllowed,
            "This claim has a verdict of its own; it cannot follow another's.",
            "original",
        )
    return None


def _unmark_duplicate(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return _editors("mark duplicates")
    if claim.duplicate_of_id is None:
        return Refusal(TransitionNotAllowed, "This claim is not marked as a duplicate.", "status")
    return None


def _published_wording(claim: Claim, what: str) -> Refusal | None:
    """The statement and the claimant are what the public ClaimReview says was claimed, and by
    whom. Once published they change only inside a correction, whose publication moves
    dateModified, the feed, the sitemap and the webhooks; an edit in place would rewrite the
    public review while partners syncing by date keep the old one. Edits made while a correction
    is drafted wait for its publication: readers see the wording each published verdict copied
    (`claims.claimreview.public_wording`)."""
    if claim.status != S.PUBLISHED:
        return None
    return Refusal(
        TransitionNotAllowed,
        f"This claim's verdict is published; issue a correction to change {what}.",
        "status",
    )


def _edit_statement(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return Refusal(NotPermitted, "Only editors can edit a claim's statement.")
    return _published_wording(claim, "its statement")


def _change_claimant(claim: Claim, facts: _Facts) -> Refusal | None:
    if not facts.editor:
        return Refusal(NotPermitted, "Only editors can change who made a claim.")
    return _published_wording(claim, "who made it")


_RULES = {
    Move.MARK_CHECKABLE: _mark_checkable,
    Move.MARK_NOT_CHECKABLE: _mark_not_checkable,
    Move.ASSIGN: _assign,
    Move.UNASSIGN: _unassign,
    Move.START_REVIEW: _start_review,
    Move.WRITE_VERDICT: _write_verdict,
    Move.CORRECT: _correct,
    Move.REQUIRE_SECOND_REVIEW: _require_second_review,
    Move.SECOND_REVIEW: _second_review,
    Move.PUBLISH: _publish,
    Move.SEND_BACK: _send_back,
    Move.MARK_DUPLICATE: _mark_duplicate,
    Move.UNMARK_DUPLICATE: _unmark_duplicate,
    Move.EDIT_STATEMENT: _edit_statement,
    Move.CHANGE_CLAIMANT: _change_claimant,
}


def claim_moves(*, claim: Claim, actor: Any) -> dict[Move, Refusal | None]:
    """Every move, mapped to None when the actor may take it now, else why not."""
    facts = _Facts(claim, actor)
    return {move: rule(claim, facts) for move, rule in _RULES.items()}


def move_refusal(*, claim: Claim, actor: Any, move: Move) -> Refusal | None:
    return _RULES[move](claim, _Facts(claim, actor))


def check_move(*, claim: Claim, actor: Any, move: Move) -> None:
    """Raise the move's refusal (NotPermitted or TransitionNotAllowed), if any."""
    if (refusal := move_refusal(claim=claim, actor=actor, move=move)) is not None:
        raise refusal.exception()


def allowed_moves(*, claim: Claim, actor: Any) -> list[Move]:
    return [move for move, refusal in claim_moves(claim=claim, actor=actor).items() if not refusal]
