"""Every page readers and editors use passes axe-core's WCAG 2.1 AA checks in a real browser.

axe-core is the npm package (`npm install --prefix .ci/node axe-core`, as .ci/run does); its
axe.min.js is injected into each page. Skips with the reason when chromium, playwright or
axe.min.js is missing. Serious and critical violations fail; minor and moderate ones are
best-practice advice that Swagger UI's own markup does not all follow.
"""

import os
from pathlib import Path

import pytest

from claims.bootstrap import DEFAULT_SCALE
from claims.services import claim_add_note, verdict_correct, verdict_publish
from claims.services.workflow import verdict_send_back
from tests.api.publishing import draft_verdict, publish_verdict
from tests.e2e.conftest import needs_chromium, signed_in
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, ReviewerFactory

AXE = Path(
    os.environ.get(
        "AXE_CORE_JS",
        Path(__file__).resolve().parents[2] / ".ci/node/node_modules/axe-core/axe.min.js",
    )
)
pytestmark = [
    needs_chromium,
    pytest.mark.skipif(
        not AXE.exists(),
        reason=f"axe-core is not installed at {AXE} (npm install --prefix .ci/node axe-core)",
    ),
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def _blocking_violations(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )
    assert result["passes"], f"axe checked nothing on {url}"
    return [
        f"{url}: [{violation['impact']}] {violation['id']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.fixture
def newsroom_pages(transactional_db, newsroom):
    editor, reviewer = EditorFactory(), ReviewerFactory()
    checked = {
        slug: publish_verdict(
            ClaimFactory(text=f"The council spent $4.{value} million on roads in 2023."),
            editor=editor,
            reviewer=reviewer,
            rating=slug,
        )
        for slug, _label, value, _colour in DEFAULT_SCALE
    }
    corrected = checked["false"]
    verdict_correct(claim=corrected, actor=editor, correction_note="New budget figures.")
    verdict_publish(claim=corrected, actor=editor)
    claim_add_note(claim=corrected, actor=editor, text="The budget office confirmed the figure.")
    sent_back = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_send_back(claim=sent_back, actor=editor, note="Cite the budget itself.")
    claim_add_note(claim=sent_back, actor=reviewer, text="Asked the budget office for it.")
    return {
        "editor": editor,
        "reviewer": reviewer,
        "checked": checked,
        "unchecked": ClaimFactory(),
        "sent_back": sent_back,
    }


def test_public_pages_have_no_serious_accessibility_violations(
    newsroom_pages, live_server, browser
):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    urls = [f"{live_server.url}/claims/{claim.pk}/" for claim in newsroom_pages["checked"].values()]
    urls += [
        f"{live_server.url}/",
        f"{live_server.url}/?q=council",
        f"{live_server.url}/claims/{newsroom_pages['checked']['true'].pk}/embed/",
        f"{live_server.url}/api/docs/",
    ]

    violations = [problem for url in urls for problem in _blocking_violations(page, url)]
    assert violations == [], "\n".join(violations)


def test_the_api_docs_have_no_serious_violations_with_an_operation_open(live_server, browser):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock-get .opblock-summary-control").first.click()
    page.locator(".try-out__btn").first.click()
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )

    assert [v["id"] for v in result["violations"] if v["impact"] in BLOCKING] == []


def test_the_newsrooms_admin_pages_have_no_serious_accessibility_violations(
    newsroom_pages, live_server, browser
):
    page = signed_in(browser, live_server, newsroom_pages["editor"])
    claim = newsroom_pages["checked"]["false"]
    urls = [
        f"{live_server.url}/admin/claims/claim/?status__exact=new",
        # The sent-back badge.
        f"{live_server.url}/admin/claims/claim/?status__exact=assigned",
        f"{live_server.url}/admin/claims/claim/{claim.pk}/change/",
        f"{live_server.url}/admin/claims/claim/{newsroom_pages['unchecked'].pk}/change/",
        f"{live_server.url}/admin/claims/claim/{newsroom_pages['sent_back'].pk}/change/",
        # A published claim's claimant changes only within a correction: this one is a draft.
        f"{live_server.url}/admin/claims/claim/{newsroom_pages['sent_back'].pk}/claimant/",
        f"{live_server.url}/admin/claims/claim/{claim.pk}/notes/",
        # The verdict form's layout, as a correction of the published verdict.
        f"{live_server.url}/admin/claims/claim/{claim.pk}/correct/",
        f"{live_server.url}/admin/dashboard/",
        f"{live_server.url}/admin/articles/article/",
        f"{live_server.url}/admin/articles/article/{claim.article_id}/change/",
    ]

    violations = [problem for url in urls for problem in _blocking_violations(page, url)]
    assert violations == [], "\n".join(violations)


def _blocking_on_this_page(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )
    assert result["passes"], "axe checked nothing"
    return [
        f"[{violation['impact']}] {violation['id']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


def test_the_article_desk_has_no_serious_violations_with_a_claims_card_and_question_open(
    transactional_db, newsroom, live_server, browser
):
    editor = EditorFactory()
    ReviewerFactory()
    body = "The mayor spoke. Crime rose by 12 percent in 2023. Taxes fell by a fifth in 2024."
    claims = []
    for text in ("Crime rose by 12 percent in 2023", "Taxes fell by a fifth in 2024"):
        start = body.index(text)
        claims.append(
            ClaimFactory(
                article=ArticleFactory(body=body) if not claims else claims[0].article,
                text=text,
                start=start,
                end=start + len(text),
            )
        )
    page = signed_in(browser, live_server, editor)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/admin/articles/article/{claims[0].article_id}/change/")
    page.keyboard.press("j")
    page.locator("#desk-moves .button").first.wait_for()
    card_open = _blocking_on_this_page(page)
    page.keyboard.press("a")
    page.locator("#desk-form input[type=radio]").first.wait_for()
    assign_open = _blocking_on_this_page(page)
    page.keyboard.press("Escape")
    page.keyboard.press("d")
    page.keyboard.type("taxes")
    page.locator("#desk-originals [role=option]").first.wait_for(state="attached", timeout=5000)
    duplicate_open = _blocking_on_this_page(page)

    assert card_open + assign_open + duplicate_open == []


def test_the_reviewers_claim_page_has_no_serious_accessibility_violations(
    newsroom_pages, live_server, browser
):
    page = signed_in(browser, live_server, newsroom_pages["reviewer"])
    claim = newsroom_pages["sent_back"]

    violations = _blocking_violations(
        page, f"{live_server.url}/admin/claims/claim/{claim.pk}/change/"
    )

    assert violations == [], "\n".join(violations)
