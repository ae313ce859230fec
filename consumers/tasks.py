from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from consumers.services import webhook_deliveries_overdue, webhook_delivery_attempt


class DeliveryNotYetSent(Exception):
    """The endpoint did not accept the delivery; Celery retries it after a backoff."""


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DeliveryNotYetSent, OperationalError, InterfaceError),
    retry_backoff=settings.WEBHOOK_RETRY_BACKOFF,
    retry_backoff_max=settings.WEBHOOK_RETRY_BACKOFF_MAX,
    retry_jitter=False,
    max_retries=settings.WEBHOOK_MAX_RETRIES,
    soft_time_limit=60,
    time_limit=90,
)
def deliver_webhook(self, delivery_id: int) -> str:
    """One attempt at one delivery; a refused attempt is retried with exponential backoff."""
    outcome = webhook_delivery_attempt(delivery_id=delivery_id)
    if outcome.should_retry and not self.request.is_eager:
        raise DeliveryNotYetSent(outcome.error)
    # Without a broker the attempt ran inside the request that caused it: it is never retried
    # there, and the overdue sweep sends it again later.
    return outcome.status


@shared_task(ignore_result=True)
def sweep_webhook_deliveries() -> int:
    """Enqueue again the deliveries whose scheduled retry was lost (broker down or restarted)."""
    overdue = webhook_deliveries_overdue()
    for delivery_id in overdue:
        deliver_webhook.delay(delivery_id)
    return len(overdue)
