"""Claims with their published verdicts as CSV or JSON Lines, streamed row by row.

The whole table can be exported: rows are read with a server-side cursor in chunks and
written as they come, so a million claims never sit in memory at once.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from claims.api.filters import ClaimFilter
from claims.models import Claim
from claims.public import public_claims, public_page_url

CHUNK_SIZE = 2000
COLUMNS = [
    "id",
    "text",
    "statement",
    "claimant_name",
    "status",
    "score",
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "claimed_at",
    "created_at",
    "verdict_version",
    "rating",
    "rating_label",
    "rating_value",
    "best_rating",
    "worst_rating",
    "verdict_summary",
    "verdict_published_at",
    "url",
]
# Export columns taken from the claim's public row, and from its public verdict.
_CLAIM_VALUES = {
    "id": "id",
    "text": "text",
    "statement": "statement",
    "claimant_name": "claimant_name",
    "status": "status",
    "score": "score",
    "article_id": "article_id",
    "article_title": "article_title",
    "article_url": "article_url",
    "outlet": "outlet",
    "claimed_at": "claimed_at",
    "created_at": "created_at",
}
_VERDICT_VALUES = {
    "verdict_version": "version",
    "rating": "rating",
    "rating_label": "rating_label",
    "rating_value": "rating_value",
    "best_rating": "best_rating",
    "worst_rating": "worst_rating",
    "verdict_summary": "summary",
    "verdict_published_at": "published_at",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_rows(claims: QuerySet) -> Iterator[dict[str, Any]]:
    """One flat dict per claim, with the verdict the public sees of it (a duplicate: its
    original's), in the list's order."""
    article = {"outlet": F("article__outlet"), "claimed_at": F("article__published_at")}
    for claim, verdict in public_claims(claims, chunk_size=CHUNK_SIZE, extra=article):
        row = {column: claim[key] for column, key in _CLAIM_VALUES.items()}
        for column, key in _VERDICT_VALUES.items():
            row[column] = verdict[key] if verdict is not None else None
        row["url"] = public_page_url(claim["id"], verdict)
        yield row


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(COLUMNS)
    for row in rows:
        yield writer.writerow(
            [
                safe_cell(value.isoformat() if hasattr(value, "isoformat") else value)
                for value in (row.get(column) for column in COLUMNS)
            ]
        )


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"


def export_response(claims: QuerySet, export_format: str) -> StreamingHttpResponse:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    if export_format == "csv":
        response = StreamingHttpResponse(
            csv_lines(export_rows(claims)), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            jsonl_lines(export_rows(claims)), content_type="application/x-ndjson; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="claims-{stamp}.{export_format}"'
    return response


class _FirstRenderer(BaseContentNegotiation):
    """`?format=` names the export format here, not a DRF renderer."""

    def select_renderer(self, request: Any, renderers: list, format_suffix: Any = None) -> tuple:
        return renderers[0], renderers[0].media_type

    def select_parser(self, request: Any, parsers: list) -> Any:
        return parsers[0] if parsers else None


class ClaimExportView(APIView):
    permission_classes = [AllowAny]
    content_negotiation_class = _FirstRenderer
    # Read by the schema only (get() applies ClaimFilter itself).
    filterset_class = ClaimFilter
    filter_backends = [filters.DjangoFilterBackend]
    queryset = Claim.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=["csv", "jsonl"],
                description="csv (the default) or jsonl (one JSON object per line).",
            ),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/x-ndjson"): OpenApiTypes.STR,
        },
        # The claims list's filters, described from the same FilterSet the export applies.
        filters=True,
        summary="Export claims as CSV or JSON Lines",
        description=(
            "Every claim matching the claims-list filters (same parameters: `status`, "
            "`rating`, `claimant`, `q`...), with the verdict the public sees (a duplicate: "
            "its original's), streamed. Cells that start with = + - @ are prefixed with ' so "
            "spreadsheets show them as text."
        ),
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        export_format = request.query_params.get("format", "csv")
        if export_format not in {"csv", "jsonl"}:
            raise exceptions.ValidationError({"format": ["Choose csv or jsonl."]})
        claims = Claim.objects.order_by("-created_at", "-id")
        params = request.query_params.copy()
        params.pop("format", None)
        filterset = ClaimFilter(data=params, queryset=claims, request=request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        return export_response(filterset.qs, export_format)
