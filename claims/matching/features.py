"""What the re-ranker and the confidence model look at for one query and its candidates.

BM25 alone favours long claims sharing many words with a long post; a fact-checker also asks
"does the post say everything the checked claim says?" (claim coverage), "in nearly the same
words?" (character n-gram cosine) and "with the same numbers?". Each feature is a number in a
small range, so one linear model can weigh them.
"""

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from claims.matching.lexical import AnalysedText
from claims.matching.text import clean

FEATURE_NAMES = (
    "bm25",
    "bm25_share",
    "bm25_ratio_to_best",
    "reciprocal_rank",
    "query_coverage",
    "claim_coverage",
    "title_coverage",
    "tfidf_cosine",
    "char_cosine_claim",
    "char_cosine_title",
    "bigram_share",
    "numbers_missing",
)

_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"^\d+$")
_CHAR_GRAM = 4


@dataclass(frozen=True, slots=True)
class QueryView:
    """The query, analysed once, in every form the features compare against."""

    terms: AnalysedText
    char_grams: "Grams"
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str, terms: AnalysedText) -> "QueryView":
        return cls(terms, Grams.of(clean(text)), _numbers(terms))


@dataclass(frozen=True, slots=True)
class DocumentView:
    claim: AnalysedText
    title: AnalysedText
    claim_grams: "Grams"
    title_grams: "Grams"

    @classmethod
    def of(cls, claim: str, title: str) -> "DocumentView":
        return cls(
            AnalysedText.of(claim),
            AnalysedText.of(title),
            Grams.of(claim),
            Grams.of(title),
        )


@dataclass(frozen=True, slots=True)
class Grams:
    """Character n-gram counts of a text and their Euclidean norm."""

    counts: Counter[str]
    norm: float

    @classmethod
    def of(cls, text: str) -> "Grams":
        squeezed = " " + _NON_WORD.sub(" ", text.lower()).strip() + " "
        counts = Counter(
            squeezed[i : i + _CHAR_GRAM] for i in range(len(squeezed) - _CHAR_GRAM + 1)
        )
        return cls(counts, math.sqrt(sum(c * c for c in counts.values())))


def cosine(first: Grams, second: Grams) -> float:
    if not first.norm or not second.norm:
        return 0.0
    smaller, larger = sorted((first.counts, second.counts), key=len)
    dot = sum(count * larger[gram] for gram, count in smaller.items() if gram in larger)
    return dot / (first.norm * second.norm)


def _numbers(terms: AnalysedText) -> frozenset[str]:
    return frozenset(term for term in terms.unigrams if _NUMBER.match(term))


def _idf_share(terms: Counter[str], other: set[str], idf: Callable[[str], float]) -> float:
    total = sum(idf(term) for term in terms)
    if total <= 0:
        return 0.0
    return sum(idf(term) for term in terms if term in other) / total


def _weighted_cosine(
    first: Counter[str], second: Counter[str], idf: Callable[[str], float]
) -> float:
    dot = sum(idf(term) ** 2 for term in first if term in second)
    if not dot:
        return 0.0
    first_norm = math.sqrt(sum(idf(term) ** 2 for term in first))
    second_norm = math.sqrt(sum(idf(term) ** 2 for term in second))
    return dot / (first_norm * second_norm)


def candidate_features(
    query: QueryView,
    documents: Sequence[DocumentView],
    scores: Sequence[float],
    query_weight_total: float,
    idf: Callable[[str], float],
) -> np.ndarray:
    """One row of ``FEATURE_NAMES`` per candidate, candidates in first-stage order."""
    rows = np.zeros((len(documents), len(FEATURE_NAMES)), dtype=np.float64)
    if not documents:
        return rows
    query_terms = set(query.terms.unigrams)
    query_bigrams = set(query.terms.bigrams)
    best = max(float(scores[0]), 1e-9)
    for rank, (document, score) in enumerate(zip(documents, scores, strict=True), start=1):
        document_terms = Counter(document.claim.unigrams) + Counter(document.title.unigrams)
        document_bigrams = set(document.claim.bigrams) | set(document.title.bigrams)
        document_numbers = _numbers(document.claim) | _numbers(document.title)
        rows[rank - 1] = (
            float(score),
            float(score) / max(query_weight_total, 1e-9),
            float(score) / best,
            1.0 / rank,
            _idf_share(query.terms.unigrams, set(document_terms), idf),
            _idf_share(document.claim.unigrams, query_terms, idf),
            _idf_share(document.title.unigrams, query_terms, idf),
            _weighted_cosine(query.terms.unigrams, document_terms, idf),
            cosine(query.char_grams, document.claim_grams),
            cosine(query.char_grams, document.title_grams),
            len(document_bigrams & query_bigrams) / max(len(document_bigrams), 1),
            len(document_numbers - query.numbers) / max(len(document_numbers), 1),
        )
    return rows
