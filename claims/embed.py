from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt

from claims.models import Claim
from claims.public import public_verdict_of
from claims.public_page import claim_page
from claims.views import claimreview_script


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
