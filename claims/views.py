import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from claims.claimreview import claimreview_for
from claims.models import Claim
from claims.public_page import claim_page as claim_page_for


def claimreview_script(claim: Claim, verdict: object) -> str:
    # Escape "<" so a claim's text can never close the script element.
    return json.dumps(claimreview_for(claim, verdict)).replace("<", "\\u003c")


@require_safe
def claim_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page of a claim; a published verdict carries its ClaimReview as JSON-LD."""
    claim = get_object_or_404(Claim.objects.with_public_detail(), pk=pk)
    # A duplicate shows the verdict of the claim it repeats.
    verdict = claim.public_verdict
    page = claim_page_for(claim, verdict)
    return render(
        request,
        "claims/claim_page.html",
        {
            "claim": claim,
            "verdict": verdict,
            "page": page,
            "organisation": page.organisation,
            "claimreview_json": claimreview_script(claim, verdict) if verdict else None,
        },
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public pages; the admin and the API are for people and programs."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {settings.CLAIM_TRACKER_PUBLIC_URL}{reverse('sitemap-index')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page that names no icon (the admin, the API)."""
    return HttpResponsePermanentRedirect(static("claims/favicon.svg"))
