from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.docs import CLAIMREVIEW_EXAMPLE, CLAIMREVIEW_REF, claim_list_docs
from claims.api.filters import ClaimFilter, GivenFiltersBackend
from claims.api.serializers import (
    AssignSerializer,
    ClaimMovesSerializer,
    ClaimNoteSerializer,
    ClaimSerializer,
    CorrectionInputSerializer,
    DraftVerdictSerializer,
    DuplicateSerializer,
    NoteInputSerializer,
    RatingSerializer,
    ReasonSerializer,
    SecondReviewerSerializer,
    SecondReviewSerializer,
    VerdictInputSerializer,
    shows_assignment,
)
from claims.models import Claim, Rating
from claims.public import claim_items, claim_rows, public_claimreview
from claims.selectors.notes import claim_notes
from claims.services import (
    claim_add_note,
    claim_assign,
    claim_mark_checkable,
    claim_mark_duplicate,
    claim_mark_not_checkable,
    claim_require_second_review,
    claim_start_review,
    claim_unassign,
    claim_unmark_duplicate,
    verdict_correct,
    verdict_draft,
    verdict_publish,
    verdict_second_review,
)
from claims.services.policy import claim_moves
from core.api.pagination import CursorCapablePagination
from core.api.renderers import LINKED_DATA_RENDERERS, READ_RENDERERS
from core.permissions import IsEditor, IsNewsroomStaff

# Workflow actions only editors may take; the others check the acting reviewer in the service.
EDITOR_ACTIONS = {
    "assign",
    "unassign",
    "publish",
    "mark_checkable",
    "mark_not_checkable",
    "duplicate",
    "second_reviewer",
}
SIGNED_IN_ACTIONS = {"verdict", "start_review", "correct", "second_review", "moves", "notes"}


@claim_list_docs
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims found in articles, with their status and, once published, their verdict."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    filter_backends = [GivenFiltersBackend]
    pagination_class = CursorCapablePagination
    renderer_classes = READ_RENDERERS

    def get_queryset(self) -> QuerySet:
        if self.action == "claimreview":
            # An article's body can be megabytes; a ClaimReview shows only its title and URL.
            return Claim.objects.with_public_detail().defer("article__body", "text_hash")
        # The list and the detail read plain rows from the public read model (claims.public).
        return Claim.objects.order_by("-created_at", "-id")

    def get_permissions(self) -> list[Any]:
        if self.action in EDITOR_ACTIONS:
            return [IsAuthenticated(), IsEditor()]
        if self.action in SIGNED_IN_ACTIONS:
            # Which reviewer may act on which claim is the service's decision.
            return [IsAuthenticated(), IsNewsroomStaff()]
        return [AllowAny()]

    def _claim_response(self, claim: Claim, code: int = status.HTTP_200_OK) -> Response:
        # The serializer reads the claim afresh, as the public read model shows it.
        return Response(self.get_serializer(claim).data, status=code)

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
        return self._drafted(request, VerdictInputSerializer, verdict_draft)

    @extend_schema(request=None, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="verdict/publish")
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """Editors publish the draft verdict."""
        claim = self.get_object()
        verdict_publish(claim=claim, actor=request.user)
        return self._claim_response(claim)

    def _drafted(self, request: Request, payload_class: type, service: Any) -> Response:
        """A verdict or correction drafted from the payload, answered as the private draft."""
        payload = payload_class(data=request.data)
        payload.is_valid(raise_exception=True)
        verdict = service(claim=self.get_object(), actor=request.user, **payload.validated_data)
        return Response(DraftVerdictSerializer(verdict).data, status=status.HTTP_201_CREATED)

    def _reasoned(self, request: Request, service: Any) -> Response:
        payload = ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        claim = service(claim=self.get_object(), actor=request.user, **payload.validated_data)
        return self._claim_response(claim)

    @extend_schema(request=ReasonSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="start-review")
    def start_review(self, request: Request, pk: str | None = None) -> Response:
        """The assigned reviewer starts working on the claim."""
        return self._reasoned(request, claim_start_review)

    @extend_schema(request=ReasonSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="mark-checkable")
    def mark_checkable(self, request: Request, pk: str | None = None) -> Response:
        """Editors triage the claim as worth checking."""
        return self._reasoned(request, claim_mark_checkable)

    @extend_schema(request=ReasonSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="mark-not-checkable")
    def mark_not_checkable(self, request: Request, pk: str | None = None) -> Response:
        """Editors triage the claim as not checkable (opinion, prediction, ...)."""
        return self._reasoned(request, claim_mark_not_checkable)

    @extend_schema(request=ReasonSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"])
    def unassign(self, request: Request, pk: str | None = None) -> Response:
        """Editors take the claim back from its reviewer; it becomes checkable again."""
        return self._reasoned(request, claim_unassign)

    @extend_schema(request=CorrectionInputSerializer, responses={201: DraftVerdictSerializer})
    @action(detail=True, methods=["post"], url_path="verdict/correct")
    def correct(self, request: Request, pk: str | None = None) -> Response:
        """Editors or the claim's reviewer draft a correction of the published verdict."""
        return self._drafted(request, CorrectionInputSerializer, verdict_correct)

    @extend_schema(request=SecondReviewerSerializer, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post"], url_path="second-reviewer")
    def second_reviewer(self, request: Request, pk: str | None = None) -> Response:
        """Editors require a second reviewer's agreement before publishing (null: no longer)."""
        payload = SecondReviewerSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        claim = claim_require_second_review(
            claim=self.get_object(), actor=request.user, **payload.validated_data
        )
        return self._claim_response(claim)

    @extend_schema(request=SecondReviewSerializer, responses={200: DraftVerdictSerializer})
    @action(detail=True, methods=["post"], url_path="verdict/second-review")
    def second_review(self, request: Request, pk: str | None = None) -> Response:
        """The second reviewer approves the draft verdict or rejects it with a note."""
        payload = SecondReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        verdict = verdict_second_review(
            claim=self.get_object(), actor=request.user, **payload.validated_data
        )
        return Response(DraftVerdictSerializer(verdict).data)

    @extend_schema(methods=["POST"], request=DuplicateSerializer, responses={200: ClaimSerializer})
    @extend_schema(methods=["DELETE"], request=None, responses={200: ClaimSerializer})
    @action(detail=True, methods=["post", "delete"])
    def duplicate(self, request: Request, pk: str | None = None) -> Response:
        """POST marks the claim as a duplicate of `original`; DELETE undoes it."""
        if request.method == "DELETE":
            claim = claim_unmark_duplicate(claim=self.get_object(), actor=request.user)
            return self._claim_response(claim)
        payload = DuplicateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        claim = claim_mark_duplicate(
            claim=self.get_object(), actor=request.user, **payload.validated_data
        )
        return self._claim_response(claim)

    @extend_schema(methods=["GET"], responses={200: ClaimNoteSerializer(many=True)})
    @extend_schema(
        methods=["POST"], request=NoteInputSerializer, responses={201: ClaimNoteSerializer}
    )
    # The claim list's filters say nothing about a claim's notes.
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def notes(self, request: Request, pk: str | None = None) -> Response:
        """The claim's notes, oldest first; POST leaves a new one.

        Notes are what editors and the claim's reviewers tell each other. They are never
        public: readers and other reviewers are refused."""
        claim = self.get_object()
        if request.method == "POST":
            payload = NoteInputSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            note = claim_add_note(claim=claim, actor=request.user, **payload.validated_data)
            return Response(ClaimNoteSerializer(note).data, status=status.HTTP_201_CREATED)
        page = self.paginate_queryset(claim_notes(claim=claim, actor=request.user))
        return self.get_paginated_response(ClaimNoteSerializer(page, many=True).data)

    @extend_schema(responses={200: ClaimMovesSerializer})
    @action(detail=True, methods=["get"])
    def moves(self, request: Request, pk: str | None = None) -> Response:
        """The workflow moves the signed-in newsroom member may take on the claim now, and why
        the others are refused: the same answers the admin's buttons and the actions give."""
        moves = claim_moves(claim=self.get_object(), actor=request.user)
        return Response(
            {
                "allowed_moves": [move.value for move, refusal in moves.items() if not refusal],
                "moves": [
                    {
                        "move": move.value,
                        "allowed": refusal is None,
                        "reason": refusal.message if refusal else None,
                    }
                    for move, refusal in moves.items()
                ],
            }
        )

    @extend_schema(
        summary="The claim's ClaimReview",
        responses={200: CLAIMREVIEW_REF},
        description=(
            "The schema.org ClaimReview (JSON-LD) of the published verdict; 404 until a verdict "
            "is published. `Accept: application/ld+json` gets it under the linked-data type."
        ),
        examples=[OpenApiExample("A published review", value=CLAIMREVIEW_EXAMPLE)],
    )
    @action(detail=True, methods=["get"], renderer_classes=LINKED_DATA_RENDERERS)
    def claimreview(self, request: Request, pk: str | None = None) -> Response:
        review = public_claimreview(self.get_object())
        if review is None:
            raise Http404
        return Response(review)

    # Last in the class: from here on, `list` in this class body names this method.
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The same items as ClaimSerializer, built from rows in a fixed number of queries."""
        for_staff = shows_assignment(request)
        claims = claim_rows(self.filter_queryset(self.get_queryset()), for_staff=for_staff)
        rows = self.paginate_queryset(claims)
        return self.get_paginated_response(claim_items(rows, for_staff=for_staff))


class RatingViewSet(viewsets.ReadOnlyModelViewSet):
    """The ratings of the default scale, best first."""

    serializer_class = RatingSerializer
    pagination_class = None
    renderer_classes = READ_RENDERERS
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        return Rating.objects.in_default_scale().order_by("order", "-value")

    @extend_schema(parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH)])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)
