"""A running worker scores with a newly promoted detector model, without a restart."""

import subprocess
import time

import pytest

from articles.models import Article, ArticleStatus
from articles.services import article_create
from claims.detection import load_detector
from claims.models import Appearance
from claims.services.learning import detector_promote, detector_retrain
from tests.claims.learning_data import ALMANAC_LINES, ARTICLE_SENTENCES
from tests.claims.test_learning import _decide
from tests.workers import running_celery_worker

# Sentences of the kind editors keep rejecting, which they never decided about.
BEFORE, AFTER = ALMANAC_LINES[84], ALMANAC_LINES[85]
CLAIM_AFTER = "Exports rose 7 percent to 92 billion dollars in 2023, the ministry said."


@pytest.fixture
def worker(transactional_db, newsroom):
    # The worker looks for a new model before every extraction (10 s in production).
    with running_celery_worker({"DETECTOR_RELOAD_SECONDS": "0"}) as process:
        yield process


def _flagged(article: Article, worker: subprocess.Popen) -> list[str]:
    """The sentences the worker flagged: each one appears in the article, as a new claim or
    as a repeat of a claim tracked elsewhere."""
    deadline = time.monotonic() + 120
    while Article.objects.get(pk=article.pk).status != ArticleStatus.DONE:
        if worker.poll() is not None:
            pytest.fail(f"the worker exited:\n{worker.stdout.read()}")
        if time.monotonic() > deadline:
            worker.terminate()
            pytest.fail(f"timed out; worker log:\n{worker.communicate(timeout=20)[0]}")
        time.sleep(0.2)
    return list(Appearance.objects.filter(article=article).values_list("text", flat=True))


@pytest.mark.worker
def test_a_running_worker_scores_with_the_promoted_model(worker, editor):
    assert load_detector().extract(AFTER), "the shipped model flags the sentence"
    before = article_create(title="Budget vote", body=f"{ARTICLE_SENTENCES[0]} {BEFORE}")
    assert BEFORE in _flagged(before, worker)

    _decide(editor, ALMANAC_LINES[:48], checkable=False)
    _decide(
        editor,
        [f"The city spent {n}.5 million dollars on roads in 20{n + 10}." for n in range(12)],
        checkable=True,
    )
    candidate = detector_retrain(actor=editor)
    detector_promote(detector_model=candidate, actor=editor)

    after = article_create(title="Trade figures", body=f"{CLAIM_AFTER} {AFTER}")
    texts = _flagged(after, worker)

    assert worker.poll() is None, "the worker was restarted"
    assert texts == [CLAIM_AFTER]
