"""schema.org ClaimReview for a published verdict, as Google Fact Check Explorer reads it."""

from typing import Any

from django.conf import settings

from claims.models import Claim, Verdict


def claim_public_url(claim: Claim) -> str:
    return f"{settings.CLAIM_TRACKER_PUBLIC_URL}/claims/{claim.pk}/"


def claimreview_for(claim: Claim, verdict: Verdict) -> dict[str, Any]:
    article = claim.article
    item_reviewed: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant is not None:
        item_reviewed["author"] = {
            "@type": "Person" if claim.claimant.kind == "person" else "Organization",
            "name": claim.claimant.name,
        }
    claimed_on = article.published_at or article.created_at
    item_reviewed["datePublished"] = claimed_on.date().isoformat()
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        appearance["url"] = article.url
    appearance["headline"] = article.title
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    item_reviewed["appearance"] = [appearance]

    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim_public_url(claim),
        "claimReviewed": claim.text,
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
    return review
