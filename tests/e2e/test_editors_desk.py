"""The editor's desk at 1366x768 (the commonest laptop screen) in Debian's chromium: lists
without sideways scrolling, claims marked in their article, no rating chosen in advance and no
publishing without the preview's confirmation. Screenshots go to the test's output directory."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, ArticleStatus
from claims.models import ClaimStatus
from claims.services import claim_assign
from tests.api.publishing import draft_verdict
from tests.e2e.conftest import LAPTOP, needs_chromium, signed_in
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])"
)
pytestmark = [needs_chromium]

BODY = (
    "The regional transport authority published its annual report on Monday. "
    "Ridership on the northern commuter lines rose by 14 percent between 2021 and 2023, "
    "the authority said, while the cost of running the network fell by a fifth. "
    "Critics said the figures left out the bus network. "
    "The authority's chair, Maria Lindqvist, said the network carried 212 million passengers "
    "in 2023, more than in any year since records began in 1950."
)


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _list_fits(page) -> None:
    """No sideways scrolling, and the list's table does not slide under the filters."""
    assert _overflow(page) <= 0
    table = page.locator("#result_list").bounding_box()
    limit = LAPTOP["width"]
    if page.locator("#changelist-filter").count():
        limit = page.locator("#changelist-filter").bounding_box()["x"]
    assert table["x"] + table["width"] <= limit


def _claim_in(article, text: str, **kwargs):
    start = article.body.index(text)
    return ClaimFactory(article=article, text=text, start=start, end=start + len(text), **kwargs)


def test_the_editors_desk_reads_well_and_publishes_only_after_confirmation(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    editor, reviewer = EditorFactory(), ReviewerFactory()
    article = ArticleFactory(
        title="Transport authority reports record ridership on northern lines",
        body=BODY,
        outlet="The Northern Courier and Evening Standard Gazette",
        published_at=timezone.now() - timedelta(days=3),
    )
    ridership = _claim_in(
        article,
        "Ridership on the northern commuter lines rose by 14 percent between 2021 and 2023",
        score=0.9056976291994603,
        dates=[{"text": "between 2021 and 2023", "value": "2021-01-01"}],
    )
    passengers = _claim_in(
        article,
        "the network carried 212 million passengers in 2023, more than in any year since records "
        "began in 1950",
        score=0.81,
        status=ClaimStatus.CHECKABLE,
    )
    for number in range(12):
        other = ArticleFactory(title=f"Council budget story number {number} with a long headline")
        ClaimFactory(article=other, text=" ".join(["Spending on roads rose sharply"] * 6) + ".")
    claim_assign(
        claim=passengers,
        reviewer=reviewer,
        actor=editor,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    expect = sync_api.expect
    desk = signed_in(browser, live_server, editor, viewport=LAPTOP)

    # The triage list and the article list fit the window.
    desk.goto(f"{live_server.url}/admin/claims/claim/")
    expect(desk.locator("#result_list")).to_contain_text("91%")
    desk.screenshot(path=tmp_path / "triage-list.png", full_page=True)
    _list_fits(desk)
    width = desk.locator("#result_list .field-short_text").first.bounding_box()["width"]
    assert width >= 300
    desk.goto(f"{live_server.url}/admin/articles/article/")
    desk.screenshot(path=tmp_path / "article-list.png", full_page=True)
    _list_fits(desk)

    # The article page marks its claims inside the text.
    desk.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    marked = desk.locator(f"#article-text mark#claim-{ridership.pk}")
    expect(marked).to_have_text(ridership.text)
    expect(marked).to_have_attribute("title", "New · score 91%")
    expect(desk.locator(f"#article-text mark#claim-{passengers.pk}")).to_have_class(
        "claim-state-assigned"
    )
    desk.locator("#article-triage").screenshot(path=tmp_path / "article-triage.png")
    assert _overflow(desk) <= 0

    # An article being processed follows its status and shows its claims once they are in.
    fresh = ArticleFactory(title="Just received", body=BODY, status=ArticleStatus.PROCESSING)
    desk.goto(f"{live_server.url}/admin/articles/article/{fresh.pk}/change/")
    expect(desk.locator("#live-status")).to_contain_text("updates itself")
    found = _claim_in(fresh, "Critics said the figures left out the bus network")
    Article.objects.filter(pk=fresh.pk).update(status=ArticleStatus.DONE)
    expect(desk.locator(f"#article-text mark#claim-{found.pk}")).to_be_visible(timeout=15_000)
    expect(desk.locator("#live-status")).to_have_count(0)

    # The reviewer's queue shows the due date and the overdue badge on screen.
    work = signed_in(browser, live_server, reviewer, viewport=LAPTOP)
    expect(work.locator("#content h1")).to_have_text("My queue")
    badge = work.locator("#result_list .overdue-badge")
    expect(badge).to_be_visible()
    box = badge.bounding_box()
    assert box["x"] + box["width"] <= LAPTOP["width"]
    work.screenshot(path=tmp_path / "reviewer-queue.png", full_page=True)
    _list_fits(work)

    # The verdict form starts with no rating.
    work.goto(f"{live_server.url}/admin/claims/claim/{passengers.pk}/verdict/")
    assert work.locator("#id_rating").input_value() == ""
    expect(work.locator("#id_rating option:checked")).to_have_text("Choose a rating…")

    # Publishing shows the preview; nothing is published until it is confirmed.
    draft_verdict(ridership, editor=editor, reviewer=reviewer)
    desk.goto(f"{live_server.url}/admin/claims/claim/{ridership.pk}/change/")
    desk.get_by_role("button", name="Publish verdict").click()
    desk.wait_for_load_state()
    expect(desk.locator("#claimreview-valid")).to_be_visible()
    expect(desk.locator("#claimreview-preview pre")).to_contain_text('"@type": "ClaimReview"')
    desk.screenshot(path=tmp_path / "publish-preview.png", full_page=True)
    ridership.refresh_from_db()
    assert ridership.status == ClaimStatus.DRAFTED
    # A form posted without the confirm field (a crafted or stale form) publishes nothing.
    desk.evaluate("document.querySelector('#publish-confirm input[name=confirm]').remove()")
    desk.get_by_role("button", name="Confirm and publish").click()
    desk.wait_for_load_state()
    ridership.refresh_from_db()
    assert ridership.status == ClaimStatus.DRAFTED
    desk.get_by_role("button", name="Confirm and publish").click()
    expect(desk.locator(".messagelist")).to_contain_text("Verdict published.")
    ridership.refresh_from_db()
    assert ridership.status == ClaimStatus.PUBLISHED
