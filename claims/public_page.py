"""What a reader and a search engine see on a claim's public page and its embed card."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.templatetags.static import static
from django.utils.text import Truncator

from claims.claimreview import claim_appearances, claim_public_url, public_wording
from claims.models import Appearance, Claim, Rating, Verdict, VerdictStatus
from claims.models.verdicts import PublishedClaimant
from core.public_url import public_base_url

# Search engines show about this much of a title and a description.
TITLE_STATEMENT_CHARS = 110
DESCRIPTION_CHARS = 300


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str
    # As given (a path on this site works in pages); share cards need the absolute one.
    logo_url: str
    logo_absolute_url: str


def organisation() -> Organisation:
    """The newsroom that publishes the fact-checks, as settings name it."""
    logo = settings.CLAIM_TRACKER_ORGANIZATION_LOGO_URL or static("claims/logo.svg")
    return Organisation(
        name=settings.CLAIM_TRACKER_ORGANIZATION_NAME,
        url=settings.CLAIM_TRACKER_ORGANIZATION_URL,
        logo_url=logo,
        logo_absolute_url=absolute_url(logo),
    )


def absolute_url(path_or_url: str) -> str:
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return f"{public_base_url()}/{path_or_url.lstrip('/')}"


@dataclass(frozen=True)
class Place:
    """Somewhere the claim was made: an article or a page another fact-checker named."""

    title: str
    url: str
    outlet: str
    said_on: date | None


@dataclass(frozen=True)
class ClaimPage:
    claim: Claim
    statement: str
    # Who the page says made the claim, as the verdict shown was published with.
    claimant: PublishedClaimant | None
    verdict: Verdict
    organisation: Organisation
    title: str
    description: str
    canonical_url: str
    claimed_on: date
    places: list[Place]
    scale: list[Rating] = field(default_factory=list)
    published_on: datetime | None = None
    corrected_on: datetime | None = None


def claim_page(claim: Claim, verdict: Verdict, *, detail: bool = True) -> ClaimPage:
    """Everything the page and the embed show of a fact-check (from `public_fact_check`).

    Without `detail` (the embed card) the places and the rating scale are not read.
    """
    wording = public_wording(claim, verdict)
    statement = wording.statement
    org = organisation()
    claimed_on, appearances = claim_appearances(claim)
    short = Truncator(statement).chars(TITLE_STATEMENT_CHARS)
    first = verdict.first_published_at or verdict.published_at
    return ClaimPage(
        claim=claim,
        statement=statement,
        claimant=wording.claimant,
        verdict=verdict,
        organisation=org,
        title=f"Fact check: {short} - {verdict.rating_label} | {org.name}",
        description=Truncator(verdict.summary).chars(DESCRIPTION_CHARS),
        canonical_url=claim_public_url(claim),
        claimed_on=claimed_on,
        places=_places(claim, appearances) if detail else [],
        scale=_scale_of(verdict) if detail else [],
        published_on=first,
        corrected_on=verdict.published_at if verdict.is_correction else None,
    )


def _scale_of(verdict: Verdict) -> list[Rating]:
    if verdict.rating_id is None:
        return []
    return list(Rating.objects.filter(scale_id=verdict.rating.scale_id).order_by("-value", "order"))


def _places(claim: Claim, appearances: list[dict[str, Any]]) -> list[Place]:
    article = claim.article
    places: list[Place] = []
    if article is not None:
        places.append(
            Place(
                title=article.title or article.url,
                url=article.url,
                outlet=article.outlet,
                said_on=(article.published_at or article.created_at).date(),
            )
        )
    else:
        places.extend(
            Place(title=place["url"], url=place["url"], outlet="", said_on=None)
            for place in appearances
        )
    seen = {article.pk} if article is not None else set()
    for appearance in Appearance.objects.for_claim(claim).exclude(article_id__in=seen):
        other = appearance.article
        places.append(
            Place(
                title=other.title or other.url,
                url=other.url,
                outlet=other.outlet,
                said_on=appearance.said_on or (other.published_at or other.created_at).date(),
            )
        )
    return places


def published_fact_checks(*, search: str = "") -> QuerySet:
    """Claims with a published verdict, newest verdict first (best match first when searched),
    with what the front page shows of each in a fixed number of queries."""
    published = Verdict.objects.filter(claim=OuterRef("pk"), status=VerdictStatus.PUBLISHED)
    claims = Claim.objects.with_public_detail().filter(Exists(published))
    if search:
        return claims.search(search)
    return claims.annotate(published_on=Subquery(published.values("published_at")[:1])).order_by(
        "-published_on", "-id"
    )
