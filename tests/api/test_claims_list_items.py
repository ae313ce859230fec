"""The claims list shows each claim exactly as its detail does, and cursor pages link both ways."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimOrigin, VerdictSource, text_digest
from claims.services import (
    claim_mark_duplicate,
    claimant_resolve,
    verdict_correct,
    verdict_publish,
)
from tests.api.conftest import client_for
from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ClaimFactory, EditorFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims_in_every_state(newsroom) -> dict:
    editor, reviewer = EditorFactory(), ReviewerFactory(username="ruth-the-checker")
    ortiz = claimant_resolve(name="Jane Ortiz", kind="person")
    ClaimFactory(score=0.1234, dates=["2023"], entities=[{"text": "city", "label": "ORG"}])
    ClaimFactory(claimant=ortiz, text="Taxes rose\u2028 by \u201c7\u201d percent.")
    published = publish_verdict(ClaimFactory(claimant=ortiz), editor=editor, reviewer=reviewer)
    VerdictSource.objects.create(
        verdict=published.verdicts.get(),
        url="https://records.example/2",
        title="Records",
        publisher="Statistics office",
        quote="The figure was 2.1.",
        accessed_at=timezone.now(),
        order=1,
    )
    corrected = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer, rating="true")
    verdict_correct(claim=corrected, actor=editor, correction_note="New figures", summary="Now")
    verdict_publish(claim=corrected, actor=editor)
    being_corrected = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_correct(claim=being_corrected, actor=editor, correction_note="Draft", summary="Soon")
    claim_mark_duplicate(claim=ClaimFactory(), original=published, actor=editor)
    drafted = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    Claim.objects.filter(pk=drafted.pk).update(due_date=dt.date(2031, 7, 19))
    text = "An imported fact-check's claim, with no article."
    Claim.objects.create(
        article=None,
        origin=ClaimOrigin.IMPORTED,
        text=text,
        text_hash=text_digest(text),
        start=0,
        end=len(text),
        score=0.5,
    )
    return {"editor": editor}


@pytest.mark.parametrize("reader", ["anonymous", "editor"])
def test_every_listed_claim_reads_exactly_as_its_detail(claims_in_every_state, reader):
    client = client_for(claims_in_every_state["editor"] if reader == "editor" else None)
    for query in ["page_size=50", "cursor=&page_size=50", "cursor=&ordering=-published_at"]:
        listed = client.get(f"/api/claims/?{query}").json()["results"]
        assert len(listed) == Claim.objects.count()
        for item in listed:
            assert item == client.get(f"/api/claims/{item['id']}/").json(), (query, item["id"])


def test_list_and_detail_agree_on_dates_in_a_newsroom_time_zone(claims_in_every_state, settings):
    settings.TIME_ZONE = "America/New_York"
    client = client_for()
    listed = client.get("/api/claims/").json()["results"]
    assert listed[0]["created_at"].endswith(("-04:00", "-05:00"))
    for item in listed:
        assert item == client.get(f"/api/claims/{item['id']}/").json()


def test_the_list_shows_verdicts_history_and_assignment_as_readers_may_see_them(
    claims_in_every_state,
):
    listed = client_for().get("/api/claims/").json()["results"]
    with_verdict = [item for item in listed if item["verdict"] is not None]
    # Three published verdicts, and the duplicate showing its original's.
    assert len(with_verdict) == 4
    assert {len(item["verdict"]["sources"]) for item in with_verdict} == {1, 2}
    assert sorted(len(item["verdict_history"]) for item in listed if item["verdict_history"]) == [
        1,
        1,
        2,
    ]
    assert all(item["reviewer"] is None and item["due_date"] is None for item in listed)
    staff_view = client_for(claims_in_every_state["editor"]).get("/api/claims/").json()["results"]
    assert {item["due_date"] for item in staff_view} == {None, "2031-07-19"}
    assert "ruth-the-checker" in {item["reviewer"] for item in staff_view}


def test_cursor_pages_link_back_to_the_page_before(anonymous):
    for position in range(7):
        ClaimFactory(score=[0.5, 0.7, 0.5, 0.9, 0.5, 0.1, 0.7][position])
    for ordering in ["", "&ordering=-score", "&ordering=score"]:
        first = anonymous.get(f"/api/claims/?cursor=&page_size=3{ordering}").json()
        assert first["previous"] is None
        second = anonymous.get(first["next"]).json()
        third = anonymous.get(second["next"]).json()
        assert third["next"] is None
        assert len(third["results"]) == 1

        back_to_second = anonymous.get(third["previous"]).json()
        assert back_to_second["results"] == second["results"]
        back_to_first = anonymous.get(back_to_second["previous"]).json()
        assert back_to_first["results"] == first["results"]
        assert back_to_first["previous"] is None
        assert anonymous.get(back_to_first["next"]).json()["results"] == second["results"]


def test_the_json_stays_a_javascript_subset_and_can_be_pretty_printed(anonymous):
    ClaimFactory(text="Taxes rose\u2028 by 7\u2029 percent.")
    body = anonymous.get("/api/claims/").content
    assert b"\\u2028" in body
    assert b"\\u2029" in body
    assert "\u2028".encode() not in body
    pretty = anonymous.get("/api/claims/", HTTP_ACCEPT="application/json; indent=4")
    assert pretty.content.startswith(b'{\n    "count": 1')
    assert pretty.json() == anonymous.get("/api/claims/").json()
