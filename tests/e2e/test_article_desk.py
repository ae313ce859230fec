"""The editor's morning at 1366x768 in Debian's chromium: a fresh article's claims triaged from
its page with the keyboard alone, and a sentence the detector missed made a claim.

Screenshots go to the test's output directory, and also to $DESK_SCREENSHOTS when it is set
(to look at them)."""

import os
import shutil
from pathlib import Path

import pytest

from articles.models import ArticleStatus
from claims.models import ClaimOrigin, ClaimStatus, DetectorFeedback
from tests.e2e.conftest import LAPTOP, needs_chromium, signed_in
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install -e .[dev])"
)
pytestmark = [needs_chromium]

BODY = (
    "The city council met on Tuesday to approve next year's budget. Spending on roads rose by "
    "40 percent in two years, the finance director said. Council members argued for three "
    "hours.\n\n"
    "Mayor Ana Ruiz said the city had hired 300 new teachers since 2022. The bridge on Main "
    "Street carries 40,000 vehicles a day, according to the transport office. Residents were "
    "not consulted, one councillor said.\n\n"
    "Youth unemployment fell to 9 percent last year. Property taxes will not rise in 2027, the "
    "mayor promised."
)
ROADS = "Spending on roads rose by 40 percent in two years"
TEACHERS = "the city had hired 300 new teachers since 2022"
BRIDGE = "The bridge on Main Street carries 40,000 vehicles a day"
TAXES = "Property taxes will not rise in 2027"
MISSED = "Youth unemployment fell to 9 percent last year."


def _claim_in(article, text: str, **kwargs):
    start = article.body.index(text)
    return ClaimFactory(article=article, text=text, start=start, end=start + len(text), **kwargs)


def _shoot(page, tmp_path: Path, name: str, **options) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=path, **options)
    if copy_to := os.environ.get("DESK_SCREENSHOTS"):
        Path(copy_to).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(copy_to) / path.name)


def _focused_claim(page) -> str | None:
    """The id of the claim whose mark holds the keyboard focus."""
    return page.evaluate(
        "document.activeElement && document.activeElement.closest('mark[data-claim]')"
        " ? document.activeElement.closest('mark[data-claim]').dataset.claim : null"
    )


def _select_text(page, text: str) -> None:
    """Select `text` in the article as a drag of the mouse (or shift and the arrows with caret
    browsing) would: a range over the text nodes the page shows."""
    page.evaluate(
        """(wanted) => {
            const root = document.getElementById('article-text');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(wanted);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + wanted.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
            throw new Error('not in the text: ' + wanted);
        }""",
        text,
    )


def test_the_editors_morning_triages_a_fresh_article_with_the_keyboard_alone(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    editor = EditorFactory()
    ReviewerFactory(username="amira")
    bruno = ReviewerFactory(username="bruno")
    article = ArticleFactory(
        title="Council approves budget after three-hour debate",
        body=BODY,
        status=ArticleStatus.DONE,
    )
    roads = _claim_in(article, ROADS, score=0.93)
    teachers = _claim_in(article, TEACHERS, score=0.71)
    bridge = _claim_in(article, BRIDGE, score=0.88)
    taxes = _claim_in(article, TAXES, score=0.64)
    original = ClaimFactory(text="Property taxes will not rise in 2027, says the mayor.")
    expect = sync_api.expect
    page = signed_in(browser, live_server, editor, viewport=LAPTOP)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    mark = lambda claim: page.locator(f"#article-text mark#claim-{claim.pk}")  # noqa: E731
    announced = page.locator("#desk-announce")
    panel = page.locator("#claim-panel")
    expect(page.locator("#triage-count")).to_have_text("4 claims, 4 still to triage.")

    # The first key goes to the first claim still to triage; c marks it checkable in place.
    page.keyboard.press("j")
    expect(page.locator("#claim-panel-title")).to_have_text(f"Claim #{roads.pk}")
    expect(panel).to_contain_text("93%")
    assert _focused_claim(page) == str(roads.pk)
    _shoot(page, tmp_path, "desk-1-first-claim")
    page.keyboard.press("c")
    expect(mark(roads)).to_have_class("claim-state-checkable")
    expect(announced).to_have_text(f"Claim #{roads.pk}: Marked checkable.")
    assert _focused_claim(page) == str(roads.pk)

    # n asks the reason (optional); the keys typed into it are the reason, not commands.
    page.keyboard.press("j")
    expect(page.locator("#claim-panel-title")).to_have_text(f"Claim #{teachers.pk}")
    page.keyboard.press("n")
    expect(page.locator("#desk-reason")).to_be_focused()
    page.keyboard.type("No published hiring records to check it against.")
    _shoot(page, tmp_path, "desk-2-not-checkable-reason")
    page.keyboard.press("Enter")
    expect(mark(teachers)).to_have_class("claim-state-not_checkable")
    assert _focused_claim(page) == str(teachers.pk)

    # a offers the reviewers: the arrows choose, Enter assigns.
    page.keyboard.press("j")
    expect(page.locator("#claim-panel-title")).to_have_text(f"Claim #{bridge.pk}")
    page.keyboard.press("a")
    expect(page.locator("#desk-reviewer-" + str(bruno.pk))).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#desk-reviewer-{bruno.pk}")).to_be_checked()
    _shoot(page, tmp_path, "desk-3-assign")
    page.keyboard.press("Enter")
    expect(mark(bridge)).to_have_class("claim-state-assigned")
    expect(announced).to_have_text(f"Claim #{bridge.pk}: Assigned to bruno.")
    # A move the workflow refuses now is said so, and nothing changes.
    page.keyboard.press("c")
    expect(announced).to_have_text(
        "This claim is with a reviewer; unassign it to make it checkable again."
    )
    expect(mark(bridge)).to_have_class("claim-state-assigned")

    # d searches the claim it repeats.
    page.keyboard.press("j")
    expect(page.locator("#claim-panel-title")).to_have_text(f"Claim #{taxes.pk}")
    page.keyboard.press("d")
    expect(page.locator("#desk-original")).to_be_focused()
    page.keyboard.type("property taxes 2027")
    expect(page.locator(f"#desk-original-{original.pk}")).to_have_attribute("aria-selected", "true")
    _shoot(page, tmp_path, "desk-4-duplicate-search")
    page.keyboard.press("Enter")
    expect(announced).to_have_text(
        f"Claim #{taxes.pk}: Marked as a duplicate of claim #{original.pk}."
    )
    expect(panel).to_contain_text(f"Claim #{original.pk}")

    # A selection starting inside a claim is refused, clearly; the missed sentence is made one.
    page.evaluate(
        """(id) => {
            const link = document.querySelector(`#claim-${id} a`).firstChild;
            const range = document.createRange();
            range.setStart(link, 5);
            range.setEnd(link.parentNode.parentNode.nextSibling.firstChild, 10);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
        }""",
        bridge.pk,
    )
    page.keyboard.press("m")
    expect(announced).to_have_text(
        f"The selection starts inside claim #{bridge.pk}; select text outside the marked claims."
    )
    _select_text(page, "councillor said.\n\nYouth")
    page.keyboard.press("m")
    expect(announced).to_have_text(
        "No claim was made: The passage runs over more than one paragraph; choose a sentence "
        "within one."
    )
    _select_text(page, ", the mayor promised.")
    page.evaluate(
        """(id) => {
            const range = window.getSelection().getRangeAt(0);
            const before = document.querySelector(`#claim-${id}`).previousSibling.firstChild;
            range.setStart(before, before.data.indexOf('Youth'));
        }""",
        taxes.pk,
    )
    page.keyboard.press("m")
    expect(announced).to_contain_text(f"No claim was made: The passage overlaps claim #{taxes.pk}")
    expect(page.locator("#article-text mark")).to_have_count(4)
    _select_text(page, MISSED)
    page.keyboard.press("m")
    missed = page.locator("#article-text mark.claim-state-checkable", has_text=MISSED)
    expect(missed).to_be_visible()
    expect(announced).to_contain_text("added as checkable; the detector will learn from it.")
    expect(page.locator("#triage-count")).to_have_text("5 claims, 1 still to triage.")
    new_id = missed.get_attribute("data-claim")
    assert _focused_claim(page) == new_id

    # The keys are one ? away.
    page.keyboard.press("?")
    expect(page.locator("#desk-keys")).to_be_visible()
    _shoot(page, tmp_path, "desk-5-keys")
    page.keyboard.press("Escape")
    expect(page.locator("#desk-keys")).to_be_hidden()

    # What is stored is what the page shows.
    for claim in (roads, teachers, bridge, taxes):
        claim.refresh_from_db()
    assert roads.status == ClaimStatus.CHECKABLE
    assert teachers.status == ClaimStatus.NOT_CHECKABLE
    assert teachers.transitions.get().reason == "No published hiring records to check it against."
    assert (bridge.status, bridge.reviewer) == (ClaimStatus.ASSIGNED, bruno)
    assert taxes.duplicate_of == original
    made = article.claims.get(pk=new_id)
    assert (made.text, made.status, made.origin) == (
        MISSED,
        ClaimStatus.CHECKABLE,
        ClaimOrigin.EDITOR,
    )
    assert BODY[made.start : made.end] == MISSED
    lesson = DetectorFeedback.objects.get(claim=made)
    assert (lesson.text, lesson.checkworthy, lesson.missed) == (MISSED, True, True)
    classes = page.eval_on_selector_all(
        "#article-text mark", "marks => marks.map(m => [m.dataset.claim, m.className])"
    )
    assert classes == [
        [str(roads.pk), "claim-state-checkable"],
        [str(teachers.pk), "claim-state-not_checkable"],
        [str(bridge.pk), "claim-state-assigned"],
        [new_id, "claim-state-checkable"],
        [str(taxes.pk), "claim-state-new claim-duplicate"],
    ]
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    _shoot(page, tmp_path, "desk-6-done")
    _shoot(page, tmp_path, "desk-6-done-full", full_page=True)

    # The claim made by hand carries what a detected claim does, on its page too.
    made.refresh_from_db()
    assert made.statement == MISSED
    page.goto(f"{live_server.url}/admin/claims/claim/{new_id}/change/")
    expect(page.locator("#content")).to_contain_text("9 percent")
    _shoot(page, tmp_path, "desk-7-missed-claim")


def test_a_sentence_after_an_emoji_is_made_a_claim_where_it_stands_and_a_reason_is_optional(
    transactional_db, newsroom, live_server, browser, tmp_path
):
    """An emoji is one character on the server and two in the browser's strings: the page
    counts characters as the server does, so the selection lands on the sentence chosen."""
    editor = EditorFactory()
    body = (
        "Fans cheered 🎉🎉 as the team won. Youth unemployment fell to 9 percent last year. "
        "Property taxes will not rise in 2027, the mayor promised."
    )
    article = ArticleFactory(title="Emoji", body=body, status=ArticleStatus.DONE)
    taxes = _claim_in(article, TAXES, score=0.64)
    expect = sync_api.expect
    page = signed_in(browser, live_server, editor, viewport=LAPTOP)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    announced = page.locator("#desk-announce")

    _select_text(page, MISSED)
    page.keyboard.press("m")

    expect(announced).to_contain_text("added as checkable; the detector will learn from it.")
    made = article.claims.get(origin=ClaimOrigin.EDITOR)
    assert body[made.start : made.end] == made.text == MISSED

    # Asked why it is not checkable, the editor may give no reason: the move is made.
    page.keyboard.press("j")
    expect(page.locator("#claim-panel-title")).to_have_text(f"Claim #{taxes.pk}")
    page.keyboard.press("n")
    expect(page.locator("#desk-reason")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#claim-{taxes.pk}")).to_have_class("claim-state-not_checkable")
    _shoot(page, tmp_path, "desk-emoji")
    taxes.refresh_from_db()
    assert (taxes.status, taxes.transitions.get().reason) == (ClaimStatus.NOT_CHECKABLE, "")
