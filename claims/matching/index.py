"""The claim index the product keeps in memory: known claims in, "this repeats claim N" out."""

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from claims.matching.features import (
    FEATURE_NAMES,
    DocumentView,
    QueryView,
    candidate_features,
)
from claims.matching.lexical import AnalysedText, LexicalIndex, analyse_all
from claims.matching.model import MatcherModel, sigmoid

# Removed documents leave holes in the postings; past this share the index rebuilds itself.
_COMPACT_WHEN_DEAD_SHARE = 0.5
_COMPACT_MINIMUM_DEAD = 1_000
_DOCUMENT_VIEW_CACHE = 20_000
_CLAIM_COVERAGE = FEATURE_NAMES.index("claim_coverage")


@dataclass(frozen=True, slots=True)
class Match:
    """A known claim the query repeats.

    ``score`` orders the matches of one query; ``confidence`` is the estimated probability that
    the query repeats this claim, comparable across queries and meant for thresholds.
    """

    key: int
    score: float
    confidence: float


@cache
def default_model() -> MatcherModel:
    return MatcherModel.load()


class ClaimIndex:
    """Known claims (tracked claims, published fact-checks) searchable by a new claim's text.

    Not safe for concurrent use: lookups fill caches, so threads sharing one index need a lock.
    """

    def __init__(self) -> None:
        self._model = default_model()
        self._reset()

    def _reset(self) -> None:
        self._lexical = LexicalIndex(self._model.bm25f)
        self._slot_of_key: dict[int, int] = {}
        self._key_at_slot: list[int] = []
        self._text_at_slot: list[tuple[str, str] | None] = []
        self._views: dict[int, DocumentView] = {}

    @classmethod
    def build(cls, documents: Iterable[tuple[int, str, str]]) -> "ClaimIndex":
        """An index over ``(key, claim text, title or extra text)``; repeated keys keep the last."""
        index = cls()
        index._extend(documents)
        return index

    @classmethod
    def with_model(cls, model: MatcherModel) -> "ClaimIndex":
        """An empty index using other learned settings (training and comparisons)."""
        index = cls.__new__(cls)
        index._model = model
        index._reset()
        return index

    def _extend(self, documents: Iterable[tuple[int, str, str]]) -> None:
        # Indexing allocates millions of small objects that all live on; pausing the cyclic
        # garbage collector meanwhile saves it from scanning them again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._extend_unpaused(documents)
        finally:
            if collecting:
                gc.enable()

    def _extend_unpaused(self, documents: Iterable[tuple[int, str, str]]) -> None:
        latest: dict[int, tuple[str, str]] = {}
        for key, text, title in documents:
            latest.pop(key, None)
            latest[key] = (text or "", title or "")
        for key in latest:
            if key in self._slot_of_key:
                self.remove(key)
        with_bigrams = self._model.bm25f.bigram_weight > 0
        slots = self._lexical.extend(analyse_all(latest.values(), with_bigrams=with_bigrams))
        for (key, texts), slot in zip(latest.items(), slots, strict=True):
            self._remember(key, texts, slot)

    def _remember(self, key: int, texts: tuple[str, str], slot: int) -> None:
        self._slot_of_key[key] = slot
        self._key_at_slot.append(key)
        self._text_at_slot.append(texts)

    def add(self, key: int, text: str, title: str = "") -> None:
        """Index one claim; a key already present is replaced by the new text."""
        if key in self._slot_of_key:
            self.remove(key)
        texts = (text or "", title or "")
        with_bigrams = self._model.bm25f.bigram_weight > 0
        slot = self._lexical.add(
            AnalysedText.of(texts[0], with_bigrams=with_bigrams),
            AnalysedText.of(texts[1], with_bigrams=with_bigrams),
        )
        self._remember(key, texts, slot)

    def remove(self, key: int) -> None:
        """Forget a claim; unknown keys are ignored."""
        slot = self._slot_of_key.pop(key, None)
        if slot is None:
            return
        self._lexical.remove(slot)
        self._text_at_slot[slot] = None
        self._views.pop(slot, None)
        dead = self._lexical.dead_count
        if (
            dead >= _COMPACT_MINIMUM_DEAD
            and dead > _COMPACT_WHEN_DEAD_SHARE * self._lexical.slot_count
        ):
            self._compact()

    def _compact(self) -> None:
        live = [
            (key, *self._text_at_slot[slot])  # type: ignore[misc]
            for key, slot in sorted(self._slot_of_key.items(), key=lambda item: item[1])
        ]
        self._reset()
        self._extend(live)

    def __len__(self) -> int:
        return len(self._slot_of_key)

    def __contains__(self, key: object) -> bool:
        return key in self._slot_of_key

    def _view(self, slot: int) -> DocumentView:
        view = self._views.get(slot)
        if view is None:
            if len(self._views) >= _DOCUMENT_VIEW_CACHE:
                self._views.clear()
            claim, title = self._text_at_slot[slot]  # type: ignore[misc]
            view = self._views[slot] = DocumentView.of(claim, title)
        return view

    def candidate_features(
        self, query: str, *, limit: int | None = None
    ) -> tuple[list[int], np.ndarray]:
        """First-stage candidates' keys and their ``FEATURE_NAMES`` rows (training, diagnostics)."""
        if not query or not self._slot_of_key:
            return [], np.zeros((0, len(FEATURE_NAMES)))
        analysed = AnalysedText.of(query)
        candidates = self._lexical.search(analysed, limit or self._model.candidates)
        if len(candidates.slots) == 0:
            return [], np.zeros((0, len(FEATURE_NAMES)))
        idf_cache: dict[str, float] = {}

        def idf(term: str) -> float:
            if term not in idf_cache:
                idf_cache[term] = self._lexical.idf(term)
            return idf_cache[term]

        slots = candidates.slots.tolist()
        rows = candidate_features(
            QueryView.of(query, analysed),
            [self._view(slot) for slot in slots],
            candidates.scores.tolist(),
            sum(candidates.query_weights.values()),
            idf,
        )
        return [self._key_at_slot[slot] for slot in slots], rows

    def rerank_scores(self, rows: np.ndarray) -> np.ndarray:
        reranker = self._model.reranker
        return reranker.decision(rows) if reranker else rows[:, 0]

    def search(self, query: str, *, limit: int = 5) -> list[Match]:
        """The known claims this text most likely repeats, best first, at most ``limit``."""
        if limit <= 0:
            return []
        keys, rows = self.candidate_features(query, limit=max(self._model.candidates, limit))
        if not keys:
            return []
        scores = self.rerank_scores(rows)
        order = np.argsort(-scores, kind="stable")[:limit]
        confidences = self._confidences(rows, scores, order)
        return [
            Match(keys[i], float(scores[i]), float(confidence))
            for i, confidence in zip(order.tolist(), confidences.tolist(), strict=True)
        ]

    def _confidences(self, rows: np.ndarray, scores: np.ndarray, order: np.ndarray) -> np.ndarray:
        if self._model.confidence is None:
            return np.clip(rows[order, _CLAIM_COVERAGE], 0.0, 1.0)
        rows = confidence_rows(rows, scores, order, self.no_overlap_score())
        return sigmoid(self._model.confidence.decision(rows))

    def no_overlap_score(self) -> float:
        """The re-ranked score of a claim sharing nothing with the query."""
        return float(self.rerank_scores(np.zeros((1, len(FEATURE_NAMES))))[0])


def confidence_rows(
    rows: np.ndarray, scores: np.ndarray, order: np.ndarray, no_overlap_score: float
) -> np.ndarray:
    """Candidate features plus how far each returned match stands from its closest rival.

    In a collection of thousands of claims the rival is the runner-up. A lone candidate (a
    young index, a rare topic) can only be measured against a claim sharing nothing with the
    query; that distance means something else, so it gets a column and a weight of its own.
    """
    ranked_scores = scores[order]
    if len(scores) > 1:
        ordered_all = np.sort(scores)[::-1]
        rival = np.where(ranked_scores >= ordered_all[0], ordered_all[1], ordered_all[0])
        margins = ranked_scores - rival
        lone_margins = np.zeros_like(ranked_scores)
    else:
        margins = np.zeros_like(ranked_scores)
        lone_margins = ranked_scores - no_overlap_score
    return np.hstack([rows[order], np.column_stack([ranked_scores, margins, lone_margins])])
