import json

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from claims.claimreview import claimreview_for, public_wording
from claims.models import Claim, Verdict
from claims.public import public_fact_check, public_verdict_of
from claims.public_page import claim_page as claim_page_for
from claims.public_page import organisation, published_fact_checks
from core.public_url import public_base_url


def claimreview_script(claim: Claim, verdict: Verdict) -> str:
    # Escape "<" so a claim's text can never close the script element.
    return json.dumps(claimreview_for(claim, verdict)).replace("<", "\\u003c")


@require_safe
def claim_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page of a fact-check, with its ClaimReview as JSON-LD."""
    fact_check = public_fact_check(pk)
    if fact_check is None:
        raise Http404("No fact-check is published for this claim.")
    claim, verdict = fact_check
    page = claim_page_for(claim, verdict)
    return render(
        request,
        "claims/claim_page.html",
        {
            "claim": claim,
            "verdict": verdict,
            "page": page,
            "organisation": page.organisation,
            "claimreview_json": claimreview_script(claim, verdict),
        },
    )


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the public pages; the admin and the API are for people and programs."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        f"Sitemap: {public_base_url()}{reverse('sitemap-index')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page that names no icon (the admin, the API)."""
    return HttpResponsePermanentRedirect(static("claims/favicon.svg"))


# Search words beyond this are ignored (ClaimQuerySet.search also caps the word count).
MAX_SEARCH_CHARS = 200
FACT_CHECKS_PER_PAGE = 20


@require_safe
def front_page(request: HttpRequest) -> HttpResponse:
    """The latest published fact-checks, with a search box."""
    search = request.GET.get("q", "").strip()[:MAX_SEARCH_CHARS]
    fact_checks = Paginator(published_fact_checks(search=search), FACT_CHECKS_PER_PAGE)
    page = fact_checks.get_page(request.GET.get("page"))
    org = organisation()
    items = []
    for claim in page:
        verdict = public_verdict_of(claim)
        items.append((claim, public_wording(claim, verdict) if verdict else None, verdict))
    return render(
        request,
        "claims/front_page.html",
        {
            "organisation": org,
            "search": search,
            "page": page,
            "items": items,
            "canonical_url": f"{public_base_url()}/",
            # A search result or a later page is not a page of its own for search engines.
            "indexable": not search and page.number == 1,
        },
    )
