"""Object- and function-level authorization: nobody reads another's draft, nobody acts on a
claim that is not theirs, and fields a client may not set are ignored."""

import pytest

from articles.models import Article, ArticleStatus
from claims.models import ClaimStatus, VerdictStatus
from claims.services import claim_assign, verdict_draft
from tests.api.conftest import client_for
from tests.factories import ClaimFactory, ReviewerFactory

DRAFT = "Draft finding: the figure is wrong, do not publish yet"
BODY = "The city spent $4.2 million on road repairs in 2023, the council said."


@pytest.fixture
def drafted(editor, reviewer):
    claim = ClaimFactory()
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary=DRAFT, explanation=DRAFT)
    return claim


@pytest.mark.django_db
def test_nobody_but_the_newsroom_reads_a_draft_verdict(drafted, reader, anonymous):
    other_reviewer = ReviewerFactory()
    for client in (anonymous, client_for(reader), client_for(other_reviewer)):
        for page in (
            f"/api/claims/{drafted.pk}/",
            "/api/claims/",
            f"/api/articles/{drafted.article_id}/",
        ):
            response = client.get(page)
            assert response.status_code == 200, page
            assert DRAFT not in response.content.decode(), page
        # Not yet a fact-check: no public page to read it on.
        for page in (f"/claims/{drafted.pk}/", f"/api/claims/{drafted.pk}/claimreview/"):
            response = client.get(page)
            assert response.status_code == 404, page
            assert DRAFT not in response.content.decode(), page


@pytest.mark.django_db
def test_a_reviewer_cannot_draft_a_verdict_on_a_claim_assigned_to_someone_else(drafted):
    intruder = client_for(ReviewerFactory())
    response = intruder.post(
        f"/api/claims/{drafted.pk}/verdict/",
        {"rating": "true", "summary": "Overwritten by an intruder."},
        format="json",
    )
    assert response.status_code == 403
    verdict = drafted.verdicts.get()
    assert verdict.summary == DRAFT
    assert verdict.rating.slug == "false"


@pytest.mark.django_db
def test_reviewers_and_readers_cannot_assign_publish_or_post_articles(drafted, reader, reviewer):
    for user in (reviewer, reader):
        client = client_for(user)
        assert (
            client.post(
                f"/api/claims/{drafted.pk}/assign/", {"reviewer": user.username}, format="json"
            ).status_code
            == 403
        )
        assert client.post(f"/api/claims/{drafted.pk}/verdict/publish/").status_code == 403
        assert (
            client.post("/api/articles/", {"title": "T", "body": BODY}, format="json").status_code
            == 403
        )
    drafted.refresh_from_db()
    assert drafted.status == ClaimStatus.DRAFTED
    assert drafted.verdicts.get().status == VerdictStatus.DRAFT


@pytest.mark.django_db
def test_anonymous_users_cannot_write_anything(drafted, anonymous):
    for url in (
        "/api/articles/",
        f"/api/claims/{drafted.pk}/assign/",
        f"/api/claims/{drafted.pk}/verdict/",
        f"/api/claims/{drafted.pk}/verdict/publish/",
    ):
        assert anonymous.post(url, {}, format="json").status_code == 401, url


@pytest.mark.django_db(transaction=True)
def test_an_article_post_cannot_set_its_id_status_or_creator(editor_client, editor, reviewer):
    response = editor_client.post(
        "/api/articles/",
        {
            "id": 987654,
            "title": "Roads",
            "body": BODY,
            "status": ArticleStatus.FAILED,
            "status_reason": "forged",
            "created_by": reviewer.pk,
            "body_hash": "0" * 64,
            "extracted_body_hash": "0" * 64,
        },
        format="json",
    )
    assert response.status_code in (201, 202, 400)
    if response.status_code == 400:
        assert not Article.objects.exists()
        return
    article = Article.objects.get(pk=response.json()["id"])
    assert article.pk != 987654
    assert article.status != ArticleStatus.FAILED
    assert article.status_reason == ""
    assert article.created_by == editor
    assert article.body_hash != "0" * 64


@pytest.mark.django_db
def test_a_verdict_post_cannot_publish_itself_or_name_another_author(drafted, reviewer, editor):
    response = client_for(reviewer).post(
        f"/api/claims/{drafted.pk}/verdict/",
        {
            "rating": "true",
            "summary": "Rewritten.",
            "status": VerdictStatus.PUBLISHED,
            "author": editor.pk,
            "reviewer": editor.username,
            "id": 424242,
            "published_by": editor.pk,
        },
        format="json",
    )
    assert response.status_code in (201, 400)
    drafted.refresh_from_db()
    assert drafted.status == ClaimStatus.DRAFTED
    assert drafted.reviewer == reviewer
    verdict = drafted.verdicts.get()
    assert verdict.status == VerdictStatus.DRAFT
    assert verdict.author == reviewer
    assert verdict.pk != 424242
    assert verdict.published_by is None


@pytest.mark.django_db
def test_an_assignment_cannot_set_the_claims_status_or_id(editor_client, reviewer):
    claim = ClaimFactory()
    response = editor_client.post(
        f"/api/claims/{claim.pk}/assign/",
        {"reviewer": reviewer.username, "status": ClaimStatus.PUBLISHED, "id": 31337},
        format="json",
    )
    assert response.status_code in (200, 400)
    claim.refresh_from_db()
    assert claim.status in {ClaimStatus.ASSIGNED, ClaimStatus.NEW}
    assert claim.status != ClaimStatus.PUBLISHED
    assert not type(claim).objects.filter(pk=31337).exists()
