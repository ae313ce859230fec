"""What client generators and linters need from /api/schema/: JSON bodies, a summary and a
declared tag on every operation, every operation's 4xx answers, public reads marked public."""

import pytest

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        return APIClient().get("/api/schema/?format=json").json()


def _operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def test_every_request_body_is_described_as_json_only(schema):
    bodies = {
        (path, method): sorted(operation["requestBody"]["content"])
        for path, method, operation in _operations(schema)
        if "requestBody" in operation
    }
    assert bodies
    assert all(media == ["application/json"] for media in bodies.values()), bodies


def test_every_operation_has_a_summary_and_a_declared_tag(schema):
    declared = {tag["name"] for tag in schema["tags"]}
    for path, method, operation in _operations(schema):
        assert operation.get("summary"), (method, path)
        assert set(operation["tags"]) <= declared, (method, path, operation["tags"])


def test_every_operation_describes_its_client_errors_with_the_shared_shape(schema):
    for path, method, operation in _operations(schema):
        errors = {code for code in operation["responses"] if code.startswith("4")}
        assert {"401", "429"} <= errors, (method, path)
        if "{" in path:
            assert "404" in errors, (method, path)
        if "requestBody" in operation:
            assert {"400", "413"} <= errors, (method, path)
    publish = schema["paths"]["/api/claims/{id}/verdict/publish/"]["post"]["responses"]
    assert {"401", "403", "404", "409"} <= set(publish)
    assert publish["409"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }


def test_public_reads_need_no_credentials_and_writes_do(schema):
    claims = schema["paths"]["/api/claims/"]["get"]
    assert {} in claims["security"]
    assert "403" not in claims["responses"]
    verdict = schema["paths"]["/api/claims/{id}/verdict/"]["post"]
    assert {} not in verdict["security"]


def test_the_claimreview_and_its_feed_are_described_with_their_parameters(schema):
    review = schema["paths"]["/api/claims/{id}/claimreview/"]["get"]["responses"]["200"]
    assert review["content"]["application/ld+json"]["schema"] == {
        "$ref": "#/components/schemas/ClaimReview"
    }
    feed = schema["paths"]["/api/claimreviews/"]["get"]
    assert {"since", "cursor", "page_size"} <= {p["name"] for p in feed["parameters"]}
    required = schema["components"]["schemas"]["ClaimReview"]["required"]
    assert {"claimReviewed", "reviewRating", "itemReviewed", "url", "author"} <= set(required)


def test_the_three_webhook_events_are_described_as_webhooks(schema):
    assert set(schema["webhooks"]) == {"claim.created", "verdict.published", "verdict.corrected"}
    body = schema["webhooks"]["verdict.published"]["post"]["requestBody"]["content"]
    assert "claimreview" in body["application/json"]["schema"]["required"]


def test_a_claims_dates_and_entities_are_typed(schema):
    claim = schema["components"]["schemas"]["Claim"]["properties"]
    assert claim["dates"]["items"] == {"$ref": "#/components/schemas/DateMention"}
    assert claim["entities"]["items"] == {"$ref": "#/components/schemas/EntityMention"}


def test_staff_tokens_are_described_with_their_token_prefix(schema):
    token = schema["components"]["securitySchemes"]["tokenAuth"]
    assert (token["in"], token["name"]) == ("header", "Authorization")
    assert "Authorization: Token <token>" in token["description"]
