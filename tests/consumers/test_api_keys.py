"""Named API keys: created by editors, shown once, revocable, each with its own rate limit."""

import pytest

from consumers.models import ApiKey
from consumers.services import api_key_create, api_key_revoke
from core.errors import NotPermitted
from tests.api.conftest import client_for
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _consumer(raw_key: str, *, header: str = "x-api-key"):
    client = client_for()
    if header == "authorization":
        client.credentials(HTTP_AUTHORIZATION=f"Api-Key {raw_key}")
    else:
        client.credentials(HTTP_X_API_KEY=raw_key)
    return client


def test_the_key_is_stored_only_as_a_digest(editor):
    api_key, raw_key = api_key_create(name="Fact-Check Insights", created_by=editor)
    stored = ApiKey.objects.get(pk=api_key.pk)
    assert raw_key.startswith(f"ct_{stored.prefix}_")
    secret = raw_key.split("_", 2)[2]
    assert secret not in stored.secret_digest
    assert secret not in str(ApiKey.objects.filter(pk=api_key.pk).values().first())


def test_a_key_reads_the_api_in_either_header_and_its_use_is_recorded(editor):
    ClaimFactory()
    api_key, raw_key = api_key_create(name="Partner", created_by=editor)
    for header in ("x-api-key", "authorization"):
        assert _consumer(raw_key, header=header).get("/api/claims/").status_code == 200
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


def test_an_unknown_or_revoked_key_is_refused(editor):
    api_key, raw_key = api_key_create(name="Partner", created_by=editor)
    assert _consumer(raw_key + "x").get("/api/claims/").status_code == 401
    assert _consumer("ct_nothing_here").get("/api/claims/").status_code == 401
    api_key_revoke(api_key=api_key, actor=editor)
    refused = _consumer(raw_key).get("/api/claims/")
    assert refused.status_code == 401
    assert refused.json() == {"detail": "Unknown or revoked API key."}


def test_only_editors_create_or_revoke_keys(reviewer, editor):
    with pytest.raises(NotPermitted):
        api_key_create(name="Sneaky", created_by=reviewer)
    api_key, _ = api_key_create(name="Partner", created_by=editor)
    with pytest.raises(NotPermitted):
        api_key_revoke(api_key=api_key, actor=reviewer)


def test_each_key_has_its_own_rate_limit_and_gets_429_with_retry_after(editor):
    _, tight = api_key_create(name="Scraper", created_by=editor, rate_limit_per_minute=3)
    _, roomy = api_key_create(name="Newsroom app", created_by=editor, rate_limit_per_minute=100)
    limited = _consumer(tight)
    assert [limited.get("/api/ratings/").status_code for _ in range(3)] == [200, 200, 200]
    refused = limited.get("/api/ratings/")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert _consumer(roomy).get("/api/ratings/").status_code == 200
    assert client_for().get("/api/ratings/").status_code == 200


def test_editors_create_a_key_in_the_admin_and_see_it_once(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/consumers/apikey/add/",
        {"name": "Fact Check Explorer", "rate_limit_per_minute": 120},
        follow=True,
    )
    assert response.status_code == 200
    api_key = ApiKey.objects.get(name="Fact Check Explorer")
    shown = [str(message) for message in response.context["messages"]]
    raw_key = next(word for message in shown for word in message.split() if word.startswith("ct_"))
    assert _consumer(raw_key).get("/api/claims/").status_code == 200
    page = client.get(f"/admin/consumers/apikey/{api_key.pk}/change/").content.decode()
    assert raw_key not in page
