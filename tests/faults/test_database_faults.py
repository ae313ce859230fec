"""The database goes away for a moment: requests fail fast with 503, then the site recovers."""

import time

import pytest
import requests

from tests.factories import ClaimFactory
from tests.faults.processes import TcpProxy, database_url, wait_for

pytestmark = pytest.mark.faults


def timed_get(url: str, **kwargs) -> tuple[int, float]:
    started = time.monotonic()
    response = requests.get(url, timeout=30, **kwargs)
    return response.status_code, time.monotonic() - started


def test_requests_fail_fast_with_503_while_the_database_is_cut_and_recover_by_themselves(
    services, postgres, editor_token
):
    claim = ClaimFactory()
    article = claim.article
    proxy = TcpProxy(int(postgres["PORT"] or 5432))
    web = services.web(
        DATABASE_URL=database_url(postgres, port=proxy.port),
        DATABASE_CONNECT_TIMEOUT="2",
        DATABASE_CONN_MAX_AGE="600",
    )
    pages = [
        f"{web}/api/articles/{article.pk}/",
        f"{web}/api/claims/",
        f"{web}/healthz",
        f"{web}/",
    ]
    for page in pages:
        assert timed_get(page)[0] == 200, page
    assert timed_get(f"{web}/api/articles/", headers=editor_token)[0] == 200

    proxy.cut()
    try:
        for page in pages:
            code, elapsed = timed_get(page)
            assert code == 503, page
            assert elapsed < 3, f"{page} took {elapsed:.1f} s to fail"
        code, elapsed = timed_get(f"{web}/api/articles/", headers=editor_token)
        assert code == 503
        assert elapsed < 3
    finally:
        proxy.restore()

    wait_for(
        lambda: timed_get(pages[0])[0] == 200,
        timeout=10,
        what="the site to answer again",
        log=lambda: services.log_of(services.processes[0][0]),
    )
    for page in pages:
        assert timed_get(page)[0] == 200, page
    assert timed_get(f"{web}/api/articles/", headers=editor_token)[0] == 200
