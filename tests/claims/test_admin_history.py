"""The admin's change history is read, never written, and each reviewer reads only the history,
drafts, corrections and notes of the claims they check or second-review; editors read all."""

import pytest
from django.contrib import admin
from django.test import Client
from simple_history.admin import SimpleHistoryAdmin

from claims.models import ClaimStatus, ClaimTransition, VerdictStatus
from claims.services import (
    claim_assign,
    claim_require_second_review,
    verdict_correct,
    verdict_draft,
    verdict_publish,
)
from tests.factories import ClaimFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db

DRAFT_NOTE = "Draft finding: the mayor's figure is off by half"
CORRECTION_NOTE = "Correction in progress: the second source retracted"


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def published(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    verdict_publish(claim=claim, actor=editor)
    claim.refresh_from_db()
    return claim


def _first_record(row):
    return row.history.order_by("history_date", "history_id").first()


def _claimreview(claim) -> int:
    return Client().get(f"/api/claims/{claim.pk}/claimreview/").status_code


@pytest.mark.parametrize("role", ["reviewer", "editor", "admin"])
def test_nobody_unpublishes_a_verdict_through_its_history_revert_form(published, role, request):
    user = (
        UserFactory(is_staff=True, is_superuser=True)
        if role == "admin"
        else request.getfixturevalue(role)
    )
    verdict = published.verdicts.get()
    draft_record = _first_record(verdict)
    assert draft_record.status == VerdictStatus.DRAFT
    transitions = ClaimTransition.objects.count()

    response = _logged_in(user).post(
        f"/admin/claims/verdict/{verdict.pk}/history/{draft_record.history_id}/",
        {"summary": "Reverted", "status": "draft"},
    )

    assert response.status_code in (403, 405)
    verdict.refresh_from_db()
    assert (verdict.status, verdict.summary) == (VerdictStatus.PUBLISHED, "No.")
    assert _claimreview(published) == 200
    assert ClaimTransition.objects.count() == transitions


@pytest.mark.parametrize("role", ["reviewer", "editor", "admin"])
def test_nobody_resets_a_claim_through_its_history_revert_form(published, role, request):
    user = (
        UserFactory(is_staff=True, is_superuser=True)
        if role == "admin"
        else request.getfixturevalue(role)
    )
    new_record = _first_record(published)
    assert new_record.status == ClaimStatus.NEW

    response = _logged_in(user).post(
        f"/admin/claims/claim/{published.pk}/history/{new_record.history_id}/", {}
    )

    assert response.status_code in (403, 405)
    published.refresh_from_db()
    assert published.status == ClaimStatus.PUBLISHED
    assert published.reviewer_id is not None


def test_history_forms_refuse_posts_even_when_the_settings_allow_reverting(
    published, editor, settings
):
    settings.SIMPLE_HISTORY_REVERT_DISABLED = False
    settings.SIMPLE_HISTORY_EDIT = True
    superuser = _logged_in(UserFactory(is_staff=True, is_superuser=True))
    with_history = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ]
    assert len(with_history) >= 5
    for model_admin in with_history:
        opts = model_admin.model._meta
        row = model_admin.model.objects.first()
        if row is None:
            row = published if opts.model_name == "claim" else None
        if row is None or not row.history.exists():
            continue
        record = _first_record(row)
        url = f"/admin/{opts.app_label}/{opts.model_name}/{row.pk}/history/{record.history_id}/"
        assert superuser.get(url).status_code == 200, url
        assert superuser.post(url, {"_change_history": "1"}).status_code == 405, url
        assert model_admin.revert_disabled(None, row) is True


def test_the_history_pages_offer_no_revert_button(published, editor):
    verdict = published.verdicts.get()
    record = _first_record(verdict)
    page = _logged_in(editor).get(
        f"/admin/claims/verdict/{verdict.pk}/history/{record.history_id}/"
    )
    assert page.status_code == 200
    assert "Revert" not in page.content.decode()


@pytest.fixture
def drafts_of_another_reviewer(editor, reviewer):
    """A draft and a correction in progress, on claims of `reviewer`."""
    drafted = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=drafted, actor=reviewer, rating="false", summary=DRAFT_NOTE)
    corrected = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=corrected, actor=reviewer, rating="false", summary="First version.")
    verdict_publish(claim=corrected, actor=editor)
    verdict_correct(
        claim=corrected,
        actor=reviewer,
        rating="true",
        summary="Second version.",
        correction_note=CORRECTION_NOTE,
    )
    return drafted, corrected


def _admin_pages(drafted, corrected):
    draft = drafted.verdicts.get()
    correction = corrected.verdicts.get(status=VerdictStatus.DRAFT)
    return {
        "draft": f"/admin/claims/verdict/{draft.pk}/change/",
        "draft history": f"/admin/claims/verdict/{draft.pk}/history/",
        "draft history record": (
            f"/admin/claims/verdict/{draft.pk}/history/{_first_record(draft).history_id}/"
        ),
        "correction": f"/admin/claims/verdict/{correction.pk}/change/",
        "claim history": f"/admin/claims/claim/{drafted.pk}/history/",
        "claim history record": (
            f"/admin/claims/claim/{drafted.pk}/history/{_first_record(drafted).history_id}/"
        ),
    }


def test_another_reviewer_reads_no_draft_correction_or_history_of_claims_not_theirs(
    drafts_of_another_reviewer,
):
    drafted, corrected = drafts_of_another_reviewer
    other = _logged_in(ReviewerFactory())

    listing = other.get("/admin/claims/verdict/").content.decode()
    for verdict in (*drafted.verdicts.all(), *corrected.verdicts.all()):
        assert f"/admin/claims/verdict/{verdict.pk}/change/" not in listing
    for name, url in _admin_pages(drafted, corrected).items():
        response = other.get(url, follow=True)
        content = response.content.decode()
        assert DRAFT_NOTE not in content, name
        assert CORRECTION_NOTE not in content, name
        assert response.status_code in (403, 404) or response.redirect_chain, name


def _listed(client, claim) -> bool:
    listing = client.get("/admin/claims/verdict/").content.decode()
    return all(f"/admin/claims/verdict/{v.pk}/change/" in listing for v in claim.verdicts.all())


def test_the_assigned_reviewer_the_second_reviewer_and_editors_read_them(
    drafts_of_another_reviewer, reviewer, editor
):
    drafted, corrected = drafts_of_another_reviewer
    second = ReviewerFactory()
    claim_require_second_review(claim=drafted, actor=editor, second_reviewer=second)
    pages = _admin_pages(drafted, corrected)
    for user in (reviewer, editor):
        client = _logged_in(user)
        assert _listed(client, drafted)
        for name, url in pages.items():
            assert client.get(url).status_code == 200, (user.username, name)
    second_client = _logged_in(second)
    assert _listed(second_client, drafted)
    for name in ("draft", "draft history", "draft history record", "claim history"):
        assert second_client.get(pages[name]).status_code == 200, name
    # The second reviewer reviews one claim, not the reviewer's other work.
    assert second_client.get(pages["correction"], follow=True).redirect_chain
