"""Reviewers and editors doing the workflow in the admin: queue, buttons, forms, history."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from claims.models import ClaimStatus, Rating, RatingScale, SecondReview, VerdictStatus
from claims.services import (
    claim_assign,
    claim_require_second_review,
    verdict_draft,
)
from tests.api.publishing import publish_verdict
from tests.claims.test_admin import sources_form
from tests.factories import ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _published(editor, reviewer):
    return publish_verdict(
        ClaimFactory(), editor=editor, reviewer=reviewer, summary="Half the figure."
    )


def test_a_reviewer_lands_on_their_queue_oldest_due_first_with_overdue_marked(editor, reviewer):
    today = timezone.localdate()
    claim_assign(
        claim=ClaimFactory(text="Later: rents fell."),
        reviewer=reviewer,
        actor=editor,
        due_date=today + timedelta(days=5),
    )
    claim_assign(
        claim=ClaimFactory(text="Late: taxes rose."),
        reviewer=reviewer,
        actor=editor,
        due_date=today - timedelta(days=2),
    )
    claim_assign(claim=ClaimFactory(text="Undated: jobs grew."), reviewer=reviewer, actor=editor)
    client = _logged_in(reviewer)

    landing = client.get("/admin/")
    assert (landing.status_code, landing["Location"]) == (302, "/admin/claims/claim/")
    page = client.get("/admin/claims/claim/").content.decode()
    assert "My queue" in page
    positions = [page.index(text) for text in ("Late: taxes", "Later: rents", "Undated: jobs")]
    assert positions == sorted(positions)
    assert page.count('class="overdue-badge"') == 1
    overdue_only = client.get("/admin/claims/claim/?overdue=yes").content.decode()
    assert "Late: taxes" in overdue_only
    assert "Later: rents" not in overdue_only


def test_published_claims_leave_the_queue_but_stay_findable(editor, reviewer):
    _published(editor, reviewer)
    client = _logged_in(reviewer)
    assert "Half" not in client.get("/admin/claims/claim/").content.decode()
    everything = client.get("/admin/claims/claim/?queue=all").content.decode()
    assert "Unemployment fell" in everything


def test_editors_land_on_the_index_with_the_dashboard_link(editor):
    page = _logged_in(editor).get("/admin/")
    assert page.status_code == 200
    assert "/admin/dashboard/" in page.content.decode()


def test_the_reviewer_starts_review_and_the_editor_unassigns_with_buttons(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    change = _logged_in(reviewer).get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert "Start review" in change
    assert "Unassign" not in change
    _logged_in(reviewer).post(f"/admin/claims/claim/{claim.pk}/do/start-review/")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW

    refused = _logged_in(reviewer).post(f"/admin/claims/claim/{claim.pk}/do/unassign/")
    assert refused.status_code == 403
    _logged_in(editor).post(f"/admin/claims/claim/{claim.pk}/do/unassign/", {"reason": "Away"})
    claim.refresh_from_db()
    assert (claim.status, claim.reviewer) == (ClaimStatus.CHECKABLE, None)
    assert claim.transitions.last().reason == "Away"


def test_an_illegal_move_in_the_admin_shows_a_clear_message(editor):
    claim = ClaimFactory(status=ClaimStatus.NOT_CHECKABLE)
    page = _logged_in(editor).post(
        f"/admin/claims/claim/{claim.pk}/do/mark-not-checkable/", follow=True
    )
    assert "A claim that is not checkable cannot become not checkable." in page.content.decode()


def test_editors_unassign_in_bulk(editor, reviewer):
    claims = [claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor) for _ in range(2)]
    _logged_in(editor).post(
        "/admin/claims/claim/",
        {"action": "unassign", "_selected_action": [claim.pk for claim in claims]},
    )
    for claim in claims:
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.CHECKABLE


def test_the_verdict_form_takes_sources_with_quote_and_access_date(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    client = _logged_in(reviewer)
    form = {
        "rating": Rating.objects.get(slug="mostly-false").pk,
        "summary": "Lower than claimed.",
        "explanation": "",
        **sources_form({"url": "javascript:alert(1)"}),
    }
    refused = client.post(f"/admin/claims/claim/{claim.pk}/verdict/", form)
    assert refused.status_code == 200
    assert "Enter a valid URL." in refused.content.decode()

    form.update(
        sources_form(
            {
                "url": "https://stats.example.gov/jobs",
                "title": "Jobs report",
                "publisher": "Statistics Office",
                "quote": "The rate was 4.1%.",
                "accessed_at": "2026-03-02",
            }
        )
    )
    assert client.post(f"/admin/claims/claim/{claim.pk}/verdict/", form).status_code == 302
    source = claim.verdicts.get().sources.get()
    assert (source.publisher, source.quote, str(source.accessed_at.date())) == (
        "Statistics Office",
        "The rate was 4.1%.",
        "2026-03-02",
    )
    again = client.get(f"/admin/claims/claim/{claim.pk}/verdict/").content.decode()
    assert "The rate was 4.1%." in again


def test_an_editor_corrects_a_published_verdict_in_the_admin(editor, reviewer):
    claim = _published(editor, reviewer)
    client = _logged_in(editor)
    assert (
        "Issue a correction"
        in client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    )
    page = client.get(f"/admin/claims/claim/{claim.pk}/correct/").content.decode()
    assert "Half the figure." in page
    form = {
        "rating": Rating.objects.get(slug="half-true").pk,
        "summary": "About half of it is right.",
        "explanation": "",
        "correction_note": "",
        **sources_form({"url": "https://city.example.gov/budget-revised"}),
    }
    assert client.post(f"/admin/claims/claim/{claim.pk}/correct/", form).status_code == 200
    form["correction_note"] = "The city published revised figures."
    assert client.post(f"/admin/claims/claim/{claim.pk}/correct/", form).status_code == 302
    client.post(f"/admin/claims/claim/{claim.pk}/publish/", {"confirm": "on"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.published_verdict.rating_label == "Half true"

    public = Client().get(f"/claims/{claim.pk}/").content.decode()
    assert "Correction:" in public
    assert "The city published revised figures." in public
    assert "History of this verdict" in public


def test_second_review_in_the_admin(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    editor_client = _logged_in(editor)
    editor_client.post(
        f"/admin/claims/claim/{claim.pk}/second-reviewer/", {"second_reviewer": second.pk}
    )
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="No.")
    refused = editor_client.post(
        f"/admin/claims/claim/{claim.pk}/publish/", {"confirm": "on"}, follow=True
    )
    assert "agreement before it is published" in refused.content.decode()

    second_client = _logged_in(second)
    page = second_client.get(f"/admin/claims/claim/{claim.pk}/second-review/")
    assert page.status_code == 200
    assert "No." in page.content.decode()
    second_client.post(
        f"/admin/claims/claim/{claim.pk}/second-review/", {"decision": "approve", "note": ""}
    )
    assert claim.verdicts.get().second_review == SecondReview.APPROVED
    editor_client.post(f"/admin/claims/claim/{claim.pk}/publish/", {"confirm": "on"})
    assert claim.verdicts.get().status == VerdictStatus.PUBLISHED


def test_the_second_reviewer_sees_the_claim_in_their_queue(editor, reviewer):
    second = ReviewerFactory()
    claim = claim_assign(
        claim=ClaimFactory(text="Needs two pairs of eyes."), reviewer=reviewer, actor=editor
    )
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)
    assert "Needs two pairs" in _logged_in(second).get("/admin/claims/claim/").content.decode()


def test_an_editor_marks_and_unmarks_a_duplicate_in_the_admin(editor, reviewer):
    original = _published(editor, reviewer)
    repeat = ClaimFactory()
    client = _logged_in(editor)
    client.post(f"/admin/claims/claim/{repeat.pk}/duplicate/", {"original": original.pk})
    repeat.refresh_from_db()
    assert repeat.duplicate_of == original
    assert "Half the figure." in Client().get(f"/claims/{repeat.pk}/").content.decode()
    client.post(f"/admin/claims/claim/{repeat.pk}/do/unmark-duplicate/")
    repeat.refresh_from_db()
    assert repeat.duplicate_of is None


def test_the_claim_history_page_shows_who_changed_what(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    page = _logged_in(editor).get(f"/admin/claims/claim/{claim.pk}/history/")
    assert page.status_code == 200
    body = page.content.decode()
    assert editor.username in body
    assert "Assigned" in body


def test_switching_the_active_scale_is_an_admin_action(editor):
    scale = RatingScale.objects.create(name="Three-step", slug="three-step")
    Rating.objects.create(scale=scale, slug="wrong", label="Wrong", value=1, colour="#aa0000")
    client = _logged_in(editor)
    client.post(
        "/admin/claims/ratingscale/", {"action": "make_active", "_selected_action": [scale.pk]}
    )
    assert list(RatingScale.objects.filter(is_default=True)) == [scale]


def test_a_rating_colour_that_is_not_rrggbb_is_refused_in_the_admin(editor):
    rating = Rating.objects.get(slug="true")
    page = _logged_in(editor).post(
        f"/admin/claims/rating/{rating.pk}/change/",
        {
            "scale": rating.scale_id,
            "slug": "true",
            "label": "True",
            "value": 6,
            "order": 0,
            "colour": "green",
        },
    )
    assert page.status_code == 200
    assert "#rrggbb" in page.content.decode()
    rating.refresh_from_db()
    assert rating.colour == "#2e7d32"


def test_an_editor_assigns_and_reassigns_one_claim_from_its_page(editor, reviewer):
    claim = ClaimFactory()
    client = _logged_in(editor)
    assert "Assign" in client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    client.post(
        f"/admin/claims/claim/{claim.pk}/assign/",
        {"reviewer": reviewer.pk, "due_date": "2030-02-01", "reason": "Fast"},
    )
    other = ReviewerFactory()
    client.post(f"/admin/claims/claim/{claim.pk}/assign/", {"reviewer": other.pk})
    claim.refresh_from_db()
    assert (claim.status, claim.reviewer, claim.due_date) == (ClaimStatus.ASSIGNED, other, None)
    assert _logged_in(reviewer).get(f"/admin/claims/claim/{claim.pk}/assign/").status_code in (
        403,
        404,
    )


def test_editing_a_rating_in_the_admin_is_kept_in_its_history_with_the_editor(editor):
    rating = Rating.objects.get(slug="true")
    _logged_in(editor).post(
        f"/admin/claims/rating/{rating.pk}/change/",
        {
            "scale": rating.scale_id,
            "slug": "true",
            "label": "Accurate",
            "value": 6,
            "order": 0,
            "colour": "#1b5e20",
        },
    )
    latest = rating.history.order_by("-history_date").first()
    assert (latest.label, latest.history_user) == ("Accurate", editor)
    page = _logged_in(editor).get(f"/admin/claims/rating/{rating.pk}/history/")
    assert "Accurate" in page.content.decode()
