"""Anonymous reads are limited per client address, counted in Redis; keys keep their own limits."""

import os
import socket
import threading
import time

import pytest
from django.core.cache import caches
from django.urls import URLResolver, get_resolver
from rest_framework.settings import api_settings
from rest_framework.test import APIRequestFactory

from claims.api.matching import ClaimMatchView
from consumers.services import api_key_create
from core.api.throttling import FixedWindowThrottle
from core.broker import broker_circuit
from tests.api.conftest import client_for
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

# A Redis database of its own, so that the counts never meet the broker's or other tests'
# (RATE_LIMIT_TEST_REDIS_URL picks another when several checkouts share one Redis).
REDIS_URL = os.environ.get("RATE_LIMIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def redis_counts(settings):
    import redis

    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL}")
    server.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "read-limit-test",
        }
    }
    yield server
    server.flushdb()


def _from(address: str):
    client = client_for()
    client.defaults["REMOTE_ADDR"] = address
    return client


def test_an_anonymous_client_over_the_limit_gets_429_with_retry_after(redis_counts, settings):
    settings.API_ANON_READ_RATE = "3/min"
    ClaimFactory()
    reader = _from("203.0.113.7")
    assert [reader.get("/api/claims/").status_code for _ in range(3)] == [200, 200, 200]
    refused = reader.get("/api/claims/?cursor=")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"]
    # Another address has its own allowance.
    assert _from("198.51.100.20").get("/api/claims/").status_code == 200


def test_the_count_lives_in_redis_so_every_web_process_shares_it(redis_counts, settings):
    settings.API_ANON_READ_RATE = "2/min"
    reader = _from("203.0.113.8")
    assert reader.get("/api/verdicts/").status_code == 200
    caches.close_all()  # as if the next requests reached another web process
    assert reader.get("/api/claimants/").status_code == 200
    assert reader.get("/api/rating-scales/").status_code == 429
    assert list(redis_counts.scan_iter(match="*anon-read*"))


def test_a_count_ends_with_its_window(redis_counts, settings):
    settings.API_ANON_READ_RATE = "5/min"
    reader = _from("203.0.113.12")
    assert [reader.get("/api/ratings/").status_code for _ in range(2)] == [200, 200]
    [key] = redis_counts.scan_iter(match="*anon-read*")
    assert int(redis_counts.get(key)) == 2
    # Left behind, a count would hold the address to an old window's requests.
    assert 0 < redis_counts.ttl(key) <= 65


def test_api_keys_and_staff_are_not_held_to_the_anonymous_limit(redis_counts, settings, editor):
    settings.API_ANON_READ_RATE = "1/min"
    _, raw_key = api_key_create(name="Partner", created_by=editor, rate_limit_per_minute=2)
    consumer = _from("203.0.113.9")
    consumer.credentials(HTTP_X_API_KEY=raw_key)
    staff = client_for(editor)
    staff.defaults["REMOTE_ADDR"] = "203.0.113.9"
    assert _from("203.0.113.9").get("/api/claims/").status_code == 200
    assert _from("203.0.113.9").get("/api/claims/").status_code == 429
    assert [consumer.get("/api/claims/").status_code for _ in range(3)] == [200, 200, 429]
    assert [staff.get("/api/claims/").status_code for _ in range(3)] == [200, 200, 200]


def test_an_empty_rate_turns_the_anonymous_limit_off(redis_counts, settings):
    settings.API_ANON_READ_RATE = ""
    reader = _from("203.0.113.10")
    assert {reader.get("/api/ratings/").status_code for _ in range(5)} == {200}


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(redis_counts, settings):
    settings.API_ANON_READ_RATE = "1/min"
    spoofer = _from("192.0.2.1")
    assert spoofer.get("/api/ratings/", HTTP_X_FORWARDED_FOR="10.0.0.1").status_code == 200
    # Without a trusted proxy, a made-up X-Forwarded-For does not buy a new allowance.
    assert spoofer.get("/api/ratings/", HTTP_X_FORWARDED_FOR="10.0.0.2").status_code == 429

    settings.TRUSTED_PROXY_COUNT = 1
    proxy = _from("192.0.2.2")
    assert proxy.get("/api/ratings/", HTTP_X_FORWARDED_FOR="10.0.0.3").status_code == 200
    assert proxy.get("/api/ratings/", HTTP_X_FORWARDED_FOR="10.0.0.4").status_code == 200
    assert proxy.get("/api/ratings/", HTTP_X_FORWARDED_FOR="10.0.0.4").status_code == 429


def test_the_match_limit_ignores_a_made_up_forwarded_address(redis_counts, settings):
    settings.CLAIM_MATCH_ANON_RATE = "2/min"
    settings.TRUSTED_PROXY_COUNT = 0
    spoofer = _from("192.0.2.30")
    answers = [
        spoofer.get("/api/claims/match/?text=roads", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        for n in range(4)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 429, 429]
    assert 1 <= int(answers[-1].headers["Retry-After"]) <= 60


def test_the_match_limit_counts_the_address_the_trusted_proxy_saw(redis_counts, settings):
    settings.CLAIM_MATCH_ANON_RATE = "1/min"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = _from("192.0.2.31")
    assert (
        proxy.get("/api/claims/match/?text=a", HTTP_X_FORWARDED_FOR="10.0.0.5").status_code == 200
    )
    assert (
        proxy.get("/api/claims/match/?text=a", HTTP_X_FORWARDED_FOR="10.0.0.6").status_code == 200
    )
    assert (
        proxy.get("/api/claims/match/?text=a", HTTP_X_FORWARDED_FOR="10.0.0.6").status_code == 429
    )


def test_sixteen_parallel_lookups_get_exactly_the_allowance(redis_counts, settings):
    settings.CLAIM_MATCH_ANON_RATE = "5/min"
    factory = APIRequestFactory()
    start = threading.Barrier(16)
    allowed: list[bool] = []

    def lookup() -> None:
        view = ClaimMatchView()
        request = view.initialize_request(
            factory.get("/api/claims/match/?text=roads", REMOTE_ADDR="192.0.2.32")
        )
        throttles = [throttle() for throttle in ClaimMatchView.throttle_classes]
        start.wait()
        allowed.append(all(t.allow_request(request, view) for t in throttles))
        caches.close_all()

    threads = [threading.Thread(target=lookup) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(allowed) == 16
    assert sum(allowed) == 5


def test_every_api_rate_limit_counts_in_the_one_shared_window_counter():
    def callbacks(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from callbacks(pattern.url_patterns)
            else:
                yield pattern.callback

    throttles = set(api_settings.DEFAULT_THROTTLE_CLASSES)
    for view in callbacks(get_resolver().url_patterns):
        cls = getattr(view, "cls", None)
        if cls is not None:
            throttles.update(cls.throttle_classes)
    apart = sorted(t.__name__ for t in throttles if not issubclass(t, FixedWindowThrottle))
    assert not apart, f"These rate limits keep their own counter: {apart}"


@pytest.fixture
def unreachable_cache(settings):
    with socket.socket() as probe:  # a port with nothing listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/7",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    broker_circuit.reset()
    yield
    broker_circuit.reset()


def test_reads_stay_available_when_redis_is_down(unreachable_cache, settings):
    settings.API_ANON_READ_RATE = "1/min"
    reader = _from("203.0.113.11")
    started = time.monotonic()
    assert [reader.get("/api/claims/").status_code for _ in range(5)] == [200] * 5
    assert time.monotonic() - started < 5
    # After the first failure the cache is left alone for the cool-down.
    assert broker_circuit.is_open()


def test_api_key_reads_stay_available_when_redis_is_down(unreachable_cache, editor):
    _, raw_key = api_key_create(name="Partner", created_by=editor, rate_limit_per_minute=1)
    consumer = _from("203.0.113.13")
    consumer.credentials(HTTP_X_API_KEY=raw_key)
    started = time.monotonic()
    assert [consumer.get("/api/claims/").status_code for _ in range(3)] == [200] * 3
    assert time.monotonic() - started < 5
    assert broker_circuit.is_open()
