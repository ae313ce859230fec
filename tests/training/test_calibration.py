import numpy as np
import pytest

from claims.detection.metrics import precision_recall_f1
from training.calibration import best_f1_threshold, fit_platt

pytest.importorskip("sklearn", reason="calibration needs the 'train' extra (scikit-learn)")


def test_threshold_falls_between_the_last_claim_kept_and_the_first_left_out():
    labels = [1, 1, 0, 1, 0, 0]
    probabilities = [0.9, 0.8, 0.7, 0.6, 0.3, 0.1]

    threshold = best_f1_threshold(labels, probabilities)

    assert threshold == pytest.approx(0.45)
    kept = [p >= threshold for p in probabilities]
    assert precision_recall_f1(labels, kept) == pytest.approx(
        {"precision": 0.75, "recall": 1.0, "f1": 6 / 7}
    )


def test_sentences_with_the_same_score_are_kept_or_left_out_together():
    # Cutting between the two 0.5s would give a perfect F1, but no threshold can do that.
    labels = [1, 1, 0, 0]
    probabilities = [0.9, 0.5, 0.5, 0.2]

    threshold = best_f1_threshold(labels, probabilities)

    assert [p >= threshold for p in probabilities] == [True, True, True, False]


def test_calibration_maps_higher_scores_to_higher_probabilities():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 400)
    scores = labels * 2.0 + rng.normal(0, 1, 400)

    slope, intercept = fit_platt(scores, list(labels))

    assert slope > 0
    assert 1 / (1 + np.exp(-(slope * 3 + intercept))) > 0.9


def test_one_class_alone_leaves_scores_uncalibrated():
    assert fit_platt(np.array([0.1, 0.4]), [1, 1]) == (1.0, 0.0)


def test_no_predicted_claims_scores_zero_rather_than_failing():
    assert precision_recall_f1([1, 0], [False, False]) == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
