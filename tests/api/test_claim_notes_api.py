"""The claim's notes through the API: the same service and rule as the admin's claim page."""

import pytest

from claims.limits import MAX_NOTE_CHARS
from claims.models import ClaimNote
from claims.services import claim_add_note, claim_assign
from tests.api.conftest import client_for
from tests.factories import ClaimFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(editor, reviewer):
    return claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)


def test_the_reviewer_leaves_a_note_the_editor_reads_oldest_first(claim, editor, reviewer):
    claim_add_note(claim=claim, actor=editor, text="Check the 2021 baseline.")

    created = client_for(reviewer).post(
        f"/api/claims/{claim.pk}/notes/", {"text": "It was revised in 2022."}, format="json"
    )
    listed = client_for(editor).get(f"/api/claims/{claim.pk}/notes/")

    assert created.status_code == 201
    assert created.json()["author"] == reviewer.username
    assert listed.status_code == 200
    assert [(note["author"], note["text"]) for note in listed.json()["results"]] == [
        (editor.username, "Check the 2021 baseline."),
        (reviewer.username, "It was revised in 2022."),
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [("nobody signed in", 401), ("a reader", 403), ("another reviewer", 403)],
)
def test_anyone_else_can_neither_read_nor_leave_notes(claim, editor, who, status):
    claim_add_note(claim=claim, actor=editor, text="Check the 2021 baseline.")
    user = {
        "nobody signed in": None,
        "a reader": UserFactory(is_staff=False),
        "another reviewer": ReviewerFactory(),
    }[who]
    client = client_for(user)

    read = client.get(f"/api/claims/{claim.pk}/notes/")
    written = client.post(f"/api/claims/{claim.pk}/notes/", {"text": "Let me in."}, format="json")

    assert (read.status_code, written.status_code) == (status, status)
    assert "baseline" not in read.content.decode()
    assert ClaimNote.objects.count() == 1


@pytest.mark.parametrize("text", ["   ", "x" * (MAX_NOTE_CHARS + 1)])
def test_an_empty_or_overlong_note_is_refused_with_the_field_named(claim, editor, text):
    response = client_for(editor).post(
        f"/api/claims/{claim.pk}/notes/", {"text": text}, format="json"
    )

    assert response.status_code == 400
    assert "text" in response.json()
    assert not ClaimNote.objects.exists()
