import pytest
from django.db import transaction
from django.utils import timezone

from articles.models import Article, ArticleStatus
from articles.services import (
    article_create,
    article_mark_done,
    article_request_extraction,
    article_update,
)
from claims.models import Claim, ClaimStatus
from core.errors import InvalidInput
from tests.factories import ArticleFactory

BODY = (
    "Unemployment in Ohio fell to 3.9 percent in March 2024, the state labor department said.\n\n"
    "Governor Mike DeWine said the state added 42,000 jobs last year."
)


@pytest.mark.django_db
def test_saving_an_article_enqueues_claim_extraction_on_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = article_create(title="Jobs report", body=BODY)
    assert len(callbacks) == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.PENDING

    for callback in callbacks:
        callback()
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.claims.exists()


@pytest.mark.django_db
def test_an_article_saved_in_a_rolled_back_transaction_enqueues_nothing(
    django_capture_on_commit_callbacks,
):
    from django.db import transaction

    def save_then_fail() -> None:
        with transaction.atomic():
            article_create(title="Never saved", body=BODY)
            raise RuntimeError

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        save_then_fail()
    assert callbacks == []
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_resaving_a_changed_body_reextracts_without_duplicating_claims():
    article = article_create(title="Jobs report", body=BODY)
    first = set(article.claims.values_list("text", flat=True))
    assert first

    article_update(article=article, body=BODY + "\n\nThe state budget grew 4 percent in 2023.")
    article.refresh_from_db()
    texts = list(article.claims.values_list("text", flat=True))
    assert article.status == ArticleStatus.DONE
    assert len(texts) == len(set(texts))
    assert first <= set(texts)
    assert any("4 percent in 2023" in text for text in texts)


@pytest.mark.django_db(transaction=True)
def test_resaving_an_unchanged_body_does_nothing():
    article = article_create(title="Jobs report", body=BODY)
    claim_ids = set(article.claims.values_list("id", flat=True))
    processed_at = Article.objects.get(pk=article.pk).processed_at

    article_update(article=article, body=BODY, title="Jobs report (updated headline)")
    article.refresh_from_db()
    assert article.processed_at == processed_at
    assert set(article.claims.values_list("id", flat=True)) == claim_ids


@pytest.mark.django_db(transaction=True)
def test_reextraction_keeps_claims_that_editors_have_triaged(editor):
    article = article_create(title="Jobs report", body=BODY)
    triaged = article.claims.first()
    Claim.objects.filter(pk=triaged.pk).update(status=ClaimStatus.CHECKABLE)

    article_update(
        article=article, body="The governor spoke on Tuesday about nothing in particular."
    )
    assert Claim.objects.filter(pk=triaged.pk, status=ClaimStatus.CHECKABLE).exists()


@pytest.mark.django_db(transaction=True)
def test_rerunning_extraction_on_request_keeps_one_set_of_claims():
    article = article_create(title="Jobs report", body=BODY)
    before = sorted(article.claims.values_list("text", flat=True))
    article_request_extraction(article=article)
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert sorted(article.claims.values_list("text", flat=True)) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "", "body": BODY}, "title"),
        ({"title": "T", "body": "   "}, "body"),
        ({"title": "T", "body": "nul \x00 byte"}, "body"),
        ({"title": "T", "body": BODY, "url": "javascript:alert(1)"}, "url"),
        ({"title": "T", "body": BODY, "url": "ftp://example.org/a"}, "url"),
        ({"title": "x" * 501, "body": BODY}, "title"),
    ],
)
def test_bad_article_input_is_refused_with_the_field_named(fields, field):
    with pytest.raises(InvalidInput) as refused:
        article_create(**fields)
    assert field in refused.value.messages
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_oversized_body_is_refused(settings):
    settings.ARTICLE_MAX_BODY_CHARS = 100
    with pytest.raises(InvalidInput) as refused:
        article_create(title="Long", body="word " * 100)
    assert "body" in refused.value.messages


@pytest.mark.django_db
def test_a_naive_publication_time_is_stored_in_the_newsroom_time_zone():
    article = article_create(
        title="Jobs report", body=BODY, published_at=timezone.datetime(2024, 4, 2, 9, 30)
    )
    assert timezone.is_aware(article.published_at)


@pytest.mark.django_db(transaction=True)
def test_marking_an_article_done_outside_its_row_lock_is_refused():
    article = ArticleFactory(status=ArticleStatus.PROCESSING, extracted_body_hash="")

    with pytest.raises(RuntimeError):
        article_mark_done(article=article, body_hash=article.body_hash)

    article.refresh_from_db()
    assert article.status == ArticleStatus.PROCESSING


@pytest.mark.django_db
def test_an_article_marked_done_says_what_the_editors_should_know():
    article = ArticleFactory(status=ArticleStatus.PROCESSING, extracted_body_hash="")

    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        article_mark_done(article=locked, body_hash=locked.body_hash, note="Some claims left out.")

    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    assert article.status_reason == "Some claims left out."
    assert article.extracted_body_hash == article.body_hash
