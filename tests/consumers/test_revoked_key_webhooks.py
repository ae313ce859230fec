"""Revoking an API key silences its webhooks at once: nothing new is recorded for them, and a
delivery already queued is not sent."""

import pytest
from django.utils import timezone

from claims.events import VERDICT_PUBLISHED
from claims.services import verdict_publish
from consumers.models import ApiKey, DeliveryStatus, WebhookDelivery
from consumers.services import (
    api_key_create,
    api_key_revoke,
    webhook_delivery_attempt,
    webhook_subscription_create,
)
from tests.api.publishing import draft_verdict
from tests.consumers.receiver import WebhookReceiver
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_receivers_allowed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True
    settings.WEBHOOK_READ_TIMEOUT = 0.5
    settings.WEBHOOK_CONNECT_TIMEOUT = 0.5


def _partner_hook(editor, url: str):
    api_key, _ = api_key_create(name="Partner site", created_by=editor)
    webhook_subscription_create(url=url, events=[VERDICT_PUBLISHED], api_key=api_key)
    return api_key


def test_a_revoked_keys_webhook_gets_no_delivery_recorded_or_sent(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        api_key = _partner_hook(editor, receiver.url)
        api_key_revoke(api_key=api_key, actor=editor)
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_delivery_queued_before_the_key_was_revoked_is_not_sent(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        api_key = _partner_hook(editor, receiver.url)
        # Recorded and queued, but the worker has not picked it up yet.
        with django_capture_on_commit_callbacks(execute=False):
            verdict_publish(claim=claim, actor=editor)
        delivery = WebhookDelivery.objects.get()
        api_key_revoke(api_key=api_key, actor=editor)

        outcome = webhook_delivery_attempt(delivery_id=delivery.pk)

    assert receiver.received == []
    assert outcome.sent is False
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 0)


def test_a_key_revoked_without_the_service_still_stops_its_webhooks(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        api_key = _partner_hook(editor, receiver.url)
        ApiKey.objects.filter(pk=api_key.pk).update(revoked_at=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()
