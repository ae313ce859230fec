from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from articles.permissions import IsEditor
from claims.api.serializers import (
    AssignSerializer,
    ClaimSerializer,
    DraftVerdictSerializer,
    RatingSerializer,
    VerdictInputSerializer,
)
from claims.claimreview import claimreview_for
from claims.models import Claim, ClaimStatus, Rating
from claims.services import claim_assign, verdict_draft, verdict_publish


class ClaimFilter(filters.FilterSet):
    article = filters.NumberFilter(field_name="article_id")
    status = filters.ChoiceFilter(choices=ClaimStatus.choices)
    claimant = filters.CharFilter(
        method="filter_claimant", help_text="A claimant's id, or a name or alias (exact, any case)."
    )
    min_score = filters.NumberFilter(field_name="score", lookup_expr="gte")

    class Meta:
        model = Claim
        fields = ["article", "status", "claimant", "min_score"]

    def filter_claimant(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if value.isdigit():
            return claims.filter(claimant_id=int(value))
        return claims.filter(
            Q(claimant__name__iexact=value) | Q(claimant__aliases__name__iexact=value)
        ).distinct()


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims found in articles, with their status and, once published, their verdict."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter

    def get_queryset(self) -> QuerySet:
        return Claim.objects.with_public_detail().order_by("-created_at", "-id")

    def get_permissions(self) -> list[Any]:
        if self.action in {"assign", "publish"}:
            return [IsAuthenticated(), IsEditor()]
        if self.action == "verdict":
            return [IsAuthenticated()]
        return [AllowAny()]

    def _claim_response(self, claim: Claim, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=claim.pk)
        return Response(self.get_serializer(fresh).data, status=code)

    @extend_schema(request=AssignSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        """Editors give the claim to a reviewer."""
        payload = AssignSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        claim = claim_assign(claim=self.get_object(), actor=request.user, **payload.validated_data)
        return self._claim_response(claim)

    @extend_schema(request=VerdictInputSerializer, responses={201: DraftVerdictSerializer})
    @action(detail=True, methods=["post"])
    def verdict(self, request: Request, pk: str | None = None) -> Response:
        """The assigned reviewer drafts the verdict; it stays private until published."""
        payload = VerdictInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        verdict = verdict_draft(
            claim=self.get_object(), actor=request.user, **payload.validated_data
        )
        return Response(DraftVerdictSerializer(verdict).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="verdict/publish")
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """Editors publish the draft verdict."""
        claim = self.get_object()
        verdict_publish(claim=claim, actor=request.user)
        return self._claim_response(claim)

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="The schema.org ClaimReview (JSON-LD) of the published verdict; 404 before.",
    )
    @action(detail=True, methods=["get"])
    def claimreview(self, request: Request, pk: str | None = None) -> Response:
        claim = self.get_object()
        verdict = claim.published_verdict
        if verdict is None:
            raise Http404
        return Response(claimreview_for(claim, verdict))


class RatingViewSet(viewsets.ReadOnlyModelViewSet):
    """The ratings of the default scale, best first."""

    serializer_class = RatingSerializer
    pagination_class = None
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        return Rating.objects.in_default_scale().order_by("order", "-value")

    @extend_schema(parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)
