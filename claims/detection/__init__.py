"""Claim detection: text in, candidate claims out. Pure Python, no Django import."""

from claims.detection.claimants import ClaimantMention
from claims.detection.dates import DateMention
from claims.detection.entities import EntityMention
from claims.detection.pipeline import (
    DetectedClaim,
    DetectionTimeout,
    Detector,
    Extraction,
    load_detector,
)
from claims.detection.sentences import Sentence, paragraph_bounds, split_sentences
from claims.detection.statements import ArticleStatements, build_statement

__all__ = [
    "ArticleStatements",
    "ClaimantMention",
    "DateMention",
    "DetectedClaim",
    "DetectionTimeout",
    "Detector",
    "EntityMention",
    "Extraction",
    "Sentence",
    "build_statement",
    "load_detector",
    "paragraph_bounds",
    "split_sentences",
]
