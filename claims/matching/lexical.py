"""An incremental BM25F inverted index over two fields: the claim and its title.

Postings are numpy arrays (document slot, term frequency in each field), so a lookup costs a
few vectorised operations per query term whatever the size of the collection. Documents added
one at a time wait in small Python lists and join their term's arrays at the next lookup;
removed documents are masked out and their slots reclaimed when the index compacts itself.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from claims.matching.text import bigrams, terms

_INITIAL_CAPACITY = 64
# An empty field with full length normalisation would divide by zero; it has no terms anyway.
_SHORTEST_NORMALISER = 0.05


@dataclass(frozen=True, slots=True)
class BM25FParameters:
    """Textbook defaults; the values in use are tuned on train queries and kept in model.json."""

    k1: float = 1.2
    claim_b: float = 0.75
    title_b: float = 0.75
    claim_weight: float = 1.0
    title_weight: float = 0.5
    bigram_weight: float = 0.3


@dataclass(frozen=True, slots=True)
class AnalysedText:
    """A text's index terms, with the bigrams kept apart so they can be weighted separately."""

    unigrams: Counter[str]
    bigrams: Counter[str]

    @classmethod
    def of(cls, text: str, *, with_bigrams: bool = True) -> "AnalysedText":
        if not text:
            return cls(Counter(), Counter())
        tokens = terms(text)
        return cls(Counter(tokens), Counter(bigrams(tokens)) if with_bigrams else Counter())

    def __bool__(self) -> bool:
        return bool(self.unigrams)


@dataclass(frozen=True, slots=True)
class Candidates:
    """First-stage hits: document slots best first, with their scores and the query's weights."""

    slots: np.ndarray
    scores: np.ndarray
    query_weights: dict[str, float]


class _Postings:
    __slots__ = ("claim_tf", "pending", "slots", "title_tf")

    def __init__(self) -> None:
        self.slots = np.empty(0, dtype=np.int32)
        self.claim_tf = np.empty(0, dtype=np.float32)
        self.title_tf = np.empty(0, dtype=np.float32)
        self.pending: list[tuple[int, int, int]] = []

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.pending:
            extra = np.asarray(self.pending, dtype=np.int64).reshape(-1, 3)
            self.slots = np.concatenate([self.slots, extra[:, 0].astype(np.int32)])
            self.claim_tf = np.concatenate([self.claim_tf, extra[:, 1].astype(np.float32)])
            self.title_tf = np.concatenate([self.title_tf, extra[:, 2].astype(np.float32)])
            self.pending = []
        return self.slots, self.claim_tf, self.title_tf


class LexicalIndex:
    """BM25F over claim and title, documents addressed by dense integer slots."""

    def __init__(self, parameters: BM25FParameters | None = None) -> None:
        self.parameters = parameters or BM25FParameters()
        self._term_ids: dict[str, int] = {}
        self._postings: list[_Postings] = []
        self._document_frequency = np.zeros(_INITIAL_CAPACITY, dtype=np.int32)
        self._claim_length = np.zeros(_INITIAL_CAPACITY, dtype=np.float32)
        self._title_length = np.zeros(_INITIAL_CAPACITY, dtype=np.float32)
        self._alive = np.zeros(_INITIAL_CAPACITY, dtype=bool)
        self._document_terms: list[np.ndarray] = []
        self._slot_count = 0
        self._live_count = 0
        self._normalisers: tuple[np.ndarray, np.ndarray] | None = None

    # -- writing -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._live_count

    @property
    def slot_count(self) -> int:
        return self._slot_count

    @property
    def dead_count(self) -> int:
        return self._slot_count - self._live_count

    def _term_id(self, term: str) -> int:
        term_id = self._term_ids.get(term)
        if term_id is None:
            term_id = len(self._postings)
            self._term_ids[term] = term_id
            self._postings.append(_Postings())
            if term_id >= len(self._document_frequency):
                self._document_frequency = _grown(self._document_frequency, term_id + 1)
        return term_id

    def _field_counts(self, claim: AnalysedText, title: AnalysedText) -> dict[int, list[int]]:
        known = self._term_ids
        counts: dict[int, list[int]] = {}
        for field, analysed in ((0, claim), (1, title)):
            for term, count in analysed.unigrams.items():
                term_id = known.get(term)
                if term_id is None:
                    term_id = self._term_id(term)
                entry = counts.get(term_id)
                if entry is None:
                    entry = counts[term_id] = [0, 0]
                entry[field] += count
            if self.parameters.bigram_weight <= 0:
                continue
            for term, count in analysed.bigrams.items():
                counts.setdefault(self._term_id("\x00" + term), [0, 0])[field] += count
        return counts

    def _reserve_slot(self, claim_length: int, title_length: int) -> int:
        slot = self._slot_count
        if slot >= len(self._alive):
            size = max(slot + 1, 2 * len(self._alive))
            self._claim_length = _grown(self._claim_length, size)
            self._title_length = _grown(self._title_length, size)
            self._alive = _grown(self._alive, size)
        self._claim_length[slot] = claim_length
        self._title_length[slot] = title_length
        self._alive[slot] = True
        self._slot_count += 1
        self._live_count += 1
        self._normalisers = None
        return slot

    def add(self, claim: AnalysedText, title: AnalysedText) -> int:
        """Index one document and return its slot."""
        counts = self._field_counts(claim, title)
        slot = self._reserve_slot(claim.unigrams.total(), title.unigrams.total())
        term_ids = np.fromiter(counts, dtype=np.int32, count=len(counts))
        for term_id, (claim_tf, title_tf) in counts.items():
            self._postings[term_id].pending.append((slot, claim_tf, title_tf))
        self._document_frequency[term_ids] += 1
        self._document_terms.append(term_ids)
        return slot

    def extend(self, documents: Sequence[tuple[AnalysedText, AnalysedText]]) -> list[int]:
        """Index many documents at once, building each term's postings in one go."""
        term_column: list[int] = []
        slot_column: list[int] = []
        claim_column: list[int] = []
        title_column: list[int] = []
        slots = []
        for claim, title in documents:
            counts = self._field_counts(claim, title)
            slot = self._reserve_slot(claim.unigrams.total(), title.unigrams.total())
            slots.append(slot)
            term_column.extend(counts)
            slot_column.extend([slot] * len(counts))
            for claim_tf, title_tf in counts.values():
                claim_column.append(claim_tf)
                title_column.append(title_tf)
            self._document_terms.append(np.fromiter(counts, dtype=np.int32, count=len(counts)))
        if not term_column:
            return slots
        term_array = np.asarray(term_column, dtype=np.int32)
        order = np.argsort(term_array, kind="stable")
        term_array = term_array[order]
        slot_array = np.asarray(slot_column, dtype=np.int32)[order]
        claim_array = np.asarray(claim_column, dtype=np.float32)[order]
        title_array = np.asarray(title_column, dtype=np.float32)[order]
        present, starts, frequencies = np.unique(term_array, return_index=True, return_counts=True)
        self._document_frequency[present] += frequencies.astype(np.int32)
        for term_id, start, count in zip(
            present.tolist(), starts.tolist(), frequencies.tolist(), strict=True
        ):
            postings = self._postings[term_id]
            postings.arrays()
            end = start + count
            postings.slots = _joined(postings.slots, slot_array[start:end])
            postings.claim_tf = _joined(postings.claim_tf, claim_array[start:end])
            postings.title_tf = _joined(postings.title_tf, title_array[start:end])
        return slots

    def remove(self, slot: int) -> None:
        """Mask a document out; its postings stay until the owner rebuilds the index."""
        if not self._alive[slot]:
            return
        self._alive[slot] = False
        self._document_frequency[self._document_terms[slot]] -= 1
        self._live_count -= 1
        self._normalisers = None

    # -- reading -----------------------------------------------------------------------------

    def _length_normalisers(self) -> tuple[np.ndarray, np.ndarray]:
        if self._normalisers is None:
            p = self.parameters
            alive = self._alive[: self._slot_count]
            claim_length = self._claim_length[: self._slot_count]
            title_length = self._title_length[: self._slot_count]
            live = max(self._live_count, 1)
            claim_average = max(float(claim_length[alive].sum()) / live, 1.0)
            title_average = max(float(title_length[alive].sum()) / live, 1.0)
            # Field weight over length normalisation, so a lookup multiplies instead of divides.
            claim_factor = p.claim_weight / np.maximum(
                1 - p.claim_b + p.claim_b * claim_length / claim_average, _SHORTEST_NORMALISER
            )
            title_factor = p.title_weight / np.maximum(
                1 - p.title_b + p.title_b * title_length / title_average, _SHORTEST_NORMALISER
            )
            self._normalisers = (
                claim_factor.astype(np.float32),
                title_factor.astype(np.float32),
            )
        return self._normalisers

    def idf(self, term: str) -> float:
        term_id = self._term_ids.get(term)
        frequency = int(self._document_frequency[term_id]) if term_id is not None else 0
        live = self._live_count
        return float(np.log(1.0 + (live - frequency + 0.5) / (frequency + 0.5)))

    def query_weights(self, query: AnalysedText) -> dict[str, float]:
        """Each known query term's weight: its idf, bigrams scaled down, repeats counted once."""
        weights = {}
        for term in query.unigrams:
            if term in self._term_ids and self._document_frequency[self._term_ids[term]] > 0:
                weights[term] = self.idf(term)
        for term in query.bigrams if self.parameters.bigram_weight > 0 else ():
            key = "\x00" + term
            if key in self._term_ids and self._document_frequency[self._term_ids[key]] > 0:
                weights[key] = self.parameters.bigram_weight * self.idf(key)
        return weights

    def search(self, query: AnalysedText, limit: int) -> Candidates:
        weights = self.query_weights(query)
        if not weights or self._live_count == 0:
            empty = np.empty(0, dtype=np.int32)
            return Candidates(empty, np.empty(0, dtype=np.float32), weights)
        claim_factor, title_factor = self._length_normalisers()
        k1 = self.parameters.k1
        scores = np.zeros(self._slot_count, dtype=np.float32)
        for term, weight in weights.items():
            slots, claim_tf, title_tf = self._postings[self._term_ids[term]].arrays()
            pseudo_tf = claim_tf * claim_factor[slots] + title_tf * title_factor[slots]
            # Each document appears once in a term's postings, so plain fancy indexing is safe.
            scores[slots] += np.float32(weight) * pseudo_tf / (k1 + pseudo_tf)
        if self.dead_count:
            scores[~self._alive[: self._slot_count]] = 0.0
        limit = min(limit, int(np.count_nonzero(scores)))
        if limit <= 0:
            empty = np.empty(0, dtype=np.int32)
            return Candidates(empty, np.empty(0, dtype=np.float32), weights)
        if limit < len(scores):
            top = np.argpartition(-scores, limit - 1)[:limit]
        else:
            top = np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return Candidates(top.astype(np.int32), scores[top], weights)


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    bigger = np.zeros(max(size, 2 * len(array)), dtype=array.dtype)
    bigger[: len(array)] = array
    return bigger


def _joined(existing: np.ndarray, more: np.ndarray) -> np.ndarray:
    return more.copy() if len(existing) == 0 else np.concatenate([existing, more])


def analyse_all(
    documents: Iterable[tuple[str, str]], *, with_bigrams: bool = True
) -> list[tuple[AnalysedText, AnalysedText]]:
    return [
        (
            AnalysedText.of(claim, with_bigrams=with_bigrams),
            AnalysedText.of(title, with_bigrams=with_bigrams),
        )
        for claim, title in documents
    ]
