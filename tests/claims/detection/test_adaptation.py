"""Teaching the shipped network editors' decisions without replacing it."""

import numpy as np
import pytest

from claims.detection.adaptation import AdaptationError, adapt, evaluate
from claims.detection.checkworthiness import CheckworthinessModel
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
