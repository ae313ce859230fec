from claims.models.appearances import (
    Appearance,
    ClaimRegrouping,
    ExternalReview,
    MatchIndexChange,
    MatchSuggestion,
    RegroupKind,
    SuggestionStatus,
)
from claims.models.claimants import Claimant, ClaimantAlias, ClaimantKind, normalise_name
from claims.models.claims import (
    OPEN_STATUSES,
    STATUSES_WITH_REVIEWER,
    Claim,
    ClaimOrigin,
    ClaimQuerySet,
    ClaimStatus,
    ClaimTransition,
    DetectorFeedback,
    text_digest,
)
from claims.models.detector import DetectorModel, DetectorModelStatus
from claims.models.notes import ClaimNote, ClaimNoteQuerySet
from claims.models.ratings import Rating, RatingQuerySet, RatingScale
from claims.models.verdicts import (
    SecondReview,
    Verdict,
    VerdictQuerySet,
    VerdictSource,
    VerdictStatus,
)

__all__ = [
    "OPEN_STATUSES",
    "STATUSES_WITH_REVIEWER",
    "Appearance",
    "Claim",
    "ClaimNote",
    "ClaimNoteQuerySet",
    "ClaimOrigin",
    "ClaimQuerySet",
    "ClaimRegrouping",
    "ClaimStatus",
    "ClaimTransition",
    "Claimant",
    "ClaimantAlias",
    "ClaimantKind",
    "DetectorFeedback",
    "DetectorModel",
    "DetectorModelStatus",
    "ExternalReview",
    "MatchIndexChange",
    "MatchSuggestion",
    "Rating",
    "RatingQuerySet",
    "RatingScale",
    "RegroupKind",
    "SecondReview",
    "SuggestionStatus",
    "Verdict",
    "VerdictQuerySet",
    "VerdictSource",
    "VerdictStatus",
    "normalise_name",
    "text_digest",
]
