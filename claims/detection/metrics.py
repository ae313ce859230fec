"""How a model's decisions are scored against labels.

At run time this compares a newsroom's candidate detector with the model in use
(``adaptation.evaluate``); training reports the same figures.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def precision_recall_f1(labels: ArrayLike, predicted: ArrayLike) -> dict[str, float]:
    """Precision, recall and F1 of the positive (check-worthy) class."""
    labels_array = np.asarray(labels, dtype=bool)
    predicted_array = np.asarray(predicted, dtype=bool)
    true_positives = int(np.sum(labels_array & predicted_array))
    precision = true_positives / max(int(predicted_array.sum()), 1)
    recall = true_positives / max(int(labels_array.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
