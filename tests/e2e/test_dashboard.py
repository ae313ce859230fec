"""The newsroom dashboard at 1366x768 in Debian's chromium: the charts are drawn, a bar opens the
list of the claims it counts, and nothing scrolls sideways. Screenshots go to the test's output
directory."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimStatus
from claims.services import claim_assign, verdict_draft, verdict_publish
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])"
)
from tests.e2e.conftest import LAPTOP, needs_chromium, signed_in  # noqa: E402

pytestmark = [needs_chromium]

PANELS = ("states", "weeks", "reviewers", "outlets", "published", "ratings")


def _desk(editor) -> None:
    reviewers = [ReviewerFactory(username=name) for name in ("amira", "jonas", "li.wei")]
    outlets = ["The Example Tribune", "Northern Herald", "Radio Ten News", "The Daily Ledger"]
    for number in range(14):
        ClaimFactory(article=ArticleFactory(outlet=outlets[number % len(outlets)]))
    yesterday = timezone.localdate() - timedelta(days=1)
    for number in range(7):
        claim_assign(
            claim=ClaimFactory(),
            reviewer=reviewers[number % 3],
            actor=editor,
            due_date=yesterday if number % 2 else None,
        )
    for number, rating in enumerate(("false", "false", "true", "half-true", "mostly-false")):
        claim = claim_assign(claim=ClaimFactory(), reviewer=reviewers[0], actor=editor)
        verdict_draft(claim=claim, actor=reviewers[0], rating=rating, summary="Checked.")
        verdict_publish(claim=claim, actor=editor)
        Claim.objects.filter(pk=claim.pk).update(
            created_at=timezone.now() - timedelta(hours=6 * (number + 1))
        )
    for weeks_ago in (1, 1, 3, 5, 8):
        old = ClaimFactory()
        Claim.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - timedelta(weeks=weeks_ago)
        )


def test_the_dashboard_draws_its_charts_and_a_bar_opens_its_list(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    editor = EditorFactory()
    _desk(editor)
    page = signed_in(browser, live_server, editor, viewport=LAPTOP)

    page.goto(f"{live_server.url}/admin/dashboard/")
    for key in PANELS:
        bars = page.locator(f"#panel-{key} [data-chart] svg rect.dashboard-bar")
        sync_api.expect(bars.first).to_be_attached()
        assert bars.count() > 0, key
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # Every bar of the states chart, however short, has its count written at its end.
    shown = page.locator("#panel-states tbody td.number").all_inner_texts()
    counts = page.locator("#panel-states svg text.bar-count").all_text_contents()
    assert sorted(counts) == sorted(count for count in shown if count != "0")
    page.screenshot(path=tmp_path / "dashboard.png", full_page=True)
    page.screenshot(path=tmp_path / "dashboard-first-screen.png")

    new_claims = Claim.objects.filter(status=ClaimStatus.NEW).count()
    # The states chart lists New first, on top.
    page.locator("#panel-states svg rect.dashboard-bar").last.click()
    page.wait_for_url(re.compile(r"/admin/claims/claim/\?status__exact=new"))
    sync_api.expect(page.locator(".paginator")).to_contain_text(f"{new_claims} claims")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    page.go_back()
    page.get_by_role("link", name="2", exact=True).first.wait_for()
    page.locator("#panel-reviewers tbody a").first.click()
    sync_api.expect(page.locator(".pinned-filter")).to_contain_text("Reviewer:")
    page.screenshot(path=tmp_path / "reviewer-list.png", full_page=True)

    page.go_back()
    page.locator("[data-key='median-recent'] a").click()
    sync_api.expect(page.locator(".paginator")).to_contain_text("5 verdicts")
    sync_api.expect(page.locator("#changelist-filter .selected")).to_contain_text(
        ["All", "Published, current or corrected since", "First verdicts"]
    )
    page.screenshot(path=tmp_path / "verdict-list.png", full_page=True)


def _set_hidden(page, hidden: bool) -> None:
    """What the browser does when the editor switches tabs (headless tabs never are hidden)."""
    page.evaluate(
        """(hidden) => {
            Object.defineProperty(document, "hidden", {value: hidden, configurable: true});
            document.dispatchEvent(new Event("visibilitychange"));
        }""",
        hidden,
    )


def test_the_dashboard_refreshes_while_in_view_and_pauses_while_hidden(
    transactional_db, newsroom, live_server, browser, monkeypatch
):
    monkeypatch.setattr("claims.admin.dashboard.REFRESH_SECONDS", 1)
    editor = EditorFactory()
    ClaimFactory()
    page = signed_in(browser, live_server, editor, viewport=LAPTOP)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{live_server.url}/admin/dashboard/")
    untriaged = page.locator("[data-key='untriaged'] .key-figure-value")
    sync_api.expect(untriaged).to_have_text("1")
    page.evaluate("window.__same_page = true")

    ClaimFactory.create_batch(2)

    sync_api.expect(untriaged).to_have_text("3")
    sync_api.expect(page.locator("#panel-states tbody tr").first).to_contain_text("3")
    assert page.evaluate("window.__same_page") is True

    _set_hidden(page, True)
    page.wait_for_timeout(300)
    while_hidden = len([url for url in asked if url.endswith("/admin/dashboard/figures/")])
    page.wait_for_timeout(2500)
    assert len([url for url in asked if url.endswith("/admin/dashboard/figures/")]) == while_hidden

    ClaimFactory()
    _set_hidden(page, False)
    sync_api.expect(untriaged).to_have_text("4")
