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
from claims.detection.sentences import Sentence, split_sentences

__all__ = [
    "ClaimantMention",
    "DateMention",
    "DetectedClaim",
    "DetectionTimeout",
    "Detector",
    "EntityMention",
    "Extraction",
    "Sentence",
    "load_detector",
    "split_sentences",
]
