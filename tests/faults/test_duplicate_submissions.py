"""Twenty editors' clients send the same article at the same moment: one article is stored."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
import requests

from articles.models import Article

pytestmark = pytest.mark.faults

BODY = "The city spent $4.2 million on road repairs in 2023, the council said."


def post_at_once(url: str, headers: dict, payload: dict, times: int = 20) -> list[int]:
    start = Barrier(times)

    def post(_: int) -> int:
        start.wait()
        return requests.post(
            f"{url}/api/articles/", json=payload, headers=headers, timeout=60
        ).status_code

    with ThreadPoolExecutor(max_workers=times) as pool:
        return list(pool.map(post, range(times)))


@pytest.fixture
def web(services, own_redis):
    own_redis.start()  # tasks are queued; no worker needs to run for this
    return services.web(processes=2, threads=10, CELERY_BROKER_URL=own_redis.url)


def test_twenty_concurrent_posts_of_the_same_address_store_one_article(web, editor_token):
    payload = {
        "title": "Roads",
        "body": BODY,
        "url": "https://example.org/news/roads-2023",
        "outlet": "Tribune",
    }
    codes = post_at_once(web, editor_token, payload)

    assert all(code in (200, 201, 202) for code in codes), codes
    assert Article.objects.count() == 1


def test_twenty_concurrent_posts_with_one_idempotency_key_store_one_article(web, editor_token):
    payload = {"title": "Jobs", "body": f"Unemployment rose to 6.1 percent. {BODY}"}
    headers = {**editor_token, "Idempotency-Key": "4f1c2b9e-submit-once"}
    codes = post_at_once(web, headers, payload)

    assert all(code in (200, 201, 202) for code in codes), codes
    assert Article.objects.count() == 1
