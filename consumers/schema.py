"""How the API key and the webhook events appear in the OpenAPI schema (and Swagger UI)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, OpenApiWebhook, extend_schema


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "consumers.authentication.ApiKeyAuthentication"
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema: object) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": (
                "A consumer's key, created by the newsroom's editors. Send it as "
                "`X-Api-Key: <key>` or `Authorization: Api-Key <key>`. Each key has its own "
                "rate limit per minute; over it the API answers 429 with Retry-After."
            ),
        }


# --- The events POSTed to subscribers (consumers.services.event_payload), as OpenAPI webhooks ---

_CLAIM = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "status": {"type": "string"},
        "score": {"type": "number"},
        "article": {"type": ["integer", "null"]},
        "claimant": {"type": ["string", "null"]},
        "url": {"type": "string", "format": "uri", "description": "The public claim page."},
        "api_url": {"type": "string", "format": "uri"},
    },
    "required": ["id", "text", "status", "score", "article", "claimant", "url", "api_url"],
}
_VERDICT = {
    "type": "object",
    "properties": {
        "version": {"type": "integer"},
        "rating": {"type": "string"},
        "rating_label": {"type": "string"},
        "rating_value": {"type": "integer"},
        "summary": {"type": "string"},
        "published_at": {"type": "string", "format": "date-time"},
    },
    "required": ["version", "rating", "rating_label", "rating_value", "summary", "published_at"],
}


def _event_body(event: str, *, with_verdict: bool) -> dict:
    properties = {
        "id": {
            "type": "integer",
            "description": "The delivery's id (also X-ClaimTracker-Delivery).",
        },
        "event": {"type": "string", "enum": [event]},
        "occurred_at": {"type": "string", "format": "date-time"},
        "claim": _CLAIM,
    }
    required = ["id", "event", "occurred_at", "claim"]
    if with_verdict:
        properties["verdict"] = _VERDICT
        properties["claimreview"] = {"$ref": "#/components/schemas/ClaimReview"}
        required += ["verdict", "claimreview"]
    return {"type": "object", "properties": properties, "required": required}


def _webhook(event: str, summary: str, *, with_verdict: bool) -> OpenApiWebhook:
    return OpenApiWebhook(
        name=event,
        decorator=extend_schema(
            operation_id=event.replace(".", "_"),
            tags=["webhooks"],
            summary=summary,
            description=SIGNATURE_HEADERS_HELP,
            request={"application/json": _event_body(event, with_verdict=with_verdict)},
            responses={
                200: OpenApiResponse(description="Received; any 2xx will do."),
                400: OpenApiResponse(description="Refused (e.g. a bad signature); retried later."),
            },
        ),
    )


SIGNATURE_HEADERS_HELP = (
    "POSTed to each subscribed URL, signed per Standard Webhooks: verify `webhook-id`, "
    "`webhook-timestamp` and `webhook-signature` with the subscription's `signing_secret`. "
    "Answers other than 2xx are retried with exponential backoff."
)
CLAIM_CREATED_WEBHOOK = _webhook(
    "claim.created", "A claim was found in an article", with_verdict=False
)
VERDICT_PUBLISHED_WEBHOOK = _webhook(
    "verdict.published", "A verdict was published", with_verdict=True
)
VERDICT_CORRECTED_WEBHOOK = _webhook(
    "verdict.corrected", "A published verdict was corrected", with_verdict=True
)


# The Standard Webhooks headers of every delivery, named as the receiver reads them.
DELIVERY_HEADERS = [
    ("webhook-id", "`msg_<delivery id>`: the same on every retry, to drop repeats."),
    ("webhook-timestamp", "Unix seconds of this attempt; refuse one more than 5 minutes away."),
    ("webhook-signature", "`v1,<base64 HMAC-SHA256 of <id>.<timestamp>.<raw body>>`."),
    ("X-ClaimTracker-Event", "The event's name."),
    ("X-ClaimTracker-Delivery", "The delivery's id."),
]
SIGNATURE_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "webhook-signature",
    "description": (
        "Deliveries are signed per Standard Webhooks with the subscription's `signing_secret`: "
        "verify with any Standard Webhooks library, e.g. "
        "`standardwebhooks.Webhook(signing_secret).verify(body, headers)`."
    ),
}


def describe_webhook_deliveries(
    result: dict, generator: object, request: object, public: bool
) -> dict:
    """drf-spectacular hook: each webhook's signed headers and its signature scheme."""
    result.setdefault("components", {}).setdefault("securitySchemes", {})[
        "StandardWebhooksSignature"
    ] = SIGNATURE_SCHEME
    for path_item in result.get("webhooks", {}).values():
        for operation in path_item.values():
            operation["security"] = [{"StandardWebhooksSignature": []}]
            operation["parameters"] = [
                {
                    "name": name,
                    "in": "header",
                    "required": name.startswith("webhook-"),
                    "description": description,
                    "schema": {"type": "string"},
                }
                for name, description in DELIVERY_HEADERS
            ]
    return result
