"""Serializers of the public reference and feed endpoints (claimants, verdicts, scales)."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers import PublishedVerdictSerializer
from claims.claimreview import claim_public_url
from claims.models import Claimant, Rating, RatingScale, Verdict


class ClaimantSerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Claimant
        fields = ["id", "name", "kind", "aliases", "created_at", "updated_at"]
        read_only_fields = fields

    def get_aliases(self, claimant: Claimant) -> list[str]:
        return [alias.name for alias in claimant.aliases.all() if alias.name != claimant.name]


class ScaleRatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rating
        fields = ["slug", "label", "value", "order", "colour"]


class RatingScaleSerializer(serializers.ModelSerializer):
    ratings = ScaleRatingSerializer(many=True, read_only=True)
    best_rating = serializers.SerializerMethodField()
    worst_rating = serializers.SerializerMethodField()

    class Meta:
        model = RatingScale
        fields = ["slug", "name", "is_default", "best_rating", "worst_rating", "ratings"]

    def get_best_rating(self, scale: RatingScale) -> int | None:
        values = [rating.value for rating in scale.ratings.all()]
        return max(values) if values else None

    def get_worst_rating(self, scale: RatingScale) -> int | None:
        values = [rating.value for rating in scale.ratings.all()]
        return min(values) if values else None


class PublicVerdictSerializer(PublishedVerdictSerializer):
    """A published verdict with the claim it rates; corrections carry the original's date."""

    claim = serializers.IntegerField(source="claim_id")
    claim_text = serializers.CharField(source="claim.text")
    claimant = serializers.SerializerMethodField()
    # As the model describes them, read-only (the claim's nested verdict declares its own).
    rating_label = serializers.CharField(read_only=True)
    rating_value = serializers.IntegerField(read_only=True, allow_null=True)
    date_published = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta(PublishedVerdictSerializer.Meta):
        fields = [
            "id",
            "claim",
            "claim_text",
            "claimant",
            "version",
            "rating",
            "rating_label",
            "rating_value",
            "best_rating",
            "worst_rating",
            "summary",
            "explanation",
            "correction_note",
            "sources",
            "date_published",
            "published_at",
            "url",
        ]
        read_only_fields = fields

    def get_claimant(self, verdict: Verdict) -> str | None:
        """Who this version says made the claim, as it was published."""
        claimant = verdict.published_wording.claimant
        return claimant.name if claimant is not None else None

    @extend_schema_field(serializers.DateTimeField())
    def get_date_published(self, verdict: Verdict) -> Any:
        """When the first version went public; `published_at` is this version's date."""
        first = verdict.first_published_at or verdict.published_at
        return serializers.DateTimeField().to_representation(first)

    def get_url(self, verdict: Verdict) -> str:
        return claim_public_url(verdict.claim)
