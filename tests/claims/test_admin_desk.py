"""The editor's desk in the admin: lists that read well, publishing behind a preview and a
confirmation, drafts sent back with a note."""

from datetime import timedelta

import lxml.html
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import ClaimStatus, ClaimTransition, Rating, VerdictStatus
from claims.services import claim_assign, verdict_draft
from claims.services.workflow import verdict_send_back
from core.errors import NotPermitted, TransitionNotAllowed
from tests.api.publishing import draft_verdict
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

LONG_CLAIM = (
    "The regional transport authority said that ridership on the northern commuter lines rose "
    "by 14 percent between 2021 and 2023, while the cost of running the network fell by a "
    "fifth, making it the cheapest network per passenger kilometre anywhere in the country "
    "according to figures published by the national statistics office last spring, and that "
    "the improvement continued into the first quarter of this year."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_triage_list_shows_the_claim_text_cut_between_words_and_the_score_as_a_percentage(
    editor,
):
    ClaimFactory(text=LONG_CLAIM, score=0.9056976291994603)
    page = _client(editor).get("/admin/claims/claim/").content.decode()
    assert "91%" in page
    assert "0.9056976291994603" not in page
    assert LONG_CLAIM[:200] in page
    shown = page.split('class="field-short_text">')[1].split("</")[0]
    shown = shown.split(">")[-1]
    assert shown.endswith(" …")
    assert LONG_CLAIM.startswith(shown.removesuffix(" …"))
    assert LONG_CLAIM[len(shown.removesuffix(" …"))] == " "


def test_the_reviewers_queue_shows_the_due_date_and_overdue_badge_beside_the_claim(
    editor, reviewer
):
    claim = claim_assign(
        claim=ClaimFactory(),
        reviewer=reviewer,
        actor=editor,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    page = _client(reviewer).get("/admin/claims/claim/").content.decode()
    row = page.split('class="field-short_text"')[1].split("</tr>")[0]
    assert "overdue-badge" in row
    assert claim.due_date.strftime("%d %b %Y") in row


NOTE = "Cite the 2023 budget itself, not the press release that summarised it for reporters."


def _row_of(page: str, text: str) -> str:
    return next(row for row in page.split("<tr")[1:] if text in row)


def test_a_draft_sent_back_is_flagged_in_the_reviewers_queue_and_the_claims_list(editor, reviewer):
    sent_back = draft_verdict(
        ClaimFactory(text="Sent back claim."), editor=editor, reviewer=reviewer
    )
    verdict_send_back(claim=sent_back, actor=editor, note=NOTE)
    claim_assign(claim=ClaimFactory(text="Fresh claim."), reviewer=reviewer, actor=editor)

    for user in (reviewer, editor):
        page = _client(user).get("/admin/claims/claim/").content.decode()
        badge = _row_of(page, "Sent back claim.").split('class="sent-back-badge"')[1]
        assert badge.startswith(' title="Cite the 2023 budget itself, not the press release that')
        assert "reporters" not in badge.split(">")[0]
        assert "sent-back-badge" not in _row_of(page, "Fresh claim.")


def test_the_sent_back_badge_goes_once_the_reviewer_redrafts(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_send_back(claim=claim, actor=editor, note=NOTE)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="Redone.", sources=[])

    assert "sent-back-badge" not in _client(editor).get("/admin/claims/claim/").content.decode()


def test_the_queue_costs_the_same_queries_however_many_drafts_were_sent_back(editor, reviewer):
    def send_back_one() -> None:
        claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
        verdict_send_back(claim=claim, actor=editor, note=NOTE)

    send_back_one()
    client = _client(reviewer)

    with CaptureQueriesContext(connection) as one:
        client.get("/admin/claims/claim/")
    for _ in range(5):
        send_back_one()
    with CaptureQueriesContext(connection) as six:
        page = client.get("/admin/claims/claim/").content.decode()
    assert page.count('class="sent-back-badge"') == 6
    assert len(six) == len(one)


def test_the_claimant_and_article_filters_are_search_boxes_not_growing_lists(editor):
    for number in range(30):
        ClaimFactory(article=ArticleFactory(title=f"Budget story {number}"))
    target = ClaimFactory(
        article=ArticleFactory(title="Harbour dredging plan", outlet="Coast Post")
    )
    client = _client(editor)
    page = client.get("/admin/claims/claim/").content.decode()
    assert 'name="article_title"' in page
    assert "Budget story 7" not in page.split('id="changelist-filter"')[1]
    by_title = client.get("/admin/claims/claim/?article_title=harbour").context["cl"]
    assert list(by_title.queryset) == [target]
    by_outlet = client.get("/admin/claims/claim/?outlet=coast").context["cl"]
    assert list(by_outlet.queryset) == [target]


def test_claims_filter_by_the_date_they_were_found(editor):
    old = ClaimFactory()
    ClaimFactory._meta.model.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    recent = ClaimFactory()
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    found = _client(editor).get(f"/admin/claims/claim/?found_from={since}").context["cl"]
    assert list(found.queryset) == [recent]


def test_the_claim_page_shows_dates_and_entities_as_chips(editor):
    claim = ClaimFactory(
        dates=[{"text": "last year", "value": "2025-01-01"}],
        entities=[{"text": "Eurostat", "kind": "ORG", "value": "Eurostat"}],
    )
    page = _client(editor).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert 'class="chip chip-date" title="2025-01-01">last year<' in page
    assert 'class="chip chip-entity"' in page
    assert "[{&quot;" not in page


def test_the_verdict_form_has_no_rating_chosen_in_advance(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    page = _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/verdict/")
    rating = page.context["form"]["rating"]
    assert rating.value() is None
    assert '<option value="" selected>Choose a rating…</option>' in str(rating)


def test_the_verdict_form_rates_the_statement_with_the_sentence_as_said_beside_it(editor, reviewer):
    claim = claim_assign(
        claim=ClaimFactory(
            text="Crime doubled since 2020, the mayor said", statement="Crime doubled since 2020."
        ),
        reviewer=reviewer,
        actor=editor,
    )
    page = lxml.html.fromstring(
        _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/verdict/").content
    )

    assert page.xpath("string(//*[@id='verdict-statement'])") == "Crime doubled since 2020."
    assert page.xpath("string(//*[@id='verdict-original'])") == (
        "Crime doubled since 2020, the mayor said"
    )
    assert page.xpath("//button[@id='add-source']/text()") == ["Add another source"]
    assert any(src.endswith("claims/verdict-form.js") for src in page.xpath("//script/@src"))


def test_sources_added_on_the_page_beyond_the_two_rows_are_all_saved(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    page = _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/verdict/").content.decode()
    # What the button adds: the formset's empty form, numbered, and one more in TOTAL_FORMS.
    assert 'id="id_sources-__prefix__-url"' in page
    urls = [f"https://stats.example.org/table-{number}" for number in range(3)]
    form = {
        "rating": Rating.objects.in_default_scale().get(slug="false").pk,
        "summary": "Lower than claimed.",
        "sources-TOTAL_FORMS": "3",
        "sources-INITIAL_FORMS": "0",
        **{f"sources-{number}-url": url for number, url in enumerate(urls)},
    }

    response = _client(reviewer).post(f"/admin/claims/claim/{claim.pk}/verdict/", form)

    assert response.status_code == 302
    draft = claim.verdicts.get(status=VerdictStatus.DRAFT)
    assert [source.url for source in draft.sources.order_by("order")] == urls


def test_publishing_without_the_confirmation_shows_the_preview_and_publishes_nothing(
    editor, reviewer
):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    response = _client(editor).post(f"/admin/claims/claim/{claim.pk}/publish/")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED
    assert not claim.verdicts.filter(status=VerdictStatus.PUBLISHED).exists()
    page = response.content.decode()
    assert response.status_code == 200
    assert "&quot;@type&quot;: &quot;ClaimReview&quot;" in page
    assert 'id="claimreview-valid"' in page
    assert 'name="confirm"' in page


def test_the_preview_address_opened_again_shows_the_preview_and_publishes_nothing(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    response = _client(editor).get(f"/admin/claims/claim/{claim.pk}/publish/?confirm=on")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED
    page = response.content.decode()
    assert response.status_code == 200
    assert "&quot;@type&quot;: &quot;ClaimReview&quot;" in page
    assert 'name="confirm"' in page


def test_publishing_with_the_confirmation_publishes_the_verdict(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    _client(editor).post(f"/admin/claims/claim/{claim.pk}/publish/", {"confirm": "on"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED


def test_the_preview_lists_what_would_make_the_claimreview_rejected(editor, reviewer):
    claim = draft_verdict(
        ClaimFactory(text="x" * 600, statement=""), editor=editor, reviewer=reviewer
    )
    page = _client(editor).post(f"/admin/claims/claim/{claim.pk}/publish/").content.decode()
    assert 'id="claimreview-problems"' in page
    assert "claimReviewed has 600 characters" in page


def test_an_editor_sends_a_draft_back_and_the_reviewer_reads_the_note(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    response = _client(editor).post(
        f"/admin/claims/claim/{claim.pk}/send-back/", {"note": "Cite the 2023 budget itself."}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED
    move = ClaimTransition.objects.filter(claim=claim).latest("id")
    assert (move.from_status, move.to_status, move.actor, move.reason) == (
        ClaimStatus.DRAFTED,
        ClaimStatus.ASSIGNED,
        editor,
        "Cite the 2023 budget itself.",
    )
    page = _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert 'id="send-back-note"' in page
    assert "Cite the 2023 budget itself." in page
    assert f"Sent back by {editor}" in page


def test_the_note_goes_away_once_the_reviewer_redrafts(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_send_back(claim=claim, actor=editor, note="Add a source.")
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.", sources=[])
    page = _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert 'id="send-back-note"' not in page


def test_sending_back_needs_a_note_an_editor_and_a_draft(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    form = _client(editor).post(f"/admin/claims/claim/{claim.pk}/send-back/", {"note": " "})
    assert form.status_code == 200
    assert form.context["form"].errors["note"]
    with pytest.raises(NotPermitted):
        verdict_send_back(claim=claim, actor=reviewer, note="Mine now.")
    with pytest.raises(TransitionNotAllowed):
        verdict_send_back(claim=ClaimFactory(), actor=editor, note="Nothing to send back.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFTED


def test_the_article_list_filters_by_an_outlet_typed_into_a_box(editor):
    for number in range(20):
        ArticleFactory(outlet=f"Weekly Gazette {number}")
    coast = ArticleFactory(outlet="Coast Post")
    client = _client(editor)
    page = client.get("/admin/articles/article/").content.decode()
    sidebar = page.split('id="changelist-filter"')[1]
    assert 'name="outlet"' in sidebar
    assert "Weekly Gazette 7" not in sidebar
    found = client.get("/admin/articles/article/?outlet=coast&status__exact=done")
    assert list(found.context["cl"].queryset) == [coast]
    assert '<input type="hidden" name="status__exact" value="done">' in found.content.decode()


def test_the_editors_claim_page_shows_the_verdicts_sources(editor, reviewer):
    claim = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    page = _client(editor).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert (
        '<a href="https://city.example.gov/budget-2023" rel="nofollow noopener">'
        "https://city.example.gov/budget-2023</a>"
    ) in page
