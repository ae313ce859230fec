"""Turning an article's body into stored claims, idempotently."""

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction

from articles.models import Article, ArticleStatus
from articles.services import article_mark_done, article_mark_failed, article_mark_processing
from claims import events
from claims.detection import DetectedClaim, DetectionTimeout
from claims.detector import current_detector
from claims.models import Claimant, text_digest
from claims.services.claimants import claimant_resolve
from claims.services.matching import article_store_claims, known_claims_for_article

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtractionOutcome:
    article_id: int
    ran: bool
    created: int = 0
    updated: int = 0
    removed: int = 0
    # New sentences stored as appearances of claims tracked elsewhere, and possible repeats
    # filed for editors to decide.
    appeared: int = 0
    suggested: int = 0
    reason: str = ""


def truncation_reason(*, limit: int, found: int) -> str:
    return (
        f"Only the {limit} most check-worthy of {found} claims were kept "
        f"(at most {limit} per article)."
    )


def _claim_fields(
    detected: DetectedClaim, claimants: dict[tuple[Any, ...], Claimant]
) -> dict[str, Any]:
    as_dict = detected.to_dict()
    claimant = None
    mention = detected.claimant
    if mention is not None:
        # One speaker makes many claims of an article: resolve them once.
        key = (mention.name, mention.kind, mention.aliases)
        if key not in claimants:
            claimants[key] = claimant_resolve(
                name=mention.name, kind=mention.kind, aliases=mention.aliases
            )
        claimant = claimants[key]
    return {
        "text": detected.text,
        "statement": detected.statement,
        "start": detected.start,
        "end": detected.end,
        "score": min(max(float(detected.score), 0.0), 1.0),
        "claimant": claimant,
        "dates": as_dict["dates"],
        "entities": as_dict["entities"],
    }


def article_claim_fields_for_span(*, article: Article, start: int, end: int) -> dict[str, Any]:
    """What the detector makes of ``article.body[start:end]`` as a claim of the article, as the
    fields a stored claim takes: its text and offsets, score, claimant (resolved as extraction
    resolves them), statement, dates and entities.

    For a passage an editor marks as a claim the detector missed: it is read in its article,
    whose earlier sentences name the speaker and who "he" is, and its statement is made of the
    passage's own words even when it is not one of the detector's sentences.
    """
    detected = current_detector().analyse_span(
        article.body or "", start, end, published_at=_published_on(article)
    )
    return _claim_fields(detected, {})


def _published_on(article: Article) -> datetime.date | None:
    return article.published_at.date() if article.published_at else None


def article_extract_claims(*, article_id: int) -> ExtractionOutcome:
    """Detect the article's check-worthy claims and store them, replacing an earlier run's.

    Safe to run twice, or twice at once: the detector is pure, and the write happens in one
    transaction that holds the article's row lock and skips work already done for this body.
    Claims that editors have already triaged are kept even when a new body no longer holds them.
    """
    article = article_mark_processing(article_id=article_id)
    if article is None:
        return ExtractionOutcome(article_id=article_id, ran=False, reason="article deleted")
    if article.status == ArticleStatus.DONE:
        return ExtractionOutcome(article_id=article_id, ran=False, reason="already extracted")

    body_hash = article.body_hash
    published_on = _published_on(article)
    budget, limit = settings.EXTRACTION_TIME_BUDGET_SECONDS, settings.ARTICLE_MAX_CLAIMS
    try:
        extraction = current_detector().extract_most_checkworthy(
            article.body,
            limit=limit,  # a newsroom would rather have the best claims than none
            published_at=published_on,
            time_budget=budget,
        )
    except DetectionTimeout as error:
        # Not retried: the same text would take as long again. Claims stored by an earlier run
        # of this article stay as they are.
        logger.warning("Claim extraction gave up on article %s: %s", article_id, error)
        article_mark_failed(article_id=article_id, body_hash=body_hash, reason=str(error))
        return ExtractionOutcome(article_id=article_id, ran=False, reason=str(error))
    except Exception as error:
        logger.exception("Claim extraction failed for article %s", article_id)
        article_mark_failed(
            article_id=article_id, body_hash=body_hash, reason=f"{type(error).__name__}: {error}"
        )
        raise

    unique: dict[str, DetectedClaim] = {}
    for item in extraction.claims:
        unique.setdefault(text_digest(item.text), item)
    truncated = (
        truncation_reason(limit=limit, found=extraction.found) if extraction.found > limit else ""
    )
    # Matching reads the claim index, which may catch up with the database first: do it
    # before taking the article's lock.
    known = known_claims_for_article(
        article=article, texts={digest: item.text for digest, item in unique.items()}
    )
    said_on = (article.published_at or article.created_at).date()
    analysed_body = article.body

    with transaction.atomic():
        # The row is read again under its lock, all but its body: while the hash matches, the
        # body is the one just analysed, so a 10 MB body is held once, not twice.
        article = Article.objects.select_for_update().filter(pk=article_id).defer("body").first()
        if article is None:
            return ExtractionOutcome(article_id=article_id, ran=False, reason="article deleted")
        if article.body_hash != body_hash:
            # The body changed while we worked; the run enqueued by that change will store claims.
            return ExtractionOutcome(article_id=article_id, ran=False, reason="body changed")
        if article.extracted_body_hash == body_hash and article.status == ArticleStatus.DONE:
            return ExtractionOutcome(article_id=article_id, ran=False, reason="already extracted")
        article.body = analysed_body

        claimants: dict[tuple[Any, ...], Claimant] = {}
        items = [(digest, _claim_fields(item, claimants)) for digest, item in unique.items()]
        stored = article_store_claims(article=article, items=items, known=known, said_on=said_on)
        for new_claim in stored.created:
            events.emit(events.CLAIM_CREATED, claim=new_claim)

        article_mark_done(article=article, body_hash=body_hash, note=truncated)
    return ExtractionOutcome(
        article_id=article_id,
        ran=True,
        created=len(stored.created),
        updated=stored.updated,
        removed=stored.removed,
        appeared=stored.appeared,
        suggested=stored.suggested,
    )
