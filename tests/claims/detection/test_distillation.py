"""The transfer set that teaches the sentence network, and the network's training."""

import random

import numpy as np
import pytest

from claims.detection.distillation import neighbours_of, noised, transfer_set
from claims.detection.features import FeatureSpec, word_tokens

WORDS = ["rose", "fell", "climbed", "dropped", "taxes", "prices", "wages", "costs"]
# Two tight clusters: verbs of change, and things that change.
VECTORS = np.array(
    [[1, 0.1], [1, -0.1], [1, 0.15], [1, -0.12], [0.1, 1], [-0.1, 1], [0.12, 1], [-0.15, 1]],
    dtype=np.float32,
)
VECTORS /= np.linalg.norm(VECTORS, axis=1, keepdims=True)


def test_neighbours_are_the_nearest_words_by_vector():
    neighbours = neighbours_of(["Taxes rose sharply"], (WORDS, VECTORS))
    assert set(neighbours) == {"taxes", "rose"}
    assert set(neighbours["rose"][:3]) == {"fell", "climbed", "dropped"}
    assert set(neighbours["taxes"][:3]) == {"prices", "wages", "costs"}


def test_noised_copies_only_drop_swap_or_cut_words():
    sentence = "Taxes rose by 12 percent while wages fell in 2019 across the state"
    neighbours = neighbours_of([sentence], (WORDS, VECTORS))
    allowed = {w.lower() for w in sentence.split()} | set(WORDS)
    rng = random.Random(3)
    variants = [noised(sentence, neighbours, rng) for _ in range(200)]
    assert all(v and {w.lower() for w in v.split()} <= allowed for v in variants)
    assert len(set(variants)) > 100
    assert any("Prices" in v or "Wages" in v or "Costs" in v for v in variants)


def test_transfer_set_holds_every_real_sentence_and_noised_copies_of_the_labelled():
    labelled = ["Taxes rose by 12 percent in 2019 and wages fell.", "Prices fell last year."]
    unlabelled = ["A fact-checked claim about costs."]
    texts = transfer_set(labelled, unlabelled, (WORDS, VECTORS), copies=3)
    assert texts[:3] == [*labelled, *unlabelled]
    assert 3 < len(texts) <= 3 + 3 * len(labelled)
    assert unlabelled[0] not in texts[3:]


def test_the_same_seed_gives_the_same_transfer_set():
    labelled = ["Taxes rose by 12 percent in 2019 and wages fell across the state."] * 5
    assert transfer_set(labelled, [], (WORDS, VECTORS), seed=4) == transfer_set(
        labelled, [], (WORDS, VECTORS), seed=4
    )


def test_the_trained_network_follows_the_teachers_scores_without_pytorch_at_inference():
    pytest.importorskip("torch", reason="distillation needs PyTorch (the distil extra)")
    from claims.detection.distillation import train_student

    spec = FeatureSpec(lexicon_bits=10)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(1 << spec.lexicon_bits, 8)).astype(np.float32)
    high = [f"Spending rose {n} percent in {2000 + n}." for n in range(40)]
    low = [f"Thank you, {name}, good evening." for name in ("Tom", "Ann", "Bo", "Li") * 10]
    texts = high + low
    targets = np.array([3.0] * len(high) + [-3.0] * len(low), dtype=np.float32)
    network = train_student(texts, targets, vectors, spec, epochs=30)
    logits = network.logits(
        word_tokens(["Spending rose 7 percent in 2031.", "Thank you, Max."], spec)
    )
    assert logits[0] > 1.0 > -1.0 > logits[1]
