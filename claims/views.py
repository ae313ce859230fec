import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from claims.claimreview import claimreview_for
from claims.models import Claim


@require_safe
def claim_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page of a claim; a published verdict carries its ClaimReview as JSON-LD."""
    claim = get_object_or_404(Claim.objects.with_public_detail(), pk=pk)
    # A duplicate shows the verdict of the claim it repeats.
    verdict = claim.public_verdict
    claimreview_json = None
    if verdict is not None:
        # Escape "<" so a claim's text can never close the script element.
        claimreview_json = json.dumps(claimreview_for(claim, verdict)).replace("<", "\\u003c")
    return render(
        request,
        "claims/claim_page.html",
        {"claim": claim, "verdict": verdict, "claimreview_json": claimreview_json},
    )
