"""Writes to articles. Every way an article arrives (admin, API, import, feed) goes through here.

The same story arriving twice is one article: its addresses (`ArticleAddress`) and its body
fingerprint are unique in the database, so even submissions racing each other end up on one
row; the loser of the race gets the winner's article back as a duplicate.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.ingest import body_fingerprint, canonicalise_url, detect_language
from articles.ingest.text import normalise_text
from articles.models import Article, ArticleAddress, ArticleStatus, body_digest
from core.errors import InvalidInput

EDITABLE_FIELDS = ("title", "body", "url", "outlet", "author", "published_at")

Outcome = Literal["created", "duplicate", "updated"]


@dataclass(frozen=True)
class Receipt:
    """What became of a submitted article: a new row, an existing one, or an existing one
    whose text changed. `matched_by` says how an existing article was recognised."""

    article: Article
    outcome: Outcome
    matched_by: Literal["", "idempotency_key", "url", "body"] = ""

    @property
    def created(self) -> bool:
        return self.outcome == "created"


def unsupported_language_reason(language: str) -> str:
    return f"language {language} not supported by the claim detector"


def clean_text(value: Any, *, field: str, max_length: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("Must be a string.", field=field)
    if "\x00" in value:
        raise InvalidInput("Must not contain NUL characters.", field=field)
    # Every text an article brings in passes here (pages are normalised as they are read).
    value = normalise_text(value)
    if required and not value.strip():
        raise InvalidInput("This field may not be blank.", field=field)
    if len(value) > max_length:
        raise InvalidInput(f"Must be at most {max_length} characters.", field=field)
    return value


def clean_url(value: str | None, *, required: bool = False) -> str:
    url = clean_text(value, field="url", max_length=2000, required=required).strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidInput("Enter an http or https URL.", field="url")
    return url


def clean_idempotency_key(value: str | None) -> str:
    key = (value or "").strip()
    if len(key) > 255:
        raise InvalidInput("Must be at most 255 characters.", field="idempotency_key")
    return key


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
        cleaned["title"] = clean_text(
            fields["title"], field="title", max_length=500, required=True
        ).strip()
    if "body" in fields:
        cleaned["body"] = clean_text(
            fields["body"], field="body", max_length=settings.ARTICLE_MAX_BODY_CHARS, required=True
        )
    if "url" in fields:
        cleaned["url"] = clean_url(fields["url"])
    for name, limit in (("outlet", 200), ("author", 300)):
        if name in fields:
            cleaned[name] = clean_text(
                fields[name], field=name, max_length=limit, required=False
            ).strip()
    if "published_at" in fields:
        cleaned["published_at"] = _clean_published_at(fields["published_at"])
    return cleaned


def _user_or_none(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def queue_extraction(article: Article) -> bool:
    """Decide, for an article whose body or language was just set, whether its claims are
    extracted; sets its status accordingly (the caller saves it) and enqueues the extraction
    once the save commits. Returns whether extraction was enqueued.

    Articles in a language the claim detector does not support are kept and flagged "done"
    with the reason, rather than handed to a detector that would mis-read them.
    """
    if article.language and article.language not in settings.SUPPORTED_LANGUAGES:
        article.status = ArticleStatus.DONE
        article.status_reason = unsupported_language_reason(article.language)
        article.processed_at = timezone.now()
        return False
    if article.extracted_body_hash and article.extracted_body_hash == article.body_hash:
        article.status = ArticleStatus.DONE
        article.status_reason = ""
        return False
    article.status = ArticleStatus.PENDING
    article.status_reason = ""
    current_app.tasks[settings.ARTICLE_PROCESSING_TASK].delay_on_commit(article.pk)
    return True


def add_addresses(article: Article, urls: list[str]) -> None:
    """Record further addresses of the article; one already owned by another article is left
    with that article."""
    for url in dict.fromkeys(url for url in urls if url):
        try:
            with transaction.atomic():
                ArticleAddress.objects.get_or_create(url=url, defaults={"article": article})
        except IntegrityError:
            continue


def find_existing(
    *, created_by: Any, idempotency_key: str, addresses: list[str], fingerprint: str
) -> tuple[Article | None, str]:
    """The stored article a submission repeats, locked, and how it was recognised."""
    locked = Article.objects.select_for_update()
    if idempotency_key and created_by is not None:
        found = locked.filter(created_by=created_by, idempotency_key=idempotency_key).first()
        if found:
            return found, "idempotency_key"
    addresses = [url for url in addresses if url]
    if addresses:
        found = locked.filter(addresses__url__in=addresses).order_by("pk").first()
        if found:
            return found, "url"
    if fingerprint:
        found = locked.filter(body_fingerprint=fingerprint).first()
        if found:
            return found, "body"
    return None, ""


def set_body(article: Article, *, body: str, language: str | None = None) -> bool:
    """Give the article a new body (and its fingerprint and language); True when it changed."""
    fingerprint = body_fingerprint(body)
    digest = body_digest(body)
    if digest == article.body_hash and fingerprint == article.body_fingerprint:
        return False
    other = (
        Article.objects.filter(body_fingerprint=fingerprint).exclude(pk=article.pk).first()
        if fingerprint
        else None
    )
    if other is not None:
        raise InvalidInput(f"Article {other.pk} already has this text.", field="body")
    article.body = body
    article.body_hash = digest
    article.body_fingerprint = fingerprint
    article.language = (language or detect_language(body) or "")[:8]
    # The stored claims stand for the old text; a new run replaces them.
    article.extracted_body_hash = ""
    return True


def article_receive(
    *,
    title: str,
    body: str,
    url: str = "",
    outlet: str = "",
    author: str = "",
    published_at: datetime | None = None,
    language: str | None = None,
    created_by: Any = None,
    idempotency_key: str = "",
    also_known_as: tuple[str, ...] = (),
    import_batch: Any = None,
) -> Receipt:
    """Store an article, or recognise it as one already stored.

    A repeat of an earlier request (same idempotency key), the same address or the same text
    returns the stored article as a duplicate; the same address with a changed text updates
    the stored article, whose claims are then extracted again (triaged claims are kept).
    """
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
    key = clean_idempotency_key(idempotency_key)
    user = _user_or_none(created_by)
    addresses = [canonicalise_url(cleaned["url"]) if cleaned["url"] else ""]
    addresses += [canonicalise_url(other) for other in also_known_as if other]
    fingerprint = body_fingerprint(cleaned["body"])
    with transaction.atomic():
        existing, matched_by = find_existing(
            created_by=user, idempotency_key=key, addresses=addresses, fingerprint=fingerprint
        )
        if existing is None:
            try:
                with transaction.atomic():
                    article = Article.objects.create(
                        **cleaned,
                        canonical_url=addresses[-1] or addresses[0],
                        body_hash=body_digest(cleaned["body"]),
                        body_fingerprint=fingerprint,
                        language=(language or detect_language(cleaned["body"]) or "")[:8],
                        status=ArticleStatus.PENDING,
                        idempotency_key=key,
                        import_batch=import_batch,
                        created_by=user,
                    )
                    for address in dict.fromkeys(url for url in addresses if url):
                        ArticleAddress.objects.create(article=article, url=address)
            except IntegrityError:
                # Another submission of the same article committed first.
                existing, matched_by = find_existing(
                    created_by=user,
                    idempotency_key=key,
                    addresses=addresses,
                    fingerprint=fingerprint,
                )
                if existing is None:
                    raise
            else:
                queue_extraction(article)
                article.save(update_fields=["status", "status_reason", "processed_at"])
                return Receipt(article, "created")
        if matched_by == "url" and existing.body_fingerprint != fingerprint:
            updated = _update_from_submission(existing, cleaned, language)
            if updated is not None:
                return Receipt(updated, "updated", matched_by)
        add_addresses(existing, addresses)
        return Receipt(existing, "duplicate", matched_by)


def _update_from_submission(
    article: Article, cleaned: dict[str, Any], language: str | None
) -> Article | None:
    """A new text for an address already stored: the article is updated and re-extracted.
    None when that text belongs to another article already."""
    try:
        changed = set_body(article, body=cleaned["body"], language=language)
    except InvalidInput:
        return None
    article.title = cleaned["title"]
    for name in ("outlet", "author", "published_at"):
        if cleaned.get(name):
            setattr(article, name, cleaned[name])
    article.duplicate_of = None
    if changed:
        queue_extraction(article)
    article.save()
    return article


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
    """Store an article as pending and have its claims extracted once the save commits.
    An article already stored (same address or text) is returned instead of a copy."""
    return article_receive(
        title=title,
        body=body,
        url=url,
        outlet=outlet,
        author=author,
        published_at=published_at,
        created_by=created_by,
    ).article


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
        if "body" in cleaned:
            needs_extraction = set_body(article, body=cleaned.pop("body"))
        for name, value in cleaned.items():
            if getattr(article, name) != value:
                setattr(article, name, value)
                if name == "published_at":
                    needs_extraction = True
                    article.extracted_body_hash = ""
        if cleaned.get("url"):
            address = canonicalise_url(cleaned["url"])
            add_addresses(article, [address])
            article.canonical_url = article.canonical_url or address
        if needs_extraction:
            queue_extraction(article)
        article.save()
    return article


def article_request_extraction(*, article: Article) -> Article:
    """Extract an article's claims again, as an editor asks after a detector update."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status == ArticleStatus.FETCHING or not article.body:
            raise InvalidInput("The article has no text yet: its page has not been fetched.")
        article.extracted_body_hash = ""
        queue_extraction(article)
        article.save(
            update_fields=[
                "status",
                "status_reason",
                "extracted_body_hash",
                "processed_at",
                "updated_at",
            ]
        )
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


def article_mark_done(*, article: Article, body_hash: str, note: str = "") -> None:
    """Record that the claims of this body are stored; `note` says what the editors should know
    (claims left out over the limit), or clears an earlier run's reason.

    Called with the article's row locked (select_for_update) inside the transaction that stored
    the claims, so the claims and "done" commit together or not at all.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("article_mark_done runs inside the transaction holding the row lock")
    article.status = ArticleStatus.DONE
    article.status_reason = note
    article.extracted_body_hash = body_hash
    article.processed_at = timezone.now()
    article.save(
        update_fields=[
            "status",
            "status_reason",
            "extracted_body_hash",
            "processed_at",
            "updated_at",
        ]
    )


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
