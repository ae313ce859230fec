"""A reviewer's day at 1366x768 in Debian's chromium: their queue, a claim read in its
paragraph, a verdict on its statement with two sources, sent back by the editor with a note
(flagged in their queue) and fixed with a source added, the notes
they leave each other, and the editor publishing it behind the preview's confirmation, after
which the claim page gives the public link and the embed code. Screenshots of each step go to
the test's output directory."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claimant, ClaimNote, ClaimStatus, VerdictStatus
from claims.services import claim_assign
from tests.e2e.conftest import LAPTOP, needs_chromium, signed_in
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])"
)
pytestmark = [needs_chromium]

FIRST = (
    "The regional transport authority published its annual report on Monday, two weeks later "
    "than planned."
)
CLAIM = "Ridership on the northern commuter lines rose by 14 percent between 2021 and 2023"
SECOND = (
    f"{CLAIM}, the authority's chair, Maria Lindqvist, told reporters, while the cost of running "
    "the network fell by a fifth. She called it the best result in the network's history."
)
THIRD = "Critics said the figures left out the bus network, where fares rose twice."
BODY = f"{FIRST}\n\n{SECOND}\n\n{THIRD}"
STATEMENT = "Ridership on the northern commuter lines rose by 14 percent from 2021 to 2023."
SEND_BACK = "The second source is a press release; cite the authority's own annual report."
REVIEWER_NOTE = "Replaced the press release with the annual report, table 4."
# The embed code's Copy button writes to the clipboard, and the test reads it back.
CLIPBOARD = ("clipboard-read", "clipboard-write")


def _fits(page) -> None:
    """No sideways scrolling at 1366 pixels."""
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def _press(page, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def _write_verdict(
    page, summary: str, second_source: tuple[str, str], *more: tuple[str, str]
) -> None:
    page.get_by_role("link", name="Write verdict").click()
    page.wait_for_load_state()
    page.select_option("#id_rating", label="Mostly true")
    page.fill("#id_summary", summary)
    page.fill("#id_sources-0-url", "https://stats.example.gov/ridership-2023")
    page.fill("#id_sources-0-title", "Ridership statistics 2023")
    page.fill("#id_sources-1-url", second_source[0])
    page.fill("#id_sources-1-title", second_source[1])
    for index, (url, title) in enumerate(more, start=2):
        page.get_by_role("button", name="Add another source").click()
        page.fill(f"#id_sources-{index}-url", url)
        page.fill(f"#id_sources-{index}-title", title)
    page.click("#verdict-form input[type=submit]")
    page.wait_for_load_state()


def test_a_reviewers_day_from_the_queue_to_a_published_verdict(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    editor, reviewer = EditorFactory(), ReviewerFactory()
    article = ArticleFactory(
        title="Transport authority reports record ridership on northern lines",
        body=BODY,
        outlet="The Northern Courier",
        published_at=timezone.now() - timedelta(days=3),
    )
    start = BODY.index(CLAIM)
    claim = ClaimFactory(
        article=article,
        text=CLAIM,
        statement=STATEMENT,
        start=start,
        end=start + len(CLAIM),
        score=0.87,
        dates=[{"text": "between 2021 and 2023", "value": "2021-01-01"}],
        entities=[{"text": "Maria Lindqvist", "kind": "PERSON"}],
        claimant=Claimant.objects.create(
            name="Maria Lindqvist", normalized_name="maria lindqvist", kind="person"
        ),
    )
    claim_assign(
        claim=claim,
        reviewer=reviewer,
        actor=editor,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    claim_url = f"{live_server.url}/admin/claims/claim/{claim.pk}/change/"
    expect = sync_api.expect

    # The queue: the claim with its due date and the overdue badge, nothing off screen.
    work = signed_in(browser, live_server, reviewer, viewport=LAPTOP, permissions=CLIPBOARD)
    expect(work.locator("#content h1")).to_have_text("My queue")
    row = work.locator("#result_list tbody tr").first
    expect(row.locator(".due-date")).to_be_visible()
    expect(row.locator(".overdue-badge")).to_have_text("overdue")
    work.screenshot(path=tmp_path / "1-queue.png", full_page=True)
    _fits(work)

    # The claim: its paragraph with the sentence highlighted, the statement beside it.
    row.get_by_role("link").first.click()
    work.wait_for_load_state()
    paragraph = work.locator("#claim-paragraph")
    expect(paragraph).to_contain_text("told reporters")
    expect(paragraph).not_to_contain_text("annual report on Monday")
    expect(paragraph.locator("mark")).to_have_text(CLAIM)
    expect(work.locator("#claim-score")).to_have_text("87%")
    expect(work.locator("#claim-context .chip-date")).to_have_text("between 2021 and 2023")
    original = work.locator("#original-sentence").bounding_box()
    statement = work.locator("#statement-text").bounding_box()
    assert statement["x"] > original["x"] + original["width"]
    assert abs(statement["y"] - original["y"]) < 40
    work.screenshot(path=tmp_path / "2-claim.png", full_page=True)
    work.screenshot(path=tmp_path / "2-claim-first-screen.png")
    _fits(work)

    # The review starts; the verdict form rates the statement, the sentence as said beside it,
    # no rating chosen, two source rows and a button for more.
    _press(work, "Start review")
    expect(work.locator(".messagelist")).to_contain_text("Review started.")
    work.get_by_role("link", name="Write verdict").click()
    assert work.locator("#id_rating").input_value() == ""
    expect(work.locator("#verdict-statement")).to_have_text(STATEMENT)
    expect(work.locator("#verdict-original")).to_have_text(CLAIM)
    rated = work.locator("#verdict-statement").bounding_box()
    said = work.locator("#verdict-original").bounding_box()
    assert said["x"] > rated["x"] + rated["width"]
    assert abs(said["y"] - rated["y"]) < 40
    expect(work.locator("fieldset.source")).to_have_count(2)
    work.screenshot(path=tmp_path / "3-verdict-form.png")
    _fits(work)
    work.get_by_role("button", name="Add another source").click()
    expect(work.locator("fieldset.source")).to_have_count(3)
    expect(work.locator("#id_sources-2-url")).to_be_focused()
    assert work.locator("#id_sources-TOTAL_FORMS").input_value() == "3"
    work.screenshot(path=tmp_path / "3-verdict-form-added-source.png", full_page=True)
    _fits(work)
    work.go_back()
    _write_verdict(
        work,
        "Ridership rose by 13.6 percent, close to the figure claimed.",
        ("https://transport.example.org/press/record-year", "Press release: a record year"),
    )
    expect(work.locator(".messagelist")).to_contain_text("Verdict saved as a draft")

    # The editor reads the draft with its sources and sends it back with a note.
    desk = signed_in(browser, live_server, editor, viewport=LAPTOP, permissions=CLIPBOARD)
    desk.goto(claim_url)
    sources = desk.locator("#verdict-sources a")
    expect(sources).to_have_text(["Ridership statistics 2023", "Press release: a record year"])
    desk.get_by_role("link", name="Send back").click()
    desk.fill("#id_note", SEND_BACK)
    desk.click("input[type=submit]")
    expect(desk.locator(".messagelist")).to_contain_text("Sent back to")

    # The reviewer's queue flags the claim as sent back, the note's first words on hover.
    work.goto(f"{live_server.url}/admin/claims/claim/")
    badge = work.locator("#result_list tbody tr").first.locator(".sent-back-badge")
    expect(badge).to_have_text("Sent back")
    expect(badge).to_have_attribute(
        "title", "The second source is a press release; cite the authority's own annual…"
    )
    work.screenshot(path=tmp_path / "3-queue-sent-back.png")
    _fits(work)

    # The reviewer sees the note, fixes the verdict and answers with a note of their own.
    work.goto(claim_url)
    expect(work.locator("#send-back-note")).to_contain_text(SEND_BACK)
    work.screenshot(path=tmp_path / "3-sent-back.png", full_page=True)
    _fits(work)
    _write_verdict(
        work,
        "Ridership rose by 13.6 percent, close to the figure claimed.",
        ("https://transport.example.org/annual-report-2023.pdf", "Annual report 2023, table 4"),
        ("https://transport.example.org/network-map.pdf", "Network map 2023"),
    )
    work.fill("#id_note_text", REVIEWER_NOTE)
    _press(work, "Add note")
    expect(work.locator(".messagelist")).to_contain_text("Note added.")
    expect(work.locator("#claim-notes .note").last).to_contain_text(REVIEWER_NOTE)
    expect(work.locator("#claim-notes .note").last).to_contain_text(reviewer.username)

    # The editor sees what they would publish: the rating, the summary, each source.
    desk.goto(claim_url)
    expect(desk.locator("#verdict-rating")).to_have_text("Mostly true")
    expect(sources).to_have_text(
        ["Ridership statistics 2023", "Annual report 2023, table 4", "Network map 2023"]
    )
    expect(sources.nth(1)).to_have_attribute(
        "href", "https://transport.example.org/annual-report-2023.pdf"
    )
    expect(desk.locator("#claim-notes .note")).to_contain_text([REVIEWER_NOTE])
    desk.screenshot(path=tmp_path / "4-editor-claim.png", full_page=True)
    desk.screenshot(path=tmp_path / "4-editor-claim-first-screen.png")
    _fits(desk)

    # Publishing: the preview first; a post without the confirmation publishes nothing.
    _press(desk, "Publish verdict…")
    expect(desk.locator("#claimreview-valid")).to_be_visible()
    desk.screenshot(path=tmp_path / "5-publish-preview.png", full_page=True)
    desk.evaluate("document.querySelector('#publish-confirm input[name=confirm]').remove()")
    _press(desk, "Confirm and publish")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED
    _press(desk, "Confirm and publish")
    expect(desk.locator(".messagelist")).to_contain_text("Verdict published.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.verdicts.get(status=VerdictStatus.PUBLISHED).sources.count() == 3

    # The public link and the embed code, copied with one press.
    public = desk.locator("#public-link")
    expect(public).to_have_attribute("href", f"{live_server.url}/claims/{claim.pk}/")
    embed = desk.locator("#embed-code")
    expect(embed).to_have_js_property("readOnly", True)
    code = embed.input_value()
    assert code.startswith(f'<iframe src="{live_server.url}/claims/{claim.pk}/embed/"')
    desk.get_by_role("button", name="Copy").click()
    expect(desk.locator("#claim-public .copy-status")).to_have_text("Copied.")
    assert desk.evaluate("navigator.clipboard.readText()") == code
    desk.locator("#claim-public").scroll_into_view_if_needed()
    desk.screenshot(path=tmp_path / "6-published.png", full_page=True)
    desk.evaluate("window.scrollTo(0, 0)")
    desk.screenshot(path=tmp_path / "6-published-first-screen.png")
    _fits(desk)
    assert ClaimNote.objects.filter(claim=claim).count() == 1


def test_an_editor_changes_the_claimant_by_typing_part_of_an_alias(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    editor = EditorFactory()
    lindqvist = Claimant.objects.create(name="Maria Lindqvist", normalized_name="maria lindqvist")
    lindqvist.aliases.create(name="the authority's chair", normalized_name="authority's chair")
    claim = ClaimFactory()
    expect = sync_api.expect

    desk = signed_in(browser, live_server, editor, viewport=LAPTOP, permissions=CLIPBOARD)
    desk.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    expect(desk.locator("#claim-claimant")).to_contain_text("Not known")
    desk.get_by_role("link", name="Change", exact=True).click()
    desk.wait_for_load_state()
    desk.get_by_role("combobox", name="Claimant").click()
    desk.keyboard.type("chair")
    desk.get_by_role("option", name="Maria Lindqvist").click()
    desk.screenshot(path=tmp_path / "claimant.png", full_page=True)
    desk.click("input[type=submit]")
    desk.wait_for_load_state()

    expect(desk.locator(".messagelist")).to_contain_text("Claimant saved.")
    expect(desk.locator("#claim-claimant")).to_contain_text("Maria Lindqvist")
    claim.refresh_from_db()
    assert claim.claimant == lindqvist
