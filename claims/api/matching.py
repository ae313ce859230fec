"""GET /api/claims/match/?text=...: has this claim been checked before?"""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.models import ExternalReview, Verdict
from claims.public import public_page_url
from claims.services.matching import MAX_MATCHES, MAX_QUERY_CHARS, ClaimMatch, claims_find_matching
from core.api.throttling import AnonymousReadThrottle

DEFAULT_MATCHES = 5


class MatchQuerySerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_QUERY_CHARS,
        trim_whitespace=True,
        help_text="The claim to look up, as it was said or written.",
    )
    limit = serializers.IntegerField(
        required=False,
        default=DEFAULT_MATCHES,
        min_value=1,
        help_text=f"How many matches to return; at most {MAX_MATCHES}.",
    )


class ExternalReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalReview
        fields = [
            "url",
            "title",
            "publisher",
            "rating_text",
            "rating_value",
            "best_rating",
            "worst_rating",
            "reviewed_on",
        ]


class MatchVerdictSerializer(serializers.ModelSerializer):
    rating = serializers.CharField(source="rating_slug")

    class Meta:
        model = Verdict
        fields = [
            "version",
            "rating",
            "rating_label",
            "rating_value",
            "best_rating",
            "worst_rating",
            "summary",
            "published_at",
        ]


class MatchedClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="claim.pk")
    text = serializers.CharField(source="claim.text")
    url = serializers.SerializerMethodField()
    status = serializers.CharField(source="claim.status")
    origin = serializers.CharField(source="claim.origin")
    claimant = serializers.SerializerMethodField()
    score = serializers.FloatField(
        help_text="The matcher's similarity of the two texts, for ordering the results; not a "
        "probability: read confidence and match to decide."
    )
    confidence = serializers.FloatField(help_text="Estimated probability of the same claim.")
    match = serializers.CharField(
        source="level", help_text="confident (same claim), possible (worth a look) or weak."
    )
    verdict = MatchVerdictSerializer(
        allow_null=True, help_text="This newsroom's published verdict, if any."
    )
    external_reviews = ExternalReviewSerializer(
        source="reviews", many=True, help_text="Fact-checks of this claim published elsewhere."
    )

    @extend_schema_field(
        serializers.CharField(
            allow_null=True,
            help_text="The claim's public page; null until it has a published verdict.",
        )
    )
    def get_url(self, match: ClaimMatch) -> str | None:
        return public_page_url(match.claim.pk, match.verdict)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_claimant(self, match: ClaimMatch) -> str | None:
        return match.claim.claimant.name if match.claim.claimant_id else None


class MatchResponseSerializer(serializers.Serializer):
    results = MatchedClaimSerializer(many=True)


class ClaimMatchThrottle(AnonymousReadThrottle):
    """Anonymous lookups per client address (CLAIM_MATCH_ANON_RATE), on top of the read limit,
    in the same shared counter and with the same idea of the client's address."""

    scope = "claim-match"
    rate_setting = "CLAIM_MATCH_ANON_RATE"


class ClaimMatchView(APIView):
    """The known claims a text most likely repeats, best first, with their verdicts."""

    permission_classes = [AllowAny]
    throttle_classes = [*APIView.throttle_classes, ClaimMatchThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter("text", str, required=True, description="The claim to look up."),
            OpenApiParameter("limit", int, description=f"At most {MAX_MATCHES}; default 5."),
        ],
        responses={200: MatchResponseSerializer},
    )
    def get(self, request: Request) -> Response:
        query = MatchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        limit = min(query.validated_data["limit"], MAX_MATCHES)
        matches = claims_find_matching(text=query.validated_data["text"], limit=limit)
        response = Response({"results": MatchedClaimSerializer(matches, many=True).data})
        # Answers change only when claims do; a short shared cache spares repeated lookups.
        response["Cache-Control"] = "public, max-age=60"
        return response
