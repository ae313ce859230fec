"""Notes editors and reviewers leave each other on a claim: who may write one, its limit, that a
refused note leaves nothing behind, and that readers never see one."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils.html import escape

from claims.claimreview import claimreview_for
from claims.limits import MAX_NOTE_CHARS
from claims.models import ClaimNote
from claims.public import public_claimreview
from claims.services import (
    claim_add_note,
    claim_assign,
    claim_mark_not_checkable,
    claim_merge,
    claim_require_second_review,
)
from core.errors import InvalidInput, NotPermitted
from tests.api.conftest import client_for
from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Between us: the chair's office has not answered in two weeks."


def test_an_editor_leaves_a_note_on_any_claim(editor):
    claim = ClaimFactory()

    note = claim_add_note(claim=claim, actor=editor, text="  Ask the ministry for the raw data.  ")

    assert (note.claim, note.author, note.text) == (
        claim,
        editor,
        "Ask the ministry for the raw data.",
    )
    assert note.history.get().history_user == editor


def test_the_claims_reviewer_and_its_second_reviewer_leave_notes(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    second = ReviewerFactory()
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)

    claim_add_note(claim=claim, actor=reviewer, text="The ministry's figure is provisional.")
    claim_add_note(claim=claim, actor=second, text="Agreed; say so in the summary.")

    assert [(note.author, note.text) for note in ClaimNote.objects.for_claim(claim)] == [
        (reviewer, "The ministry's figure is provisional."),
        (second, "Agreed; say so in the summary."),
    ]


@pytest.mark.parametrize(
    "who",
    ["another reviewer", "a reviewer taken off the claim", "a reader", "nobody signed in"],
)
def test_anyone_else_is_refused_and_nothing_is_written(who, editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    actor = {
        "another reviewer": lambda: ReviewerFactory(),
        "a reviewer taken off the claim": lambda: (
            claim_mark_not_checkable(claim=claim, actor=editor) and reviewer
        ),
        "a reader": lambda: UserFactory(is_staff=False),
        "nobody signed in": lambda: AnonymousUser(),
    }[who]()

    with pytest.raises(
        NotPermitted, match="Only editors and the claim's reviewers can read or leave"
    ):
        claim_add_note(claim=claim, actor=actor, text="Let me in.")

    assert not ClaimNote.objects.exists()
    assert not ClaimNote.history.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "Write the note first."), ("x" * (MAX_NOTE_CHARS + 1), f"at most {MAX_NOTE_CHARS}")],
)
def test_an_empty_or_overlong_note_is_refused_and_nothing_is_written(editor, text, message):
    claim = ClaimFactory()

    with pytest.raises(InvalidInput, match=message) as refused:
        claim_add_note(claim=claim, actor=editor, text=text)

    assert refused.value.messages == {"text": [refused.value.message]}
    assert not ClaimNote.objects.exists()


def test_a_note_as_long_as_the_limit_is_kept_whole(editor):
    note = claim_add_note(claim=ClaimFactory(), actor=editor, text="x" * MAX_NOTE_CHARS)

    assert len(note.text) == MAX_NOTE_CHARS


def test_readers_never_see_a_note_in_the_api_the_pages_or_the_claimreview(editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    claim_add_note(claim=claim, actor=editor, text=SECRET)
    claim_add_note(claim=claim, actor=reviewer, text=SECRET)
    anonymous = Client()

    seen = [
        anonymous.get(f"/claims/{claim.pk}/").content.decode(),
        anonymous.get(f"/claims/{claim.pk}/embed/").content.decode(),
        anonymous.get("/").content.decode(),
        json.dumps(client_for().get(f"/api/claims/{claim.pk}/").json()),
        json.dumps(client_for().get("/api/claims/").json()),
        json.dumps(client_for().get(f"/api/claims/{claim.pk}/claimreview/").json()),
        # Even the newsroom's own API reads the public shape, with no notes in it.
        json.dumps(client_for(editor).get(f"/api/claims/{claim.pk}/").json()),
        json.dumps(public_claimreview(claim)),
        json.dumps(claimreview_for(claim, claim.published_verdict)),
    ]

    # The pages escape the apostrophe (chair&#x27;s), so each fragment is looked for as the
    # JSON carries it and as HTML shows it.
    fragments = {
        form for raw in ("chair's office", "answered in two weeks") for form in (raw, escape(raw))
    }
    assert [f for f in fragments for text in seen if f in text] == []


def test_notes_follow_a_claim_merged_into_another(editor):
    keep, merged = ClaimFactory(), ClaimFactory()
    claim_add_note(claim=keep, actor=editor, text="Same claim as last week's.")
    claim_add_note(claim=merged, actor=editor, text="The minister repeated it on radio.")

    claim_merge(keep=keep, merged=[merged], actor=editor)

    assert [note.text for note in ClaimNote.objects.for_claim(keep)] == [
        "Same claim as last week's.",
        "The minister repeated it on radio.",
    ]


def test_someone_who_still_sees_a_claim_but_may_not_read_its_notes_sees_none_on_its_page(
    editor, reviewer
):
    """A reviewer taken out of the reviewers' group keeps the claims assigned to them, and a
    direct permission to look at claims; their notes are for the newsroom only, as in the API."""
    from django.contrib.auth.models import Group, Permission

    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim_add_note(claim=claim, actor=editor, text=SECRET)
    reviewer.groups.remove(Group.objects.get(name="reviewers"))
    reviewer.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client = Client()
    client.force_login(reviewer)

    page = client.get(f"/admin/claims/claim/{claim.pk}/change/")
    note_form = client.get(f"/admin/claims/claim/{claim.pk}/notes/")

    assert page.status_code == 200
    assert "answered in two weeks" not in page.content.decode()
    assert "answered in two weeks" not in note_form.content.decode()
    assert client_for(reviewer).get(f"/api/claims/{claim.pk}/notes/").status_code in (403, 404)
