"""The matcher's learned settings, read from a small JSON file shipped with the package.

Two linear models sit on top of BM25F: a re-ranker that orders the first-stage candidates,
and a confidence model that turns a candidate's features into the probability that it is the
same claim. Both are plain weights here; ``training.matcher`` fits them.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claims.matching.lexical import BM25FParameters

DEFAULT_MODEL_PATH = Path(__file__).with_name("model.json")

# What the confidence model reads for each returned match, beyond the candidate's own features.
CONFIDENCE_EXTRA_FEATURES = ("rerank_score", "margin_to_rival", "lone_margin")


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Standardise the inputs, then a weighted sum plus bias."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def decision(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weights": self.weights.tolist(),
            "bias": self.bias,
        }

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["weights"], dtype=np.float64),
            float(data["bias"]),
        )


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -50.0, 50.0)))


@dataclass(frozen=True, slots=True)
class MatcherModel:
    bm25f: BM25FParameters
    candidates: int
    reranker: LinearModel | None
    confidence: LinearModel | None
    confident_match: float = 0.8
    suggest_match: float = 0.4
    provenance: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "bm25f": {
                name: getattr(self.bm25f, name) for name in BM25FParameters.__dataclass_fields__
            },
            "candidates": self.candidates,
            "reranker": self.reranker.to_json() if self.reranker else None,
            "confidence": self.confidence.to_json() if self.confidence else None,
            "thresholds": {
                "confident_match": self.confident_match,
                "suggest_match": self.suggest_match,
            },
            "provenance": self.provenance,
        }

    def save(self, path: Path = DEFAULT_MODEL_PATH) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL_PATH) -> "MatcherModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            BM25FParameters(**data["bm25f"]),
            int(data["candidates"]),
            LinearModel.from_json(data["reranker"]) if data.get("reranker") else None,
            LinearModel.from_json(data["confidence"]) if data.get("confidence") else None,
            float(data["thresholds"]["confident_match"]),
            float(data["thresholds"]["suggest_match"]),
            data.get("provenance", {}),
        )
