"""schema.org ClaimReview for a published verdict, as Google Fact Check Explorer reads it."""

from typing import Any

from django.conf import settings

from claims.models import Claim, Verdict


def claim_public_url(claim: Claim) -> str:
    return f"{settings.CLAIM_TRACKER_PUBLIC_URL}/claims/{claim.pk}/"


def _claim_appearances(claim: Claim) -> tuple[Any, list[dict[str, Any]]]:
    """When and where the claim was made: its article, or for a claim imported from another
    fact-checker's review, the places that review names."""
    article = claim.article
    if article is not None:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
        if article.url:
            appearance["url"] = article.url
        if article.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        return (article.published_at or article.created_at).date(), [appearance]
    claimed_on = claim.created_at.date()
    urls: list[str] = []
    for review in claim.external_reviews.all():
        claimed_on = review.claimed_on or claimed_on
        urls.extend(url for url in review.appearance_urls if url not in urls)
    return claimed_on, [{"@type": "CreativeWork", "url": url} for url in urls]


def claimreview_for(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    item_reviewed: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant is not None:
        item_reviewed["author"] = {
            "@type": "Person" if claim.claimant.kind == "person" else "Organization",
            "name": claim.claimant.name,
        }
    claimed_on, appearances = _claim_appearances(claim)
    item_reviewed["datePublished"] = claimed_on.isoformat()
    if appearances:
        item_reviewed["appearance"] = appearances

    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_public_url(claim),
        "claimReviewed": claim.claim_reviewed,
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
