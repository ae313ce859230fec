"""Editors' wording of a claim's statement (what ClaimReview's claimReviewed carries)."""

from typing import Any

from django.db import transaction

from claims.claimreview_validation import CLAIM_REVIEWED_MAX_CHARS
from claims.models import Claim
from claims.services.kernel import lock_claim, name_history_user
from claims.services.policy import Move, check_move
from core.errors import InvalidInput

# The statement is what ClaimReview's claimReviewed carries, so it obeys that limit.
MAX_STATEMENT_CHARS = CLAIM_REVIEWED_MAX_CHARS


def claim_edit_statement(*, claim: Claim, actor: Any, statement: str) -> Claim:
    """An editor rewords the claim's statement; re-extracting the article keeps the wording."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.EDIT_STATEMENT)
        statement = " ".join(str(statement or "").split())
        if not statement:
            raise InvalidInput("The statement cannot be empty.", field="statement")
        if len(statement) > MAX_STATEMENT_CHARS:
            raise InvalidInput(
                f"The statement is longer than {MAX_STATEMENT_CHARS} characters.",
                field="statement",
            )
        claim.statement = statement
        claim.statement_edited = True
        name_history_user(actor, claim)
        claim.save(update_fields=["statement", "statement_edited", "updated_at"])
    return claim
