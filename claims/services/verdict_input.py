"""A verdict's input as the services store it: its sources and its rating."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims.limits import (
    MAX_SOURCE_PUBLISHER_CHARS,
    MAX_SOURCE_QUOTE_CHARS,
    MAX_SOURCE_TITLE_CHARS,
    MAX_SOURCE_URL_CHARS,
    MAX_SOURCES,
)
from claims.models import Rating
from core.errors import InvalidInput


def _clean_accessed_at(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = parse_datetime(value.strip()) or parse_date(value.strip())
        if value is None:
            raise InvalidInput("accessed_at must be an ISO date or date-time.", field="sources")
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if not isinstance(value, datetime):
        raise InvalidInput("accessed_at must be an ISO date or date-time.", field="sources")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if value > timezone.now() + timedelta(days=1):
        raise InvalidInput("A source cannot have been accessed in the future.", field="sources")
    return value


def clean_sources(sources: Iterable[Any]) -> list[dict[str, Any]]:
    """Each source as a row to store: an http(s) URL, its title, publisher, quote and date."""
    if isinstance(sources, str | bytes) or not isinstance(sources, Iterable):
        raise InvalidInput("Give a list of source URLs.", field="sources")
    cleaned = []
    for item in sources:
        entry = dict(item) if isinstance(item, Mapping) else {"url": item}
        url = entry.get("url")
        if not isinstance(url, str) or len(url) > MAX_SOURCE_URL_CHARS:
            raise InvalidInput("Each source needs a URL.", field="sources")
        parts = urlsplit(url.strip())
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InvalidInput(f"{url[:200]!r} is not an http or https URL.", field="sources")
        cleaned.append(
            {
                "url": url.strip(),
                "title": str(entry.get("title") or "")[:MAX_SOURCE_TITLE_CHARS],
                "publisher": str(entry.get("publisher") or "")[:MAX_SOURCE_PUBLISHER_CHARS],
                "quote": str(entry.get("quote") or "")[:MAX_SOURCE_QUOTE_CHARS],
                "accessed_at": _clean_accessed_at(entry.get("accessed_at")),
            }
        )
    if len(cleaned) > MAX_SOURCES:
        raise InvalidInput(f"At most {MAX_SOURCES} sources.", field="sources")
    return cleaned


def rating_on_active_scale(rating: str | Rating) -> Rating:
    """The rating, given as a row or a slug, if it is on the scale new verdicts use."""
    if isinstance(rating, Rating):
        if not Rating.objects.in_default_scale().filter(pk=rating.pk).exists():
            raise InvalidInput(f"{rating.label} is not on the active rating scale.", field="rating")
        return rating
    found = Rating.objects.in_default_scale().filter(slug=rating).first()
    if found is None:
        slugs = ", ".join(Rating.objects.in_default_scale().values_list("slug", flat=True))
        raise InvalidInput(f"Unknown rating {rating!r}; choose one of: {slugs}.", field="rating")
    return found
