"""Feeds and sitemaps that editors register, polled for new articles.

A poll first claims its source: the source row is locked with SKIP LOCKED and its next poll
time pushed forward in one short transaction, so a second worker polling the same source at
the same moment skips it instead of creating the same articles again (and if it did get
through, the unique article addresses would still make each entry one article).
"""

from datetime import timedelta
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles.ingest import FeedError, fetch_url, next_poll_delay, parse_feed
from articles.models import FeedPoll, FeedPollStatus, FeedSource
from articles.services.articles import clean_url
from articles.services.pages import article_create_from_url, fetch_policy
from core.errors import InvalidInput, ServiceError
from core.outbound import FetchError

POLL_TASK = "articles.tasks.poll_feed"


def _clean_source_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(fields)
    if "url" in fields:
        cleaned["url"] = clean_url(fields["url"], required=True)
    if "name" in fields:
        name = (fields["name"] or "").strip()
        if not name:
            raise InvalidInput("This field may not be blank.", field="name")
        cleaned["name"] = name[:200]
    if "outlet" in fields:
        cleaned["outlet"] = (fields["outlet"] or "").strip()[:200]
    if "poll_interval_minutes" in fields:
        minutes = fields["poll_interval_minutes"]
        if not isinstance(minutes, int) or minutes < 1:
            raise InvalidInput(
                "Must be a whole number of minutes, at least 1.", field="poll_interval_minutes"
            )
    return cleaned


def feed_source_create(
    *,
    url: str,
    name: str,
    outlet: str = "",
    poll_interval_minutes: int = 30,
    active: bool = True,
    created_by: Any = None,
) -> FeedSource:
    """Register a feed or sitemap; it is polled at the next beat."""
    cleaned = _clean_source_fields(
        {"url": url, "name": name, "outlet": outlet, "poll_interval_minutes": poll_interval_minutes}
    )
    if FeedSource.objects.filter(url=cleaned["url"]).exists():
        raise InvalidInput("This feed is already registered.", field="url")
    return FeedSource.objects.create(
        **cleaned,
        active=active,
        next_poll_at=timezone.now(),
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )


def feed_source_update(*, source: FeedSource, **fields: Any) -> FeedSource:
    unknown = set(fields) - {"url", "name", "outlet", "poll_interval_minutes", "active"}
    if unknown:
        raise InvalidInput(f"Unknown fields: {', '.join(sorted(unknown))}.")
    cleaned = _clean_source_fields(fields)
    with transaction.atomic():
        source = FeedSource.objects.select_for_update().get(pk=source.pk)
        if cleaned.get("url", source.url) != source.url:
            # A new address has nothing in common with the old one's validators.
            source.etag = source.last_modified = ""
            source.next_poll_at = timezone.now()
        for name, value in cleaned.items():
            setattr(source, name, value)
        source.save()
    return source


def feed_source_request_poll(*, source: FeedSource) -> None:
    """Poll a feed now, whatever its schedule (the admin's "Poll now")."""
    with transaction.atomic():
        FeedSource.objects.filter(pk=source.pk).update(next_poll_at=timezone.now())
        current_app.tasks[POLL_TASK].delay_on_commit(source.pk)


def feed_sources_enqueue_due(*, limit: int = 100) -> int:
    """Enqueue a poll for every active source whose time has come (run by Celery beat)."""
    source_ids = list(
        FeedSource.objects.due().order_by("next_poll_at").values_list("pk", flat=True)[:limit]
    )
    task = current_app.tasks[POLL_TASK]
    for source_id in source_ids:
        task.apply_async(args=(source_id,))
    return len(source_ids)


def _claim(source_id: int) -> FeedSource | None:
    """Take the source for this poll, or None when it is not due or another worker has it."""
    with transaction.atomic():
        source = (
            FeedSource.objects.select_for_update(skip_locked=True)
            .filter(pk=source_id, active=True)
            .first()
        )
        now = timezone.now()
        if source is None or (source.next_poll_at is not None and source.next_poll_at > now):
            return None
        # Until this poll reports, nobody else polls the source.
        source.next_poll_at = now + timedelta(seconds=settings.ARTICLE_FETCH_TOTAL_TIMEOUT * 4)
        source.save(update_fields=["next_poll_at", "updated_at"])
    return source


def _record(source: FeedSource, poll: FeedPoll, **validators: str | None) -> FeedPoll:
    with transaction.atomic():
        locked = FeedSource.objects.select_for_update().get(pk=source.pk)
        now = timezone.now()
        if poll.status == FeedPollStatus.FAILED:
            locked.consecutive_failures += 1
            locked.last_error = poll.error
        else:
            locked.consecutive_failures = 0
            locked.last_error = ""
            for name, value in validators.items():
                if value:
                    setattr(locked, name, value[:500])
        locked.last_polled_at = now
        locked.next_poll_at = now + next_poll_delay(
            locked.poll_interval, locked.consecutive_failures
        )
        locked.save()
        poll.source = locked
        poll.save()
    return poll


def feed_poll(*, source_id: int) -> FeedPoll | None:
    """Poll one source if it is due: a conditional request (ETag / Last-Modified), then an
    article, fetched by its address, for each entry not stored yet. Returns the poll's record,
    or None when the source was not due or another worker was polling it."""
    source = _claim(source_id)
    if source is None:
        return None
    poll = FeedPoll(source=source, polled_at=timezone.now())
    try:
        fetched = fetch_url(
            source.url,
            policy=fetch_policy().for_feeds(),
            etag=source.etag or None,
            last_modified=source.last_modified or None,
        )
        if fetched.not_modified:
            poll.status = FeedPollStatus.NOT_MODIFIED
            return _record(source, poll, etag=fetched.etag, last_modified=fetched.last_modified)
        entries = parse_feed(fetched.body, base_url=fetched.final_url)
    except (FetchError, FeedError) as error:
        poll.status = FeedPollStatus.FAILED
        poll.error = getattr(error, "reason", None) or str(error)
        return _record(source, poll)
    poll.status = FeedPollStatus.NEW_ENTRIES
    poll.entries_seen = len(entries)
    problems = []
    for entry in entries[: settings.FEED_MAX_ENTRIES_PER_POLL]:
        try:
            receipt = article_create_from_url(
                url=entry.url,
                title=entry.title or "",
                outlet=source.outlet,
                published_at=entry.published_at,
                feed_source=source,
            )
        except ServiceError as error:
            problems.append(f"{entry.url}: {error.message}")
            continue
        poll.new_entries += receipt.created
    poll.error = "\n".join(problems)[:2000]
    return _record(source, poll, etag=fetched.etag, last_modified=fetched.last_modified)
