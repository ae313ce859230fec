"""Saving articles while the broker is down or hung: the save answers, nothing is lost."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from articles.models import Article, ArticleStatus
from claims.detection import load_detector
from claims.models import Claim, text_digest
from tests.faults.processes import SilentServer, wait_for

pytestmark = pytest.mark.faults

BODY = (
    "The city spent $4.2 million on road repairs in 2023, according to the public works "
    "department.\n\nMayor Jane Ortiz said potholes fell by 30 percent last year. "
    "Unemployment in the county rose to 6.1 percent in March, the state labour office said."
)


def expected_claim_count(body: str) -> int:
    return len({text_digest(claim.text) for claim in load_detector().extract(body)})


def post_article(url: str, headers: dict, title: str) -> tuple[int, float, dict]:
    """POST a new article (its own text, so it is no duplicate); (status, seconds, payload)."""
    started = time.monotonic()
    response = requests.post(
        f"{url}/api/articles/",
        json={"title": title, "body": f"{title}. {BODY}", "outlet": "Tribune"},
        headers=headers,
        timeout=30,
    )
    return response.status_code, time.monotonic() - started, response.json()


def test_an_article_saved_while_the_broker_is_down_is_kept_and_extracted_once_it_is_back(
    services, own_redis, editor_token
):
    web = services.web(CELERY_BROKER_URL=own_redis.url, CELERY_BROKER_TIMEOUT="1")
    assert requests.get(f"{web}/healthz", timeout=10).json()["broker"] == "unavailable"

    code, elapsed, payload = post_article(web, editor_token, "Roads and jobs")

    assert code in (201, 202), payload
    assert elapsed < 5, f"the save took {elapsed:.1f} s with the broker down"
    assert Article.objects.get(pk=payload["id"]).status == ArticleStatus.PENDING

    own_redis.start()
    assert requests.get(f"{web}/healthz", timeout=10).status_code == 200
    worker = services.worker(
        beat=True, CELERY_BROKER_URL=own_redis.url, ARTICLE_SWEEP_INTERVAL_SECONDS="1"
    )
    wait_for(
        lambda: Article.objects.get(pk=payload["id"]).status == ArticleStatus.DONE,
        timeout=60,
        what="the sweep to have the article extracted",
        log=lambda: services.log_of(worker),
    )
    time.sleep(3)  # several more sweeps run; none may add a second set of claims
    claims = list(Claim.objects.filter(article_id=payload["id"]).values_list("text", flat=True))
    assert len(claims) == expected_claim_count(f"Roads and jobs. {BODY}") > 0
    assert "extract_claims" in services.log_of(worker)


def test_saves_answer_within_the_socket_timeout_when_the_broker_accepts_but_never_answers(
    services, editor_token
):
    hung = SilentServer()
    try:
        web = services.web(
            CELERY_BROKER_URL=f"redis://127.0.0.1:{hung.port}/0",
            CELERY_BROKER_TIMEOUT="1",
            BROKER_FAILURE_COOLDOWN_SECONDS="2",
        )
        # The first save also loads what a save needs into the fresh process.
        code, elapsed, warm = post_article(web, editor_token, "Hung broker, first save")
        assert code in (201, 202), warm
        assert elapsed < 5, f"the first save took {elapsed:.1f} s with a hung broker"
        time.sleep(2.5)  # the process tries the broker again after the cool-down

        # A save waits out the 1 s socket timeout once, whatever it enqueues...
        code, elapsed, first = post_article(web, editor_token, "Hung broker")
        assert code in (201, 202), first
        assert elapsed < 2.5, f"a save took {elapsed:.1f} s with a 1 s broker timeout"

        # ...and the next ones, more at once than the web process has threads, do not wait on it.
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(
                pool.map(lambda n: post_article(web, editor_token, f"Hung broker {n}"), range(6))
            )
        for code, elapsed, payload in results:
            assert code in (201, 202), payload
            assert elapsed < 1, f"a save took {elapsed:.1f} s with a hung broker"
        results += [(code, elapsed, first), (code, elapsed, warm)]

        started = time.monotonic()
        assert requests.get(f"{web}/api/claims/", timeout=10).status_code == 200
        assert time.monotonic() - started < 2
        saved = Article.objects.filter(pk__in=[payload["id"] for _, _, payload in results])
        assert saved.count() == 8
        assert set(saved.values_list("status", flat=True)) == {ArticleStatus.PENDING}
    finally:
        hung.close()
