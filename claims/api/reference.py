"""Public reads of claimants, published verdicts and rating scales."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.docs import PUBLISHED_VERDICT_EXAMPLE
from claims.api.public_serializers import (
    ClaimantSerializer,
    PublicVerdictSerializer,
    RatingScaleSerializer,
)
from claims.models import Claimant, ClaimantKind, Rating, RatingScale, Verdict, VerdictStatus
from core.api.filters import IdFilter
from core.api.pagination import CursorCapablePagination
from core.api.renderers import READ_RENDERERS


class ClaimantFilter(filters.FilterSet):
    q = filters.CharFilter(method="filter_name", help_text="Part of a name or alias, any case.")
    kind = filters.ChoiceFilter(choices=ClaimantKind.choices)

    class Meta:
        model = Claimant
        fields = ["q", "kind"]

    def filter_name(self, claimants: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return claimants.filter(
            Q(name__icontains=value) | Q(aliases__name__icontains=value)
        ).distinct()


class ClaimantViewSet(viewsets.ReadOnlyModelViewSet):
    """People and organisations whose claims are tracked, with the other names they go by."""

    serializer_class = ClaimantSerializer
    filterset_class = ClaimantFilter
    pagination_class = CursorCapablePagination
    permission_classes = [AllowAny]
    renderer_classes = READ_RENDERERS

    def get_queryset(self) -> QuerySet:
        return Claimant.objects.prefetch_related("aliases").order_by("name", "id")


class VerdictFilter(filters.FilterSet):
    since = filters.IsoDateTimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text=(
            "Verdicts published (or corrected) at or after this date-time, ISO 8601, e.g. "
            "2026-03-01T00:00:00Z. A correction is listed again with its new date."
        ),
    )
    rating = filters.CharFilter(field_name="rating_slug", help_text="A rating slug, e.g. false.")
    claim = IdFilter(field_name="claim_id")
    claimant = IdFilter(field_name="claim__claimant_id", help_text="A claimant's id.")

    class Meta:
        model = Verdict
        fields = ["since", "rating", "claim", "claimant"]


class VerdictViewSet(viewsets.ReadOnlyModelViewSet):
    """Published verdicts, oldest publication first: poll with `?since=` to stay in sync.

    Only the current version of each claim's verdict is listed; drafts never appear here.
    """

    serializer_class = PublicVerdictSerializer
    filterset_class = VerdictFilter
    pagination_class = CursorCapablePagination
    permission_classes = [AllowAny]
    renderer_classes = READ_RENDERERS

    def get_queryset(self) -> QuerySet:
        return (
            Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
            .select_related("claim__claimant")
            .prefetch_related("sources")
            .order_by("published_at", "id")
        )

    @extend_schema(
        examples=[
            OpenApiExample(
                "A published verdict",
                value={
                    "id": 88,
                    "claim": 1042,
                    "claim_text": "The city spent $4.2 million on road repairs in 2023.",
                    "claimant": "Jane Ortiz",
                    "correction_note": "",
                    "date_published": "2026-03-02T10:15:00Z",
                    "url": "https://factcheck.example.org/claims/1042/",
                    **PUBLISHED_VERDICT_EXAMPLE,
                },
            )
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


class RatingScaleViewSet(viewsets.ReadOnlyModelViewSet):
    """Rating scales and their ratings, best first; `is_default` marks the one in use."""

    serializer_class = RatingScaleSerializer
    pagination_class = None
    permission_classes = [AllowAny]
    renderer_classes = READ_RENDERERS
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        ratings = Rating.objects.order_by("order", "-value")
        return RatingScale.objects.prefetch_related(Prefetch("ratings", queryset=ratings)).order_by(
            "-is_default", "name"
        )

    @extend_schema(parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)
