"""POST /api/articles/ with only a url, duplicates answered 200, the Idempotency-Key header,
and twenty clients posting the same article at once."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection
from rest_framework.authtoken.models import Token

from articles.models import Article, ArticleStatus
from tests.api.conftest import client_for
from tests.articles.conftest import DREDGING, RENTS
from tests.articles.ingest.test_ingest_extraction import EXPECTED

pytestmark = pytest.mark.django_db(transaction=True)

BODY = (
    "The city spent $4.2 million on road repairs in 2023, according to the public works "
    "department.\n\nMayor Jane Ortiz said potholes fell by 30 percent last year."
)


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.mark.usefixtures("private_addresses_allowed")
def test_posting_only_a_url_stores_the_article_found_on_the_page(editor_client, news_server):
    response = editor_client.post(
        "/api/articles/", {"url": news_server.url(DREDGING)}, format="json"
    )

    assert response.status_code == 201
    payload = response.json()
    assert payload["title"] == EXPECTED[DREDGING]["title"]
    assert payload["author"] == "Eleanor Whitcombe"
    assert payload["canonical_url"] == EXPECTED[DREDGING]["canonical_url"]
    assert payload["language"] == "en"
    assert payload["status"] == "done"
    detail = editor_client.get(f"/api/articles/{payload['id']}/").json()
    assert detail["claims"]


@pytest.mark.usefixtures("private_addresses_refused")
def test_posting_an_internal_address_stores_the_article_with_the_refusal(
    editor_client, news_server
):
    response = editor_client.post(
        "/api/articles/", {"url": news_server.url(DREDGING)}, format="json"
    )

    assert response.status_code == 202
    payload = response.json()
    assert payload["status"] == "failed"
    assert "is a loopback address" in payload["status_reason"]


@pytest.mark.usefixtures("private_addresses_allowed")
def test_posting_the_same_url_again_answers_200_with_the_stored_article(editor_client, news_server):
    first = editor_client.post("/api/articles/", {"url": news_server.url(DREDGING)}, format="json")
    again = editor_client.post(
        "/api/articles/", {"url": news_server.url(DREDGING) + "?utm_source=x"}, format="json"
    )

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["duplicate_of"] == first.json()["id"]
    assert again.json()["matched_by"] == "url"
    assert Article.objects.count() == 1


def test_posting_the_same_text_again_answers_200_naming_the_stored_article(editor_client):
    first = editor_client.post("/api/articles/", {"title": "Roads", "body": BODY}, format="json")
    again = editor_client.post(
        "/api/articles/", {"title": "Roads again", "body": BODY + "  "}, format="json"
    )

    assert first.status_code == 201
    assert again.status_code == 200
    assert (again.json()["duplicate_of"], again.json()["matched_by"]) == (
        first.json()["id"],
        "body",
    )


def test_a_request_repeated_with_its_idempotency_key_stores_one_article(editor_client):
    headers = {"HTTP_IDEMPOTENCY_KEY": "desk-7f3a"}
    first = editor_client.post(
        "/api/articles/", {"title": "Roads", "body": BODY}, format="json", **headers
    )
    again = editor_client.post(
        "/api/articles/", {"title": "Roads", "body": BODY}, format="json", **headers
    )

    assert first.status_code == 201
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["duplicate_of"] == first.json()["id"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "ftp://example.org/story"}, "url"),
        ({"url": "https://example.org/a", "body": BODY}, "title"),
    ],
)
def test_a_post_without_text_or_a_valid_url_gets_a_400_naming_the_field(
    editor_client, payload, field
):
    response = editor_client.post("/api/articles/", payload, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


@pytest.mark.usefixtures("private_addresses_allowed")
def test_articles_are_filtered_by_language(editor_client, news_server):
    for path in (DREDGING, RENTS):
        editor_client.post("/api/articles/", {"url": news_server.url(path)}, format="json")

    french = editor_client.get("/api/articles/?language=fr").json()
    english = editor_client.get("/api/articles/?language=EN").json()

    assert [item["title"] for item in french["results"]] == [EXPECTED[RENTS]["title"]]
    assert french["results"][0]["status_reason"] == (
        "language fr not supported by the claim detector"
    )
    assert [item["title"] for item in english["results"]] == [EXPECTED[DREDGING]["title"]]


def _post_at_once(live_server, token: str, payloads: list[dict], headers: dict) -> list:
    start = threading.Barrier(len(payloads))

    def post(payload: dict) -> requests.Response:
        start.wait(timeout=10)
        return requests.post(
            f"{live_server.url}/api/articles/",
            json=payload,
            headers={"Authorization": f"Token {token}", **headers},
            timeout=60,
        )

    with ThreadPoolExecutor(max_workers=len(payloads)) as pool:
        return list(pool.map(post, payloads))


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (set DATABASE_URL)")


@pytest.mark.usefixtures("postgres_only")
def test_twenty_clients_posting_with_the_same_idempotency_key_at_once_store_one_article(
    live_server, editor
):
    token = Token.objects.create(user=editor).key
    payloads = [{"title": f"Roads, copy {n}", "body": BODY + " " * n} for n in range(20)]

    responses = _post_at_once(live_server, token, payloads, {"Idempotency-Key": "roads-1"})

    statuses = sorted(response.status_code for response in responses)
    assert statuses.count(200) == 19
    assert statuses[-1] in (201, 202)
    assert len({response.json()["id"] for response in responses}) == 1
    assert Article.objects.count() == 1


@pytest.mark.usefixtures("postgres_only", "private_addresses_allowed")
def test_twenty_clients_posting_the_same_url_at_once_store_and_fetch_one_article(
    live_server, editor, news_server
):
    token = Token.objects.create(user=editor).key
    payloads = [{"url": news_server.url(DREDGING) + f"#reader-{n}"} for n in range(20)]

    responses = _post_at_once(live_server, token, payloads, {})

    assert sorted(response.status_code for response in responses)[:19] == [200] * 19
    assert len({response.json()["id"] for response in responses}) == 1
    article = Article.objects.get()
    assert article.status == ArticleStatus.DONE
    assert [path for path, _ in news_server.seen] == [DREDGING]
