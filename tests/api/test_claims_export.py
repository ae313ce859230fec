"""Researchers export claims with their published verdicts as CSV or JSON Lines."""

import csv
import io
import json

import pytest

from claims.api import export
from claims.services import claim_mark_duplicate
from tests.api.publishing import VERDICT_SUMMARY, draft_verdict, publish_verdict
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_jsonl_export_has_one_claim_per_line_with_its_published_verdict(
    anonymous, editor, reviewer
):
    checked = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    response = anonymous.get("/api/claims/export/?format=jsonl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    rows = [json.loads(line) for line in _body(response).splitlines()]
    assert len(rows) == 2
    by_id = {row["id"]: row for row in rows}
    assert by_id[checked.pk]["rating"] == "false"
    assert by_id[checked.pk]["verdict_summary"] == VERDICT_SUMMARY
    drafted = next(row for row in rows if row["id"] != checked.pk)
    assert drafted["rating"] is None
    assert drafted["verdict_summary"] is None
    # Only a claim with a published verdict has a public page to link to.
    assert by_id[checked.pk]["url"].endswith(f"/claims/{checked.pk}/")
    assert drafted["url"] is None


def test_csv_export_takes_the_list_filters_and_defuses_formulas(anonymous, editor, reviewer):
    risky = publish_verdict(
        ClaimFactory(text='=HYPERLINK("http://evil.example","click") claims 5%'),
        editor=editor,
        reviewer=reviewer,
    )
    ClaimFactory(text="-3 degrees is the record low here.")
    response = anonymous.get("/api/claims/export/?format=csv&has_verdict=true")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert [int(row["id"]) for row in rows] == [risky.pk]
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[0]["rating_label"] == "False"

    everything = list(csv.DictReader(io.StringIO(_body(anonymous.get("/api/claims/export/")))))
    assert {row["text"][:3] for row in everything} == {"'=H", "'-3"}


def test_an_unknown_export_format_or_filter_is_a_400(anonymous):
    assert anonymous.get("/api/claims/export/?format=xlsx").json() == {
        "format": ["Choose csv or jsonl."]
    }
    assert "min_score" in anonymous.get("/api/claims/export/?min_score=lots").json()


def test_editors_export_selected_claims_from_the_admin(client, editor, reviewer):
    checked = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    ClaimFactory()
    client.force_login(editor)
    response = client.post(
        "/admin/claims/claim/",
        {"action": "export_claims_csv", "_selected_action": [checked.pk]},
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert [int(row["id"]) for row in rows] == [checked.pk]


def test_a_duplicate_claim_is_exported_with_its_originals_rating_as_the_api_shows_it(
    anonymous, editor, reviewer
):
    original = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    repeat = ClaimFactory()
    claim_mark_duplicate(claim=repeat, original=original, actor=editor)
    shown = anonymous.get(f"/api/claims/{repeat.pk}/").json()["verdict"]

    lines = _body(anonymous.get("/api/claims/export/?format=jsonl")).splitlines()
    exported = next(row for row in map(json.loads, lines) if row["id"] == repeat.pk)
    assert exported["rating"] == shown["rating"] == "false"
    assert exported["verdict_summary"] == shown["summary"]
    assert exported["verdict_version"] == shown["version"]
    csv_rows = csv.DictReader(io.StringIO(_body(anonymous.get("/api/claims/export/"))))
    assert next(row for row in csv_rows if int(row["id"]) == repeat.pk)["rating_label"] == "False"


# A chunk of claims larger than two pages reads its verdicts without the pages' compiled query.
@pytest.mark.parametrize("max_page_size", [200, 1])
def test_a_long_export_reads_each_chunks_verdicts_at_once_and_keeps_duplicates_right(
    anonymous, editor, reviewer, monkeypatch, django_assert_max_num_queries, settings, max_page_size
):
    settings.API_MAX_PAGE_SIZE = max_page_size
    monkeypatch.setattr(export, "CHUNK_SIZE", 2)
    originals = [
        publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer) for _ in range(3)
    ]
    # Newest first: the repeats come in a chunk before their originals'.
    repeats = [ClaimFactory() for _ in range(3)]
    for repeat, original in zip(repeats, originals, strict=True):
        claim_mark_duplicate(claim=repeat, original=original, actor=editor)

    # The claims, read once, then per chunk of two the verdicts of its claims and their
    # originals; not a query per claim.
    with django_assert_max_num_queries(1 + 3):
        rows = [
            json.loads(line)
            for line in _body(anonymous.get("/api/claims/export/?format=jsonl")).splitlines()
        ]
    assert len(rows) == 6
    assert {row["rating"] for row in rows} == {"false"}
    assert all(row["verdict_version"] == 1 for row in rows)


@pytest.mark.parametrize("article", ["-1.2436347709927769e+154", "9" * 30, "0", "1.5"])
def test_an_article_id_no_row_can_have_is_refused_before_the_export_starts(anonymous, article):
    ClaimFactory()

    for path in ("/api/claims/export/?format=csv", "/api/claims/"):
        response = anonymous.get(path, {"article": article})

        assert response.status_code == 400
        assert "article" in response.json()


def test_a_claimant_id_no_row_can_have_finds_nothing(anonymous):
    ClaimFactory()

    response = anonymous.get("/api/claims/", {"claimant": "9" * 30})

    assert response.status_code == 200
    assert response.json()["results"] == []
