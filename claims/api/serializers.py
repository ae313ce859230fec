from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.limits import (
    MAX_EXPLANATION_CHARS,
    MAX_NOTE_CHARS,
    MAX_RATING_SLUG_CHARS,
    MAX_SOURCE_PUBLISHER_CHARS,
    MAX_SOURCE_QUOTE_CHARS,
    MAX_SOURCE_TITLE_CHARS,
    MAX_SOURCE_URL_CHARS,
    MAX_SOURCES,
    MAX_SUMMARY_CHARS,
    MAX_USERNAME_CHARS,
)
from claims.models import Claim, ClaimNote, Rating, Verdict, VerdictSource
from claims.public import claim_item_of
from claims.services.policy import Move
from core.roles import is_staff_member


def shows_assignment(request: Any) -> bool:
    """Who checks a claim and by when is newsroom-internal: only staff see it."""
    return request is not None and is_staff_member(request.user)


class VerdictSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = VerdictSource
        fields = ["url", "title", "publisher", "quote", "accessed_at"]


class PublishedVerdictSerializer(serializers.ModelSerializer):
    rating = serializers.CharField(source="rating_slug")
    rating_label = serializers.CharField()
    rating_value = serializers.IntegerField()
    sources = VerdictSourceSerializer(many=True)

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
            "explanation",
            "sources",
            "published_at",
            "first_published_at",
            "correction_note",
        ]


class VerdictVersionSerializer(serializers.ModelSerializer):
    """One published version of a claim's verdict, as listed in its correction history."""

    rating = serializers.CharField(source="rating_slug")

    class Meta:
        model = Verdict
        fields = [
            "version",
            "status",
            "rating",
            "rating_label",
            "summary",
            "correction_note",
            "published_at",
        ]


class DraftVerdictSerializer(serializers.ModelSerializer):
    rating = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author = serializers.CharField(source="author.username")
    sources = VerdictSourceSerializer(many=True)

    class Meta:
        model = Verdict
        fields = [
            "id",
            "version",
            "status",
            "rating",
            "summary",
            "explanation",
            "sources",
            "author",
            "correction_note",
            "second_review",
            "second_review_note",
        ]


class DateMentionSerializer(serializers.Serializer):
    """A date the claim talks about, as the detector read it (claims.detection.dates)."""

    text = serializers.CharField(help_text="The words in the claim.")
    start = serializers.IntegerField(help_text="Character offset in the article body.")
    end = serializers.IntegerField()
    value = serializers.DateField(help_text="The first day meant.")
    end_value = serializers.DateField(help_text="The last day meant (a year: 31 December).")
    granularity = serializers.CharField(help_text="day, month, year, ...")


class EntityMentionSerializer(serializers.Serializer):
    """A person, organisation, place or number the claim names (claims.detection.entities)."""

    text = serializers.CharField()
    start = serializers.IntegerField(help_text="Character offset in the article body.")
    end = serializers.IntegerField()
    kind = serializers.CharField(
        help_text="person, organization, place, quantity, percent or money."
    )
    value = serializers.FloatField(
        allow_null=True, help_text="A number's value (4.2e6 for $4.2 million); null for names."
    )


@extend_schema_field(DateMentionSerializer(many=True))
class DateMentionsField(serializers.JSONField):
    """The stored list of dates, described item by item."""


@extend_schema_field(EntityMentionSerializer(many=True))
class EntityMentionsField(serializers.JSONField):
    """The stored list of entities, described item by item."""


# A claim as the API shows it: described here for the schema, built by the public read model
# (`claims.public`), the same function the list and the export use.
class ClaimSerializer(serializers.ModelSerializer):
    claimant = serializers.CharField(read_only=True, allow_null=True)
    dates = DateMentionsField(read_only=True)
    entities = EntityMentionsField(read_only=True)
    # Null for a claim imported from another organisation's ClaimReview: it has no article here.
    article_title = serializers.CharField(source="article.title", read_only=True, allow_null=True)
    article_url = serializers.CharField(source="article.url", read_only=True, allow_null=True)
    verdict = PublishedVerdictSerializer(
        read_only=True,
        allow_null=True,
        help_text="The current version; a duplicate shows its original's (see `duplicate_of`).",
    )
    verdict_history = VerdictVersionSerializer(
        many=True,
        read_only=True,
        help_text="Every published version, newest first, with the note of each correction.",
    )
    reviewer = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="Who is checking a claim is newsroom-internal: staff only.",
    )
    due_date = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "statement",
            "claimant",
            "claimant_id",
            "status",
            "score",
            "article",
            "article_title",
            "article_url",
            "start",
            "end",
            "dates",
            "entities",
            "verdict",
            "verdict_history",
            "duplicate_of",
            "reviewer",
            "due_date",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance: Claim) -> dict[str, Any]:
        for_staff = shows_assignment(self.context.get("request"))
        return claim_item_of(instance.pk, for_staff=for_staff)


class AssignSerializer(serializers.Serializer):
    reviewer = serializers.CharField(max_length=MAX_USERNAME_CHARS)
    due_date = serializers.DateField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_CHARS
    )


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "format": "uri"},
            {
                "type": "object",
                "properties": {
                    "url": {"type": "string", "format": "uri"},
                    "title": {"type": "string"},
                    "publisher": {"type": "string"},
                    "quote": {"type": "string"},
                    "accessed_at": {"type": "string", "format": "date-time"},
                },
                "required": ["url"],
            },
        ]
    }
)
class VerdictSourceInputField(serializers.Field):
    """A source is a URL, or an object with url, title, publisher and quote."""

    default_error_messages = {"invalid": "A source is a URL or an object with a url."}

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str):
            data = {"url": data}
        if not isinstance(data, dict):
            self.fail("invalid")
        source = VerdictSourceInput(data=data)
        source.is_valid(raise_exception=True)
        return source.validated_data

    def to_representation(self, value: Any) -> Any:
        return value


class VerdictSourceInput(serializers.Serializer):
    url = serializers.URLField(max_length=MAX_SOURCE_URL_CHARS)
    title = serializers.CharField(
        max_length=MAX_SOURCE_TITLE_CHARS, required=False, allow_blank=True, default=""
    )
    publisher = serializers.CharField(
        max_length=MAX_SOURCE_PUBLISHER_CHARS, required=False, allow_blank=True, default=""
    )
    quote = serializers.CharField(
        max_length=MAX_SOURCE_QUOTE_CHARS, required=False, allow_blank=True, default=""
    )
    accessed_at = serializers.DateTimeField(required=False, allow_null=True, default=None)

    def validate_url(self, url: str) -> str:
        if not url.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https URLs are accepted.")
        return url


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.SlugField(
        max_length=MAX_RATING_SLUG_CHARS, help_text="A rating slug from the default scale."
    )
    summary = serializers.CharField(max_length=MAX_SUMMARY_CHARS)
    explanation = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_EXPLANATION_CHARS
    )
    sources = serializers.ListField(
        child=VerdictSourceInputField(), required=False, default=list, max_length=MAX_SOURCES
    )


class CorrectionInputSerializer(serializers.Serializer):
    correction_note = serializers.CharField(
        max_length=MAX_NOTE_CHARS,
        help_text="What changed and why; readers see it with the history.",
    )
    rating = serializers.SlugField(
        max_length=MAX_RATING_SLUG_CHARS,
        required=False,
        help_text="Omitted: the published rating is kept.",
    )
    summary = serializers.CharField(max_length=MAX_SUMMARY_CHARS, required=False)
    explanation = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_EXPLANATION_CHARS
    )
    sources = serializers.ListField(
        child=VerdictSourceInputField(), required=False, max_length=MAX_SOURCES
    )


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_CHARS
    )


class ClaimNoteSerializer(serializers.ModelSerializer):
    """A note editors and the claim's reviewers leave each other; never public."""

    author: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        help_text="Who wrote it; null once their account is deleted.",
    )

    class Meta:
        model = ClaimNote
        fields = ["id", "author", "text", "created_at"]


class NoteInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_NOTE_CHARS, help_text="The note, in plain text.")


class SecondReviewerSerializer(serializers.Serializer):
    second_reviewer = serializers.CharField(
        max_length=MAX_USERNAME_CHARS,
        allow_null=True,
        help_text="A reviewer's username; null: no second review.",
    )


class SecondReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approve", "reject"])
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=MAX_NOTE_CHARS,
        help_text="Required when rejecting.",
    )


class DuplicateSerializer(serializers.Serializer):
    original = serializers.IntegerField(min_value=1, help_text="The original claim's id.")
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_CHARS
    )


class ClaimMoveSerializer(serializers.Serializer):
    """One workflow move and whether the signed-in user may take it now."""

    move = serializers.ChoiceField(choices=[move.value for move in Move])
    allowed = serializers.BooleanField()
    reason = serializers.CharField(
        allow_null=True, help_text="Why the move is refused (null when it is allowed)."
    )


class ClaimMovesSerializer(serializers.Serializer):
    allowed_moves = serializers.ListField(
        child=serializers.CharField(),
        help_text="The moves the signed-in user may take on this claim now (see `moves`).",
    )
    moves = ClaimMoveSerializer(many=True)


class RatingSerializer(serializers.ModelSerializer):
    scale = serializers.CharField(source="scale.slug")

    class Meta:
        model = Rating
        fields = ["slug", "label", "value", "order", "colour", "scale"]
