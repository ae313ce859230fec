from typing import Any

from django.db.models import Prefetch
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from articles.models import Article, ArticleStatus
from articles.permissions import IsEditor
from articles.services import article_create


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
            "status",
            "status_reason",
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
    title = serializers.CharField(max_length=500)
    body = serializers.CharField(trim_whitespace=False)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    author = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class ArticleFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ArticleStatus.choices)
    outlet = filters.CharFilter(field_name="outlet", lookup_expr="iexact")

    class Meta:
        model = Article
        fields = ["status", "outlet"]


class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
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
        responses={201: ArticleSerializer, 202: ArticleSerializer},
        description=(
            "Store an article and extract its claims. 201 when the claims are already stored "
            "(tasks run in-process), 202 while a worker extracts them: poll the article's status."
        ),
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = ArticleCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        article = article_create(**payload.validated_data, created_by=request.user)
        article.refresh_from_db()
        done = article.status == ArticleStatus.DONE
        return Response(
            ArticleSerializer(article).data,
            status=status.HTTP_201_CREATED if done else status.HTTP_202_ACCEPTED,
        )
