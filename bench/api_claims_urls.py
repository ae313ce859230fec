"""The project's URLs plus `/bench/bare-claims/`: the same rows as the claims list, read with
`.values()` and written with `json.dumps`, with no framework in between (the baseline)."""

import json
from datetime import datetime

from django.db.models import F, FilteredRelation, Q
from django.http import HttpRequest, HttpResponse
from django.urls import path

from claims.models import Claim, VerdictStatus
from config.urls import urlpatterns as project_urlpatterns

FIELDS = {
    "claimant_name": F("claimant__name"),
    "article_title": F("article__title"),
    "article_url": F("article__url"),
    "verdict_rating": F("live_verdict__rating_slug"),
    "verdict_label": F("live_verdict__rating_label"),
    "verdict_value": F("live_verdict__rating_value"),
    "verdict_best": F("live_verdict__best_rating"),
    "verdict_worst": F("live_verdict__worst_rating"),
    "verdict_summary": F("live_verdict__summary"),
    "verdict_explanation": F("live_verdict__explanation"),
    "verdict_published_at": F("live_verdict__published_at"),
}
PLAIN = [
    "id",
    "text",
    "claimant_id",
    "status",
    "score",
    "article_id",
    "start",
    "end",
    "dates",
    "entities",
    "created_at",
    "updated_at",
]


def bare_claims(request: HttpRequest) -> HttpResponse:
    params = request.GET
    claims = Claim.objects.annotate(
        live_verdict=FilteredRelation(
            "verdicts", condition=Q(verdicts__status=VerdictStatus.PUBLISHED)
        )
    )
    if "status" in params:
        claims = claims.filter(status=params["status"])
    if "claimant" in params:
        claims = claims.filter(claimant_id=int(params["claimant"]))
    if "min_score" in params:
        claims = claims.filter(score__gte=float(params["min_score"]))
    key = params.get("order", "-created_at")
    field = key.lstrip("-")
    descending = key.startswith("-")
    if "after_id" in params:
        value: object = params["after"]
        value = datetime.fromisoformat(value) if field == "created_at" else float(value)
        op = "lt" if descending else "gt"
        claims = claims.filter(
            Q(**{f"{field}__{op}e": value}),
            Q(**{f"{field}__{op}": value})
            | Q(**{field: value, f"id__{op}": int(params["after_id"])}),
        )
    sign = "-" if descending else ""
    rows = list(claims.order_by(f"{sign}{field}", f"{sign}id").values(*PLAIN, **FIELDS)[:50])
    return HttpResponse(json.dumps({"results": rows}, default=str), content_type="application/json")


urlpatterns = [path("bench/bare-claims/", bare_claims), *project_urlpatterns]
