"""Articles that arrive as pages: by address (fetched by a task) or as uploaded HTML.

An article submitted by its address is stored first, status "fetching", so nothing is lost
when the broker is down; the fetch task fills in its text from the page and then hands it to
claim extraction. A failed fetch is shown on the article with its reason; failures that may
pass (timeouts, unreachable servers, 5xx answers) are retried by the sweep with backoff.
"""

import contextlib
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.ingest import (
    ExtractedArticle,
    ExtractionError,
    FetchPolicy,
    canonicalise_url,
    extract_article,
    fetch_url,
    next_poll_delay,
)
from articles.ingest.dedupe import body_fingerprint
from articles.models import Article, ArticleAddress, ArticlePage, ArticleStatus
from articles.services.articles import (
    Receipt,
    add_addresses,
    article_receive,
    clean_idempotency_key,
    clean_text,
    clean_url,
    find_existing,
    queue_extraction,
    set_body,
)
from core.errors import InvalidInput
from core.outbound import FetchError

FETCH_TASK = "articles.tasks.fetch_article"


def fetch_policy() -> FetchPolicy:
    """The limits on every article fetch, from settings; private addresses are refused unless
    ARTICLE_FETCH_ALLOW_PRIVATE=1 is set in the environment."""
    return replace(
        FetchPolicy.from_env(),
        connect_timeout=settings.ARTICLE_FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.ARTICLE_FETCH_READ_TIMEOUT,
        total_timeout=settings.ARTICLE_FETCH_TOTAL_TIMEOUT,
        max_bytes=settings.ARTICLE_FETCH_MAX_BYTES,
        max_redirects=settings.ARTICLE_FETCH_MAX_REDIRECTS,
    )


def _fetch_lease() -> datetime:
    """When a fetch that has not reported back by then is enqueued again by the sweep."""
    return timezone.now() + timedelta(seconds=settings.ARTICLE_FETCH_STALE_SECONDS)


def _enqueue_fetch(article_id: int) -> None:
    current_app.tasks[FETCH_TASK].delay_on_commit(article_id)


def article_create_from_url(
    *,
    url: str,
    created_by: Any = None,
    idempotency_key: str = "",
    title: str = "",
    outlet: str = "",
    published_at: datetime | None = None,
    feed_source: Any = None,
    import_batch: Any = None,
) -> Receipt:
    """Store an article by its address and have its page fetched once the save commits.

    An address already stored (however it is spelled: tracking parameters, case, fragment)
    returns the stored article as a duplicate. `title`, `outlet` and `published_at` are what a
    feed announced; the page's own metadata replaces them once fetched.
    """
    url = clean_url(url, required=True)
    title = clean_text(title, field="title", max_length=500, required=False).strip()
    outlet = clean_text(outlet, field="outlet", max_length=200, required=False).strip()
    key = clean_idempotency_key(idempotency_key)
    user = created_by if getattr(created_by, "pk", None) else None
    address = canonicalise_url(url)
    with transaction.atomic():
        existing, matched_by = find_existing(
            created_by=user, idempotency_key=key, addresses=[address], fingerprint=""
        )
        if existing is not None:
            return Receipt(existing, "duplicate", matched_by)
        try:
            with transaction.atomic():
                article = Article.objects.create(
                    title=title,
                    body="",
                    url=url,
                    canonical_url=address,
                    outlet=outlet,
                    published_at=published_at,
                    status=ArticleStatus.FETCHING,
                    next_fetch_at=_fetch_lease(),
                    idempotency_key=key,
                    feed_source=feed_source,
                    import_batch=import_batch,
                    created_by=user,
                )
                ArticleAddress.objects.create(article=article, url=address)
        except IntegrityError:
            existing, matched_by = find_existing(
                created_by=user, idempotency_key=key, addresses=[address], fingerprint=""
            )
            if existing is None:
                raise
            return Receipt(existing, "duplicate", matched_by)
        _enqueue_fetch(article.pk)
    return Receipt(article, "created")


def article_fetch_page(*, article_id: int) -> str:
    """Fetch the page of an article waiting for it and store its text; returns what happened
    ("stored", "duplicate", "unchanged", "failed" or "skipped" when there was nothing to do)."""
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None or article.status != ArticleStatus.FETCHING:
            return "skipped"
        article.fetch_attempts += 1
        article.next_fetch_at = _fetch_lease()
        article.save(update_fields=["fetch_attempts", "next_fetch_at", "updated_at"])
    try:
        fetched = fetch_url(article.url, policy=fetch_policy())
    except FetchError as error:
        _record_fetch_failure(article_id, error)
        return "failed"
    return _store_page(
        article_id,
        html=fetched.body,
        content_type=fetched.content_type or "",
        fetched_url=fetched.url,
        final_url=fetched.final_url,
        etag=fetched.etag or "",
        last_modified=fetched.last_modified or "",
        only_if_fetching=True,
    )


def _record_fetch_failure(article_id: int, error: FetchError) -> None:
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None or article.status != ArticleStatus.FETCHING:
            return
        retry = error.transient and article.fetch_attempts < settings.ARTICLE_FETCH_MAX_ATTEMPTS
        if retry:
            delay = next_poll_delay(
                timedelta(seconds=settings.ARTICLE_FETCH_RETRY_SECONDS), article.fetch_attempts - 1
            )
            article.next_fetch_at = timezone.now() + delay
            then = f"tried {article.fetch_attempts} time(s), trying again in {_minutes(delay)}"
        else:
            article.next_fetch_at = None
            then = (
                f"gave up after {article.fetch_attempts} attempts"
                if error.transient
                else "not retried: fix the address or retry from the admin"
            )
        kind = "temporary" if error.transient else "permanent"
        article.status = ArticleStatus.FAILED
        article.status_reason = f"Could not fetch the page ({kind}): {error.reason}; {then}."[:2000]
        article.fetch_failure_transient = error.transient
        article.save(
            update_fields=[
                "status",
                "status_reason",
                "next_fetch_at",
                "fetch_failure_transient",
                "updated_at",
            ]
        )


def _minutes(delay: timedelta) -> str:
    seconds = int(delay.total_seconds())
    return f"{seconds // 60} min" if seconds >= 60 else f"{seconds} s"


def read_page(html: bytes, *, url: str = "") -> ExtractedArticle:
    """The article in a page; InvalidInput (field "html") when there is none."""
    return _extract(html, url)


def _extract(html: bytes, url: str) -> ExtractedArticle:
    try:
        return extract_article(html, url=url or None)
    except ExtractionError as error:
        raise InvalidInput(str(error), field="html") from error


def _save_page(article: Article, **fields: Any) -> None:
    limits = {"content_type": 200, "fetched_url": 2000, "final_url": 2000, "etag": 500}
    for name, limit in {**limits, "last_modified": 100}.items():
        fields[name] = (fields.get(name) or "")[:limit]
    ArticlePage.objects.update_or_create(article=article, defaults=fields)


def _store_page(article_id: int, *, only_if_fetching: bool, **page: Any) -> str:
    """Extract a page's article and store it on the article (the page is kept either way)."""
    try:
        extracted: ExtractedArticle | None = _extract(page["html"], page["final_url"])
        problem = ""
    except InvalidInput as error:
        extracted, problem = None, error.message
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None or (only_if_fetching and article.status != ArticleStatus.FETCHING):
            return "skipped"
        _save_page(article, **page)
        if extracted is None:
            article.status = ArticleStatus.FAILED
            article.status_reason = f"No article found in the page (permanent): {problem}"[:2000]
            article.fetch_failure_transient = False
            article.next_fetch_at = None
            article.save()
            return "failed"
        try:
            with transaction.atomic():
                return _apply_extracted(article, extracted, final_url=page["final_url"])
        except IntegrityError:
            # The same story, under another address, was stored a moment ago.
            article.refresh_from_db()
            return _apply_extracted(article, extracted, final_url=page["final_url"])


def _same_site(article: Article, url: str) -> bool:
    host = urlsplit(url).netloc
    return any(
        urlsplit(known).netloc == host for known in article.addresses.values_list("url", flat=True)
    )


def _apply_extracted(article: Article, extracted: ExtractedArticle, *, final_url: str) -> str:
    fetched_address = canonicalise_url(final_url or article.url) if final_url or article.url else ""
    declared = canonicalise_url(extracted.canonical_url) if extracted.canonical_url else ""
    own = set(article.addresses.values_list("url", flat=True))
    if declared and declared not in own:
        owner = Article.objects.filter(addresses__url=declared).exclude(pk=article.pk).first()
        if owner is not None and not _same_site(owner, fetched_address):
            # A page may not speak for another site's article by naming its address.
            declared = ""
    addresses = [url for url in (fetched_address, declared) if url]
    fingerprint = body_fingerprint(extracted.body)
    other, matched_by = find_existing(
        created_by=None,
        idempotency_key="",
        addresses=[url for url in addresses if url not in own],
        fingerprint=fingerprint if fingerprint != article.body_fingerprint else "",
    )
    if other is not None and other.pk != article.pk:
        if matched_by == "url" and other.body_fingerprint != fingerprint:
            # The page is a newer version of a stored article: that article takes the new text.
            with contextlib.suppress(InvalidInput):
                _take_text(other, extracted)
                other.save()
        article.duplicate_of = other
        article.status = ArticleStatus.DONE
        article.status_reason = f"Already stored as article {other.pk}."
        article.next_fetch_at = None
        article.fetch_failure_transient = False
        article.save()
        return "duplicate"
    changed = _take_text(article, extracted)
    add_addresses(article, addresses)
    if declared and article.addresses.filter(url=declared).exists():
        article.canonical_url = declared
    article.next_fetch_at = None
    article.fetch_failure_transient = False
    if not changed:
        # Fetched again, same text: the claims already stored stand.
        queue_extraction(article)
    article.save()
    return "stored" if changed else "unchanged"


def _take_text(article: Article, extracted: ExtractedArticle) -> bool:
    """Copy the page's text and metadata onto the article; True when the text changed."""
    body = extracted.body[: settings.ARTICLE_MAX_BODY_CHARS]
    changed = set_body(article, body=body, language=extracted.language)
    if extracted.language and not changed:
        article.language = extracted.language[:8]
    article.title = (extracted.title or article.title or article.url)[:500]
    article.author = (extracted.author or article.author)[:300]
    article.outlet = (extracted.outlet or article.outlet)[:200]
    article.published_at = extracted.published_at or article.published_at
    if changed:
        queue_extraction(article)
    return changed


def article_create_from_page(
    *,
    html: bytes,
    url: str = "",
    created_by: Any = None,
    content_type: str = "text/html",
    extracted: ExtractedArticle | None = None,
) -> Receipt:
    """Store the article found in a saved page (an editor's upload), keeping the HTML.
    Raises InvalidInput (field "html") when the page holds no article. `extracted` is the
    page's article when the caller has already read it (see `read_page`)."""
    url = clean_url(url)
    if extracted is None:
        extracted = _extract(html, url)
    with transaction.atomic():
        receipt = article_receive(
            title=(extracted.title or url or "Untitled page")[:500],
            body=extracted.body[: settings.ARTICLE_MAX_BODY_CHARS],
            url=url or extracted.canonical_url or "",
            outlet=(extracted.outlet or "")[:200],
            author=(extracted.author or "")[:300],
            published_at=extracted.published_at,
            language=extracted.language,
            created_by=created_by,
            also_known_as=(extracted.canonical_url,) if extracted.canonical_url else (),
        )
        if receipt.outcome != "duplicate":
            _save_page(
                receipt.article,
                html=html,
                content_type=content_type,
                fetched_url=url,
                final_url=url,
                etag="",
                last_modified="",
            )
    return receipt


def article_reextract_saved_page(*, article: Article) -> str:
    """Extract the article again from the HTML saved when it was fetched or uploaded (after an
    extractor update, or to undo an edit); its claims follow if the text changes."""
    page = ArticlePage.objects.filter(article=article).first()
    if page is None:
        raise InvalidInput("This article has no saved page to extract from.")
    return _store_page(
        article.pk,
        html=bytes(page.html),
        content_type=page.content_type,
        fetched_url=page.fetched_url,
        final_url=page.final_url or article.url,
        etag=page.etag,
        last_modified=page.last_modified,
        only_if_fetching=False,
    )


def article_request_fetch(*, article: Article) -> Article:
    """Fetch an article's page again: after a failure, or to pick up a corrected story."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not article.url:
            raise InvalidInput("This article has no address to fetch.", field="url")
        article.status = ArticleStatus.FETCHING
        article.status_reason = ""
        article.fetch_attempts = 0
        article.fetch_failure_transient = False
        article.next_fetch_at = _fetch_lease()
        article.save()
        _enqueue_fetch(article.pk)
    return article


def article_sweep_fetches(*, limit: int = 200) -> int:
    """Enqueue the fetches that are due: never enqueued (the broker was down), abandoned by a
    worker that died, or failed for a temporary reason and past their backoff."""
    enqueued = 0
    with transaction.atomic():
        due = (
            Article.objects.needing_fetch()
            .select_for_update(skip_locked=True)
            .order_by("next_fetch_at")[:limit]
        )
        for article in due:
            article.status = ArticleStatus.FETCHING
            article.next_fetch_at = _fetch_lease()
            article.save(update_fields=["status", "next_fetch_at", "updated_at"])
            _enqueue_fetch(article.pk)
            enqueued += 1
    return enqueued
