"""The dashboard: claims per state, reviewers' load, verdicts per week and the rating mix."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from claims.models import ClaimStatus
from claims.services import claim_assign, verdict_draft, verdict_publish
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _cell(page: str, row_label: str) -> list[str]:
    row = re.search(rf"<tr><td>{re.escape(row_label)}</td>(.*?)</tr>", page, re.S)
    assert row, row_label
    return re.findall(r">(\d+)</td>", row.group(1))


def test_the_dashboard_counts_states_load_overdue_weeks_and_ratings(editor, reviewer):
    ClaimFactory.create_batch(2)
    overdue = claim_assign(
        claim=ClaimFactory(),
        reviewer=reviewer,
        actor=editor,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    for rating in ("false", "false", "true"):
        claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
        verdict_draft(claim=claim, actor=reviewer, rating=rating, summary="Checked.")
        verdict_publish(claim=claim, actor=editor)

    page = _logged_in(editor).get("/admin/dashboard/")
    assert page.status_code == 200
    body = page.content.decode()
    assert _cell(body, "New") == ["2"]
    assert _cell(body, "Assigned") == ["1"]
    assert _cell(body, "Published") == ["3"]
    assert _cell(body, reviewer.username) == ["1", "1"]
    assert _cell(body, "False") == ["2"]
    assert _cell(body, "True") == ["1"]
    assert "Verdicts published per week (last 12 weeks: 3)" in body
    assert body.count('<svg class="bar-chart"') == 4
    assert 'fill="#e53935"' in body
    assert "<script" not in body.split('id="content-main"')[1]
    assert overdue.status == ClaimStatus.ASSIGNED


def test_the_dashboard_is_for_editors(reviewer):
    assert _logged_in(reviewer).get("/admin/dashboard/").status_code == 403
    anonymous = Client().get("/admin/dashboard/")
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]


def test_an_empty_newsroom_has_a_calm_dashboard(editor):
    body = _logged_in(editor).get("/admin/dashboard/").content.decode()
    assert "No reviewer has open claims." in body
    assert "No verdict is published yet." in body
