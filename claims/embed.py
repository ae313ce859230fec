from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator
from django.views.decorators.clickjacking import xframe_options_exempt

from claims.models import Claim
from claims.public import public_verdict_of
from claims.public_page import claim_page, public_statement
from claims.views import claimreview_script
from core.public_url import public_base_url

# Tall enough for the card's statement, rating and summary without a scroll bar on most sites.
EMBED_HEIGHT_PX = 300


def embed_code(claim: Claim) -> str:
    """The HTML another site pastes to show the claim's fact-check card (as text, to copy)."""
    source = f"{public_base_url()}{reverse('claim-embed', args=[claim.pk])}"
    title = f"Fact check: {Truncator(public_statement(claim)).chars(80)}"
    return (
        f'<iframe src="{escape(source)}" title="{escape(title)}" width="100%" '
        f'height="{EMBED_HEIGHT_PX}" style="border:0" loading="lazy"></iframe>'
    )


@xframe_options_exempt
def claim_embed(request: HttpRequest, pk: int) -> HttpResponse:
    """A small card of a published verdict for other sites' iframes, with its ClaimReview."""
    claim = get_object_or_404(Claim.objects.with_public_detail(), pk=pk)
    # As on the claim's page: a duplicate shows the verdict of the claim it repeats.
    verdict = public_verdict_of(claim)
    if verdict is None:
        return render(request, "claims/claim_embed.html", {"claim": claim}, status=404)
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
