"""Admin actions that download the selected claims with their published verdicts."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse

from claims.api.export import export_response


@admin.action(description="Export selected claims as CSV")
def export_claims_csv(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> StreamingHttpResponse:
    return export_response(claims.order_by("-created_at", "-id"), "csv")


@admin.action(description="Export selected claims as JSON Lines")
def export_claims_jsonl(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> StreamingHttpResponse:
    return export_response(claims.order_by("-created_at", "-id"), "jsonl")
