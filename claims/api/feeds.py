"""The feed of every published ClaimReview, for Fact Check Explorer, Fact-Check Insights and
partners: JSON-LD objects, oldest first, `?since=` to fetch only what changed."""

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.docs import CLAIMREVIEW_EXAMPLE, CLAIMREVIEW_REF
from claims.claimreview import claimreview_for
from claims.models import Verdict
from claims.public import published_reviews
from core.api.pagination import CursorCapablePagination
from core.api.renderers import LINKED_DATA_RENDERERS


class ClaimReviewFeedFilter(filters.FilterSet):
    since = filters.IsoDateTimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text=(
            "Reviews published or corrected (dateModified) at or after this date-time, "
            "ISO 8601. Poll with the time of your previous fetch."
        ),
    )

    class Meta:
        model = Verdict
        fields = ["since"]


@extend_schema(
    summary="Every published ClaimReview",
    responses={200: CLAIMREVIEW_REF},
    description=(
        "Every published verdict as a schema.org ClaimReview (JSON-LD), oldest first, in "
        "`results`. A corrected review appears with its first `datePublished` and the "
        "correction's `dateModified`. Pages as in the claims list (`?cursor=` for cursor mode)."
    ),
    examples=[
        OpenApiExample(
            "One page of the feed",
            value=CLAIMREVIEW_EXAMPLE,
        )
    ],
)
class ClaimReviewFeedView(generics.ListAPIView):
    permission_classes = [AllowAny]
    renderer_classes = LINKED_DATA_RENDERERS
    pagination_class = CursorCapablePagination
    filterset_class = ClaimReviewFeedFilter

    def get_queryset(self) -> QuerySet:
        return published_reviews()

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        verdicts = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        reviews = [claimreview_for(verdict.claim, verdict) for verdict in verdicts]
        return self.get_paginated_response(reviews)
