"""schema.org ClaimReview for a published verdict, as Google Fact Check Explorer reads it."""

from typing import Any

from django.conf import settings

from claims.models import Claim, Verdict, VerdictStatus
from claims.models.verdicts import Wording, wording_of_claim
from core.public_url import public_base_url


def claim_public_url(claim: Claim) -> str:
    return f"{public_base_url()}/claims/{claim.pk}/"


def _article_work(article: Any, said_on: Any = None) -> tuple[Any, dict[str, Any]]:
    """(the day the claim was made there, the article as a schema.org CreativeWork)."""
    day = said_on or (article.published_at or article.created_at).date()
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    work["datePublished"] = day.isoformat()
    return day, work


def claim_appearances(claim: Claim) -> tuple[Any, list[dict[str, Any]]]:
    """When the claim was first made, and everywhere it was made, earliest first: the articles
    it appears in (its own article and every repeat joined to it), or for a claim imported
    from another fact-checker's review, the places that review names."""
    dated: dict[int, tuple[Any, dict[str, Any]]] = {}
    appearances = claim.appearances.all()
    if "appearances" not in getattr(claim, "_prefetched_objects_cache", {}):
        # One claim (its page, its API document, a webhook): its articles in the same query.
        appearances = appearances.select_related("article")
    for appearance in appearances:
        if appearance.article_id not in dated:
            dated[appearance.article_id] = _article_work(appearance.article, appearance.said_on)
    article = claim.article
    if article is not None and article.pk not in dated:
        dated[article.pk] = _article_work(article)
    if dated:
        ordered = sorted(dated.values(), key=lambda pair: pair[0])
        return ordered[0][0], [work for _, work in ordered]
    claimed_on = claim.created_at.date()
    urls: list[str] = []
    for review in claim.external_reviews.all():
        claimed_on = review.claimed_on or claimed_on
        urls.extend(url for url in review.appearance_urls if url not in urls)
    return claimed_on, [{"@type": "CreativeWork", "url": url} for url in urls]


def public_wording(claim: Claim, verdict: Verdict) -> Wording:
    """What the public is told was claimed, and by whom, on the claim's page, card, API and
    ClaimReview: the wording the verdict they see was published with, so an edit of the claim
    (while a correction is drafted) or a renamed claimant shows only once a correction is
    published. A duplicate shows its original's verdict but keeps its own words and speaker,
    as it has no published version of them. A draft (the publish preview, the check before
    publishing) shows what its publication would copy: the claim's current wording."""
    if verdict.claim_id == claim.pk and verdict.status != VerdictStatus.DRAFT:
        return verdict.published_wording
    return wording_of_claim(claim)


def claimreview_for(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    wording = public_wording(claim, verdict)
    item_reviewed: dict[str, Any] = {"@type": "Claim"}
    if wording.claimant is not None:
        item_reviewed["author"] = {
            "@type": "Person" if wording.claimant.kind == "person" else "Organization",
            "name": wording.claimant.name,
        }
        if wording.claimant.same_as:
            item_reviewed["author"]["sameAs"] = list(wording.claimant.same_as)
    claimed_on, appearances = claim_appearances(claim)
    item_reviewed["datePublished"] = claimed_on.isoformat()
    if appearances:
        item_reviewed["firstAppearance"] = appearances[0]
        item_reviewed["appearance"] = appearances

    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_public_url(claim),
        "claimReviewed": wording.statement,
        "datePublished": verdict.published_at.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings.CLAIM_TRACKER_ORGANIZATION_NAME,
            "url": settings.CLAIM_TRACKER_ORGANIZATION_URL,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": verdict.rating_value,
            "bestRating": verdict.best_rating,
            "worstRating": verdict.worst_rating,
            "alternateName": verdict.rating_label,
        },
        "itemReviewed": item_reviewed,
    }
    first_published_at = _first_published_at(claim, verdict)
    if first_published_at is not None and first_published_at < verdict.published_at:
        # A correction: the review first appeared earlier and was modified by this version.
        review["datePublished"] = first_published_at.date().isoformat()
        review["dateModified"] = verdict.published_at.date().isoformat()
    return review


def _first_published_at(claim: Claim, verdict: Verdict) -> Any:
    """When the claim's first verdict went public (a correction keeps the original's date)."""
    recorded = getattr(verdict, "first_published_at", None)
    if recorded is not None:
        return recorded
    if verdict.version <= 1:
        return None
    return (
        claim.verdicts.filter(published_at__isnull=False, version__lt=verdict.version)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
