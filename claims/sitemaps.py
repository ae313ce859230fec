"""The sitemap of published fact-checks, read by search engines."""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from claims.models import Verdict, VerdictStatus
from core.public_url import public_base_url


class _PublicSite(Sitemap):
    """Addresses on the public site's own domain, whichever host the crawler asked."""

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(public_base_url()).netloc

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(public_base_url()).scheme or "https"


class FrontPageSitemap(_PublicSite):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["front-page"]

    def location(self, item: str) -> str:
        return reverse(item)


class FactCheckSitemap(_PublicSite):
    """One entry per claim with a published verdict; lastmod is its latest correction."""

    @property
    def limit(self) -> int:  # type: ignore[override]
        # Django serves the list in pages of this size, each one a query on an index.
        return settings.CLAIM_TRACKER_SITEMAP_PAGE_SIZE

    def items(self) -> Any:
        # The current published version of each claim: one row per fact-check, its
        # published_at the date of the latest correction.
        return (
            Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
            .order_by("claim_id")
            .values("claim_id", "published_at")
        )

    def location(self, item: dict[str, Any]) -> str:
        return reverse("claim-page", args=[item["claim_id"]])

    def lastmod(self, item: dict[str, Any]) -> datetime:
        return item["published_at"]

    def get_latest_lastmod(self) -> datetime | None:
        # One aggregate instead of the framework's walk over every item.
        return self.items().aggregate(latest=Max("published_at"))["latest"]


SITEMAPS = {"pages": FrontPageSitemap, "fact-checks": FactCheckSitemap}
