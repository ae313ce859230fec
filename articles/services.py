"""Writes to articles. Every way an article arrives (admin, API, import) goes through here."""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.errors import InvalidInput
from articles.models import Article, ArticleStatus, body_digest

EDITABLE_FIELDS = ("title", "body", "url", "outlet", "author", "published_at")


def _clean_text(value: Any, *, field: str, max_length: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("Must be a string.", field=field)
    if "\x00" in value:
        raise InvalidInput("Must not contain NUL characters.", field=field)
    if required and not value.strip():
        raise InvalidInput("This field may not be blank.", field=field)
    if len(value) > max_length:
        raise InvalidInput(f"Must be at most {max_length} characters.", field=field)
    return value


def _clean_url(value: str | None) -> str:
    url = _clean_text(value, field="url", max_length=2000, required=False).strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidInput("Enter an http or https URL.", field="url")
    return url


def _clean_published_at(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise InvalidInput("Must be a date and time.", field="published_at")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return value


def article_clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate article fields as every service here does; raises InvalidInput naming the field."""
    cleaned: dict[str, Any] = {}
    if "title" in fields:
        cleaned["title"] = _clean_text(
            fields["title"], field="title", max_length=500, required=True
        ).strip()
    if "body" in fields:
        cleaned["body"] = _clean_text(
            fields["body"], field="body", max_length=settings.ARTICLE_MAX_BODY_CHARS, required=True
        )
    if "url" in fields:
        cleaned["url"] = _clean_url(fields["url"])
    for name, limit in (("outlet", 200), ("author", 300)):
        if name in fields:
            cleaned[name] = _clean_text(
                fields[name], field=name, max_length=limit, required=False
            ).strip()
    if "published_at" in fields:
        cleaned["published_at"] = _clean_published_at(fields["published_at"])
    return cleaned


def _enqueue_processing(article_id: int) -> None:
    current_app.tasks[settings.ARTICLE_PROCESSING_TASK].delay_on_commit(article_id)


def article_create(
    *,
    title: str,
    body: str,
    url: str = "",
    outlet: str = "",
    author: str = "",
    published_at: datetime | None = None,
    created_by: Any = None,
) -> Article:
    """Store an article as pending and have its claims extracted once the save commits."""
    cleaned = article_clean_fields(
        {
            "title": title,
            "body": body,
            "url": url,
            "outlet": outlet,
            "author": author,
            "published_at": published_at,
        }
    )
    with transaction.atomic():
        article = Article.objects.create(
            **cleaned,
            body_hash=body_digest(cleaned["body"]),
            status=ArticleStatus.PENDING,
            created_by=created_by if getattr(created_by, "pk", None) else None,
        )
        _enqueue_processing(article.pk)
    return article


def article_update(*, article: Article, **fields: Any) -> Article:
    """Change an article. A changed body or publication date is extracted again; an
    unchanged one is not."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"Unknown fields: {', '.join(sorted(unknown))}.")
    cleaned = article_clean_fields(fields)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        needs_extraction = False
        for name, value in cleaned.items():
            if getattr(article, name) != value:
                setattr(article, name, value)
                needs_extraction = needs_extraction or name in {"body", "published_at"}
        if needs_extraction:
            article.body_hash = body_digest(article.body)
            # The stored claims stand for the old text; a new run replaces them.
            article.extracted_body_hash = ""
            article.status = ArticleStatus.PENDING
            article.status_reason = ""
        article.save()
        if needs_extraction:
            _enqueue_processing(article.pk)
    return article


def article_request_extraction(*, article: Article) -> Article:
    """Extract an article's claims again, as an editor asks after a detector update."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        article.status = ArticleStatus.PENDING
        article.status_reason = ""
        article.extracted_body_hash = ""
        article.save(update_fields=["status", "status_reason", "extracted_body_hash", "updated_at"])
        _enqueue_processing(article.pk)
    return article


def article_mark_processing(*, article_id: int) -> Article | None:
    """Record that a worker has started on the article; None when it no longer exists."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return None
        if (
            article.status == ArticleStatus.DONE
            and article.extracted_body_hash == article.body_hash
        ):
            return article
        article.status = ArticleStatus.PROCESSING
        article.status_reason = ""
        article.processing_started_at = timezone.now()
        article.save(
            update_fields=["status", "status_reason", "processing_started_at", "updated_at"]
        )
    return article


def article_mark_failed(*, article_id: int, body_hash: str, reason: str) -> None:
    """Record why extraction failed, unless the body has changed since (a new run is due then)."""
    Article.objects.filter(pk=article_id, body_hash=body_hash).update(
        status=ArticleStatus.FAILED,
        status_reason=reason[:2000],
        updated_at=timezone.now(),
    )


def article_sweep_pending(*, limit: int = 500) -> int:
    """Enqueue extraction for articles still pending (the broker was down at save time, or a
    worker died mid-run). Returns how many were enqueued."""
    article_ids = list(
        Article.objects.needing_extraction()
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    task = current_app.tasks[settings.ARTICLE_PROCESSING_TASK]
    for article_id in article_ids:
        task.apply_async(args=(article_id,))
    return len(article_ids)
