"""An editor and a reviewer take a claim from triage to a corrected verdict in a real browser.

Runs Debian's chromium through the `playwright` package (never a downloaded browser); skips with
the reason when either is missing.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import needs_chromium, signed_in
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])"
)
pytestmark = [needs_chromium]

CLAIM_TEXT = "The city spent $4.2 million on road repairs in 2023."


def _press(page, label: str) -> None:
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


def test_an_editor_and_a_reviewer_take_a_claim_from_triage_to_a_corrected_verdict(
    transactional_db, newsroom, live_server, browser
):
    editor, reviewer = EditorFactory(), ReviewerFactory()
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=10))
    claim = ClaimFactory(article=article, text=CLAIM_TEXT)
    change_url = f"{live_server.url}/admin/claims/claim/{claim.pk}/change/"
    expect = sync_api.expect

    # The editor triages the claim and assigns it with a due date.
    desk = signed_in(browser, live_server, editor)
    desk.goto(change_url)
    _press(desk, "Mark checkable")
    expect(desk.locator(".messagelist")).to_contain_text("Marked checkable.")
    desk.goto(f"{live_server.url}/admin/claims/claim/?status__exact=checkable")
    desk.check(f"input[name=_selected_action][value='{claim.pk}']")
    desk.select_option("select[name=action]", "assign_to_reviewer")
    desk.click("button[name=index]")
    desk.select_option("#id_reviewer", label=reviewer.username)
    due = (timezone.localdate() + timedelta(days=2)).isoformat()
    desk.fill("#id_due_date", due)
    desk.click("input[name=apply]")
    expect(desk.locator(".messagelist")).to_contain_text("1 claim(s) updated.")

    # The reviewer lands on their queue, starts the review and writes the verdict.
    work = signed_in(browser, live_server, reviewer)
    expect(work.locator("#content h1")).to_have_text("My queue")
    work.get_by_role("link", name=re.compile("road repairs")).click()
    _press(work, "Start review")
    expect(work.locator(".messagelist")).to_contain_text("Review started.")
    work.get_by_role("link", name="Write verdict").click()
    work.select_option("#id_rating", label="Mostly false")
    work.fill("#id_summary", "The city spent $2.1 million, half the figure claimed.")
    work.fill("#id_explanation", "The 2023 budget shows road repairs at $2.1 million.")
    work.fill("#id_sources-0-url", "https://city.example.gov/budget-2023")
    work.fill("#id_sources-0-title", "Budget 2023")
    work.fill("#id_sources-0-publisher", "City of Example")
    work.fill("#id_sources-0-quote", "Road repairs: $2,100,000")
    work.fill("#id_sources-0-accessed_at", timezone.localdate().isoformat())
    work.click("#verdict-form input[type=submit]")
    expect(work.locator(".messagelist")).to_contain_text("Verdict saved as a draft")

    # The editor publishes it, then issues a correction and publishes that.
    desk.goto(change_url)
    _press(desk, "Publish verdict")
    expect(desk.locator("#claimreview-valid")).to_be_visible()
    _press(desk, "Confirm and publish")
    expect(desk.locator(".messagelist")).to_contain_text("Verdict published.")
    desk.get_by_role("link", name="Issue a correction").click()
    desk.select_option("#id_rating", label="False")
    desk.fill("#id_correction_note", "The city revised the budget: $1.4 million was spent.")
    desk.click("#verdict-form input[type=submit]")
    expect(desk.locator(".messagelist")).to_contain_text("Correction saved as a draft")
    _press(desk, "Publish verdict")
    _press(desk, "Confirm and publish")
    expect(desk.locator(".messagelist")).to_contain_text("Correction published.")

    # Readers see the corrected verdict and its history.
    desk.goto(f"{live_server.url}/claims/{claim.pk}/")
    expect(desk.locator(".rating")).to_have_text("False")
    expect(desk.locator(".correction")).to_contain_text("$1.4 million")
    expect(desk.locator("#verdict-history li")).to_have_count(2)
    jsonld = desk.locator("script[type='application/ld+json']").text_content()
    assert '"alternateName": "False"' in jsonld

    # The dashboard counts it.
    desk.goto(f"{live_server.url}/admin/dashboard/")
    expect(desk.locator("#panel-states")).to_contain_text("Published")
    published_row = desk.locator("#panel-states tr", has_text="Published")
    expect(published_row.locator("td.number")).to_have_text("1")
    expect(desk.locator("#panel-ratings")).to_contain_text("False")
    for chart in ("#panel-states", "#panel-published", "#panel-ratings"):
        bars = desk.locator(f"{chart} svg rect.dashboard-bar:not([width='0']):not([height='0'])")
        expect(bars.first).to_be_visible()
