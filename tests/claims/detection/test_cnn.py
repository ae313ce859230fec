"""The sentence network scores what a plain, one-sentence-at-a-time reading would score."""

import numpy as np
import pytest

from claims.detection.checkworthiness import CheckworthinessModel, ModelLoadError
from claims.detection.cnn import MAX_TOKENS, SentenceCNN
from claims.detection.features import FeatureSpec, word_tokens

SPEC = FeatureSpec(lexicon_bits=10)
WIDTHS = (1, 2, 3)


def random_network(seed: int = 0, filters: int = 7, dimension: int = 5) -> SentenceCNN:
    rng = np.random.default_rng(seed)
    inputs = dimension + 2
    vectors = rng.normal(size=(1 << SPEC.lexicon_bits, dimension)).astype(np.float32)
    vectors[::3] = 0.0  # slots without a word vector
    return SentenceCNN(
        vectors=vectors,
        widths=WIDTHS,
        conv_weights=[rng.normal(size=(filters, inputs, w)).astype(np.float32) for w in WIDTHS],
        conv_biases=[rng.normal(size=filters).astype(np.float32) for _ in WIDTHS],
        hidden_weights=rng.normal(size=(4, filters * len(WIDTHS) + inputs)).astype(np.float32),
        hidden_bias=rng.normal(size=4).astype(np.float32),
        output_weights=rng.normal(size=4).astype(np.float32),
        output_bias=0.3,
    )


def reference_logit(network: SentenceCNN, sentence: str) -> float:
    """Convolution written out window by window, for one sentence: the definition."""
    tokens = word_tokens([sentence], SPEC)
    words = np.column_stack([network.vectors[tokens.slots], tokens.capitalised, tokens.number])[
        :MAX_TOKENS
    ]
    pooled = []
    for width, weights, bias in zip(
        network.widths, network.conv_weights, network.conv_biases, strict=True
    ):
        padded = np.vstack(
            [np.zeros((width - 1, words.shape[1])), words, np.zeros((width - 1, words.shape[1]))]
        )
        windows = len(words) + width - 1
        if windows == 0:
            pooled.append(np.zeros(len(bias)))
            continue
        responses = [
            np.einsum("fdw,wd->f", weights, padded[t : t + width]) + bias for t in range(windows)
        ]
        pooled.append(np.maximum(np.max(responses, axis=0), 0.0))
    mean = words.mean(axis=0) if len(words) else np.zeros(words.shape[1])
    hidden = np.maximum(
        network.hidden_weights @ np.concatenate([*pooled, mean]) + network.hidden_bias, 0
    )
    return float(hidden @ network.output_weights + network.output_bias)


SENTENCES = [
    "Unemployment fell to 3.5 percent in 2019, the Labor Department said.",
    "Thank you.",
    "",
    "—",
    "Yes",
    "The U.S. Senate voted 52 to 48 on Jan. 5 to confirm Sen. Smith as Secretary of State.",
    " ".join(f"word{i % 7}" for i in range(MAX_TOKENS + 25)),
]


def test_batch_scores_equal_the_window_by_window_definition():
    network = random_network()
    logits = network.logits(word_tokens(SENTENCES, SPEC))
    expected = [reference_logit(network, sentence) for sentence in SENTENCES]
    assert logits == pytest.approx(expected, rel=1e-4, abs=1e-4)


def test_a_sentence_scores_the_same_alone_and_among_sentences_of_other_lengths():
    network = random_network(seed=1)
    many = [f"Sentence number {i} says " + "very " * (i % 40) + "much." for i in range(150)]
    together = network.logits(word_tokens(many, SPEC))
    alone = [network.logits(word_tokens([sentence], SPEC))[0] for sentence in many[::17]]
    assert together[::17] == pytest.approx(alone, rel=1e-5, abs=1e-5)


def test_words_past_the_cut_do_not_change_the_score():
    network = random_network(seed=2)
    base = " ".join(f"w{i}" for i in range(MAX_TOKENS))
    short, long = network.logits(word_tokens([base, base + " and then some more words"], SPEC))
    assert short == pytest.approx(long)


def test_mismatched_shapes_are_refused():
    network = random_network()
    with pytest.raises(ValueError, match="width 2"):
        SentenceCNN(
            vectors=network.vectors,
            widths=WIDTHS,
            conv_weights=[
                network.conv_weights[0],
                network.conv_weights[0],
                network.conv_weights[2],
            ],
            conv_biases=network.conv_biases,
            hidden_weights=network.hidden_weights,
            hidden_bias=network.hidden_bias,
            output_weights=network.output_weights,
            output_bias=0.0,
        )


def model_with_network(network: SentenceCNN) -> CheckworthinessModel:
    return CheckworthinessModel(
        spec=SPEC,
        weights=np.zeros(SPEC.dimension, dtype=np.float32),
        bias=0.0,
        calibration=(0.8, -0.2),
        threshold=0.4,
        lexicon_weights=np.zeros(1 << SPEC.lexicon_bits, dtype=np.float32),
        network=network,
    )


def test_a_model_with_a_network_scores_with_it_and_saves_and_loads(tmp_path):
    network = random_network()
    model = model_with_network(network)
    expected = 1 / (1 + np.exp(-(0.8 * network.logits(word_tokens(SENTENCES, SPEC)) - 0.2)))
    assert model.score(SENTENCES) == pytest.approx(expected)

    loaded = CheckworthinessModel.load(model.save(tmp_path / "model.npz"))
    assert loaded.network is not None
    # Word vectors are stored at half precision; the scores barely move.
    assert loaded.score(SENTENCES) == pytest.approx(model.score(SENTENCES), abs=2e-3)


def test_a_network_with_a_slot_outside_the_lexicon_is_refused(tmp_path):
    path = model_with_network(random_network()).save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["cnn_vector_slots"] = arrays["cnn_vector_slots"] + (1 << SPEC.lexicon_bits)
    np.savez(path, **arrays)
    with pytest.raises(ModelLoadError, match="network"):
        CheckworthinessModel.load(path)


def test_a_network_with_missing_filters_is_refused(tmp_path):
    path = model_with_network(random_network()).save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files if name != "cnn_conv2_weights"}
    np.savez(path, **arrays)
    with pytest.raises(ModelLoadError):
        CheckworthinessModel.load(path)


def test_a_linear_model_of_the_first_file_format_still_loads(tmp_path):
    linear = CheckworthinessModel(
        spec=SPEC,
        weights=np.linspace(-1, 1, SPEC.dimension, dtype=np.float32),
        bias=0.1,
        calibration=(1.0, 0.0),
        threshold=0.5,
        lexicon_weights=np.zeros(1 << SPEC.lexicon_bits, dtype=np.float32),
    )
    path = linear.save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    metadata = arrays["metadata"].item().replace('"format_version": 2', '"format_version": 1')
    arrays["metadata"] = np.array(metadata)
    np.savez(path, **arrays)
    loaded = CheckworthinessModel.load(path)
    assert loaded.network is None
    assert loaded.score(SENTENCES) == pytest.approx(linear.score(SENTENCES))
