"""Teaching the shipped network editors' decisions without replacing it."""

import itertools

import numpy as np
import pytest

from claims.detection.adaptation import AdaptationError, adapt, evaluate
from claims.detection.checkworthiness import CheckworthinessModel

NAMES = [
    "Mayor Dana Whitcomb",
    "Senator Paul Hale",
    "The airline",
    "Governor Ruth Blake",
    "The union",
    "Coach Len Ortiz",
    "The hospital trust",
    "Director Sam Ivers",
]
WAYS = [
    "did not respond to a request for comment",
    "did not return a call seeking comment",
    "did not reply to messages seeking comment",
    "could not be reached for comment",
]
DAYS = ["on Monday", "on Tuesday", "late on Friday", "by publication time"]
NO_COMMENT = [f"{n} {w} {d}." for n, w, d in itertools.product(NAMES, WAYS, DAYS)]
# Sentences of the newsroom's articles nobody decided about: the model should keep its view.
ARTICLE_SENTENCES = [
    "Unemployment fell to 4.1 percent in March, the lowest level since 2019.",
    "The council approved a budget of 214 million dollars by seven votes to two.",
    "The company said sales rose 12 percent to 3.5 billion dollars last year.",
    "Crime in the city has doubled since the mayor took office, Hale said.",
    "It was a sunny afternoon and the crowd was in good spirits.",
    "The minister arrived at the building shortly after nine.",
    "Read more about our coverage of the election.",
    "What happens next is anyone's guess.",
]


@pytest.fixture(scope="module")
def shipped():
    return CheckworthinessModel.load()


def test_thirty_rejections_stop_unseen_sentences_of_that_kind_being_flagged(shipped):
    taught, unseen = NO_COMMENT[::4], [s for i, s in enumerate(NO_COMMENT) if i % 4]
    before = sum(shipped.is_checkworthy(unseen))
    assert before >= len(unseen) // 2

    adapted = adapt(shipped, [(text, 0) for text in taught], anchors=ARTICLE_SENTENCES)

    assert sum(adapted.is_checkworthy(unseen)) <= before // 2


def test_teaching_keeps_the_network_and_its_view_of_other_sentences(shipped):
    adapted = adapt(shipped, [(text, 0) for text in NO_COMMENT[:30]], anchors=ARTICLE_SENTENCES)

    assert adapted.network is not None
    assert adapted.threshold == shipped.threshold
    assert np.allclose(
        adapted.score(ARTICLE_SENTENCES[:4]), shipped.score(ARTICLE_SENTENCES[:4]), atol=0.15
    )
    assert all(adapted.is_checkworthy(ARTICLE_SENTENCES[:3]))


def test_an_adapted_model_scores_the_same_after_a_trip_through_bytes(shipped):
    adapted = adapt(shipped, [(NO_COMMENT[0], 0), (ARTICLE_SENTENCES[0], 1)])

    reloaded = CheckworthinessModel.from_bytes(adapted.to_bytes())

    assert reloaded.correction is not None
    assert reloaded.score(NO_COMMENT[:5]) == pytest.approx(adapted.score(NO_COMMENT[:5]))
    assert reloaded.metadata["adaptation"]["decisions"] == 2


def test_adapting_without_decisions_is_refused(shipped):
    with pytest.raises(AdaptationError, match="no editors' decisions"):
        adapt(shipped, [])


def test_evaluation_reports_precision_recall_f1_and_agreement(shipped):
    result = evaluate(shipped, [(ARTICLE_SENTENCES[0], 1), (ARTICLE_SENTENCES[6], 0)])

    assert set(result) == {"precision", "recall", "f1", "agreement", "sentences"}
    assert result["sentences"] == 2
