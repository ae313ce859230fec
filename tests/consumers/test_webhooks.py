"""Webhooks: registered by consumers, signed, logged, retried, and never holding anyone up."""

import json
import socket
import time

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from claims.events import CLAIM_CREATED, VERDICT_CORRECTED, VERDICT_PUBLISHED
from claims.services import verdict_correct, verdict_publish
from consumers import signing
from consumers.models import DeliveryStatus, WebhookDelivery
from consumers.services import (
    api_key_create,
    webhook_delivery_attempt,
    webhook_subscription_create,
)
from tests.api.conftest import client_for
from tests.api.publishing import draft_verdict, publish_verdict
from tests.consumers.receiver import WebhookReceiver
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_receivers_allowed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True
    settings.WEBHOOK_READ_TIMEOUT = 0.5
    settings.WEBHOOK_CONNECT_TIMEOUT = 0.5


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/gone"


def test_a_signature_is_accepted_fresh_and_refused_stale_or_tampered():
    body = b'{"event":"verdict.published"}'
    now = int(time.time())
    header = signing.sign("s3cret", body, now)
    assert signing.verify("s3cret", header, body)
    assert not signing.verify("s3cret", header, body + b" ")
    assert not signing.verify("other", header, body)
    assert not signing.verify("s3cret", signing.sign("s3cret", body, now - 3600), body)
    assert not signing.verify("s3cret", "t=abc,v1=00", body)


def test_webhook_urls_on_private_networks_are_refused_unless_allowed(editor_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = False
    for url in ["http://127.0.0.1:9/hook", "http://10.0.0.8/hook", "http://[::1]/x"]:
        response = editor_client.post(
            "/api/webhooks/", {"url": url, "events": [VERDICT_PUBLISHED]}, format="json"
        )
        assert response.status_code == 400, url
        assert "url" in response.json()
    bad_scheme = editor_client.post(
        "/api/webhooks/",
        {"url": "file:///etc/passwd", "events": [VERDICT_PUBLISHED]},
        format="json",
    )
    assert bad_scheme.status_code == 400
    unknown_event = editor_client.post(
        "/api/webhooks/",
        {"url": "http://127.0.0.1/", "events": ["verdict.deleted"]},
        format="json",
    )
    assert "events" in unknown_event.json()


def test_key_holders_manage_their_own_webhooks_and_see_the_secret_once(
    editor, editor_client, reviewer_client, local_receivers_allowed
):
    _, raw_key = api_key_create(name="Partner", created_by=editor)
    partner = client_for()
    partner.credentials(HTTP_X_API_KEY=raw_key)
    created = partner.post(
        "/api/webhooks/",
        {"url": "http://127.0.0.1:9/hook", "events": [VERDICT_PUBLISHED]},
        format="json",
    )
    assert created.status_code == 201
    assert len(created.json()["secret"]) == 64
    assert created.json()["signing_secret"].startswith("whsec_")
    assert created.json()["name"] == "Partner"
    webhook_subscription_create(
        name="Other", url="http://127.0.0.1:9/other", events=[CLAIM_CREATED], created_by=editor
    )

    mine = partner.get("/api/webhooks/").json()["results"]
    assert [hook["url"] for hook in mine] == ["http://127.0.0.1:9/hook"]
    assert "secret" not in mine[0]
    assert "signing_secret" not in mine[0]
    assert len(editor_client.get("/api/webhooks/").json()["results"]) == 2
    assert reviewer_client.get("/api/webhooks/").status_code == 403
    assert client_for().get("/api/webhooks/").status_code in {401, 403}
    assert partner.delete(f"/api/webhooks/{mine[0]['id']}/").status_code == 204
    assert partner.get("/api/webhooks/").json()["results"] == []


def test_publishing_sends_a_signed_webhook_and_logs_the_delivery(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        hook = webhook_subscription_create(
            name="CMS", url=receiver.url, events=[VERDICT_PUBLISHED], created_by=editor
        )
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)

    [request] = receiver.received
    assert request.path == "/hooks/claims"
    assert signing.verify(hook.secret, request.headers["X-ClaimTracker-Signature"], request.body)
    assert request.headers["X-ClaimTracker-Event"] == VERDICT_PUBLISHED
    payload = json.loads(request.body)
    assert payload["claim"]["id"] == claim.pk
    assert payload["verdict"]["rating"] == "false"
    assert payload["claimreview"]["@type"] == "ClaimReview"
    delivery = WebhookDelivery.objects.get()
    assert payload["id"] == delivery.pk
    assert (delivery.status, delivery.response_code, delivery.attempts) == (
        DeliveryStatus.DELIVERED,
        200,
        1,
    )


def test_a_standard_webhooks_receiver_verifies_a_real_delivery_with_the_secret_it_was_given(
    editor, editor_client, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        created = editor_client.post(
            "/api/webhooks/",
            {"url": receiver.url, "events": [VERDICT_PUBLISHED]},
            format="json",
        ).json()
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)

    [request] = receiver.received
    receiver_side = Webhook(created["signing_secret"])
    payload = receiver_side.verify(request.body, request.headers)
    assert payload["claim"]["id"] == claim.pk
    assert request.headers["webhook-id"] == f"msg_{payload['id']}"
    with pytest.raises(WebhookVerificationError):
        receiver_side.verify(request.body + b" ", request.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.standard_secret("another secret")).verify(request.body, request.headers)


def test_a_retried_delivery_keeps_its_standard_webhooks_message_id(
    editor, reviewer, local_receivers_allowed
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver(statuses=[503, 200]) as receiver:
        hook = webhook_subscription_create(
            name="CMS", url=receiver.url, events=[VERDICT_PUBLISHED], created_by=editor
        )
        verdict_publish(claim=claim, actor=editor)
        delivery = WebhookDelivery.objects.get()
        webhook_delivery_attempt(delivery_id=delivery.pk)
        webhook_delivery_attempt(delivery_id=delivery.pk)

    assert len(receiver.received) == 2
    assert len({request.headers["webhook-id"] for request in receiver.received}) == 1
    for request in receiver.received:
        Webhook(hook.signing_secret).verify(request.body, request.headers)


def test_a_correction_is_announced_as_verdict_corrected(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver() as receiver:
        webhook_subscription_create(
            name="CMS",
            url=receiver.url,
            events=[VERDICT_PUBLISHED, VERDICT_CORRECTED],
            created_by=editor,
        )
        verdict_correct(claim=claim, actor=editor, correction_note="New data", rating="true")
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)
    assert [r.headers["X-ClaimTracker-Event"] for r in receiver.received] == [VERDICT_CORRECTED]


def test_a_refused_delivery_is_logged_and_retried_later_with_backoff(
    editor, reviewer, local_receivers_allowed, settings
):
    settings.WEBHOOK_RETRY_BACKOFF = 30
    settings.WEBHOOK_MAX_RETRIES = 2
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver(statuses=[503, 500, 200]) as receiver:
        webhook_subscription_create(
            name="CMS", url=receiver.url, events=[VERDICT_PUBLISHED], created_by=editor
        )
        verdict_publish(claim=claim, actor=editor)  # enqueued on commit, never run here
        delivery = WebhookDelivery.objects.get()

        first = webhook_delivery_attempt(delivery_id=delivery.pk)
        delivery.refresh_from_db()
        assert (first.sent, delivery.status, delivery.response_code) == (False, "pending", 503)
        assert delivery.last_error.startswith("HTTP 503")
        wait = (delivery.next_retry_at - delivery.updated_at).total_seconds()
        assert 29 <= wait <= 31

        webhook_delivery_attempt(delivery_id=delivery.pk)
        delivery.refresh_from_db()
        assert 59 <= (delivery.next_retry_at - delivery.updated_at).total_seconds() <= 61

        webhook_delivery_attempt(delivery_id=delivery.pk)
        delivery.refresh_from_db()
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("delivered", 200, 3)
    assert len({r.headers["X-ClaimTracker-Delivery"] for r in receiver.received}) == 1


def test_a_delivery_is_given_up_after_the_last_retry(editor, local_receivers_allowed, settings):
    settings.WEBHOOK_MAX_RETRIES = 1
    hook = webhook_subscription_create(
        name="Gone", url=_closed_port_url(), events=[CLAIM_CREATED], created_by=editor
    )
    delivery = WebhookDelivery.objects.create(
        subscription=hook, event=CLAIM_CREATED, payload={"event": CLAIM_CREATED}
    )
    webhook_delivery_attempt(delivery_id=delivery.pk)
    outcome = webhook_delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert outcome.status == delivery.status == DeliveryStatus.FAILED
    assert delivery.response_code is None
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error.lower()


def test_a_dead_or_hanging_endpoint_holds_up_no_other_delivery(
    editor, reviewer, local_receivers_allowed, django_capture_on_commit_callbacks
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with WebhookReceiver(delay=3) as hanging, WebhookReceiver() as healthy:
        for name, url in [
            ("dead", _closed_port_url()),
            ("hanging", hanging.url),
            ("healthy", healthy.url),
        ]:
            webhook_subscription_create(
                name=name, url=url, events=[VERDICT_PUBLISHED], created_by=editor
            )
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            verdict_publish(claim=claim, actor=editor)
        elapsed = time.monotonic() - started

    # Each delivery is its own task with short timeouts: the hanging one costs its read timeout
    # (0.5 s here), not the 3 s the endpoint would take, and the healthy one still arrives.
    assert elapsed < 2.5
    outcomes = {
        d.subscription.name: d for d in WebhookDelivery.objects.select_related("subscription")
    }
    assert outcomes["healthy"].status == DeliveryStatus.DELIVERED
    assert outcomes["dead"].status == outcomes["hanging"].status == DeliveryStatus.PENDING
    assert "timed out" in outcomes["hanging"].last_error.lower()


def test_new_claims_are_announced_to_claim_created_subscribers(
    editor, local_receivers_allowed, django_capture_on_commit_callbacks, sample_article_text
):
    from articles.services import article_create

    with WebhookReceiver() as receiver:
        webhook_subscription_create(
            name="Researchers", url=receiver.url, events=[CLAIM_CREATED], created_by=editor
        )
        with django_capture_on_commit_callbacks(execute=True):
            article = article_create(title="Arms race in space", body=sample_article_text)
    created = {json.loads(r.body)["claim"]["id"] for r in receiver.received}
    assert created == set(article.claims.values_list("pk", flat=True))
    assert created


def test_the_sweep_sends_again_deliveries_whose_retry_was_lost(editor, local_receivers_allowed):
    from datetime import timedelta

    from django.utils import timezone

    from consumers.tasks import sweep_webhook_deliveries

    with WebhookReceiver() as receiver:
        hook = webhook_subscription_create(
            name="CMS", url=receiver.url, events=[VERDICT_PUBLISHED], created_by=editor
        )
        lost = WebhookDelivery.objects.create(
            subscription=hook,
            event=VERDICT_PUBLISHED,
            payload={"event": VERDICT_PUBLISHED},
            attempts=1,
            next_retry_at=timezone.now() - timedelta(hours=1),
        )
        scheduled = WebhookDelivery.objects.create(
            subscription=hook,
            event=VERDICT_PUBLISHED,
            payload={"event": VERDICT_PUBLISHED},
            attempts=1,
            next_retry_at=timezone.now() + timedelta(minutes=2),
        )
        assert sweep_webhook_deliveries() == 1
    lost.refresh_from_db()
    scheduled.refresh_from_db()
    assert (lost.status, lost.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert scheduled.status == DeliveryStatus.PENDING
    assert len(receiver.received) == 1
