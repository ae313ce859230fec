"""Every write to claims, claimants and verdicts. The admin, the API and the tasks call these."""

from claims.services.claimants import claim_change_claimant, claimant_resolve
from claims.services.duplicates import claim_mark_duplicate, claim_unmark_duplicate
from claims.services.extraction import ExtractionOutcome, article_extract_claims
from claims.services.matching import claims_find_matching, match_index_record
from claims.services.merging import (
    claim_merge,
    claim_split,
    suggestion_accept,
    suggestion_reject,
)
from claims.services.notes import claim_add_note
from claims.services.ratings import rating_scale_activate
from claims.services.statements import claim_edit_statement
from claims.services.workflow import (
    claim_assign,
    claim_mark_checkable,
    claim_mark_not_checkable,
    claim_require_second_review,
    claim_start_review,
    claim_unassign,
    verdict_correct,
    verdict_draft,
    verdict_publish,
    verdict_second_review,
)

__all__ = [
    "ExtractionOutcome",
    "article_extract_claims",
    "claim_add_note",
    "claim_assign",
    "claim_change_claimant",
    "claim_edit_statement",
    "claim_mark_checkable",
    "claim_mark_duplicate",
    "claim_mark_not_checkable",
    "claim_merge",
    "claim_require_second_review",
    "claim_split",
    "claim_start_review",
    "claim_unassign",
    "claim_unmark_duplicate",
    "claimant_resolve",
    "claims_find_matching",
    "match_index_record",
    "rating_scale_activate",
    "suggestion_accept",
    "suggestion_reject",
    "verdict_correct",
    "verdict_draft",
    "verdict_publish",
    "verdict_second_review",
]
