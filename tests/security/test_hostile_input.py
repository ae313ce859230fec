"""Hostile requests get a clear 400 or 413 and change nothing that is stored."""

import json

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import Claimant
from claims.services import claim_assign, verdict_draft, verdict_publish
from tests.api.conftest import client_for
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

BODY = "The city spent $4.2 million on road repairs in 2023, the council said."
SCRIPT = "<script>alert('owned')</script>"


def post_json(client, url: str, raw: bytes | str, **extra):
    return client.generic("POST", url, raw, content_type="application/json", **extra)


@pytest.fixture
def stored(db):
    """Something already stored, which no bad request may change."""
    article = ArticleFactory(title="Stored before the attack")
    return {"articles": Article.objects.count(), "title": article.title, "pk": article.pk}


def assert_nothing_changed(stored: dict) -> None:
    assert Article.objects.count() == stored["articles"]
    assert Article.objects.get(pk=stored["pk"]).title == stored["title"]


@pytest.mark.django_db
def test_a_body_over_the_size_limit_is_refused_with_413_before_it_is_read(
    editor_client, stored, settings
):
    oversized = json.dumps({"title": "Big", "body": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE)})
    response = post_json(editor_client, "/api/articles/", oversized)
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert_nothing_changed(stored)


@pytest.mark.django_db
def test_an_article_longer_than_the_documented_limit_is_refused_with_400(
    editor_client, stored, settings
):
    body = "The council met. " * (settings.ARTICLE_MAX_BODY_CHARS // 17 + 1)
    assert settings.ARTICLE_MAX_BODY_CHARS < len(body) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = editor_client.post("/api/articles/", {"title": "Long", "body": body}, format="json")
    assert response.status_code == 400
    assert "body" in response.json()
    assert_nothing_changed(stored)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "body", "outlet", "author"])
def test_nul_characters_in_an_article_are_refused(editor_client, stored, field):
    fields = {"title": "Roads", "body": BODY, field: "before\u0000after"}
    response = editor_client.post("/api/articles/", fields, format="json")
    assert response.status_code == 400
    assert_nothing_changed(stored)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["/api/articles/?outlet=%00", "/api/claims/?claimant=a%00b", "/api/claims/?status=%00"],
)
def test_nul_characters_in_a_query_are_refused(anonymous, stored, address):
    response = anonymous.get(address)
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


@pytest.mark.django_db
def test_nul_characters_in_a_login_are_refused(anonymous, editor):
    response = anonymous.post(
        "/api/auth/token/", {"username": "editor\u0000", "password": "x"}, format="json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_body_that_is_not_utf8_is_refused(editor_client, stored):
    raw = b'{"title": "caf\xe9 \xff\xfe", "body": "The council met."}'
    response = post_json(editor_client, "/api/articles/", raw)
    assert response.status_code == 400
    assert_nothing_changed(stored)


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_refused(editor_client, stored, depth):
    raw = '{"title": "Deep", "body": ' + "[" * depth + "]" * depth + "}"
    response = post_json(editor_client, "/api/articles/", raw)
    assert response.status_code == 400
    assert "nested" in response.json()["detail"]
    assert_nothing_changed(stored)


@pytest.mark.django_db(transaction=True)
def test_a_megabyte_long_sentence_is_stored_and_extracted_without_stalling(editor_client, newsroom):
    sentence = "The council said spending rose " + "and rose " * 120_000 + "by 4 percent."
    response = editor_client.post(
        "/api/articles/", {"title": "Run-on", "body": sentence}, format="json"
    )
    assert response.status_code in (201, 202), response.content[:300]
    article = Article.objects.get(pk=response.json()["id"])
    assert article.body == sentence
    assert article.status == "done"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
    ],
)
def test_article_addresses_that_are_not_http_are_refused(editor_client, stored, url):
    response = editor_client.post(
        "/api/articles/", {"title": "Links", "body": BODY, "url": url}, format="json"
    )
    assert response.status_code == 400
    assert "url" in response.json()
    assert_nothing_changed(stored)


@pytest.mark.django_db
def test_verdict_sources_that_are_not_http_are_refused(editor, reviewer):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    response = client_for(reviewer).post(
        f"/api/claims/{claim.pk}/verdict/",
        {"rating": "true", "summary": "Checked.", "sources": ["javascript:alert(1)"]},
        format="json",
    )
    assert response.status_code == 400
    assert not claim.verdicts.exists()


@pytest.mark.django_db
def test_markup_in_an_article_is_stored_as_text_and_returned_verbatim(editor_client):
    response = editor_client.post(
        "/api/articles/",
        {"title": SCRIPT, "body": f"{SCRIPT} {BODY}", "author": "<b>Ann</b>"},
        format="json",
    )
    assert response.status_code in (201, 202)
    stored = Article.objects.get(pk=response.json()["id"])
    assert stored.title == SCRIPT
    assert stored.author == "<b>Ann</b>"
    assert editor_client.get(f"/api/articles/{stored.pk}/").json()["title"] == SCRIPT


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "page_size=" + "1" + "0" * 30,
        "page_size=-5",
        "page_size=abc",
        "page=-1",
        "page=0",
        "page=" + "9" * 40,
        "page=abc",
        "cursor=forged%3D%3D",
        "offset=-10&limit=-1",
        "min_score=nan",
        "min_score=1e999",
        "article=-1",
        "article=" + "9" * 40,
    ],
)
def test_absurd_pagination_and_filters_get_a_client_error_never_a_server_error(
    anonymous, query, settings
):
    ClaimFactory.create_batch(3)
    response = anonymous.get(f"/api/claims/?{query}")
    assert response.status_code in (200, 400, 404), response.content[:300]
    if response.status_code == 200:
        assert len(response.json()["results"]) <= settings.API_MAX_PAGE_SIZE


@pytest.mark.django_db
def test_every_user_supplied_string_renders_escaped_in_the_admin(editor, reviewer, client):
    article = ArticleFactory(title=SCRIPT, url="https://example.org/?q=<script>", author=SCRIPT)
    claimant = Claimant.objects.create(name=SCRIPT, normalized_name="script-claimant")
    claim = ClaimFactory(article=article, text=f"{SCRIPT} said crime fell.", claimant=claimant)
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    verdict_draft(
        claim=claim,
        actor=reviewer,
        rating="true",
        summary=SCRIPT,
        explanation=SCRIPT,
        sources=[{"url": "https://example.org/a", "title": SCRIPT, "publisher": SCRIPT}],
    )
    # Published, so the claim has its public page, with the verdict's texts on it too.
    verdict_publish(claim=claim, actor=editor)
    client.force_login(UserFactory(username="root", is_superuser=True))
    pages = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:claims_claim_changelist"),
        reverse("admin:claims_claim_change", args=[claim.pk]),
        reverse("admin:claims_claimant_changelist"),
        reverse("admin:claims_claimant_change", args=[claimant.pk]),
        f"/claims/{claim.pk}/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert SCRIPT not in html, page
        assert "<script>alert" not in html, page
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in changelist
