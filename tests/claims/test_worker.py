"""A real Celery worker on the configured Redis broker, against the test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from articles.models import Article, ArticleStatus
from articles.services import article_create
from config.celery import app

REPO = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db, newsroom):
    if not settings.CELERY_BROKER_URL:
        pytest.skip("no CELERY_BROKER_URL: tasks run in-process (CI sets one)")
    if connection.vendor != "postgresql":
        pytest.skip("a separate worker process needs a shared database server (set DATABASE_URL)")
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    try:
        yield worker
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


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
