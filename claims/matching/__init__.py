"""Claim matching: has this claim been checked before?

Pure Python (numpy, no Django): the product keeps one :class:`ClaimIndex` of known claims and
asks it, for each new claim, which known claims it repeats and how confident that is.
"""

from claims.matching.index import ClaimIndex, Match, default_model

CONFIDENT_MATCH: float = default_model().confident_match
SUGGEST_MATCH: float = default_model().suggest_match

__all__ = ["CONFIDENT_MATCH", "SUGGEST_MATCH", "ClaimIndex", "Match"]
