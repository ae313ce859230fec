from claims.models.claimants import Claimant, ClaimantAlias, ClaimantKind, normalise_name
from claims.models.claims import (
    STATUSES_WITH_REVIEWER,
    Claim,
    ClaimOrigin,
    ClaimQuerySet,
    ClaimStatus,
    ClaimTransition,
    DetectorFeedback,
    text_digest,
)
from claims.models.ratings import Rating, RatingQuerySet, RatingScale
from claims.models.verdicts import Verdict, VerdictSource, VerdictStatus

__all__ = [
    "STATUSES_WITH_REVIEWER",
    "Claim",
    "ClaimOrigin",
    "ClaimQuerySet",
    "ClaimStatus",
    "ClaimTransition",
    "Claimant",
    "ClaimantAlias",
    "ClaimantKind",
    "DetectorFeedback",
    "Rating",
    "RatingQuerySet",
    "RatingScale",
    "Verdict",
    "VerdictSource",
    "VerdictStatus",
    "normalise_name",
    "text_digest",
]
