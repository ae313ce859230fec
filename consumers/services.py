"""Every write to API keys, webhook subscriptions and deliveries. Admin, API and tasks call these."""

import hashlib
import hmac
import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from claims.claimreview import claim_public_url, claimreview_for, public_wording
from claims.events import EVENTS
from claims.public import verdict_item
from consumers import signing
from consumers.models import ApiKey, DeliveryStatus, WebhookDelivery, WebhookSubscription
from consumers.sending import SendFailed, check_webhook_url, post_json
from core.errors import InvalidInput, NotPermitted
from core.public_url import public_base_url
from core.roles import is_editor

logger = logging.getLogger(__name__)

KEY_PREFIX_BYTES = 6
KEY_SECRET_BYTES = 24


def _digest(secret: str) -> str:
    # The secret is 192 random bits, so a fast digest is as safe as a slow password hash.
    return hashlib.sha256(secret.encode()).hexdigest()


# --- API keys ---


def api_key_create(
    *, name: str, created_by: Any = None, rate_limit_per_minute: int = 600
) -> tuple[ApiKey, str]:
    """A new key and its full text, which is shown once and never stored."""
    if created_by is not None and not is_editor(created_by):
        raise NotPermitted("Only editors can create API keys.")
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Name the consumer this key is for.", field="name")
    if not isinstance(rate_limit_per_minute, int) or rate_limit_per_minute < 1:
        raise InvalidInput("Must be at least 1.", field="rate_limit_per_minute")
    prefix = secrets.token_hex(KEY_PREFIX_BYTES)
    secret = secrets.token_urlsafe(KEY_SECRET_BYTES)
    api_key = ApiKey.objects.create(
        name=name[:200],
        prefix=prefix,
        secret_digest=_digest(secret),
        rate_limit_per_minute=rate_limit_per_minute,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    return api_key, f"ct_{prefix}_{secret}"


def api_key_revoke(*, api_key: ApiKey, actor: Any = None) -> ApiKey:
    if actor is not None and not is_editor(actor):
        raise NotPermitted("Only editors can revoke API keys.")
    now = timezone.now()
    with transaction.atomic():
        ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(
            revoked_at=now, updated_at=now
        )
        # Its webhooks stop with it; deliveries already queued are refused at send time.
        WebhookSubscription.objects.filter(api_key=api_key, is_active=True).update(
            is_active=False, updated_at=now
        )
    api_key.refresh_from_db()
    return api_key


def api_key_authenticate(*, raw_key: str) -> ApiKey | None:
    """The active key this text stands for, or None."""
    parts = raw_key.strip().split("_")
    if len(parts) < 3 or parts[0] != "ct":
        return None
    prefix, secret = parts[1], "_".join(parts[2:])
    api_key = ApiKey.objects.active().filter(prefix=prefix).first()
    if api_key is None or not hmac.compare_digest(api_key.secret_digest, _digest(secret)):
        return None
    now = timezone.now()
    # Record use at most once a minute, so that reads do not each cost a write.
    if api_key.last_used_at is None or now - api_key.last_used_at > timedelta(minutes=1):
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


# --- Webhook subscriptions ---


def _clean_events(events: Any) -> list[str]:
    if isinstance(events, str) or not isinstance(events, Iterable):
        raise InvalidInput("Give a list of events.", field="events")
    chosen = []
    for event in events:
        if event not in EVENTS:
            raise InvalidInput(
                f"Unknown event {event!r}; choose from {', '.join(EVENTS)}.", field="events"
            )
        if event not in chosen:
            chosen.append(event)
    if not chosen:
        raise InvalidInput("Choose at least one event.", field="events")
    return chosen


def _clean_url(url: Any) -> str:
    if not isinstance(url, str) or not url.strip() or len(url) > 2000:
        raise InvalidInput("Give the URL that receives the webhooks.", field="url")
    problem = check_webhook_url(url.strip(), allow_private=settings.WEBHOOK_ALLOW_PRIVATE)
    if problem:
        raise InvalidInput(problem, field="url")
    return url.strip()


def webhook_subscription_create(
    *,
    url: str,
    events: Iterable[str],
    name: str = "",
    created_by: Any = None,
    api_key: ApiKey | None = None,
) -> WebhookSubscription:
    """Register a URL for events; its signing secret is generated here."""
    if api_key is None and created_by is not None and not is_editor(created_by):
        raise NotPermitted("Only editors and API key holders can register webhooks.")
    url = _clean_url(url)
    events = _clean_events(events)
    name = (name or "").strip() or (api_key.name if api_key else "") or urlsplit(url).netloc
    return WebhookSubscription.objects.create(
        name=name[:200],
        url=url,
        events=events,
        secret=secrets.token_hex(32),
        api_key=api_key,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )


def webhook_subscription_deactivate(*, subscription: WebhookSubscription) -> WebhookSubscription:
    subscription.is_active = False
    subscription.save(update_fields=["is_active", "updated_at"])
    return subscription


# --- Events and deliveries ---


def _claim_payload(claim: Any, verdict: Any = None) -> dict[str, Any]:
    # With a verdict, the claimant its ClaimReview names (the published one).
    claimant = public_wording(claim, verdict).claimant if verdict is not None else claim.claimant
    return {
        "id": claim.pk,
        "text": claim.text,
        "status": claim.status,
        "score": claim.score,
        "article": claim.article_id,
        "claimant": claimant.name if claimant is not None else None,
        "url": claim_public_url(claim),
        "api_url": f"{public_base_url()}/api/claims/{claim.pk}/",
    }


# What an event tells of the verdict: the public verdict's fields, by the API's names.
WEBHOOK_VERDICT_FIELDS = (
    "version",
    "rating",
    "rating_label",
    "rating_value",
    "summary",
    "published_at",
)


def event_payload(event: str, *, claim: Any, verdict: Any = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "event": event,
        "occurred_at": timezone.now(),
        "claim": _claim_payload(claim, verdict),
    }
    if verdict is not None:
        shown = verdict_item(verdict)
        payload["verdict"] = {field: shown[field] for field in WEBHOOK_VERDICT_FIELDS}
        payload["claimreview"] = claimreview_for(claim, verdict)
    return json.loads(json.dumps(payload, cls=DjangoJSONEncoder))


def webhook_event_record(event: str, *, claim: Any, verdict: Any = None, **_: Any) -> int:
    """Record one delivery per subscription that wants `event`; each is sent after commit."""
    from consumers.tasks import deliver_webhook

    wanted = [
        subscription
        for subscription in WebhookSubscription.objects.deliverable().only("events")
        if event in subscription.events
    ]
    if not wanted:
        return 0
    payload = event_payload(event, claim=claim, verdict=verdict)
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(subscription=subscription, event=event, payload=payload, next_retry_at=now)
        for subscription in wanted
    )
    for delivery in deliveries:
        deliver_webhook.delay_on_commit(delivery.pk)
    return len(deliveries)


@dataclass(frozen=True)
class AttemptOutcome:
    delivery_id: int
    sent: bool
    status: str
    response_code: int | None = None
    error: str = ""

    @property
    def should_retry(self) -> bool:
        return self.status == DeliveryStatus.PENDING and not self.sent


def delivery_message_id(delivery: WebhookDelivery) -> str:
    """The Standard Webhooks message id: one per delivery, the same on every retry."""
    return f"msg_{delivery.pk}"


def _body(delivery: WebhookDelivery) -> bytes:
    envelope = {"id": delivery.pk, **delivery.payload}
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True).encode()


def webhook_delivery_attempt(*, delivery_id: int) -> AttemptOutcome:
    """Send one delivery once and log the attempt on its row.

    A 2xx answer delivers it; anything else (refused, timed out, 3xx/4xx/5xx) leaves it pending
    with the time of the next attempt, until the last allowed attempt marks it failed.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .select_related("subscription")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            status = delivery.status if delivery else "missing"
            return AttemptOutcome(delivery_id=delivery_id, sent=False, status=status)
        subscription = delivery.subscription
        # Checked again at send time: the key may have been revoked after the event was queued.
        if not WebhookSubscription.objects.deliverable().filter(pk=subscription.pk).exists():
            delivery.status = DeliveryStatus.FAILED
            delivery.last_error = "The subscription was deactivated or its API key revoked."
            delivery.save(update_fields=["status", "last_error", "updated_at"])
            return AttemptOutcome(delivery_id=delivery_id, sent=False, status=delivery.status)
        body = _body(delivery)
        timestamp = int(timezone.now().timestamp())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "ClaimTracker-Webhooks/1.0",
            "X-ClaimTracker-Event": delivery.event,
            "X-ClaimTracker-Delivery": str(delivery.pk),
            **signing.delivery_headers(
                secret=subscription.secret,
                message_id=delivery_message_id(delivery),
                body=body,
                timestamp=timestamp,
            ),
        }
        response_code, error = None, ""
        try:
            result = post_json(
                subscription.url,
                body,
                headers,
                allow_private=settings.WEBHOOK_ALLOW_PRIVATE,
                connect_timeout=settings.WEBHOOK_CONNECT_TIMEOUT,
                read_timeout=settings.WEBHOOK_READ_TIMEOUT,
            )
            response_code = result.status
            if not 200 <= result.status < 300:
                error = f"HTTP {result.status}: {result.body_excerpt[:500]}"
        except SendFailed as failure:
            error = str(failure)[:2000]

        now = timezone.now()
        delivery.attempts += 1
        delivery.response_code = response_code
        delivery.last_error = error
        if not error:
            delivery.status = DeliveryStatus.DELIVERED
            delivery.delivered_at = now
            delivery.next_retry_at = None
        elif delivery.attempts > settings.WEBHOOK_MAX_RETRIES:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_retry_at = None
        else:
            delivery.next_retry_at = now + timedelta(seconds=retry_countdown(delivery.attempts - 1))
        delivery.save()
    if error:
        logger.info(
            "Webhook delivery %s attempt %s failed: %s", delivery_id, delivery.attempts, error
        )
    return AttemptOutcome(
        delivery_id=delivery_id,
        sent=not error,
        status=delivery.status,
        response_code=response_code,
        error=error,
    )


def retry_countdown(retries_done: int) -> int:
    """Seconds before the next attempt: the same exponential backoff the task's retry uses."""
    return get_exponential_backoff_interval(
        factor=settings.WEBHOOK_RETRY_BACKOFF,
        retries=retries_done,
        maximum=settings.WEBHOOK_RETRY_BACKOFF_MAX,
        full_jitter=False,
    )


def webhook_deliveries_overdue(*, grace_seconds: int = 300) -> list[int]:
    """Pending deliveries whose retry should have happened long ago (a lost broker message)."""
    cutoff = timezone.now() - timedelta(seconds=grace_seconds)
    return list(WebhookDelivery.objects.due(cutoff).values_list("pk", flat=True)[:1000])
