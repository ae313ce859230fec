"""Webhook subscriptions over the API: editors manage all, an API key holder its own."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from claims.events import EVENTS
from consumers.models import ApiKey, WebhookDelivery, WebhookSubscription
from consumers.services import webhook_subscription_create, webhook_subscription_deactivate
from core.roles import is_editor

SIGNATURE_HELP = (
    "Each delivery is a POST with a JSON body, signed per the Standard Webhooks specification: "
    "headers `webhook-id` (the same on every retry), `webhook-timestamp` (unix seconds) and "
    "`webhook-signature: v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<raw body>>`. "
    "Verify it with any Standard Webhooks library and the subscription's `signing_secret` "
    "(`whsec_…`, returned once, when the webhook is created), e.g. in Python "
    "`standardwebhooks.Webhook(signing_secret).verify(body, headers)`; refuse a timestamp more "
    "than 5 minutes away. The earlier header `X-ClaimTracker-Signature: t=<unix seconds>,v1=<hex "
    "HMAC-SHA256 of <t>.<raw body> keyed with `secret`>` is still sent for existing receivers. "
    "`X-ClaimTracker-Event` names the event and `X-ClaimTracker-Delivery` (also `id` in the body) "
    "identifies the delivery. Answer 2xx quickly; anything else is retried with exponential "
    "backoff."
)


class IsEditorOrApiKeyHolder(BasePermission):
    message = "Only editors and API key holders can manage webhooks."

    def has_permission(self, request: Any, view: Any) -> bool:
        return isinstance(request.auth, ApiKey) or is_editor(request.user)


def _api_key(request: Request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None


class WebhookSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=list(EVENTS)), allow_empty=False
    )

    class Meta:
        model = WebhookSubscription
        fields = ["id", "name", "url", "events", "is_active", "created_at"]
        read_only_fields = ["id", "is_active", "created_at"]
        extra_kwargs = {"name": {"required": False, "allow_blank": True}}


class NewWebhookSerializer(WebhookSerializer):
    signing_secret = serializers.CharField(
        read_only=True,
        help_text="The Standard Webhooks signing secret (`whsec_…`); shown only in this response.",
    )
    secret = serializers.CharField(
        read_only=True,
        help_text="The same secret as it keys the earlier `X-ClaimTracker-Signature` header.",
    )

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "signing_secret", "secret"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event",
            "status",
            "attempts",
            "response_code",
            "last_error",
            "next_retry_at",
            "delivered_at",
            "created_at",
        ]
        read_only_fields = fields


@extend_schema(description=SIGNATURE_HELP)
class WebhookViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = WebhookSerializer
    permission_classes = [IsEditorOrApiKeyHolder]

    def get_queryset(self) -> QuerySet:
        webhooks = WebhookSubscription.objects.filter(is_active=True).order_by("id")
        api_key = _api_key(self.request)
        return webhooks.filter(api_key=api_key) if api_key is not None else webhooks

    @extend_schema(
        request=WebhookSerializer,
        responses={201: NewWebhookSerializer},
        description="Register a URL for events. " + SIGNATURE_HELP,
        examples=[
            OpenApiExample(
                "Verdicts as they are published",
                request_only=True,
                value={
                    "name": "Newsroom CMS",
                    "url": "https://cms.example.org/hooks/fact-checks",
                    "events": ["verdict.published", "verdict.corrected"],
                },
            )
        ],
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = WebhookSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        subscription = webhook_subscription_create(
            **payload.validated_data,
            created_by=request.user if request.user.is_authenticated else None,
            api_key=_api_key(request),
        )
        return Response(NewWebhookSerializer(subscription).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance: WebhookSubscription) -> None:
        webhook_subscription_deactivate(subscription=instance)

    @extend_schema(
        summary="The webhook's latest deliveries",
        responses={200: WebhookDeliverySerializer(many=True)},
    )
    # The latest hundred, unpaginated: the schema must not promise a page.
    @action(detail=True, methods=["get"], pagination_class=None)
    def deliveries(self, request: Request, pk: str | None = None) -> Response:
        """The latest deliveries to this webhook, with each one's response code and error."""
        recent = self.get_object().deliveries.order_by("-created_at", "-id")[:100]
        return Response(WebhookDeliverySerializer(recent, many=True).data)
