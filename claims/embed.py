from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator
from django.views.decorators.clickjacking import xframe_options_exempt

from claims.claimreview import public_wording
from claims.models import Claim
from claims.public import public_fact_check, public_verdict_of
from claims.public_page import claim_page
from claims.views import claimreview_script
from core.public_url import public_base_url

# Tall enough for the card's statement, rating and summary without a scroll bar on most sites.
EMBED_HEIGHT_PX = 300


def embed_code(claim: Claim) -> str:
    """The HTML another site pastes to show the claim's fact-check card (as text, to copy)."""
    source = f"{public_base_url()}{reverse('claim-embed', args=[claim.pk])}"
    verdict = public_verdict_of(claim)
    # The card shows the published wording; before there is one, the claim's working copy.
    statement = public_wording(claim, verdict).statement if verdict else claim.claim_reviewed
    title = f"Fact check: {Truncator(statement).chars(80)}"
    return (
        f'<iframe src="{escape(source)}" title="{escape(title)}" width="100%" '
        f'height="{EMBED_HEIGHT_PX}" style="border:0" loading="lazy"></iframe>'
    )


@xframe_options_exempt
def claim_embed(request: HttpRequest, pk: int) -> HttpResponse:
    """A small card of a published verdict for other sites' iframes, with its ClaimReview."""
    fact_check = public_fact_check(pk)
    if fact_check is None:
        # A card another site already framed says why it is empty rather than breaking.
        return render(request, "claims/claim_embed.html", {}, status=404)
    claim, verdict = fact_check
    page = claim_page(claim, verdict, detail=False)
    response = render(
        request,
        "claims/claim_embed.html",
        {
            "claim": claim,
            "verdict": verdict,
            "page": page,
            "claimreview_json": claimreview_script(claim, verdict),
            "page_url": page.canonical_url,
        },
    )
    # Any site may frame this card; every other page keeps X-Frame-Options: DENY.
    response["Content-Security-Policy"] = "frame-ancestors *"
    # The claim's page is the one search engines should list; the card points to it.
    response["X-Robots-Tag"] = "noindex"
    return response
