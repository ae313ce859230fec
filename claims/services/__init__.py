"""Every write to claims, claimants and verdicts. The admin, the API and the tasks call these."""

from claims.services.claimants import claimant_resolve
from claims.services.extraction import ExtractionOutcome, article_extract_claims
from claims.services.workflow import (
    claim_assign,
    claim_mark_checkable,
    claim_mark_not_checkable,
    claim_start_review,
    verdict_draft,
    verdict_publish,
)

__all__ = [
    "ExtractionOutcome",
    "article_extract_claims",
    "claim_assign",
    "claim_mark_checkable",
    "claim_mark_not_checkable",
    "claim_start_review",
    "claimant_resolve",
    "verdict_draft",
    "verdict_publish",
]
