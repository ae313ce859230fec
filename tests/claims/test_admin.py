import pytest
from django.test import Client

from claims.models import ClaimStatus, VerdictStatus
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def sources_form(*sources: dict) -> dict:
    """The verdict page's source rows as a browser posts them."""
    data = {
        "sources-TOTAL_FORMS": str(len(sources)),
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "50",
    }
    for index, source in enumerate(sources):
        for field in ("url", "title", "publisher", "quote", "accessed_at"):
            data[f"sources-{index}-{field}"] = source.get(field, "")
    return data


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_editors_triage_claims_with_filters_and_search(editor):
    ClaimFactory(text="Crime doubled since 2020.", score=0.95)
    ClaimFactory(text="The bridge cost $4 million.", score=0.55)
    client = _logged_in(editor)
    page = client.get("/admin/claims/claim/?score_band=high")
    assert page.status_code == 200
    assert "Crime doubled" in page.content.decode()
    assert "The bridge cost" not in page.content.decode()
    assert "The bridge cost" in client.get("/admin/claims/claim/?q=bridge").content.decode()
    assert client.get("/admin/claims/claim/?status__exact=new").status_code == 200


def test_an_editor_assigns_claims_in_bulk(editor, reviewer):
    claims = ClaimFactory.create_batch(3)
    client = _logged_in(editor)
    ids = [str(claim.pk) for claim in claims]
    form_page = client.post(
        "/admin/claims/claim/", {"action": "assign_to_reviewer", "_selected_action": ids}
    )
    assert form_page.status_code == 200
    assert reviewer.username in form_page.content.decode()
    client.post(
        "/admin/claims/claim/",
        {
            "action": "assign_to_reviewer",
            "_selected_action": ids,
            "apply": "1",
            "reviewer": reviewer.pk,
            "due_date": "2030-01-15",
        },
    )
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.reviewer, str(claim.due_date)) == (
            ClaimStatus.ASSIGNED,
            reviewer,
            "2030-01-15",
        )


def test_an_editor_marks_claims_not_checkable_in_bulk(editor):
    claim = ClaimFactory()
    _logged_in(editor).post(
        "/admin/claims/claim/", {"action": "mark_not_checkable", "_selected_action": [claim.pk]}
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NOT_CHECKABLE


def test_reviewers_see_only_their_own_claims(editor, reviewer):
    from claims.services import claim_assign

    mine = claim_assign(
        claim=ClaimFactory(text="Mine: taxes rose 3%."), reviewer=reviewer, actor=editor
    )
    claim_assign(
        claim=ClaimFactory(text="Theirs: rents fell 2%."), reviewer=ReviewerFactory(), actor=editor
    )
    ClaimFactory(text="Nobody's: jobs grew.")
    client = _logged_in(reviewer)
    listing = client.get("/admin/claims/claim/").content.decode()
    assert "Mine: taxes" in listing
    assert "Theirs" not in listing
    assert "Nobody" not in listing
    assert client.get(f"/admin/claims/claim/{mine.pk}/verdict/").status_code == 200


def test_a_reviewer_writes_a_verdict_in_the_admin_and_an_editor_publishes_it(editor, reviewer):
    from claims.services import claim_assign

    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    rating_id = (
        __import__("claims.models", fromlist=["Rating"]).Rating.objects.get(slug="half-true").pk
    )
    reviewer_client = _logged_in(reviewer)
    response = reviewer_client.post(
        f"/admin/claims/claim/{claim.pk}/verdict/",
        {
            "rating": rating_id,
            "summary": "Partly right.",
            "explanation": "",
            **sources_form(
                {"url": "https://stats.example.gov/a", "title": "Labour survey"},
                {"url": "https://stats.example.gov/b", "quote": "Rates fell to 4.1%."},
            ),
        },
    )
    assert response.status_code == 302
    assert reviewer_client.post(f"/admin/claims/claim/{claim.pk}/publish/").status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED

    _logged_in(editor).post(f"/admin/claims/claim/{claim.pk}/publish/", {"confirm": "on"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    verdict = claim.verdicts.get(status=VerdictStatus.PUBLISHED)
    assert verdict.rating_label == "Half true"
    assert verdict.sources.count() == 2


def test_a_reviewer_cannot_open_the_verdict_form_of_someone_elses_claim(editor, reviewer):
    from claims.services import claim_assign

    claim = claim_assign(claim=ClaimFactory(), reviewer=ReviewerFactory(), actor=editor)
    assert _logged_in(reviewer).get(f"/admin/claims/claim/{claim.pk}/verdict/").status_code == 404


def test_editors_add_articles_in_the_admin_and_they_get_extracted(
    editor, django_capture_on_commit_callbacks
):
    client = _logged_in(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/articles/article/add/",
            {
                "title": "Jobs",
                "body": "Unemployment fell to 3.9 percent in March, the labor bureau said.",
                "url": "",
                "outlet": "",
                "author": "",
                "published_at_0": "",
                "published_at_1": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    from articles.models import Article

    article = Article.objects.get(title="Jobs")
    assert article.status == "done"
    assert article.created_by == editor


def test_user_supplied_text_renders_escaped_in_the_admin(editor):
    ClaimFactory(
        text="<script>alert('x')</script> rose 5%", article=ArticleFactory(title="<b>bold</b>")
    )
    page = _logged_in(editor).get("/admin/claims/claim/").content.decode()
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;" in page
