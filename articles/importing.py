"""Reading articles from JSON Lines, one line at a time, so one bad line never costs the others.

A line carries an article's title and body, or only its url (and optionally a title), in
which case the page is fetched and its article extracted, like an address given in the API.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.dateparse import parse_datetime

from articles.models import Article
from articles.services import (
    article_create_from_url,
    article_receive,
    import_batch_count,
)
from core.errors import ServiceError

REQUIRED = ("title", "body")
OPTIONAL = ("url", "outlet", "author", "published_at")


class LineError(ValueError):
    pass


@dataclass
class ImportReport:
    imported: list[Article] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _published_at(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise LineError("published_at: use an ISO 8601 date and time, e.g. 2024-05-01T09:30:00Z")
    return parsed


def parse_article_line(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise LineError("each line must be a JSON object")
    missing = [name for name in REQUIRED if not record.get(name)]
    if "body" in missing and record.get("url"):
        # Only an address: the page is fetched for its text.
        missing = []
    if missing:
        raise LineError(f"missing {', '.join(missing)}")
    unknown = set(record) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise LineError(f"unknown field(s): {', '.join(sorted(unknown))}")
    fields = {name: record.get(name) or "" for name in (*REQUIRED, *OPTIONAL[:3])}
    fields["published_at"] = _published_at(record.get("published_at"))
    return fields


def _store(fields: dict[str, Any], *, created_by: Any, batch: Any) -> Article:
    if not fields["body"]:
        return article_create_from_url(
            url=fields["url"],
            title=fields["title"],
            outlet=fields["outlet"],
            published_at=fields["published_at"],
            created_by=created_by,
            import_batch=batch,
        ).article
    return article_receive(**fields, created_by=created_by, import_batch=batch).article


def import_article_lines(
    lines: Iterator[str], *, created_by: Any = None, batch: Any = None
) -> Iterator[tuple[int, Article | None, str]]:
    """Yield (line number, article or None, error message) for every non-blank line, counting
    each on the import batch when one is given."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            fields = parse_article_line(line)
            article = _store(fields, created_by=created_by, batch=batch)
        except LineError as error:
            if batch is not None:
                import_batch_count(batch=batch, failed=1)
            yield number, None, str(error)
        except ServiceError as error:
            if batch is not None:
                import_batch_count(batch=batch, failed=1)
            details = "; ".join(
                f"{name}: {' '.join(messages)}" for name, messages in error.messages.items()
            )
            yield number, None, details or error.message
        else:
            if batch is not None:
                import_batch_count(batch=batch, done=1)
            yield number, article, ""
