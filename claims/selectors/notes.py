"""Who reads a claim's notes, decided once: the claim page, its note form and the API list them
from here."""

from claims.models import Claim, ClaimNote
from claims.models.notes import ClaimNoteQuerySet
from claims.services.notes import check_notes_access
from core.roles import Actor


def claim_notes(*, claim: Claim, actor: Actor) -> ClaimNoteQuerySet:
    """The claim's notes, oldest first, for someone who may read them; anyone else is refused
    (NotPermitted), whatever else of the claim they may see."""
    check_notes_access(claim=claim, actor=actor)
    return ClaimNote.objects.for_claim(claim)
