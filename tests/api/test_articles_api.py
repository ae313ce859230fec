import pytest

from articles.models import Article
from tests.factories import PASSWORD, ArticleFactory, UserFactory

BODY = (
    "The city spent $4.2 million on road repairs in 2023, according to the public works "
    "department.\n\nMayor Jane Ortiz said potholes fell by 30 percent last year."
)


@pytest.mark.django_db
def test_a_token_is_issued_for_a_username_and_password(anonymous, editor):
    response = anonymous.post(
        "/api/auth/token/", {"username": editor.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert len(response.json()["token"]) == 40


@pytest.mark.django_db
def test_a_wrong_password_gets_no_token(anonymous, editor):
    response = anonymous.post(
        "/api/auth/token/", {"username": editor.username, "password": "nope"}, format="json"
    )
    assert response.status_code == 400
    assert "token" not in response.json()


@pytest.mark.django_db(transaction=True)
def test_an_editor_posts_an_article_and_gets_its_id_and_status(editor_client):
    response = editor_client.post(
        "/api/articles/", {"title": "Roads", "body": BODY, "outlet": "Tribune"}, format="json"
    )
    assert response.status_code in (201, 202)
    payload = response.json()
    assert payload["status"] in {"pending", "processing", "done"}
    detail = editor_client.get(f"/api/articles/{payload['id']}/").json()
    assert detail["status"] == "done"
    assert detail["claims"], "the article's claims are listed in its detail"
    claim = detail["claims"][0]
    assert BODY[claim["start"] : claim["end"]] == claim["text"]


@pytest.mark.django_db
def test_reviewers_and_anonymous_users_cannot_post_articles(anonymous, reviewer_client):
    assert (
        anonymous.post("/api/articles/", {"title": "T", "body": BODY}, format="json").status_code
        == 401
    )
    assert (
        reviewer_client.post(
            "/api/articles/", {"title": "T", "body": BODY}, format="json"
        ).status_code
        == 403
    )
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_user_without_a_role_cannot_post_articles(newsroom):
    from tests.api.conftest import client_for

    response = client_for(UserFactory()).post(
        "/api/articles/", {"title": "T", "body": BODY}, format="json"
    )
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": BODY}, "title"),
        ({"title": "T"}, "body"),
        ({"title": "T", "body": ""}, "body"),
        ({"title": "T", "body": BODY, "url": "javascript:alert(1)"}, "url"),
        ({"title": "T", "body": BODY, "published_at": "last tuesday"}, "published_at"),
        ({"title": "T", "body": "null \u0000 byte"}, "body"),
    ],
)
def test_bad_article_input_gets_a_400_naming_the_field(editor_client, payload, field):
    response = editor_client.post("/api/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_anyone_can_list_and_read_articles(anonymous):
    article = ArticleFactory()
    listing = anonymous.get("/api/articles/").json()
    assert listing["count"] == 1
    assert anonymous.get(f"/api/articles/{article.pk}/").json()["title"] == article.title
