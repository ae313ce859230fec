"""The claim page a reviewer and an editor work from: the sentence in its paragraph, the statement
beside the original, the claimant changed by name, the verdict with its sources, the public link
and embed code once published, and the notes they share."""

import lxml.html
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.models import Claimant, ClaimNote
from claims.services import claim_add_note, claim_assign, claim_change_claimant
from claims.services.workflow import verdict_send_back
from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db

CLAIM = "Ridership on the northern lines rose by 14 percent between 2021 and 2023"
BODY = (
    "The transport authority published its annual report on Monday.\n\n"
    f"{CLAIM}, the authority's chair told reporters. She called it a record.\n\n"
    "Critics said the figures left out the bus network."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page(user, claim) -> lxml.html.HtmlElement:
    response = _client(user).get(f"/admin/claims/claim/{claim.pk}/change/")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def _text(page, path: str) -> str:
    return " ".join(" ".join(node.text_content().split()) for node in page.xpath(path))


def _claim_in_body(**kwargs):
    start = BODY.index(CLAIM)
    return ClaimFactory(
        article=ArticleFactory(body=BODY, title="Record ridership"),
        text=CLAIM,
        start=start,
        end=start + len(CLAIM),
        **kwargs,
    )


def test_the_claim_is_shown_highlighted_in_its_own_paragraph_with_a_link_to_the_article(editor):
    claim = _claim_in_body(score=0.866)

    page = _page(editor, claim)

    assert _text(page, "//*[@id='claim-paragraph']") == (
        f"{CLAIM}, the authority's chair told reporters. She called it a record."
    )
    assert _text(page, "//*[@id='claim-paragraph']//mark") == CLAIM
    assert page.xpath("//*[@id='claim-article-link']")[0].get("href") == (
        f"/admin/articles/article/{claim.article_id}/change/"
    )
    assert _text(page, "//*[@id='claim-score']") == "87%"


def test_the_claims_paragraph_is_its_line_as_the_detector_read_it(editor):
    body = (
        "Record ridership\n"
        f"{CLAIM}, the authority's chair told reporters. She called it a record.\n"
        "Critics said the figures left out the bus network."
    )
    start = body.index(CLAIM)
    claim = ClaimFactory(
        article=ArticleFactory(body=body), text=CLAIM, start=start, end=start + len(CLAIM)
    )

    page = _page(editor, claim)

    assert _text(page, "//*[@id='claim-paragraph']") == (
        f"{CLAIM}, the authority's chair told reporters. She called it a record."
    )


def test_the_claim_is_found_in_its_article_after_the_text_before_it_changed(editor):
    claim = _claim_in_body()
    claim.article.body = "A new opening sentence was added.\n\n" + BODY
    claim.article.save()

    page = _page(editor, claim)

    assert _text(page, "//*[@id='claim-paragraph']//mark") == CLAIM
    assert "annual report" not in _text(page, "//*[@id='claim-paragraph']")
    assert not page.xpath("//*[contains(@class, 'claim-gone')]")


def test_a_sentence_no_longer_in_the_article_is_shown_with_a_warning(editor):
    claim = _claim_in_body()
    claim.article.body = "The article was rewritten entirely."
    claim.article.save()

    page = _page(editor, claim)

    assert _text(page, "//*[@id='claim-paragraph']//mark") == CLAIM
    assert "no longer in it" in _text(page, "//*[contains(@class, 'claim-gone')]")


def test_a_long_paragraph_is_cut_between_words_around_the_claim(editor):
    before, after = "word " * 400, " more" * 400
    body = f"{before}{CLAIM}{after}"
    claim = ClaimFactory(
        article=ArticleFactory(body=body),
        text=CLAIM,
        start=len(before),
        end=len(before) + len(CLAIM),
    )

    shown = _text(_page(editor, claim), "//*[@id='claim-paragraph']")

    assert shown.startswith("… word")
    assert shown.endswith("more …")
    assert len(shown) < 1400


def test_the_editor_edits_the_statement_beside_the_original_sentence(editor):
    claim = _claim_in_body(statement="Ridership rose 14 percent from 2021 to 2023.")

    page = _page(editor, claim)

    assert _text(page, "//*[@id='original-sentence']") == CLAIM
    field = page.xpath("//*[@id='claim-statement']//textarea[@name='statement']")[0]
    assert field.text_content().strip() == "Ridership rose 14 percent from 2021 to 2023."
    button = page.xpath("//*[@id='save-statement']")[0]
    assert button.get("formaction") == f"/admin/claims/claim/{claim.pk}/statement/"
    assert not page.xpath("//*[@id='statement-edited']")


def test_the_reviewer_reads_the_statement_marked_edited_without_a_field(editor, reviewer):
    claim = claim_assign(
        claim=_claim_in_body(statement="Ridership rose 14 percent.", statement_edited=True),
        reviewer=reviewer,
        actor=editor,
    )

    page = _page(reviewer, claim)

    assert _text(page, "//*[@id='statement-text']") == "Ridership rose 14 percent."
    assert _text(page, "//*[@id='statement-edited']") == "edited"
    assert not page.xpath("//textarea[@name='statement']")


def test_the_page_has_no_save_button_that_would_save_nothing(editor):
    page = _page(editor, ClaimFactory())

    assert not page.xpath("//input[@name='_save']")
    assert not page.xpath("//input[@name='_continue']")


def test_the_editor_changes_the_claimant_found_by_an_alias(editor):
    old = Claimant.objects.create(name="The Minister", normalized_name="minister")
    lavrov = Claimant.objects.create(name="Sergey Lavrov", normalized_name="sergey lavrov")
    lavrov.aliases.create(name="Lavrov", normalized_name="lavrov")
    claim = ClaimFactory(claimant=old)
    client = _client(editor)

    form = client.get(f"/admin/claims/claim/{claim.pk}/claimant/").content.decode()
    found = client.get(
        "/admin/autocomplete/",
        {"app_label": "claims", "model_name": "claim", "field_name": "claimant", "term": "lavr"},
    ).json()
    saved = client.post(f"/admin/claims/claim/{claim.pk}/claimant/", {"claimant": lavrov.pk})

    assert "admin-autocomplete" in form
    assert found["results"] == [{"id": str(lavrov.pk), "text": "Sergey Lavrov"}]
    assert saved.status_code == 302
    claim.refresh_from_db()
    assert claim.claimant == lavrov
    latest, before = claim.history.all()[:2]
    assert (latest.history_user, latest.claimant_id, before.claimant_id) == (
        editor,
        lavrov.pk,
        old.pk,
    )
    assert "Sergey Lavrov" in _text(_page(editor, claim), "//*[@id='claim-claimant']")


def test_the_editor_can_say_nobody_is_known_to_have_made_the_claim(editor):
    claim = ClaimFactory(claimant=Claimant.objects.create(name="Someone", normalized_name="x"))

    _client(editor).post(f"/admin/claims/claim/{claim.pk}/claimant/", {"claimant": ""})

    claim.refresh_from_db()
    assert claim.claimant is None


def test_a_reviewer_cannot_change_the_claimant(editor, reviewer):
    claimant = Claimant.objects.create(name="Ada Brennan", normalized_name="ada brennan")
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)

    response = _client(reviewer).post(
        f"/admin/claims/claim/{claim.pk}/claimant/", {"claimant": claimant.pk}
    )

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.claimant is None
    assert not _page(reviewer, claim).xpath("//*[@id='change-claimant']")


def test_the_editor_sees_the_draft_verdict_with_each_source_as_a_link(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    draft = claim.verdicts.get()
    draft.sources.update(title="City budget 2023")

    page = _page(editor, claim)

    assert "Draft verdict" in _text(page, "//*[@id='claim-verdict']/h2")
    assert _text(page, "//*[@id='verdict-rating']") == "False"
    assert draft.summary in _text(page, "//*[@id='claim-verdict']")
    links = page.xpath("//*[@id='verdict-sources']//a")
    assert [(a.text_content(), a.get("href")) for a in links] == [
        ("City budget 2023", "https://city.example.gov/budget-2023")
    ]


def test_the_editor_is_told_a_published_claims_wording_changes_with_a_correction(editor, reviewer):
    claim = publish_verdict(
        _claim_in_body(statement="Ridership rose 14 percent."), editor=editor, reviewer=reviewer
    )

    page = _page(editor, claim)

    assert not page.xpath("//textarea[@name='statement']")
    assert not page.xpath("//*[@id='change-claimant']")
    assert "issue a correction to change its statement" in _text(
        page, "//*[@id='statement-locked']"
    )
    assert "issue a correction to change who made it" in _text(page, "//*[@id='claimant-locked']")
    # The reviewer may never change either, so is not told to wait for a correction.
    assert not _page(reviewer, claim).xpath("//*[@id='statement-locked' or @id='claimant-locked']")


def test_a_published_claim_gives_its_public_link_and_embed_code(editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    page = _page(editor, claim)

    assert (
        page.xpath("//*[@id='public-link']")[0].get("href")
        == f"http://testserver/claims/{claim.pk}/"
    )
    embed = page.xpath("//textarea[@id='embed-code']")[0]
    assert embed.get("readonly") is not None
    assert embed.text_content().startswith(
        f'<iframe src="http://testserver/claims/{claim.pk}/embed/" title="Fact check: '
    )
    assert page.xpath("//button[@data-copy='embed-code']")
    assert any(src.endswith("claims/claim-page.js") for src in page.xpath("//script/@src"))


def test_an_unpublished_claim_has_no_public_link(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)

    page = _page(editor, claim)

    assert not page.xpath("//*[@id='claim-public']")


def test_editor_and_reviewer_read_each_others_notes_newest_last(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_add_note(claim=claim, actor=editor, text="Check the 2021 baseline.")
    claim_add_note(claim=claim, actor=reviewer, text="The baseline was revised in 2022.")

    for user in (editor, reviewer):
        page = _page(user, claim)
        notes = page.xpath("//*[@id='claim-notes']//li[@class='note']")
        assert [_text(note, ".//*[@class='note-text']") for note in notes] == [
            "Check the 2021 baseline.",
            "The baseline was revised in 2022.",
        ]
        assert [_text(note, ".//*[@class='note-meta']/strong") for note in notes] == [
            editor.username,
            reviewer.username,
        ]
        assert all(note.xpath(".//time[@datetime]") for note in notes)


def test_a_note_posted_from_the_page_is_added_and_the_page_shows_it(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    page = _page(reviewer, claim)
    button = page.xpath("//*[@id='add-note']")[0]

    response = _client(reviewer).post(button.get("formaction"), {"text": "Called the ministry."})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/claims/claim/{claim.pk}/change/#claim-notes")
    assert ClaimNote.objects.get().author == reviewer
    assert "Called the ministry." in _text(_page(editor, claim), "//*[@id='claim-notes']")


def test_an_empty_note_is_refused_with_the_reason_and_nothing_is_written(editor):
    claim = ClaimFactory()

    response = _client(editor).post(f"/admin/claims/claim/{claim.pk}/notes/", {"text": "  "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ClaimNote.objects.exists()


def test_a_reviewer_cannot_note_a_claim_outside_their_queue(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=ReviewerFactory(), actor=editor)

    response = _client(reviewer).post(
        f"/admin/claims/claim/{claim.pk}/notes/", {"text": "Let me in."}
    )

    assert response.status_code == 404
    assert not ClaimNote.objects.exists()


def test_the_reviewer_sees_the_send_back_note_and_the_shared_notes(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_send_back(claim=claim, actor=editor, note="Cite the ministry's own figure.")
    claim_add_note(claim=claim, actor=editor, text="The ministry's press office is slow.")

    page = _page(reviewer, claim)

    assert "Cite the ministry's own figure." in _text(page, "//*[@id='send-back-note']")
    assert "The ministry's press office is slow." in _text(page, "//*[@id='claim-notes']")


def test_the_claimant_change_is_listed_in_the_claims_history(editor):
    claim = ClaimFactory()
    claim_change_claimant(
        claim=claim,
        actor=editor,
        claimant=Claimant.objects.create(name="Ada Brennan", normalized_name="ada brennan"),
    )

    history = _client(editor).get(f"/admin/claims/claim/{claim.pk}/history/").content.decode()

    assert "Ada Brennan" in history


def test_the_page_costs_the_same_queries_with_one_note_or_twenty(editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    client = _client(editor)
    url = f"/admin/claims/claim/{claim.pk}/change/"
    claim_add_note(claim=claim, actor=reviewer, text="The first note.")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(19):
        claim_add_note(claim=claim, actor=editor if number % 2 else reviewer, text=f"Note {number}")
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(url)

    assert len(page.context["notes"]) == 20
    assert len(twenty) == len(one)
