"""An API consumer's whole journey, guided by the OpenAPI schema alone, with a real worker.

Lists published verdicts since a date, fetches one ClaimReview, registers a webhook and
receives the next publication signed, on a real HTTP endpoint, sent by a real Celery worker.
"""

import json
import time

import pytest
from django.utils import timezone

from consumers import signing
from consumers.models import WebhookDelivery
from consumers.services import api_key_create
from tests.api.conftest import client_for
from tests.api.publishing import draft_verdict, publish_verdict
from tests.consumers.receiver import WebhookReceiver
from tests.factories import ClaimFactory, EditorFactory, ReviewerFactory
from tests.workers import running_celery_worker


@pytest.fixture
def webhook_worker(transactional_db, newsroom, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receiver listens on loopback
    with running_celery_worker(
        {"WEBHOOK_ALLOW_PRIVATE": "1", "WEBHOOK_RETRY_BACKOFF": "1"}
    ) as worker:
        yield worker


def _operation_path(schema: dict, method: str, *, ends_with: str, parameter: str = "") -> str:
    """The path the schema documents for this operation (and query parameter, if named)."""
    for path, operations in schema["paths"].items():
        operation = operations.get(method)
        if operation is None or not path.endswith(ends_with):
            continue
        names = {item["name"] for item in operation.get("parameters", [])}
        if not parameter or parameter in names:
            return path
    raise AssertionError(f"the schema documents no {method.upper()} …{ends_with} ({parameter})")


@pytest.mark.worker
def test_a_consumer_syncs_verdicts_fetches_a_claimreview_and_receives_a_signed_webhook(
    webhook_worker,
):
    editor, reviewer = EditorFactory(), ReviewerFactory()
    before = timezone.now()
    first = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    _, raw_key = api_key_create(name="Partner newsroom", created_by=editor)

    consumer = client_for()
    schema = json.loads(consumer.get("/api/schema/?format=json").content)
    key_scheme = schema["components"]["securitySchemes"]["ApiKeyAuth"]
    consumer.credentials(**{"HTTP_" + key_scheme["name"].upper().replace("-", "_"): raw_key})

    verdicts_path = _operation_path(schema, "get", ends_with="/verdicts/", parameter="since")
    since = before.isoformat().replace("+00:00", "Z")
    listed = consumer.get(verdicts_path, {"since": since}).json()["results"]
    assert [verdict["claim"] for verdict in listed] == [first.pk]

    review_path = _operation_path(schema, "get", ends_with="/claimreview/")
    review = consumer.get(review_path.replace("{id}", str(listed[0]["claim"]))).json()
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == first.text

    webhooks_path = _operation_path(schema, "post", ends_with="/webhooks/")
    with WebhookReceiver(statuses=[503, 200]) as receiver:
        registered = consumer.post(
            webhooks_path,
            {"url": receiver.url, "events": ["verdict.published"]},
            format="json",
        )
        assert registered.status_code == 201, registered.json()
        secret = registered.json()["secret"]

        second = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
        published = client_for(editor).post(f"/api/claims/{second.pk}/verdict/publish/")
        assert published.status_code == 200

        deadline = time.monotonic() + 60
        while len(receiver.received) < 2 and time.monotonic() < deadline:
            if webhook_worker.poll() is not None:
                pytest.fail(f"the worker exited early:\n{webhook_worker.stdout.read()}")
            time.sleep(0.2)
        if len(receiver.received) < 2:
            webhook_worker.terminate()
            pytest.fail(f"no retried delivery; worker log:\n{webhook_worker.communicate()[0]}")

    refused, accepted = receiver.received
    assert refused.body == accepted.body  # the retry sends the same delivery
    header = accepted.headers["X-ClaimTracker-Signature"]
    assert signing.verify(secret, header, accepted.body)
    timestamp = int(header.split(",")[0].removeprefix("t="))
    assert abs(time.time() - timestamp) < 60
    assert not signing.verify(secret, header, accepted.body, now=timestamp + 600)
    payload = json.loads(accepted.body)
    assert payload["event"] == "verdict.published"
    assert payload["claim"]["id"] == second.pk
    assert payload["claimreview"]["claimReviewed"] == second.text

    deadline = time.monotonic() + 10
    delivery = WebhookDelivery.objects.get()
    while delivery.status != "delivered" and time.monotonic() < deadline:
        time.sleep(0.2)
        delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 2, 200)
