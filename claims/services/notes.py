"""Notes editors and reviewers leave each other on a claim: who may write one, and its limit."""

from django.db import transaction

from claims.limits import MAX_NOTE_CHARS, clean_text
from claims.models import Claim, ClaimNote
from claims.services.kernel import name_history_user, user_or_none
from core.errors import NotPermitted
from core.roles import Actor, is_staff_member


def check_notes_access(*, claim: Claim, actor: Actor) -> None:
    """Editors read and leave notes on every claim, a reviewer on the claims of their own queue
    (`in_scope_of`); anyone else is refused."""
    if not is_staff_member(actor) or not (
        Claim.objects.in_scope_of(actor).filter(pk=claim.pk).exists()
    ):
        raise NotPermitted("Only editors and the claim's reviewers can read or leave notes on it.")


def claim_add_note(*, claim: Claim, actor: Actor, text: str) -> ClaimNote:
    """Leave a note on a claim for the editors and its reviewers."""
    with transaction.atomic():
        check_notes_access(claim=claim, actor=actor)
        text = clean_text(
            text,
            field="text",
            limit=MAX_NOTE_CHARS,
            required=True,
            blank_message="Write the note first.",
        )
        note = ClaimNote(claim=claim, author=user_or_none(actor), text=text)
        name_history_user(actor, note)
        note.save()
    return note
