"""A real Celery worker on the configured Redis broker, against the test database."""

import subprocess
import time

import pytest

from articles.models import Article, ArticleStatus
from articles.services import article_create
from tests.workers import running_celery_worker


@pytest.fixture
def celery_worker_process(transactional_db, newsroom):
    with running_celery_worker() as worker:
        yield worker


def _wait_for(predicate, *, timeout: float, worker: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if worker.poll() is not None:
            pytest.fail(f"the worker exited early:\n{worker.stdout.read()}")
        time.sleep(0.2)
    worker.terminate()
    pytest.fail(f"timed out; worker log:\n{worker.communicate(timeout=20)[0]}")


@pytest.mark.worker
def test_a_real_worker_extracts_a_saved_articles_claims(celery_worker_process, sample_article_text):
    article = article_create(title="Arms race in space", body=sample_article_text)
    assert Article.objects.get(pk=article.pk).status in {
        ArticleStatus.PENDING,
        ArticleStatus.PROCESSING,
    }

    _wait_for(
        lambda: Article.objects.get(pk=article.pk).status == ArticleStatus.DONE,
        timeout=90,
        worker=celery_worker_process,
    )
    texts = list(article.claims.values_list("text", flat=True))
    assert any("Space Force" in text for text in texts)
    assert len(texts) == len(set(texts))
    assert article.claims.filter(claimant__name="Foreign Policy").exists()
