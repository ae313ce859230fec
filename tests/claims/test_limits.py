"""A verdict's limits hold the same wherever it is written: the API, the admin and the services."""

import pytest
from django.test import Client

from claims.limits import MAX_NOTE_CHARS, MAX_SOURCES, MAX_SUMMARY_CHARS
from claims.models import VerdictStatus
from claims.services import claim_assign, verdict_draft
from core.errors import InvalidInput
from tests.api.conftest import client_for
from tests.claims.test_admin import sources_form
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

TOO_LONG_SUMMARY = "x" * (MAX_SUMMARY_CHARS + 1)


@pytest.fixture
def assigned(editor, reviewer):
    return claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)


def test_a_summary_one_character_too_long_is_refused_by_the_api_the_admin_and_the_service(
    assigned, reviewer
):
    api = client_for(reviewer).post(
        f"/api/claims/{assigned.pk}/verdict/",
        {"rating": "false", "summary": TOO_LONG_SUMMARY},
        format="json",
    )
    browser = Client()
    browser.force_login(reviewer)
    admin = browser.post(
        f"/admin/claims/claim/{assigned.pk}/verdict/",
        {"rating": "false", "summary": TOO_LONG_SUMMARY, **sources_form()},
    )
    with pytest.raises(InvalidInput) as service:
        verdict_draft(claim=assigned, actor=reviewer, rating="false", summary=TOO_LONG_SUMMARY)

    assert api.status_code == 400
    assert "summary" in api.json()
    assert admin.status_code == 200
    assert f"at most {MAX_SUMMARY_CHARS} characters" in admin.content.decode()
    assert service.value.messages == {
        "summary": [f"Must be at most {MAX_SUMMARY_CHARS} characters."]
    }
    assert not assigned.verdicts.filter(status=VerdictStatus.DRAFT).exists()


def test_one_source_too_many_is_refused_by_the_api_and_the_service(assigned, reviewer):
    sources = [f"https://stats.example.org/{n}" for n in range(MAX_SOURCES + 1)]
    api = client_for(reviewer).post(
        f"/api/claims/{assigned.pk}/verdict/",
        {"rating": "false", "summary": "Lower.", "sources": sources},
        format="json",
    )
    with pytest.raises(InvalidInput, match=f"At most {MAX_SOURCES} sources"):
        verdict_draft(
            claim=assigned, actor=reviewer, rating="false", summary="Lower.", sources=sources
        )

    assert api.status_code == 400
    assert "sources" in api.json()


def test_an_assignment_reason_may_be_as_long_as_any_other_reason(editor, reviewer):
    claim = ClaimFactory()
    response = client_for(editor).post(
        f"/api/claims/{claim.pk}/assign/",
        {"reviewer": reviewer.username, "reason": "r" * MAX_NOTE_CHARS},
        format="json",
    )

    assert response.status_code == 200
    assert claim.transitions.get().reason == "r" * MAX_NOTE_CHARS
