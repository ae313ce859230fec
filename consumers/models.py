from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.events import EVENTS
from consumers.signing import standard_secret

WEBHOOK_EVENT_CHOICES = [(event, event) for event in EVENTS]


class ApiKeyQuerySet(models.QuerySet):
    def active(self) -> "ApiKeyQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A named key for one consumer of the API. Only a digest of its secret is stored."""

    name = models.CharField(max_length=200, help_text="Who uses this key, e.g. the site's name.")
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    secret_digest = models.CharField(max_length=64, editable=False)
    rate_limit_per_minute = models.PositiveIntegerField(
        default=600, help_text="Requests per minute before the API answers 429."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="api_keys_created",
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "API key"
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_limit_per_minute__gte=1), name="api_key_rate_limit_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class WebhookSubscriptionQuerySet(models.QuerySet):
    def deliverable(self) -> "WebhookSubscriptionQuerySet":
        """Subscriptions that may still receive events: active, and registered by no API key
        or by one that has not been revoked."""
        return self.filter(is_active=True).exclude(api_key__revoked_at__isnull=False)


class WebhookSubscription(models.Model):
    """A URL that receives signed POSTs when the chosen events happen."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list, help_text="Events to receive, e.g. verdict.published.")
    secret = models.CharField(max_length=128, editable=False)
    api_key = models.ForeignKey(
        ApiKey,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="webhooks",
        help_text="The consumer that registered it through the API, if any.",
    )
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webhooks_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WebhookSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} → {self.url}"

    @property
    def signing_secret(self) -> str:
        """The secret in the `whsec_…` form that Standard Webhooks libraries take."""
        return standard_secret(self.secret)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed (gave up)"


class WebhookDeliveryQuerySet(models.QuerySet):
    def due(self, now: object) -> "WebhookDeliveryQuerySet":
        """Deliveries still to send whose next attempt time has passed."""
        return self.filter(status=DeliveryStatus.PENDING, next_retry_at__lte=now)


class WebhookDelivery(models.Model):
    """One event sent to one subscription, with the outcome of its latest attempt."""

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=WEBHOOK_EVENT_CHOICES)
    payload = models.JSONField()
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    next_retry_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_retry_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription.url} ({self.status})"
