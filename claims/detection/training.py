"""Training of the check-worthiness model (needs the ``train`` extra: scikit-learn).

Retraining, with editors' decisions added, is one command::

    python -m claims.detection.training --extra decisions.jsonl

It reads CT24 (and LIAR) from the shared data directory, fits on ``train``, calibrates and
picks the decision threshold on ``dev``, reports ``devtest`` and ``test`` without tuning on
them, and writes the model file and its model card to ``--out``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from claims.detection.checkworthiness import MODEL_FILENAME, CheckworthinessModel
from claims.detection.features import FeatureSpec, hashed_features

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent / "model"
CT24_RELATIVE = Path("data/checkworthiness/ct24_english.tsv")
LIAR_RELATIVE = Path("data/liar/train.tsv")
SPLITS = ("train", "dev", "devtest", "test")

DEFAULT_SPEC = FeatureSpec()
DEFAULT_C = 1.0
DEFAULT_EXTRA_WEIGHT = 2.0

Labelled = Sequence[tuple[str, int]]


def shared_dir() -> Path:
    """Where the shared data sets live: ``$CLAIM_TRACKER_SHARED_DIR`` or ``<repo>/../shared``."""
    configured = os.environ.get("CLAIM_TRACKER_SHARED_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared"


def load_ct24(path: Path) -> dict[str, list[tuple[str, int]]]:
    """Read the CT24 English TSV: split name -> [(sentence, label)], label 1 = check-worthy."""
    splits: dict[str, list[tuple[str, int]]] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            splits.setdefault(row["split"], []).append((row["sentence"], int(row["label"])))
    return splits


def load_liar_statements(path: Path) -> list[str]:
    """PolitiFact statements from LIAR: each one was fact-checked, so each is check-worthy.

    Only the statement text is read; the label and credit-history columns are not used.
    """
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row["statement"].strip() for row in reader if row["statement"].strip()]


def load_extra(path: Path) -> list[tuple[str, int]]:
    """Editors' decisions as JSON Lines ``{"text": str, "label": 0|1}``."""
    examples = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            text, label = record.get("text"), record.get("label")
            if not isinstance(text, str) or label not in (0, 1):
                raise ValueError(f"{path}:{number}: expected {{'text': str, 'label': 0 or 1}}")
            examples.append((text, int(label)))
    return examples


def feature_matrix(sentences: Sequence[str], spec: FeatureSpec):
    """The scipy CSR matrix of the same hashed features the shipped model scores."""
    from scipy.sparse import csr_matrix

    features = hashed_features(list(sentences), spec)
    return csr_matrix(
        (features.values, (features.rows, features.buckets)),
        shape=(features.n_rows, spec.dimension),
        dtype=np.float64,
    )


def precision_recall_f1(labels: Sequence[int], predicted: Sequence[bool]) -> dict[str, float]:
    labels_array = np.asarray(labels, dtype=bool)
    predicted_array = np.asarray(predicted, dtype=bool)
    true_positives = int(np.sum(labels_array & predicted_array))
    precision = true_positives / max(int(predicted_array.sum()), 1)
    recall = true_positives / max(int(labels_array.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def best_f1_threshold(labels: Sequence[int], probabilities: Sequence[float]) -> float:
    """The probability threshold that maximises F1 of the check-worthy class."""
    labels_array = np.asarray(labels, dtype=bool)
    order = np.argsort(-np.asarray(probabilities), kind="stable")
    sorted_probabilities = np.asarray(probabilities)[order]
    true_positives = np.cumsum(labels_array[order])
    predicted = np.arange(1, len(order) + 1)
    f1 = 2 * true_positives / (predicted + labels_array.sum())
    # Only cut where the probability changes, so ties fall on the same side.
    valid = np.append(sorted_probabilities[1:] < sorted_probabilities[:-1], True)
    best = int(np.argmax(np.where(valid, f1, -1.0)))
    if best + 1 < len(order):
        return float((sorted_probabilities[best] + sorted_probabilities[best + 1]) / 2)
    return float(sorted_probabilities[best])


def fit_platt(raw_scores: np.ndarray, labels: Sequence[int]) -> tuple[float, float]:
    """Slope and intercept mapping raw scores to calibrated log-odds."""
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return 1.0, 0.0
    platt = LogisticRegression(C=1e4, max_iter=1000)
    platt.fit(raw_scores.reshape(-1, 1), np.asarray(labels))
    return float(platt.coef_[0, 0]), float(platt.intercept_[0])


def train_model(
    *,
    train: Sequence[tuple[str, int]],
    dev: Sequence[tuple[str, int]],
    out_dir: Path,
    extra: Sequence[tuple[str, int]] = (),
    extra_weight: float = DEFAULT_EXTRA_WEIGHT,
    spec: FeatureSpec = DEFAULT_SPEC,
    c: float = DEFAULT_C,
    class_weight: str | None = "balanced",
    provenance: dict | None = None,
) -> dict:
    """Fit on ``train`` (+ ``extra``), calibrate and pick the threshold on ``dev``, save.

    Returns the dev metrics at the chosen threshold, with the hyper-parameters used.
    """
    from sklearn.linear_model import LogisticRegression

    texts = [text for text, _ in train] + [text for text, _ in extra]
    labels = np.array([label for _, label in train] + [label for _, label in extra])
    sample_weight = np.concatenate([np.ones(len(train)), np.full(len(extra), extra_weight)])
    if len(set(labels.tolist())) < 2:
        raise ValueError("training needs both check-worthy and not check-worthy sentences")

    classifier = LogisticRegression(C=c, class_weight=class_weight, max_iter=3000)
    classifier.fit(feature_matrix(texts, spec), labels, sample_weight=sample_weight)

    uncalibrated = CheckworthinessModel(
        spec=spec,
        weights=classifier.coef_[0].astype(np.float32),
        bias=float(classifier.intercept_[0]),
        calibration=(1.0, 0.0),
        threshold=0.5,
    )
    dev_labels = [label for _, label in dev]
    calibration = fit_platt(uncalibrated.raw_scores([text for text, _ in dev]), dev_labels)
    hyper_parameters = {
        "model": "logistic regression on hashed word and character n-grams",
        "C": c,
        "class_weight": class_weight,
        "extra_weight": extra_weight,
        "features": spec.to_dict(),
        "calibration": "Platt scaling on dev",
        "threshold": "maximises F1 of the check-worthy class on dev",
    }
    model = CheckworthinessModel(
        spec=spec,
        weights=uncalibrated.weights,
        bias=uncalibrated.bias,
        calibration=calibration,
        threshold=0.5,
        metadata={
            "hyper_parameters": hyper_parameters,
            "provenance": provenance or {},
            "training_examples": len(texts),
        },
    )
    dev_probabilities = model.score([text for text, _ in dev])
    model.threshold = best_f1_threshold(dev_labels, dev_probabilities)
    dev_metrics = precision_recall_f1(dev_labels, [p >= model.threshold for p in dev_probabilities])
    model.metadata["dev_metrics"] = dev_metrics
    path = model.save(Path(out_dir) / MODEL_FILENAME)
    return {
        "path": str(path),
        "threshold": model.threshold,
        "dev": dev_metrics,
        "hyper_parameters": hyper_parameters,
    }


def evaluate(model: CheckworthinessModel, examples: Labelled) -> dict[str, float]:
    """Precision, recall and F1 of the check-worthy class at the model's threshold."""
    probabilities = model.score([text for text, _ in examples])
    return precision_recall_f1(
        [label for _, label in examples], [p >= model.threshold for p in probabilities]
    )


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m claims.detection.training",
        description="Train the check-worthiness model on CT24 (+ editors' decisions).",
    )
    parser.add_argument("--shared-dir", type=Path, default=None, help="shared data directory")
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help='JSON Lines of editors\' decisions {"text": ..., "label": 0|1}; repeatable',
    )
    parser.add_argument("--out", type=Path, default=SHIPPED_MODEL_DIR, help="output directory")
    parser.add_argument("--no-liar", action="store_true", help="leave LIAR statements out")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parse_arguments(argv)
    data_dir = arguments.shared_dir or shared_dir()
    ct24_path = data_dir / CT24_RELATIVE
    if not ct24_path.is_file():
        print(
            f"error: CT24 data not found at {ct24_path} "
            "(set CLAIM_TRACKER_SHARED_DIR or pass --shared-dir)",
            file=sys.stderr,
        )
        return 2
    splits = load_ct24(ct24_path)
    extra: list[tuple[str, int]] = []
    for extra_path in arguments.extra:
        extra.extend(load_extra(extra_path))
    command = "python -m claims.detection.training " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    provenance = {
        "command": command.strip(),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": ["CT24 English train (fit), dev (calibration and threshold)"],
        "editor_decisions": len(extra),
    }
    result = train_model(
        train=splits["train"],
        dev=splits["dev"],
        out_dir=arguments.out,
        extra=extra,
        provenance=provenance,
    )
    model = CheckworthinessModel.load(Path(result["path"]))
    report = {split: evaluate(model, splits[split]) for split in SPLITS if split in splits}
    print(json.dumps({"path": result["path"], "threshold": model.threshold, **report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
