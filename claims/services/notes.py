"""Notes editors and reviewers leave each other on a claim: who may write one, and its limit."""

from typing import Any

from django.db import transaction

from articles.errors import NotPermitted
from articles.roles import is_staff_member
from claims.limits import MAX_NOTE_CHARS, clean_text
from claims.models import Claim, ClaimNote
from claims.services.kernel import name_history_user


def claim_add_note(*, claim: Claim, actor: Any, text: str) -> ClaimNote:
    """Leave a note on a claim for the newsroom: editors on any claim, a reviewer on the claims
    of their own queue (the claims whose notes they may read, `in_scope_of`)."""
    with transaction.atomic():
        if not is_staff_member(actor) or not (
            Claim.objects.in_scope_of(actor).filter(pk=claim.pk).exists()
        ):
            raise NotPermitted("Only editors and the claim's reviewers can leave a note on it.")
        text = clean_text(
            text,
            field="text",
            limit=MAX_NOTE_CHARS,
            required=True,
            blank_message="Write the note first.",
        )
        note = ClaimNote(claim=claim, author=actor, text=text)
        name_history_user(actor, note)
        note.save()
    return note
