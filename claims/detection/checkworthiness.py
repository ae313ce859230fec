"""Check-worthiness: how likely an editor would want a sentence fact-checked.

A model scores sentences either with a linear model over hashed word and character n-grams
(see ``features.py``) or, when its file holds one, with a small convolutional network over
word vectors (see ``cnn.py``) distilled from a fine-tuned transformer. A Platt calibration
follows, so that ``score`` returns a probability that a sentence is a check-worthy factual
claim. It needs numpy only, and its artifact is a ``.npz`` of plain numeric arrays plus a
JSON metadata string, loaded without pickle.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np

from claims.detection.adaptation import Correction
from claims.detection.cnn import SentenceCNN
from claims.detection.features import (
    FeatureSpec,
    hashed_features,
    linear_scores,
    tokens_and_features,
    word_tokens,
)

# Version 2 added the optional network, version 3 the editors' correction (adaptation.py);
# older files still load. A file is written at the lowest version that holds what it has.
FORMAT_VERSION = 3
READABLE_FORMAT_VERSIONS = (1, 2, 3)
MODEL_FILENAME = "checkworthiness.npz"
SHIPPED_MODEL_PATH = Path(__file__).resolve().parent / "model" / MODEL_FILENAME


class ModelLoadError(ValueError):
    """The file is not a check-worthiness model this code can read safely."""


class CheckworthinessModel:
    """Scores sentences with a calibrated probability of being check-worthy."""

    def __init__(
        self,
        *,
        spec: FeatureSpec,
        weights: np.ndarray,
        bias: float,
        calibration: tuple[float, float],
        threshold: float,
        lexicon_weights: np.ndarray | None = None,
        network: SentenceCNN | None = None,
        correction: Correction | None = None,
        metadata: dict | None = None,
    ) -> None:
        if weights.shape != (spec.dimension,):
            raise ModelLoadError(
                f"weights have shape {weights.shape}, expected ({spec.dimension},)"
            )
        expected_lexicon = (1 << spec.lexicon_bits,) if spec.lexicon_bits else None
        found_lexicon = None if lexicon_weights is None else lexicon_weights.shape
        if found_lexicon != expected_lexicon:
            raise ModelLoadError(
                f"lexicon weights have shape {found_lexicon}, expected {expected_lexicon}"
            )
        self.lexicon_weights = (
            None
            if lexicon_weights is None
            else np.ascontiguousarray(lexicon_weights, dtype=np.float32)
        )
        if network is not None and network.vectors.shape[0] != (1 << spec.lexicon_bits):
            raise ModelLoadError("the network's word vectors do not match the lexicon")
        self.network = network
        self.correction = correction
        self.spec = spec
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = float(bias)
        self.calibration = (float(calibration[0]), float(calibration[1]))
        self.threshold = float(threshold)
        self.metadata = dict(metadata or {})

    @classmethod
    def load(cls, path: Path | None = None) -> CheckworthinessModel:
        """Load a model file (or a directory holding one); ``None`` loads the shipped model."""
        path = SHIPPED_MODEL_PATH if path is None else Path(path)
        if path.is_dir():
            path = path / MODEL_FILENAME
        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
        except FileNotFoundError:
            raise
        except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
            raise ModelLoadError(
                f"{path} is not a readable check-worthiness model (.npz of plain arrays, "
                f"pickle refused): {error}"
            ) from error
        return cls._from_arrays(arrays, path)

    @classmethod
    def _from_arrays(cls, arrays: dict[str, np.ndarray], path: Path) -> CheckworthinessModel:
        missing = {"metadata", "weights"} - arrays.keys()
        if missing:
            raise ModelLoadError(f"{path} lacks {', '.join(sorted(missing))}")
        try:
            metadata = json.loads(str(arrays["metadata"]))
            if metadata.get("format_version") not in READABLE_FORMAT_VERSIONS:
                raise ModelLoadError(
                    f"{path} has format version {metadata.get('format_version')!r}, "
                    f"this code reads versions {READABLE_FORMAT_VERSIONS}"
                )
            weights = arrays["weights"]
            lexicon_weights = arrays.get("lexicon_weights")
            if not _finite_floats(a for a in (weights, lexicon_weights) if a is not None):
                raise ModelLoadError(f"{path} has weights that are not finite floats")
            model = cls(
                spec=FeatureSpec.from_dict(metadata["features"]),
                weights=weights,
                lexicon_weights=lexicon_weights,
                bias=float(metadata["bias"]),
                calibration=tuple(metadata["calibration"]),
                threshold=float(metadata["threshold"]),
                metadata=metadata,
            )
        except (KeyError, TypeError, json.JSONDecodeError) as error:
            raise ModelLoadError(f"{path} has malformed metadata: {error!r}") from error
        if "network" in metadata:
            model.network = _load_network(arrays, metadata["network"], model.spec, path)
        if "correction_buckets" in arrays:
            try:
                model.correction = Correction.from_arrays(arrays, model.spec)
            except (KeyError, ValueError) as error:
                raise ModelLoadError(f"{path} has a malformed correction: {error}") from error
        return model

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "<bytes>") -> CheckworthinessModel:
        """A model from the bytes of a model file (as stored in the database)."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as archive:
                arrays = {key: archive[key] for key in archive.files}
        except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
            raise ModelLoadError(
                f"{name} is not a readable check-worthiness model: {error}"
            ) from error
        return cls._from_arrays(arrays, Path(name))

    def to_bytes(self) -> bytes:
        """The model file's bytes, as ``save`` writes them."""
        buffer = io.BytesIO()
        self._write(buffer)
        return buffer.getvalue()

    def without_correction(self) -> CheckworthinessModel:
        """The same model without the editors' correction (its network as it was shipped
        or last adapted)."""
        if self.correction is None:
            return self
        return CheckworthinessModel(
            spec=self.spec,
            weights=self.weights,
            bias=self.bias,
            calibration=self.calibration,
            threshold=self.threshold,
            lexicon_weights=self.lexicon_weights,
            network=self.network,
            metadata=self.metadata,
        )

    def save(self, path: Path) -> Path:
        """Write the model as one ``.npz`` file; returns the path written."""
        path = Path(path)
        if path.is_dir() or not path.suffix:
            path = path / MODEL_FILENAME
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            self._write(handle)
        return path

    def _write(self, handle: BinaryIO) -> None:
        metadata = {
            **self.metadata,
            "format_version": FORMAT_VERSION if self.correction is not None else 2,
            "features": self.spec.to_dict(),
            "bias": self.bias,
            "calibration": list(self.calibration),
            "threshold": self.threshold,
        }
        arrays = {"weights": self.weights}
        if self.lexicon_weights is not None:
            arrays["lexicon_weights"] = self.lexicon_weights
        if self.network is not None:
            metadata["network"] = {"widths": list(self.network.widths)}
            arrays.update(self.network.to_arrays())
        else:
            metadata.pop("network", None)
        if self.correction is not None:
            arrays.update(self.correction.to_arrays())
        np.savez_compressed(
            handle, metadata=np.array(json.dumps(metadata, sort_keys=True)), **arrays
        )

    def raw_scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Uncalibrated scores (log-odds before calibration), from the network if there is one."""
        sentences = list(sentences)
        if self.correction is None:
            if self.network is not None:
                return self.network.logits(word_tokens(sentences, self.spec))
            return self.linear_raw_scores(sentences)
        # The correction reads n-grams of the same bytes and words the network or the linear
        # model reads: the sentences are encoded and tokenised once for both.
        if self.network is not None:
            tokens, features = tokens_and_features(sentences, self.spec)
            scores = self.network.logits(tokens)
        else:
            features = hashed_features(sentences, self.spec)
            scores = linear_scores(features, self.weights, self.bias, self.lexicon_weights)
        return scores + self.correction.scores(features)

    def linear_raw_scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Uncalibrated scores of the linear model over n-grams."""
        features = hashed_features(list(sentences), self.spec)
        return linear_scores(features, self.weights, self.bias, self.lexicon_weights)

    def score(self, sentences: Sequence[str]) -> list[float]:
        """Calibrated probability that each sentence is check-worthy, in [0, 1]."""
        if len(sentences) == 0:
            return []
        slope, intercept = self.calibration
        logits = slope * self.raw_scores(sentences) + intercept
        return (1.0 / (1.0 + np.exp(-np.clip(logits, -50.0, 50.0)))).tolist()

    def is_checkworthy(self, sentences: Sequence[str]) -> list[bool]:
        """Whether each sentence reaches the model's decision threshold."""
        return [probability >= self.threshold for probability in self.score(sentences)]


def _load_network(
    arrays: dict[str, np.ndarray], settings: dict, spec: FeatureSpec, path: Path
) -> SentenceCNN:
    network_arrays = {name: array for name, array in arrays.items() if name.startswith("cnn_")}
    floats = (a for a in network_arrays.values() if a.dtype.kind == "f")
    if not _finite_floats(floats):
        raise ModelLoadError(f"{path} has network weights that are not finite")
    try:
        return SentenceCNN.from_arrays(
            network_arrays,
            widths=tuple(int(width) for width in settings["widths"]),
            slots=1 << spec.lexicon_bits,
        )
    except KeyError as error:
        raise ModelLoadError(f"{path} lacks the network's {error.args[0]}") from error
    except (TypeError, ValueError, IndexError) as error:
        raise ModelLoadError(f"{path} has a malformed network: {error}") from error


def _finite_floats(arrays: Iterable[np.ndarray]) -> bool:
    return all(a.dtype.kind == "f" and np.all(np.isfinite(a)) for a in arrays)
