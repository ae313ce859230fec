"""Workers killed mid-extraction, the same extraction twice at once, a broker restarted with a
full queue: every article ends with exactly one set of claims."""

import re
import threading
from collections import Counter

import psutil
import pytest
from django.db import connection

from articles.models import Article, ArticleStatus, body_digest
from claims.detection import load_detector
from claims.models import Claim, text_digest
from claims.services import article_extract_claims
from tests.faults.processes import wait_for

pytestmark = pytest.mark.faults

PARAGRAPH = (
    "The city spent $4.2 million on road repairs in 2023, according to the public works "
    "department. Mayor Jane Ortiz said potholes fell by 30 percent last year. "
    "Unemployment in the county rose to 6.1 percent in March, the state labour office said.\n\n"
)

SHORT = "Unemployment in the county rose to {n}.1 percent in March, the labour office said."


def pending_article(title: str, body: str) -> Article:
    """An article as a save leaves it when its task could not be enqueued."""
    return Article.objects.create(
        title=title, body=body, body_hash=body_digest(body), status=ArticleStatus.PENDING
    )


def distinct_claims(body: str) -> int:
    return len({text_digest(claim.text) for claim in load_detector().extract(body)})


def status_of(article: Article) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


def test_an_extraction_killed_mid_run_is_redone_and_stores_one_set_of_claims(services, own_redis):
    # Long enough that the worker is surely still detecting when it is killed.
    body = "".join(f"Section {n}. {PARAGRAPH}" for n in range(4000))
    article = pending_article("A very long council report", body)
    own_redis.start()
    worker = services.worker(pool="prefork", CELERY_BROKER_URL=own_redis.url)
    from config.celery import app

    with app.connection_for_write(own_redis.url) as broker:
        app.send_task(
            "claims.tasks.extract_claims",
            args=(article.pk,),
            queue=services.base_env["CELERY_TASK_DEFAULT_QUEUE"],
            connection=broker,
        )
    wait_for(
        lambda: status_of(article) == ArticleStatus.PROCESSING,
        timeout=30,
        what="the worker to start",
        log=lambda: services.log_of(worker),
        every=0.05,
    )
    children = psutil.Process(worker.pid).children()
    assert len(children) == 1, "one pool process extracts the article"
    children[0].kill()  # SIGKILL, in the middle of detection
    assert not Claim.objects.filter(article=article).exists()

    wait_for(
        lambda: status_of(article) == ArticleStatus.DONE,
        timeout=60,
        what="the redelivered task to finish",
        log=lambda: services.log_of(worker),
    )
    log = services.log_of(worker)
    assert "WorkerLostError" in log or "SIGKILL" in log
    texts = list(Claim.objects.filter(article=article).values_list("text_hash", flat=True))
    assert len(texts) == len(set(texts)) == distinct_claims(body)


def test_a_worker_killed_outright_leaves_the_article_to_the_sweep_after_a_restart(
    services, own_redis
):
    body = "".join(f"Part {n}. {PARAGRAPH}" for n in range(4000))
    article = pending_article("Killed with its worker", body)
    own_redis.start()
    sweep_env = {
        "CELERY_BROKER_URL": own_redis.url,
        "ARTICLE_SWEEP_INTERVAL_SECONDS": "1",
        "ARTICLE_PROCESSING_STALE_SECONDS": "3",
    }
    worker = services.worker(beat=True, **sweep_env)
    wait_for(
        lambda: status_of(article) == ArticleStatus.PROCESSING,
        timeout=30,
        what="the sweep and worker to start",
        log=lambda: services.log_of(worker),
        every=0.05,
    )
    services.kill(worker)  # the whole worker, beat included, with SIGKILL
    assert not Claim.objects.filter(article=article).exists()

    restarted = services.worker(beat=True, **sweep_env)
    wait_for(
        lambda: status_of(article) == ArticleStatus.DONE,
        timeout=60,
        what="the restarted worker to finish",
        log=lambda: services.log_of(restarted),
    )
    texts = list(Claim.objects.filter(article=article).values_list("text_hash", flat=True))
    assert len(texts) == len(set(texts)) == distinct_claims(body)


def test_the_same_extraction_run_twice_at_once_stores_one_set_of_claims(postgres):
    body = "".join(f"Chapter {n}. {PARAGRAPH}" for n in range(200))
    article = pending_article("Twice at once", body)
    start = threading.Barrier(2)
    outcomes, errors = [], []

    def run() -> None:
        try:
            start.wait()
            outcomes.append(article_extract_claims(article_id=article.pk))
        except Exception as error:  # reported below, with the test's failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sum(outcome.ran for outcome in outcomes) == 1, outcomes
    assert status_of(article) == ArticleStatus.DONE
    hashes = list(Claim.objects.filter(article=article).values_list("text_hash", flat=True))
    assert len(hashes) == len(set(hashes)) == distinct_claims(body)


def test_a_thousand_queued_articles_survive_a_broker_restart_and_are_each_extracted_once(
    services, own_redis
):
    articles = Article.objects.bulk_create(
        Article(
            title=f"Queued {n}",
            body=SHORT.format(n=n),
            body_hash=body_digest(SHORT.format(n=n)),
            status=ArticleStatus.PENDING,
        )
        for n in range(1000)
    )
    ids = {article.pk for article in articles}
    queue = services.base_env["CELERY_TASK_DEFAULT_QUEUE"]
    own_redis.start()
    from config.celery import app

    # A thousand saves while no worker runs: a thousand tasks wait in the queue.
    with app.connection_for_write(own_redis.url) as broker:
        for article_id in sorted(ids):
            app.send_task(
                "claims.tasks.extract_claims", args=(article_id,), queue=queue, connection=broker
            )
    assert own_redis.queue_length(queue) == 1000

    # The broker restarts and, keeping nothing on disk, loses the whole queue.
    own_redis.stop()
    own_redis.start()
    assert own_redis.queue_length(queue) == 0

    sweep_env = {"CELERY_BROKER_URL": own_redis.url, "ARTICLE_SWEEP_INTERVAL_SECONDS": "20"}
    workers = [
        services.worker(pool="prefork", beat=True, **sweep_env),
        services.worker(pool="prefork", **sweep_env),
    ]
    wait_for(
        lambda: not Article.objects.filter(pk__in=ids).exclude(status=ArticleStatus.DONE).exists(),
        timeout=240,
        what="every article to be extracted",
        log=lambda: services.log_of(workers[0]),
        every=1,
    )
    ran = Counter()
    for worker in workers:
        for article_id in re.findall(r"'article_id': (\d+), 'ran': True", services.log_of(worker)):
            ran[int(article_id)] += 1
    assert set(ran) == ids, "every article was extracted by a worker"
    assert max(ran.values()) == 1, "no article was extracted twice"
    pairs = list(Claim.objects.filter(article_id__in=ids).values_list("article_id", "text_hash"))
    assert len(pairs) == len(set(pairs)), "no claim is stored twice for an article"
    assert len(pairs) <= len(ids) * distinct_claims(SHORT.format(n=1))
