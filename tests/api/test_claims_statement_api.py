"""The API, its exports and the published ClaimReview carry each claim's statement."""

import csv
import io
import json

import pytest

from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_api_detail_list_and_exports_carry_the_statement(anonymous):
    claim = ClaimFactory(
        text="“Rents rose 9 percent in 2023,” the minister said.",
        statement="Rents rose 9 percent in 2023.",
    )
    detail = anonymous.get(f"/api/claims/{claim.pk}/").json()
    assert (detail["text"], detail["statement"]) == (claim.text, claim.statement)
    listed = anonymous.get("/api/claims/").json()["results"]
    assert [item["statement"] for item in listed] == ["Rents rose 9 percent in 2023."]

    csv_body = b"".join(anonymous.get("/api/claims/export/?format=csv").streaming_content)
    (row,) = csv.DictReader(io.StringIO(csv_body.decode()))
    assert row["statement"] == "Rents rose 9 percent in 2023."
    jsonl_body = b"".join(anonymous.get("/api/claims/export/?format=jsonl").streaming_content)
    assert json.loads(jsonl_body.decode().splitlines()[0])["statement"] == claim.statement


def test_the_openapi_schema_describes_the_statement(anonymous):
    schema = anonymous.get("/api/schema/?format=json").json()
    claim = schema["components"]["schemas"]["Claim"]
    assert "statement" in claim["properties"]


def test_the_published_claimreview_reviews_the_statement(anonymous, editor, reviewer):
    claim = publish_verdict(
        ClaimFactory(
            text="“Rents rose 9 percent in 2023,” the minister said.",
            statement="Rents rose 9 percent in 2023.",
        ),
        editor=editor,
        reviewer=reviewer,
    )
    plain = publish_verdict(ClaimFactory(statement=""), editor=editor, reviewer=reviewer)
    reviews = anonymous.get("/api/claimreviews/").json()["results"]
    assert {review["claimReviewed"] for review in reviews} == {
        "Rents rose 9 percent in 2023.",
        plain.text,
    }
    assert claim.text not in {review["claimReviewed"] for review in reviews}
