"""The article page as a triage desk: the article's text with its claims marked in place, the
next article to triage, why an article has no claims, and its status while it is extracted."""

import pytest
from django.test import Client

from articles.models import ArticleStatus
from claims.models import Claim, Claimant, ClaimStatus, DetectorFeedback
from claims.services import claim_assign, claim_mark_checkable, claim_mark_not_checkable
from core.errors import TransitionNotAllowed
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory

pytestmark = pytest.mark.django_db

BODY = (
    "The mayor spoke on Monday. Unemployment fell to 4.1 percent last year, she said. "
    "Crime rose by 12 percent in 2023, according to the police. The weather was fine."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _claim(article, text: str, **kwargs):
    start = article.body.index(text)
    return ClaimFactory(article=article, text=text, start=start, end=start + len(text), **kwargs)


def test_the_article_page_marks_each_claim_in_the_text_with_its_state_and_score(editor):
    article = ArticleFactory(body=BODY)
    first = _claim(article, "Unemployment fell to 4.1 percent last year", score=0.87)
    second = _claim(
        article, "Crime rose by 12 percent in 2023", status=ClaimStatus.CHECKABLE, score=0.6
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    text = page.split('id="article-text">')[1].split("</div>")[0]
    start = BODY.index(first.text)
    assert text.startswith(
        f'<span data-start="0" data-end="{start}">The mayor spoke on Monday. </span><mark'
    )
    assert (
        f'<mark class="claim-state-new" id="claim-{first.pk}" data-claim="{first.pk}" '
        f'data-start="{start}" data-end="{start + len(first.text)}" title="New · score 87%">'
        f'<a href="/admin/claims/claim/{first.pk}/change/">'
        "Unemployment fell to 4.1 percent last year</a></mark>"
    ) in text
    assert f'class="claim-state-checkable" id="claim-{second.pk}"' in text
    assert "The weather was fine." in text
    assert "2 claims, 1 still to triage." in page


def test_a_claim_whose_offsets_are_stale_is_still_found_by_its_text(editor):
    article = ArticleFactory(body=BODY)
    claim = ClaimFactory(article=article, text="Crime rose by 12 percent in 2023", start=0, end=5)
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'id="claim-{claim.pk}"' in page.split('id="article-text">')[1]


def test_the_article_page_links_to_the_next_article_with_untriaged_claims(editor):
    article = ArticleFactory(body=BODY)
    _claim(article, "Crime rose by 12 percent in 2023")
    triaged = ArticleFactory()
    ClaimFactory(article=triaged, status=ClaimStatus.CHECKABLE)
    waiting = ArticleFactory()
    ClaimFactory(article=waiting)
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'<a href="/admin/articles/article/{waiting.pk}/change/" id="next-untriaged">' in page


def test_a_claim_marked_a_duplicate_counts_as_triaged_on_the_page_the_list_and_the_dashboard(
    editor,
):
    article = ArticleFactory(body=BODY)
    _claim(
        article,
        "Unemployment fell to 4.1 percent last year",
        duplicate_of=ClaimFactory(status=ClaimStatus.CHECKABLE),
    )
    waiting = _claim(article, "Crime rose by 12 percent in 2023")
    client = _client(editor)

    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    listed = client.get("/admin/claims/claim/", {"triage": "waiting", "article_is": article.pk})
    figures = {f["key"]: f for f in client.get("/admin/dashboard/figures/").json()["figures"]}

    assert "2 claims, 1 still to triage." in page
    assert [claim.pk for claim in listed.context["cl"].result_list] == [waiting.pk]
    assert figures["untriaged"]["text"] == "1"
    assert figures["oldest-untriaged"]["url"] == f"/admin/claims/claim/{waiting.pk}/change/"


def test_the_triage_link_lists_this_articles_claims_only_whatever_their_titles(editor):
    article = ArticleFactory(title="", body=BODY)
    waiting = _claim(article, "Crime rose by 12 percent in 2023")
    # Another article with the same (empty) title: its claims are not this article's.
    ClaimFactory(article=ArticleFactory(title=""))
    ClaimFactory(article=ArticleFactory(title="Crime figures"))
    client = _client(editor)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    link = next(
        part.split('"')[0]
        for part in page.split('href="')[1:]
        if part.startswith("/admin/claims/claim/?")
    )

    listed = client.get(link.replace("&amp;", "&"))

    assert [claim.pk for claim in listed.context["cl"].result_list] == [waiting.pk]
    sidebar = listed.content.decode()
    assert f"Article: <strong>#{article.pk}</strong>" in sidebar
    assert "Show all" in sidebar


def test_a_non_english_article_says_why_it_has_no_claims(editor):
    article = ArticleFactory(
        body="Le chômage a baissé de 4 pour cent.",
        language="fr",
        status_reason="language fr not supported by the claim detector",
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "The article is in “fr”, and the claim detector reads only en" in page


def test_a_failed_article_says_why_it_has_no_claims(editor):
    article = ArticleFactory(
        status=ArticleStatus.FAILED, status_reason="Could not fetch the page (permanent): 404"
    )
    page = _client(editor).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Claim extraction failed: Could not fetch the page (permanent): 404." in page


def test_an_article_being_processed_polls_its_status_until_done(editor):
    article = ArticleFactory(status=ArticleStatus.PROCESSING)
    client = _client(editor)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'data-status-url="/admin/articles/article/{article.pk}/status/"' in page
    assert client.get(f"/admin/articles/article/{article.pk}/status/").json() == {
        "status": "processing",
        "status_label": "Processing",
        "status_reason": "",
        "claims": 0,
    }
    ClaimFactory(article=article)
    article.status = ArticleStatus.DONE
    article.save()
    status = client.get(f"/admin/articles/article/{article.pk}/status/").json()
    assert (status["status"], status["claims"]) == ("done", 1)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "data-status-url" not in page


def test_a_reviewer_sees_only_their_own_claims_in_the_article_text(editor, reviewer):
    article = ArticleFactory(body=BODY)
    other = _claim(article, "Crime rose by 12 percent in 2023")
    mine = claim_assign(
        claim=_claim(article, "Unemployment fell to 4.1 percent last year"),
        reviewer=reviewer,
        actor=editor,
    )
    page = _client(reviewer).get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert f'<mark class="claim-state-assigned" id="claim-{mine.pk}"' in page
    assert f'id="claim-{other.pk}"' not in page


# The desk's endpoints: what the article page's script asks when an editor triages by keyboard.


def _card(client: Client, claim) -> dict:
    response = client.get(f"/admin/claims/claim/{claim.pk}/desk/")
    assert response.status_code == 200
    return response.json()["claim"]


def _move(client: Client, claim, move: str, **data):
    return client.post(f"/admin/claims/claim/{claim.pk}/desk/{move}/", data)


def test_a_claims_card_shows_its_state_score_claimant_statement_and_the_moves_open_to_the_editor(
    editor, reviewer
):
    article = ArticleFactory(body=BODY)
    claim = _claim(
        article,
        "Unemployment fell to 4.1 percent last year",
        score=0.874,
        claimant=Claimant.objects.create(name="Mayor Jane Doe", normalized_name="mayor jane doe"),
        statement="Unemployment fell to 4.1 percent in 2024.",
    )

    card = _card(_client(editor), claim)

    assert card["status_label"] == "New"
    assert card["score"] == "87%"
    assert card["claimant"] == "Mayor Jane Doe"
    assert card["statement"] == "Unemployment fell to 4.1 percent in 2024."
    assert card["moves"] == {
        "checkable": None,
        "not-checkable": None,
        "duplicate": None,
        "assign": None,
    }
    assert [person["name"] for person in card["reviewers"]] == [reviewer.username]


def test_a_reviewer_sees_their_claims_card_with_every_triage_move_refused_as_the_policy_says(
    editor, reviewer
):
    article = ArticleFactory(body=BODY)
    claim = claim_assign(
        claim=_claim(article, "Crime rose by 12 percent in 2023"), reviewer=reviewer, actor=editor
    )
    client = _client(reviewer)

    card = _card(client, claim)

    assert card["moves"]["checkable"] == "Only editors can triage claims."
    assert card["moves"]["assign"] == "Only editors can assign claims."
    assert card["reviewers"] == []
    response = _move(client, claim, "checkable", version=card["version"])
    assert response.status_code == 403
    assert response.json()["detail"] == "Only editors can triage claims."
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED


def test_another_reviewers_claim_has_no_card_for_a_reviewer(editor, reviewer):
    article = ArticleFactory(body=BODY)
    claim = _claim(article, "Crime rose by 12 percent in 2023")
    assert _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/desk/").status_code == 404


def test_the_editor_triages_a_claim_checkable_and_its_card_comes_back_changed(editor):
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")
    client = _client(editor)

    response = _move(client, claim, "checkable", version=_card(client, claim)["version"])

    assert response.status_code == 200
    assert response.json()["detail"] == "Marked checkable."
    assert response.json()["claim"]["status"] == ClaimStatus.CHECKABLE
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHECKABLE
    assert claim.transitions.get().actor == editor


def test_not_checkable_keeps_the_reason_given_with_the_move(editor):
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")

    done = _move(_client(editor), claim, "not-checkable", reason="An opinion, not a fact.")

    assert done.status_code == 200
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NOT_CHECKABLE
    assert claim.transitions.get().reason == "An opinion, not a fact."


def test_not_checkable_without_a_reason_is_accepted_as_on_the_claim_page_and_the_api(editor):
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")

    done = _move(_client(editor), claim, "not-checkable", reason="  ")

    assert done.status_code == 200
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NOT_CHECKABLE
    assert claim.transitions.get().reason == ""


def test_a_claim_changed_since_the_card_was_shown_is_not_moved_and_the_editor_sees_it_as_it_is(
    editor, reviewer
):
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")
    client = _client(editor)
    seen = _card(client, claim)
    claim_assign(claim=claim, reviewer=reviewer, actor=EditorFactory())

    response = _move(client, claim, "not-checkable", reason="Opinion.", version=seen["version"])

    assert response.status_code == 409
    assert response.json()["detail"] == (
        f"Claim #{claim.pk} changed since you opened it: it is now assigned with "
        f"{reviewer.username}. Look again before you act."
    )
    assert response.json()["claim"]["status"] == ClaimStatus.ASSIGNED
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ASSIGNED


def test_of_two_editors_moving_a_claim_from_the_same_card_only_the_first_moves_it(editor, reviewer):
    """The second editor's request read the claim before the first one's move was stored: the
    version is compared under the claim's lock, so the second is still refused."""
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")
    seen = _card(_client(editor), claim)
    read_by_second_request = Claim.objects.get(pk=claim.pk)
    claim_mark_checkable(claim=claim, actor=EditorFactory(), expected_version=seen["version"])

    with pytest.raises(TransitionNotAllowed, match="changed since you opened it: it is now check"):
        claim_mark_not_checkable(
            claim=read_by_second_request, actor=editor, expected_version=seen["version"]
        )

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHECKABLE


def test_a_move_the_workflow_does_not_allow_now_is_refused_with_the_policys_reason(
    editor, reviewer
):
    claim = claim_assign(
        claim=_claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023"),
        reviewer=reviewer,
        actor=editor,
    )
    client = _client(editor)

    response = _move(client, claim, "checkable", version=_card(client, claim)["version"])

    assert response.status_code == 409
    assert response.json()["detail"] == (
        "This claim is with a reviewer; unassign it to make it checkable again."
    )


def test_the_editor_assigns_a_claim_to_a_reviewer_from_the_article_page(editor, reviewer):
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")
    client = _client(editor)

    response = _move(client, claim, "assign", reviewer=reviewer.pk)

    assert response.status_code == 200
    assert response.json()["detail"] == f"Assigned to {reviewer.username}."
    claim.refresh_from_db()
    assert (claim.status, claim.reviewer) == (ClaimStatus.ASSIGNED, reviewer)


def test_the_editor_finds_the_original_by_its_words_and_marks_the_claim_its_duplicate(editor):
    article = ArticleFactory(body=BODY)
    claim = _claim(article, "Crime rose by 12 percent in 2023")
    original = ClaimFactory(text="Crime rose 12 percent in 2023, police figures show.")
    ClaimFactory(text="The bridge carries 40,000 vehicles a day.")
    follower = ClaimFactory(text="Crime rose sharply in 2023.", duplicate_of=original)
    client = _client(editor)

    found = client.get(f"/admin/claims/claim/{claim.pk}/desk/originals/", {"q": "crime 2023"})
    by_number = client.get(
        f"/admin/claims/claim/{claim.pk}/desk/originals/", {"q": f"#{original.pk}"}
    )
    response = _move(client, claim, "duplicate", original=original.pk)

    assert [result["id"] for result in found.json()["results"]] == [original.pk]
    assert follower.pk not in [result["id"] for result in found.json()["results"]]
    assert [result["id"] for result in by_number.json()["results"]] == [original.pk]
    assert response.status_code == 200
    assert response.json()["detail"] == f"Marked as a duplicate of claim #{original.pk}."
    claim.refresh_from_db()
    assert claim.duplicate_of == original


def test_the_original_is_found_as_the_claims_list_and_the_api_find_it(editor):
    """The desk's search is the claims' one search: the speaker's name finds their claims, as
    it does in the API (and on PostgreSQL, other forms of the words typed do too)."""
    claim = _claim(ArticleFactory(body=BODY), "Crime rose by 12 percent in 2023")
    original = ClaimFactory(
        text="Crime went up 12 percent last year.",
        claimant=Claimant.objects.create(name="Dana Whitlock", normalized_name="dana whitlock"),
    )
    ClaimFactory(text="Crime fell in the suburbs.")
    client = _client(editor)

    found = client.get(f"/admin/claims/claim/{claim.pk}/desk/originals/", {"q": "Whitlock"})
    in_api = client.get("/api/claims/", {"q": "Whitlock"})

    assert [result["id"] for result in found.json()["results"]] == [original.pk]
    assert [result["id"] for result in in_api.json()["results"]] == [original.pk]


def test_a_reviewer_cannot_search_for_originals(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    response = _client(reviewer).get(f"/admin/claims/claim/{claim.pk}/desk/originals/?q=crime")
    assert response.status_code == 403


def _missed(
    client: Client, article, text: str, *, start: int | None = None, end: int | None = None
):
    start = article.body.index(text) if start is None else start
    end = start + len(text) if end is None else end
    return client.post(
        f"/admin/claims/claim/desk/article/{article.pk}/missed/",
        {"start": start, "end": end, "text": text},
    )


def test_a_selected_sentence_becomes_a_claim_and_a_lesson_and_the_text_marks_it(editor):
    article = ArticleFactory(body=BODY)
    _claim(article, "Crime rose by 12 percent in 2023")
    missed = "The mayor spoke on Monday."

    response = _missed(_client(editor), article, missed + " ")

    assert response.status_code == 200
    claim = article.claims.get(text=missed)
    assert (claim.start, claim.end, claim.status) == (0, len(missed), ClaimStatus.CHECKABLE)
    lesson = DetectorFeedback.objects.get(claim=claim)
    assert (lesson.checkworthy, lesson.missed) == (True, True)
    assert response.json()["claim"]["id"] == claim.pk
    assert response.json()["text"].startswith(
        f'<mark class="claim-state-checkable" id="claim-{claim.pk}"'
    )


def test_a_selection_over_an_existing_claim_or_two_paragraphs_is_refused(editor):
    article = ArticleFactory(
        body="The mayor spoke.\n\nCrime rose by 12 percent in 2023. It rained."
    )
    crime = _claim(article, "Crime rose by 12 percent in 2023")
    client = _client(editor)

    over = _missed(client, article, "12 percent in 2023. It rained.")
    across = _missed(client, article, "spoke.\n\nCrime")

    assert over.status_code == 409
    assert over.json()["detail"].startswith(f"The passage overlaps claim #{crime.pk}")
    assert across.status_code == 400
    assert across.json()["detail"] == (
        "The passage runs over more than one paragraph; choose a sentence within one."
    )
    assert article.claims.count() == 1


def test_a_selection_that_no_longer_matches_the_text_is_refused(editor):
    article = ArticleFactory(body=BODY)
    response = _missed(_client(editor), article, "The weather was awful.", start=0)
    assert response.status_code == 409
    assert "text may have changed" in response.json()["detail"]
    assert not article.claims.exists()


def test_a_reviewer_cannot_make_a_claim_from_the_text(reviewer):
    article = ArticleFactory(body=BODY)
    response = _missed(_client(reviewer), article, "The weather was fine.")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only editors can add claims the detector missed."
    assert not article.claims.exists()


def test_the_article_page_offers_the_desk_to_editors_and_no_make_claim_button_to_reviewers(
    editor, reviewer
):
    article = ArticleFactory(body=BODY)
    mine = claim_assign(
        claim=_claim(article, "Crime rose by 12 percent in 2023"), reviewer=reviewer, actor=editor
    )
    url = f"/admin/articles/article/{article.pk}/change/"

    for_editor = _client(editor).get(url).content.decode()
    for_reviewer = _client(reviewer).get(url).content.decode()

    assert 'id="make-claim"' in for_editor
    assert f'data-missed-url="/admin/claims/claim/desk/article/{article.pk}/missed/"' in for_editor
    assert "claims/article-desk.js" in for_editor
    assert 'id="make-claim"' not in for_reviewer
    assert f'id="claim-{mine.pk}"' in for_reviewer
