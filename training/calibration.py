"""Fitting the calibration and the decision threshold of a check-worthiness model.

Shared by the linear model's training and the network's distillation; needs scikit-learn
for the Platt fit. The product only applies what these choose (``CheckworthinessModel``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike


def best_f1_threshold(labels: ArrayLike, probabilities: ArrayLike) -> float:
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
