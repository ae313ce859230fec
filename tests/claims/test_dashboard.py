"""The newsroom dashboard: its figures, each number and bar a link to the list behind it, and the
JSON the open page refreshes itself from."""

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from claims.admin.dashboard import dashboard_figures
from claims.models import Claim
from claims.services import (
    claim_assign,
    claim_mark_checkable,
    verdict_correct,
    verdict_draft,
    verdict_publish,
)
from tests.api.publishing import publish_verdict
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def busy_desk(editor, reviewer):
    """A desk with claims in most states, two reviewers, outlets, and verdicts over weeks."""
    tribune = ArticleFactory(outlet="The Tribune")
    # One outlet's name inside another's: an exact link must not count both.
    ArticleFactory(outlet="The Tribune Weekly")
    ClaimFactory.create_batch(2, article=tribune)
    ClaimFactory(article=ArticleFactory(outlet="The Tribune Weekly"))
    ClaimFactory(article=ArticleFactory(outlet=""))
    claim_mark_checkable(claim=ClaimFactory(), actor=editor)
    other = ReviewerFactory()
    yesterday = timezone.localdate() - timedelta(days=1)
    claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor, due_date=yesterday)
    claim_assign(claim=ClaimFactory(article=tribune), reviewer=reviewer, actor=editor)
    claim_assign(claim=ClaimFactory(), reviewer=other, actor=editor, due_date=yesterday)
    for weeks_ago, rating in ((6, "half-true"), (2, "true"), (0, "false"), (0, "false")):
        claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
        verdict_draft(claim=claim, actor=reviewer, rating=rating, summary="Checked.")
        verdict = verdict_publish(claim=claim, actor=editor)
        when = timezone.now() - timedelta(weeks=weeks_ago)
        type(verdict).objects.filter(pk=verdict.pk).update(published_at=when)
        Claim.objects.filter(pk=claim.pk).update(created_at=when - timedelta(hours=5))
    verdict_correct(
        claim=claim, actor=reviewer, rating="true", summary="Fixed.", correction_note="Typo."
    )
    verdict_publish(claim=claim, actor=editor)
    old = ClaimFactory()
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=10))
    return {"oldest": old, "reviewer": reviewer}


def _links(figures: dict) -> set[tuple[str, int]]:
    """Every (address, number shown) pair on the dashboard: key figures, totals, table cells and
    bars."""
    links = {(f["url"], f["count"]) for f in figures["figures"] if f["count"] is not None}
    for panel in figures["panels"]:
        if panel.get("total"):
            links.add((panel["total"]["url"], panel["total"]["count"]))
        for row in panel["table"]["rows"]:
            links.update((cell["url"], int(cell["text"])) for cell in row[1:])
        for series in panel["chart"]["series"]:
            links.update(zip(series["urls"], series["values"], strict=True))
    return links


def test_every_number_and_bar_opens_a_list_of_that_many(editor, busy_desk):
    client = _logged_in(editor)
    links = _links(dashboard_figures())
    assert len(links) > 100

    for url, shown in links:
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.context_data["cl"].result_count == shown, url


def test_the_dashboard_names_what_the_desk_manages_by(editor, busy_desk):
    body = _logged_in(editor).get("/admin/dashboard/").content.decode()
    figures = {f["key"]: f for f in dashboard_figures()["figures"]}
    panels = {p["key"]: p for p in dashboard_figures()["panels"]}

    assert figures["median-recent"]["text"] == "5 h"
    assert figures["median-recent"]["note"] == "over 3 verdicts"
    assert figures["median-all"]["note"] == "over 4 verdicts"
    assert figures["oldest-untriaged"]["text"] == "10 days"
    assert figures["oldest-untriaged"]["url"] == (
        f"/admin/claims/claim/{busy_desk['oldest'].pk}/change/"
    )
    assert figures["overdue"]["text"] == "2"
    outlets = {row[0]["text"]: row[1]["text"] for row in panels["outlets"]["table"]["rows"]}
    assert outlets["The Tribune"] == "3"
    assert outlets["The Tribune Weekly"] == "1"
    assert "" not in outlets
    assert panels["reviewers"]["table"]["rows"][0][0]["text"] == busy_desk["reviewer"].username
    assert "Median time to verdict, last 30 days" in body
    assert 'id="dashboard-figures"' in body
    assert "claims/vendor/chartist-1.5.0/chartist.min.js" in body
    # Every script and stylesheet is served by the site itself: nothing from a CDN.
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', body) == []


def test_the_pages_figures_and_the_json_are_the_same(editor, busy_desk):
    client = _logged_in(editor)
    page = client.get("/admin/dashboard/")
    embedded = page.context_data["dashboard"]
    fetched = client.get("/admin/dashboard/figures/")

    assert fetched["Content-Type"] == "application/json"
    served = json.loads(fetched.content)
    assert served["figures"] == json.loads(json.dumps(embedded["figures"]))
    assert served["panels"] == json.loads(json.dumps(embedded["panels"]))


def test_the_dashboard_and_its_figures_are_for_editors(reviewer):
    for url in ("/admin/dashboard/", "/admin/dashboard/figures/"):
        assert _logged_in(reviewer).get(url).status_code == 403
        anonymous = Client().get(url)
        assert anonymous.status_code == 302
        assert "/admin/login/" in anonymous["Location"]


def test_an_empty_newsroom_has_a_calm_dashboard(editor):
    body = _logged_in(editor).get("/admin/dashboard/").content.decode()
    figures = {f["key"]: f for f in dashboard_figures()["figures"]}

    assert "No reviewer has open claims." in body
    assert "No verdict is published yet." in body
    assert figures["median-all"]["text"] == "no verdict yet"
    assert figures["oldest-untriaged"]["text"] == "none waiting"


def _published_at(claim: Claim, *, editor, reviewer, when: datetime) -> None:
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    verdict = verdict_draft(claim=claim, actor=reviewer, rating="false", summary="Checked.")
    verdict_publish(claim=claim, actor=editor)
    type(verdict).objects.filter(pk=verdict.pk).update(published_at=when)
    Claim.objects.filter(pk=claim.pk).update(created_at=when - timedelta(hours=5))


# The two ends of the world: UTC+14 and UTC-10. Around local midnight one of them is on the
# other side of UTC's date line, so a bucket cut in UTC would put the claim in the wrong week.
@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Honolulu"])
def test_weeks_and_the_last_30_days_are_cut_at_the_newsrooms_own_midnight(zone, editor, reviewer):
    tuesday = date(2026, 11, 10)
    with override_settings(TIME_ZONE=zone):
        local = ZoneInfo(zone)
        for when in (
            datetime(2026, 11, 8, 23, tzinfo=local),
            datetime(2026, 11, 9, 1, tzinfo=local),
        ):
            claim = ClaimFactory()
            Claim.objects.filter(pk=claim.pk).update(created_at=when)
        # The 30 days are 12 Oct to 10 Nov: the first verdict is in, the second a minute short.
        for when in (
            datetime(2026, 10, 12, 0, 30, tzinfo=local),
            datetime(2026, 10, 11, 23, 30, tzinfo=local),
        ):
            _published_at(ClaimFactory(), editor=editor, reviewer=reviewer, when=when)

        figures = dashboard_figures(today=tuesday)

    weeks = next(panel for panel in figures["panels"] if panel["key"] == "weeks")
    series = [s["values"] for s in weeks["chart"]["series"]]
    found = {
        label: sum(values[i] for values in series)
        for i, label in enumerate(weeks["chart"]["labels"])
    }
    assert (found["02 Nov"], found["09 Nov"]) == (1, 1)
    recent = next(f for f in figures["figures"] if f["key"] == "median-recent")
    assert recent["note"] == "over 1 verdict"
    assert recent["text"] == "5 h"


def test_one_of_a_thing_is_counted_in_the_singular_on_the_dashboard(editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    Claim.objects.exclude(pk=claim.pk).delete()

    panels = {panel["key"]: panel for panel in dashboard_figures()["panels"]}
    page = _logged_in(editor).get("/admin/dashboard/").content.decode()

    assert panels["published"]["total"]["text"] == "1 verdict in 12 weeks"
    assert panels["states"]["total"]["text"] == "1 claim in all"
    assert "1 verdict in 12 weeks" in page
    assert "1 verdicts" not in page
    assert "1 claims" not in page
