"""Importing published fact-checks (schema.org ClaimReview JSON-LD) as claims with external
verdicts, from this newsroom's archive or a partner's feed.

A file is a JSON array of ClaimReview objects, one object, or JSON Lines (one object a line).
Each record is checked on its own, so one malformed record never costs the others; the
review's url is its identity, so importing a file again changes nothing.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime

from claims.models import Claim, ClaimOrigin, ExternalReview, text_digest
from claims.services.claimants import claimant_resolve
from claims.services.matching import MAX_QUERY_CHARS, match_index_record

BATCH = 500
MAX_URL_CHARS = 2000


class RecordError(ValueError):
    pass


@dataclass(frozen=True)
class ReviewRecord:
    """One ClaimReview, checked and reduced to what the tracker keeps."""

    number: int
    claim_text: str
    url: str
    title: str
    publisher: str
    publisher_url: str
    rating_text: str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    reviewed_on: date | None
    claimant_name: str
    claimed_on: date | None
    appearance_urls: list[str]

    def review_fields(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "publisher_url": self.publisher_url,
            "rating_text": self.rating_text,
            "rating_value": self.rating_value,
            "best_rating": self.best_rating,
            "worst_rating": self.worst_rating,
            "reviewed_on": self.reviewed_on,
            "claimant_name": self.claimant_name,
            "claimed_on": self.claimed_on,
            "appearance_urls": self.appearance_urls,
        }


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def read_records(text: str) -> Iterator[tuple[int, Any]]:
    """(record number, parsed JSON or the parse error) from an array, an object or JSON Lines.

    Records of an array are numbered from 1; records of JSON Lines by their line.
    """
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError as error:
        if stripped.startswith("["):
            yield 1, RecordError(f"the file is not a valid JSON array ({error.msg})")
            return
        whole = None
    else:
        if isinstance(whole, list):
            yield from enumerate(whole, start=1)
            return
        yield 1, whole
        return
    for number, line in enumerate(stripped.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, RecordError(f"not valid JSON ({error.msg} at column {error.colno})")


def _text(value: Any, name: str, *, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or "\x00" in value:
        raise RecordError(f"{name}: must be text")
    value = " ".join(value.split())
    if required and not value:
        raise RecordError(f"{name}: missing")
    if len(value) > limit:
        raise RecordError(f"{name}: longer than {limit} characters")
    return value


def _url(value: Any, name: str, *, required: bool = False) -> str:
    value = _text(value, name, limit=MAX_URL_CHARS, required=required)
    if value:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise RecordError(f"{name}: {value[:100]!r} is not an http or https URL")
    return value


def _date(value: Any, name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            parsed_date = parse_date(value.strip())
            if parsed_date is not None:
                return parsed_date
            parsed = parse_datetime(value.strip())
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed.date()
    raise RecordError(f"{name}: use an ISO 8601 date such as 2024-05-01")


def _number(value: Any, name: str) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise RecordError(f"{name}: must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RecordError(f"{name}: must be a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise RecordError(f"{name}: must be a number")
    return number


def _object(value: Any, name: str) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if isinstance(value, list):
        value = value[0] if value else {}
    if isinstance(value, str):
        return {"name": value}
    if not isinstance(value, dict):
        raise RecordError(f"{name}: must be an object")
    return value


def _appearance_urls(item: dict[str, Any]) -> list[str]:
    urls: list[str] = []
    for key in ("firstAppearance", "appearance"):
        value = item.get(key)
        for entry in value if isinstance(value, list) else [value]:
            if entry in (None, ""):
                continue
            raw = entry.get("url") if isinstance(entry, dict) else entry
            url = _url(raw, f"itemReviewed.{key}.url")
            if url and url not in urls:
                urls.append(url)
    return urls[:50]


def parse_claimreview(number: int, record: Any) -> ReviewRecord:
    if isinstance(record, RecordError):
        raise record
    if not isinstance(record, dict):
        raise RecordError("each record must be a JSON object")
    kind = record.get("@type", "ClaimReview")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" not in kinds:
        raise RecordError(f"@type: expected ClaimReview, got {kind!r}")
    author = _object(record.get("author"), "author")
    rating = _object(record.get("reviewRating"), "reviewRating")
    item = _object(record.get("itemReviewed"), "itemReviewed")
    item_author = _object(item.get("author"), "itemReviewed.author")
    return ReviewRecord(
        number=number,
        claim_text=_text(
            record.get("claimReviewed"), "claimReviewed", limit=MAX_QUERY_CHARS, required=True
        ),
        url=_url(record.get("url"), "url", required=True),
        title=_text(record.get("headline") or record.get("name"), "headline", limit=1000),
        publisher=_text(author.get("name"), "author.name", limit=300),
        publisher_url=_url(author.get("url"), "author.url"),
        rating_text=_text(rating.get("alternateName"), "reviewRating.alternateName", limit=300),
        rating_value=_number(rating.get("ratingValue"), "reviewRating.ratingValue"),
        best_rating=_number(rating.get("bestRating"), "reviewRating.bestRating"),
        worst_rating=_number(rating.get("worstRating"), "reviewRating.worstRating"),
        reviewed_on=_date(record.get("datePublished"), "datePublished"),
        claimant_name=_text(item_author.get("name"), "itemReviewed.author.name", limit=300),
        claimed_on=_date(item.get("datePublished"), "itemReviewed.datePublished"),
        appearance_urls=_appearance_urls(item),
    )


def _claimant(name: str) -> Any:
    return claimant_resolve(name=name) if name else None


def _store_batch(records: list[ReviewRecord], report: ImportReport) -> None:
    latest: dict[str, ReviewRecord] = {}
    for record in records:
        if record.url in latest:
            report.unchanged += 1
        latest[record.url] = record
    with transaction.atomic():
        existing = {
            review.url: review
            for review in ExternalReview.objects.select_related("claim").filter(
                url__in=list(latest)
            )
        }
        changed_claims: set[int] = set()
        fresh: list[ReviewRecord] = []
        for url, record in latest.items():
            review = existing.get(url)
            if review is None:
                fresh.append(record)
                continue
            fields = record.review_fields()
            differs = [name for name, value in fields.items() if getattr(review, name) != value]
            claim = review.claim
            new_text = claim.origin == ClaimOrigin.IMPORTED and claim.text != record.claim_text
            if not differs and not new_text:
                report.unchanged += 1
                continue
            for name in differs:
                setattr(review, name, fields[name])
            if differs:
                review.save(update_fields=[*differs, "updated_at"])
            if new_text:
                claim.text = record.claim_text
                claim.text_hash = text_digest(record.claim_text)
                claim.end = len(record.claim_text)
                claim.save(update_fields=["text", "text_hash", "end", "updated_at"])
            if new_text or "title" in differs:
                changed_claims.add(claim.pk)
            report.updated += 1
        claims = Claim.objects.bulk_create(
            Claim(
                article=None,
                text=record.claim_text,
                text_hash=text_digest(record.claim_text),
                start=0,
                end=len(record.claim_text),
                score=1.0,
                claimant=_claimant(record.claimant_name),
                origin=ClaimOrigin.IMPORTED,
            )
            for record in fresh
        )
        ExternalReview.objects.bulk_create(
            ExternalReview(claim=claim, url=record.url, **record.review_fields())
            for claim, record in zip(claims, fresh, strict=True)
        )
        report.created += len(fresh)
        match_index_record(claim_ids=[*changed_claims, *(claim.pk for claim in claims)])


def claimreviews_import(records: Iterable[tuple[int, Any]]) -> ImportReport:
    """Store each well-formed record (new url: a new claim; known url: updated when changed)
    and report each malformed one by its number; the good ones are kept whatever fails."""
    report = ImportReport()
    batch: list[ReviewRecord] = []
    for number, raw in records:
        try:
            batch.append(parse_claimreview(number, raw))
        except RecordError as error:
            report.errors.append((number, str(error)))
        if len(batch) >= BATCH:
            _store_batch(batch, report)
            batch = []
    if batch:
        _store_batch(batch, report)
    return report
