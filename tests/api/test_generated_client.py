"""The newsroom's and a consumer's whole journey through a client that openapi-python-client
generates from /api/schema/, against a live HTTP server: what a partner gets without writing
any client code of their own."""

import importlib
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.api.test_articles_api import BODY
from tests.consumers.receiver import WebhookReceiver
from tests.factories import PASSWORD, EditorFactory, ReviewerFactory

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("openapi_python_client") is None,
    reason="openapi-python-client is not installed (the dev extra installs it)",
)

PACKAGE = "claim_tracker_client"


@pytest.fixture
def generated(live_server, newsroom, tmp_path: Path) -> Iterator[ModuleType]:
    """The client package generated from the live server's schema, imported."""
    schema = tmp_path / "schema.json"
    schema.write_bytes(httpx.get(f"{live_server.url}/api/schema/?format=json").content)
    config = tmp_path / "config.yaml"
    config.write_text(f"package_name_override: {PACKAGE}\npost_hooks: []\n")
    generation = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(schema),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert generation.returncode == 0, generation.stdout + generation.stderr
    assert "Warning" not in generation.stdout, generation.stdout
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def _operation(package: ModuleType, tag: str, operation_id: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.api.{tag}.{operation_id}")


def test_a_generated_client_takes_a_claim_from_article_to_published_claimreview_and_webhook(
    generated, live_server, settings
):
    models = importlib.import_module(f"{PACKAGE}.models")
    base_url = live_server.url
    editor, reviewer = EditorFactory(), ReviewerFactory()

    def signed_in(user) -> object:
        answer = _operation(generated, "auth", "auth_token_create").sync_detailed(
            client=generated.Client(base_url=base_url),
            body=models.AuthTokenRequest(username=user.username, password=PASSWORD),
        )
        assert answer.status_code == 200, answer.content
        return generated.AuthenticatedClient(
            base_url=base_url, token=answer.parsed.token, prefix="Token"
        )

    newsroom, checker = signed_in(editor), signed_in(reviewer)
    public = generated.Client(base_url=base_url)

    sent = _operation(generated, "articles", "articles_create").sync_detailed(
        client=newsroom,
        body=models.ArticleCreateRequest(title="Roads", body=BODY, outlet="Tribune"),
    )
    assert sent.status_code == 201, sent.content
    article = _operation(generated, "articles", "articles_retrieve").sync(
        sent.parsed.id, client=public
    )
    assert article.claims, "the article's claims were extracted"
    claim_id = article.claims[0].id

    def claims(operation: str, client: object, **kwargs: object) -> object:
        answer = _operation(generated, "claims", operation).sync_detailed(
            claim_id, client=client, **kwargs
        )
        assert answer.status_code in {200, 201}, (operation, answer.content)
        return answer.parsed

    claims("claims_mark_checkable_create", newsroom, body=models.ReasonRequest(reason="Numbers"))
    claims("claims_assign_create", newsroom, body=models.AssignRequest(reviewer=reviewer.username))
    claims("claims_start_review_create", checker, body=models.ReasonRequest())
    # Bad input: the 400 arrives as the described validation error, naming the field.
    unknown = _operation(generated, "claims", "claims_verdict_create").sync_detailed(
        claim_id,
        client=checker,
        body=models.VerdictInputRequest(rating="no-such-rating", summary="Half the figure."),
    )
    assert unknown.status_code == 400
    assert isinstance(unknown.parsed, models.ValidationError)
    assert "rating" in unknown.parsed.additional_properties
    draft = claims(
        "claims_verdict_create",
        checker,
        body=models.VerdictInputRequest(
            rating="false",
            summary="Road spending was $2.1 million, half the figure claimed.",
            sources=["https://city.example.gov/budget-2023"],
        ),
    )
    assert draft.status == "draft"

    # A reviewer may not publish: the 403 arrives as the described error, with its sentence.
    refused = _operation(generated, "claims", "claims_verdict_publish_create").sync_detailed(
        claim_id, client=checker
    )
    assert refused.status_code == 403
    assert isinstance(refused.parsed, models.Error)
    assert refused.parsed.detail

    settings.WEBHOOK_ALLOW_PRIVATE = True  # the partner's receiver listens on loopback
    with WebhookReceiver(statuses=[200]) as receiver:
        subscribed = _operation(generated, "webhooks", "webhooks_create").sync_detailed(
            client=newsroom,
            body=models.WebhookRequest(
                url=receiver.url,
                events=[models.WebhookEventEnum.VERDICT_PUBLISHED],
            ),
        )
        assert subscribed.status_code == 201, subscribed.content
        assert subscribed.parsed.signing_secret.startswith("whsec_")

        published = claims("claims_verdict_publish_create", newsroom)
    assert published.status == "published"
    assert published.verdict.rating_label == "False"
    deliveries = _operation(generated, "webhooks", "webhooks_deliveries_list").sync(
        subscribed.parsed.id, client=newsroom
    )
    assert [delivery.event for delivery in deliveries] == ["verdict.published"]

    review = claims("claims_claimreview_retrieve", public)
    assert isinstance(review, models.ClaimReview)
    assert review.claim_reviewed == published.statement != published.text
    assert review.review_rating.alternate_name == "False"
    assert review.url.endswith(f"/claims/{claim_id}/")

    feed = _operation(generated, "claimreviews", "claimreviews_list").sync(client=public)
    assert [item.url for item in feed.results] == [review.url]
