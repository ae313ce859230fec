"""Teaching the shipped network editors' decisions without replacing it."""

import itertools

import numpy as np
import pytest

from claims.detection.adaptation import AdaptationError, adapt, evaluate
from claims.detection.checkworthiness import CheckworthinessModel, ModelLoadError
from claims.detection.features import FeatureSpec, hashed_features, word_tokens
from tests.claims.learning_data import ALMANAC_LINES, ARTICLE_SENTENCES


@pytest.fixture(scope="module")
def shipped():
    return CheckworthinessModel.load()


def test_thirty_rejections_stop_unseen_sentences_of_that_kind_being_flagged(shipped):
    taught, unseen = ALMANAC_LINES[::4], [s for i, s in enumerate(ALMANAC_LINES) if i % 4]
    before = sum(shipped.is_checkworthy(unseen))
    assert before >= len(unseen) // 2

    adapted = adapt(shipped, [(text, 0) for text in taught], anchors=ARTICLE_SENTENCES)

    assert sum(adapted.is_checkworthy(unseen)) <= before // 2


def test_teaching_keeps_the_network_and_its_view_of_other_sentences(shipped):
    adapted = adapt(shipped, [(text, 0) for text in ALMANAC_LINES[:30]], anchors=ARTICLE_SENTENCES)

    assert adapted.network is not None
    assert adapted.threshold == shipped.threshold
    assert np.allclose(
        adapted.score(ARTICLE_SENTENCES[:4]), shipped.score(ARTICLE_SENTENCES[:4]), atol=0.15
    )
    assert all(adapted.is_checkworthy(ARTICLE_SENTENCES[:3]))


def test_an_adapted_model_scores_the_same_after_a_trip_through_bytes(shipped):
    adapted = adapt(shipped, [(ALMANAC_LINES[0], 0), (ARTICLE_SENTENCES[0], 1)])

    reloaded = CheckworthinessModel.from_bytes(adapted.to_bytes())

    assert reloaded.correction is not None
    assert reloaded.score(ALMANAC_LINES[:5]) == pytest.approx(adapted.score(ALMANAC_LINES[:5]))
    assert reloaded.metadata["adaptation"]["decisions"] == 2


def test_adapting_without_decisions_is_refused(shipped):
    with pytest.raises(AdaptationError, match="no editors' decisions"):
        adapt(shipped, [])


def test_evaluation_reports_precision_recall_f1_and_agreement(shipped):
    result = evaluate(shipped, [(ARTICLE_SENTENCES[0], 1), (ARTICLE_SENTENCES[6], 0)])

    assert set(result) == {"precision", "recall", "f1", "agreement", "sentences"}
    assert result["sentences"] == 2


def reference_scores(model: CheckworthinessModel, sentences: list[str]) -> np.ndarray:
    """The adapted model's probabilities computed the first way they were: the network (or the
    linear model) on its own tokens, then the correction by a search of its sorted buckets
    for every n-gram of a second, separate featurisation."""
    if model.network is not None:
        raw = model.network.logits(word_tokens(sentences, model.spec))
    else:
        raw = model.linear_raw_scores(sentences)
    correction = model.correction
    assert correction is not None
    features = hashed_features(sentences, model.spec)
    position = np.minimum(
        np.searchsorted(correction.buckets, features.buckets), len(correction.buckets) - 1
    )
    hit = correction.buckets[position] == features.buckets
    taught = np.zeros(features.n_rows, dtype=np.float64)
    np.add.at(
        taught, features.rows, np.where(hit, correction.weights[position] * features.values, 0.0)
    )
    slope, intercept = model.calibration
    return 1.0 / (1.0 + np.exp(-np.clip(slope * (raw + taught) + intercept, -50.0, 50.0)))


# A few hundred sentences of news and of the almanac kind, with the awkward ones.
VARIED_SENTENCES = [
    *ALMANAC_LINES,
    *ARTICLE_SENTENCES,
    *(
        f"{who} said {what} {when}."
        for who, what, when in itertools.product(
            ["Dr. Aiko Tanaka", "The U.S. Treasury", "Mayor Hale", "“We”", "Ça"],
            [
                "unemployment fell to 3.5 percent",
                "sales rose 12% to $3.5 billion",
                "the bridge will reopen",
                "nobody answered",
                "crime has doubled since 2019",
            ],
            ["on Monday", "in March 2024", "last year", "—", ", and then left early"],
        )
    ),
    "",
    "   ",
    "Thank you.",
    '"It will not happen," he said.',
    "Ça coûte 3,5 milliards d'euros — selon l'Élysée.",
    " ".join(f"figure{i % 9} rose" for i in range(90)),
]


def test_an_adapted_model_scores_exactly_as_its_correction_was_defined(shipped):
    decisions = [(text, 0) for text in ALMANAC_LINES[::3]] + [
        (text, 1) for text in VARIED_SENTENCES[128:260:4]
    ]
    adapted = adapt(shipped, decisions, anchors=ARTICLE_SENTENCES)
    assert len(VARIED_SENTENCES) >= 250

    scores = adapted.score(VARIED_SENTENCES)

    assert np.abs(np.array(scores) - reference_scores(adapted, VARIED_SENTENCES)).max() < 1e-9
    # The correction did move these sentences: the comparison is not between two zeros.
    moved = np.abs(np.array(scores) - np.array(shipped.score(VARIED_SENTENCES)))
    assert (moved > 0.01).sum() >= 100


def test_an_adapted_linear_model_scores_exactly_as_its_correction_was_defined():
    spec = FeatureSpec(bits=14, sentence_markers=True, lexicon_bits=10)
    rng = np.random.default_rng(3)
    linear = CheckworthinessModel(
        spec=spec,
        weights=rng.normal(scale=0.1, size=spec.dimension).astype(np.float32),
        bias=-0.2,
        calibration=(1.0, 0.0),
        threshold=0.5,
        lexicon_weights=rng.normal(scale=0.1, size=1 << spec.lexicon_bits).astype(np.float32),
    )
    adapted = adapt(
        linear,
        [(text, 0) for text in ALMANAC_LINES[:40]]
        + [(text, 1) for text in VARIED_SENTENCES[128:200]],
    )

    scores = adapted.score(VARIED_SENTENCES)

    assert np.abs(np.array(scores) - reference_scores(adapted, VARIED_SENTENCES)).max() < 1e-9
    assert adapted.score(ALMANAC_LINES[40:]) < linear.score(ALMANAC_LINES[40:])


def test_a_model_file_with_a_correction_outside_the_feature_space_is_refused(shipped, tmp_path):
    adapted = adapt(shipped, [(ALMANAC_LINES[0], 0), (ARTICLE_SENTENCES[0], 1)])
    path = adapted.save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["correction_buckets"] = arrays["correction_buckets"] + shipped.spec.dimension
    np.savez(path, **arrays)

    with pytest.raises(ModelLoadError, match="outside the feature space"):
        CheckworthinessModel.load(path)
