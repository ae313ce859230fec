from typing import Any

from django.db.models import Prefetch
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from articles.models import Article, ArticleStatus
from articles.services import Receipt, article_create_from_url, article_receive
from core.api.filters import IdFilter
from core.permissions import IsEditor

IDEMPOTENCY_HEADER = "Idempotency-Key"


class ArticleClaimSerializer(serializers.Serializer):
    """A claim as listed inside its article (the claims app owns the full claim resource)."""

    id = serializers.IntegerField()
    text = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    score = serializers.FloatField()
    status = serializers.CharField()
    claimant = serializers.SerializerMethodField()

    def get_claimant(self, claim: Any) -> str | None:
        return claim.claimant.name if claim.claimant_id else None


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "outlet",
            "author",
            "published_at",
            "canonical_url",
            "language",
            "status",
            "status_reason",
            "duplicate_of",
            "feed_source",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ArticleDetailSerializer(ArticleSerializer):
    claims = ArticleClaimSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "claims"]
        read_only_fields = fields


class ArticleCreateSerializer(serializers.Serializer):
    """An article's title and body, or only its url: the page is then fetched for them."""

    title = serializers.CharField(max_length=500, required=False)
    body = serializers.CharField(trim_whitespace=False, required=False)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    author = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        required = "This field is required."
        if "body" not in data:
            if not data.get("url"):
                raise serializers.ValidationError({"body": [required]})
        elif not data.get("title"):
            raise serializers.ValidationError({"title": [required]})
        return data


class ArticleReceiptSerializer(ArticleSerializer):
    """The article a POST stored, or the one it repeats (then `duplicate_of` is its id and
    `matched_by` says how it was recognised: idempotency_key, url or body)."""

    matched_by = serializers.CharField(required=False)
    updated = serializers.BooleanField(required=False)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "matched_by", "updated"]
        read_only_fields = fields


class ArticleFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ArticleStatus.choices)
    outlet = filters.CharFilter(field_name="outlet", lookup_expr="iexact")
    language = filters.CharFilter(
        field_name="language", lookup_expr="iexact", help_text="ISO 639-1 code, e.g. en or fr."
    )
    feed_source = IdFilter(field_name="feed_source_id")

    class Meta:
        model = Article
        fields = ["status", "outlet", "language", "feed_source"]


class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Articles newsrooms sent in, with their status; one article also lists its claims."""

    filterset_class = ArticleFilter

    def get_queryset(self) -> Any:
        articles = Article.objects.all()
        if self.action == "retrieve":
            claims = Article._meta.get_field("claims").related_model.objects.select_related(
                "claimant"
            )
            articles = articles.prefetch_related(Prefetch("claims", queryset=claims))
        return articles

    def get_permissions(self) -> list[Any]:
        if self.action == "create":
            return [IsAuthenticated(), IsEditor()]
        return [AllowAny()]

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "create":
            return ArticleCreateSerializer
        return ArticleSerializer

    @extend_schema(
        request=ArticleCreateSerializer,
        responses={200: ArticleReceiptSerializer, 201: ArticleSerializer, 202: ArticleSerializer},
        parameters=[
            OpenApiParameter(
                IDEMPOTENCY_HEADER,
                str,
                OpenApiParameter.HEADER,
                required=False,
                description=(
                    "Any unique string; repeating a request with the same key returns the "
                    "article the first request stored instead of a second one."
                ),
            )
        ],
        description=(
            "Store an article and extract its claims: give its title and body, or only its url "
            "and the page is fetched for them. 201 when the claims are already stored (tasks "
            "run in-process), 202 while a worker fetches the page or extracts the claims: poll "
            "the article's status. 200 when the article is already stored (same idempotency "
            "key, same address or same text): the answer is that article, with `duplicate_of` "
            "set to its id; if the same address came with a new text, the article is updated "
            "(`updated` true) and its claims extracted again."
        ),
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = ArticleCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        fields = payload.validated_data
        key = request.headers.get(IDEMPOTENCY_HEADER, "")
        if "body" in fields:
            receipt = article_receive(**fields, created_by=request.user, idempotency_key=key)
        else:
            receipt = article_create_from_url(
                url=fields["url"],
                title=fields.get("title", ""),
                outlet=fields["outlet"],
                published_at=fields["published_at"],
                created_by=request.user,
                idempotency_key=key,
            )
        return _receipt_response(receipt)


def _receipt_response(receipt: Receipt) -> Response:
    article = receipt.article
    article.refresh_from_db()
    if receipt.created:
        done = article.status == ArticleStatus.DONE
        return Response(
            ArticleSerializer(article).data,
            status=status.HTTP_201_CREATED if done else status.HTTP_202_ACCEPTED,
        )
    data = dict(ArticleSerializer(article).data)
    data["duplicate_of"] = article.pk
    data["matched_by"] = receipt.matched_by
    data["updated"] = receipt.outcome == "updated"
    headers = {"Idempotent-Replayed": "true"} if receipt.matched_by == "idempotency_key" else {}
    return Response(data, status=status.HTTP_200_OK, headers=headers)
