"""Checking a ClaimReview against Google's and schema.org's rules before it is published.

Fact Check Explorer drops a ClaimReview that breaks these rules, so a verdict whose review
would be dropped is not published at all; the editor sees every reason at once.

The limits we apply (documented in the API description):
- `claimReviewed` is required and at most CLAIM_REVIEWED_MAX_CHARS characters. Google shows
  about 75 characters in results; longer claims are allowed and truncated there, not refused.
- `url` is http(s) on the organisation's own domain: the host of
  CLAIM_TRACKER_ORGANIZATION_URL or one of its subdomains (pages are served from
  CLAIM_TRACKER_PUBLIC_URL, which must therefore sit on that domain).
- `reviewRating` has whole-number ratingValue, bestRating and worstRating with
  worstRating <= ratingValue <= bestRating and worstRating < bestRating, and a non-empty
  alternateName (the verdict in words).
- `datePublished` (and `dateModified` when present) are ISO dates, not in the future, not
  before the claim was made, and `dateModified` is not before `datePublished`.
- `author` is an Organization with a name and an http(s) url.
"""

import copy
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from core.errors import TransitionNotAllowed
from core.public_url import public_base_url

CLAIM_REVIEWED_MAX_CHARS = 500


def _host(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return parts.hostname.lower()


def _organisation_hosts() -> set[str]:
    hosts = {_host(settings.CLAIM_TRACKER_ORGANIZATION_URL)}
    if not settings.CLAIM_TRACKER_PUBLIC_URL:
        # Development: pages are served wherever the request came in, which is ours by definition.
        hosts.add(_host(public_base_url()))
    return {host for host in hosts if host}


def _on_domain(host: str, domains: set[str]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def _as_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _check_rating(rating: Any) -> list[str]:
    if not isinstance(rating, dict):
        return ["reviewRating is required."]
    problems = []
    numbers = {}
    for name in ("ratingValue", "bestRating", "worstRating"):
        value = rating.get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"reviewRating.{name} must be a whole number.")
        else:
            numbers[name] = value
    if len(numbers) == 3:
        best, worst, value = numbers["bestRating"], numbers["worstRating"], numbers["ratingValue"]
        if worst >= best:
            problems.append("reviewRating.worstRating must be lower than bestRating.")
        elif not worst <= value <= best:
            problems.append(
                f"reviewRating.ratingValue {value} is outside worstRating {worst} "
                f"and bestRating {best}."
            )
    if not str(rating.get("alternateName") or "").strip():
        problems.append("reviewRating.alternateName (the verdict in words) is required.")
    return problems


def _check_dates(review: dict[str, Any], today: date) -> list[str]:
    problems = []
    published = _as_date(review.get("datePublished"))
    if published is None:
        problems.append("datePublished must be an ISO date.")
    elif published > today:
        problems.append("datePublished is in the future.")
    if "dateModified" in review:
        modified = _as_date(review.get("dateModified"))
        if modified is None:
            problems.append("dateModified must be an ISO date.")
        elif modified > today:
            problems.append("dateModified is in the future.")
        elif published is not None and modified < published:
            problems.append("dateModified is before datePublished.")
    item = review.get("itemReviewed")
    claimed = _as_date(item.get("datePublished")) if isinstance(item, dict) else None
    if claimed is not None and published is not None and published < claimed:
        problems.append(
            f"datePublished {published.isoformat()} is before the claim was made "
            f"({claimed.isoformat()})."
        )
    return problems


def validate_claimreview(review: dict[str, Any], *, today: date | None = None) -> list[str]:
    """Every reason Google or schema.org would reject this ClaimReview; empty when it is valid."""
    today = today or timezone.now().date()
    problems: list[str] = []
    if review.get("@context") not in {"https://schema.org", "http://schema.org"}:
        problems.append("@context must be https://schema.org.")
    if review.get("@type") != "ClaimReview":
        problems.append("@type must be ClaimReview.")

    host = _host(review.get("url"))
    domains = _organisation_hosts()
    if host is None:
        problems.append("url must be an http or https address.")
    elif not _on_domain(host, domains):
        problems.append(f"url must be on the organisation's domain ({', '.join(sorted(domains))}).")

    claim_reviewed = review.get("claimReviewed")
    if not isinstance(claim_reviewed, str) or not claim_reviewed.strip():
        problems.append("claimReviewed is required.")
    elif len(claim_reviewed) > CLAIM_REVIEWED_MAX_CHARS:
        problems.append(
            f"claimReviewed has {len(claim_reviewed)} characters; "
            f"at most {CLAIM_REVIEWED_MAX_CHARS} are allowed."
        )

    author = review.get("author")
    if not isinstance(author, dict) or author.get("@type") != "Organization":
        problems.append("author must be an Organization.")
    else:
        if not str(author.get("name") or "").strip():
            problems.append("author.name (the organisation's name) is required.")
        if _host(author.get("url")) is None:
            problems.append("author.url must be an http or https address.")

    item = review.get("itemReviewed")
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        problems.append("itemReviewed must be a Claim.")

    problems += _check_rating(review.get("reviewRating"))
    problems += _check_dates(review, today)
    return problems


def claimreview_preview(*, claim: Any, verdict: Any) -> dict[str, Any]:
    """The ClaimReview a draft verdict would have if it were published now."""
    from claims.claimreview import claimreview_for

    preview = copy.copy(verdict)
    scale_values = list(verdict.rating.scale.ratings.values_list("value", flat=True))
    preview.rating_slug = verdict.rating.slug
    preview.rating_label = verdict.rating.label
    preview.rating_value = verdict.rating.value
    preview.best_rating = max(scale_values)
    preview.worst_rating = min(scale_values)
    preview.published_at = timezone.now()
    return claimreview_for(claim, preview)


def ensure_claimreview_publishable(*, claim: Any, verdict: Any) -> None:
    """Refuse (409, with every reason) to publish a verdict whose ClaimReview is invalid."""
    problems = validate_claimreview(claimreview_preview(claim=claim, verdict=verdict))
    if problems:
        raise TransitionNotAllowed(
            "This verdict's ClaimReview would be rejected: " + " ".join(problems),
            messages={"claimreview": problems},
        )
