"""The article page as a triage desk: the article's text with its claims marked in place, the
next article to triage, why an article has no claims, and its status while it is extracted."""

import pytest
from django.test import Client

from articles.models import ArticleStatus
from claims.models import ClaimStatus
from claims.services import claim_assign
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

BODY = (
    "The mayor spoke on Monday. Unemployment fell to 4.1 percent last year, she said. "
    "Crime rose by 12 percent in 2023, according to the police. The weather was fine."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _claim(article, text: str, **kwargs):
    start = article.body.index(text)
    return ClaimFactory(article=article, text=text, start=start, end=start + len(text), **kwargs)


def test_the_article_page_marks_each_claim_in_the_text_with_its_state_and_score(editor):
    article = ArticleFactory(body=BODY)
    first = _claim(article, "Unemployment fell to 4.1 percent last year", score=0.87)
    second = _claim(
        article, "Crime rose by 12 percent in 2023", status=ClaimStatus.CHECKABLE, score=0.6
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    text = page.split('id="article-text">')[1].split("</div>")[0]
    assert text.startswith("The mayor spoke on Monday. <mark")
    assert (
        f'<mark class="claim-state-new" id="claim-{first.pk}" data-claim="{first.pk}" '
        f'title="New · score 87%"><a href="/admin/claims/claim/{first.pk}/change/">'
        "Unemployment fell to 4.1 percent last year</a></mark>"
    ) in text
    assert f'class="claim-state-checkable" id="claim-{second.pk}"' in text
    assert "The weather was fine." in text
    assert "2 claims, 1 still to triage." in page


def test_a_claim_whose_offsets_are_stale_is_still_found_by_its_text(editor):
    article = ArticleFactory(body=BODY)
    claim = ClaimFactory(article=article, text="Crime rose by 12 percent in 2023", start=0, end=5)
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'id="claim-{claim.pk}"' in page.split('id="article-text">')[1]


def test_the_article_page_links_to_the_next_article_with_untriaged_claims(editor):
    article = ArticleFactory(body=BODY)
    _claim(article, "Crime rose by 12 percent in 2023")
    triaged = ArticleFactory()
    ClaimFactory(article=triaged, status=ClaimStatus.CHECKABLE)
    waiting = ArticleFactory()
    ClaimFactory(article=waiting)
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'<a href="/admin/articles/article/{waiting.pk}/change/" id="next-untriaged">' in page


def test_a_non_english_article_says_why_it_has_no_claims(editor):
    article = ArticleFactory(
        body="Le chômage a baissé de 4 pour cent.",
        language="fr",
        status_reason="language fr not supported by the claim detector",
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "The article is in “fr”, and the claim detector reads only en" in page


def test_a_failed_article_says_why_it_has_no_claims(editor):
    article = ArticleFactory(
        status=ArticleStatus.FAILED, status_reason="Could not fetch the page (permanent): 404"
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Claim extraction failed: Could not fetch the page (permanent): 404." in page


def test_an_article_being_processed_polls_its_status_until_done(editor):
    article = ArticleFactory(status=ArticleStatus.PROCESSING)
    client = _client(editor)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'data-status-url="/admin/articles/article/{article.pk}/status/"' in page
    assert client.get(f"/admin/articles/article/{article.pk}/status/").json() == {
        "status": "processing",
        "status_label": "Processing",
        "status_reason": "",
        "claims": 0,
    }
    ClaimFactory(article=article)
    article.status = ArticleStatus.DONE
    article.save()
    status = client.get(f"/admin/articles/article/{article.pk}/status/").json()
    assert (status["status"], status["claims"]) == ("done", 1)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "data-status-url" not in page


def test_a_reviewer_sees_only_their_own_claims_in_the_article_text(editor, reviewer):
    article = ArticleFactory(body=BODY)
    other = _claim(article, "Crime rose by 12 percent in 2023")
    mine = claim_assign(
        claim=_claim(article, "Unemployment fell to 4.1 percent last year"),
        reviewer=reviewer,
        actor=editor,
    )
    page = _client(reviewer).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'<mark class="claim-state-assigned" id="claim-{mine.pk}"' in page
    assert f'id="claim-{other.pk}"' not in page
