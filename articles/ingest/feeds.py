"""Turning an outlet's RSS, Atom or sitemap into the list of articles it announces."""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit

import feedparser

from articles.ingest.sitemaps import (
    SITEMAP_NS,
    HostileXMLError,
    parse_sitemap_xml,
    sitemap_url_entries,
)

# A feed that keeps failing is still tried at least once a day, in case it comes back.
MAX_POLL_DELAY = timedelta(hours=24)

_TAGS = re.compile(r"<[^>]+>")


class FeedError(Exception):
    """The document is not a feed or sitemap that can be read."""


@dataclass(frozen=True)
class FeedEntry:
    """One article announced by a feed or sitemap."""

    url: str
    title: str | None
    published_at: datetime | None
    summary: str | None
    guid: str | None


def _plain_text(markup: str | None) -> str | None:
    if not markup:
        return None
    text = " ".join(html.unescape(_TAGS.sub(" ", markup)).split())
    return text or None


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            # feedparser has already converted the time to UTC.
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return None


def _entry_url(entry: feedparser.FeedParserDict, base_url: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [
        link.get("href") for link in entry.get("links", []) if link.get("rel") == "alternate"
    ]
    # RSS items sometimes carry their address only in a permalink <guid>.
    if entry.get("guidislink"):
        candidates.append(entry.get("id"))
    for candidate in candidates:
        if candidate:
            absolute = urljoin(base_url, candidate.strip())
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return None


def _parse_syndication_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise FeedError(f"not an RSS or Atom feed, nor a sitemap{detail}")
    entries = []
    for entry in parsed.entries:
        url = _entry_url(entry, base_url)
        if url is None:
            continue
        entries.append(
            FeedEntry(
                url=url,
                title=_plain_text(entry.get("title")),
                published_at=_entry_time(entry),
                summary=_plain_text(entry.get("summary")),
                guid=entry.get("id") or url,
            )
        )
    return entries


def parse_feed(body: bytes, *, base_url: str) -> list[FeedEntry]:
    """Entries of an RSS 2.0 / Atom feed or a (news) sitemap, relative links made absolute.

    Raises FeedError when the document is none of these; a sitemap index lists sitemaps,
    not articles, and is refused too (see `sitemap_index_locations`).
    """
    try:
        sitemap = parse_sitemap_xml(body)
    except HostileXMLError as error:
        raise FeedError(str(error)) from error
    if sitemap is not None:
        if sitemap.tag == f"{SITEMAP_NS}sitemapindex":
            raise FeedError("this is a sitemap index: fetch the sitemaps it lists instead")
        return [
            FeedEntry(url=url, title=title, published_at=published, summary=None, guid=url)
            for url, title, published in sitemap_url_entries(sitemap, base_url=base_url)
        ]
    return _parse_syndication_feed(body, base_url)


def next_poll_delay(interval: timedelta, consecutive_failures: int) -> timedelta:
    """How long to wait before polling a feed again: the interval, doubled per failure, capped.

    The cap is 24 hours, or the interval itself if that is longer.
    """
    if interval <= timedelta(0):
        raise ValueError(f"poll interval must be positive, got {interval}")
    if consecutive_failures <= 0 or interval >= MAX_POLL_DELAY:
        return interval
    # Past 2**20 doublings the cap is long reached; stopping there avoids overflow.
    return min(interval * 2 ** min(consecutive_failures, 20), MAX_POLL_DELAY)
