import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt

from claims.claimreview import claim_public_url, claimreview_for
from claims.models import Claim


@xframe_options_exempt
def claim_embed(request: HttpRequest, pk: int) -> HttpResponse:
    """A small card of a published verdict for other sites' iframes, with its ClaimReview."""
    claim = get_object_or_404(Claim.objects.with_public_detail(), pk=pk)
    verdict = claim.published_verdict
    if verdict is None:
        return render(request, "claims/claim_embed.html", {"claim": claim}, status=404)
    claimreview_json = json.dumps(claimreview_for(claim, verdict)).replace("<", "\\u003c")
    response = render(
        request,
        "claims/claim_embed.html",
        {
            "claim": claim,
            "verdict": verdict,
            "claimreview_json": claimreview_json,
            "page_url": claim_public_url(claim),
        },
    )
    # Any site may frame this card; every other page keeps X-Frame-Options: DENY.
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response
