"""The workflow's policy: every service and the admin's buttons agree with it, move by move."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from claims import events
from claims.models import Claim, Claimant, ClaimStatus, SecondReview, VerdictStatus
from claims.public import public_claimreview
from claims.services import (
    claim_assign,
    claim_change_claimant,
    claim_edit_statement,
    claim_mark_checkable,
    claim_mark_duplicate,
    claim_mark_not_checkable,
    claim_require_second_review,
    claim_start_review,
    claim_unassign,
    claim_unmark_duplicate,
    verdict_correct,
    verdict_draft,
    verdict_publish,
    verdict_second_review,
)
from claims.services.policy import Move, move_refusal
from claims.services.workflow import verdict_send_back
from core.errors import ServiceError, TransitionNotAllowed
from tests.api.conftest import client_for
from tests.api.publishing import VERDICT_SUMMARY, draft_verdict, publish_verdict
from tests.factories import ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _with_second_review(claim: Claim, people: dict[str, Any], *, approve: bool) -> Claim:
    claim_assign(claim=claim, reviewer=people["reviewer"], actor=people["editor"])
    claim_require_second_review(
        claim=claim, actor=people["editor"], second_reviewer=people["second reviewer"]
    )
    verdict_draft(claim=claim, actor=people["reviewer"], rating="false", summary=VERDICT_SUMMARY)
    if approve:
        verdict_second_review(claim=claim, actor=people["second reviewer"], decision="approve")
    return claim


def _published(claim: Claim, people: dict[str, Any]) -> Claim:
    return publish_verdict(claim, editor=people["editor"], reviewer=people["reviewer"])


# Each state a claim can be in, built the way the newsroom gets it there.
STATES: dict[str, Callable[[Claim, dict[str, Any]], Any]] = {
    "new": lambda claim, people: claim,
    "checkable": lambda claim, people: claim_mark_checkable(claim=claim, actor=people["editor"]),
    "not checkable": lambda claim, people: claim_mark_not_checkable(
        claim=claim, actor=people["editor"]
    ),
    "assigned": lambda claim, people: claim_assign(
        claim=claim, reviewer=people["reviewer"], actor=people["editor"]
    ),
    "in review": lambda claim, people: claim_start_review(
        claim=STATES["assigned"](claim, people), actor=people["reviewer"]
    ),
    "drafted": lambda claim, people: draft_verdict(
        claim, editor=people["editor"], reviewer=people["reviewer"]
    ),
    "drafted, second review pending": lambda claim, people: _with_second_review(
        claim, people, approve=False
    ),
    "drafted, second review approved": lambda claim, people: _with_second_review(
        claim, people, approve=True
    ),
    "published": _published,
    "correction drafted": lambda claim, people: verdict_correct(
        claim=_published(claim, people), actor=people["editor"], correction_note="New figures."
    ),
    # Published again after a correction: the wording is as frozen as after the first publication.
    "correction published": lambda claim, people: verdict_publish(
        claim=STATES["correction drafted"](claim, people).claim, actor=people["editor"]
    ),
    "duplicate": lambda claim, people: claim_mark_duplicate(
        claim=claim, original=ClaimFactory(), actor=people["editor"]
    ),
}

# Each move as the admin and the API take it, with input the service accepts.
SERVICES: dict[Move, Callable[..., Any]] = {
    Move.MARK_CHECKABLE: claim_mark_checkable,
    Move.MARK_NOT_CHECKABLE: claim_mark_not_checkable,
    Move.ASSIGN: lambda **kw: claim_assign(reviewer=ReviewerFactory(), **kw),
    Move.UNASSIGN: claim_unassign,
    Move.START_REVIEW: claim_start_review,
    Move.WRITE_VERDICT: lambda **kw: verdict_draft(
        rating="false", summary="Lower than claimed.", sources=["https://stats.example.org"], **kw
    ),
    Move.CORRECT: lambda **kw: verdict_correct(correction_note="A newer figure.", **kw),
    Move.REQUIRE_SECOND_REVIEW: lambda **kw: claim_require_second_review(
        second_reviewer=ReviewerFactory(), **kw
    ),
    Move.SECOND_REVIEW: lambda **kw: verdict_second_review(decision="approve", **kw),
    Move.PUBLISH: verdict_publish,
    Move.SEND_BACK: lambda **kw: verdict_send_back(note="Cite the ministry's own figure.", **kw),
    Move.MARK_DUPLICATE: lambda **kw: claim_mark_duplicate(original=ClaimFactory(), **kw),
    Move.UNMARK_DUPLICATE: claim_unmark_duplicate,
    Move.EDIT_STATEMENT: lambda **kw: claim_edit_statement(statement="Jobless rate fell.", **kw),
    Move.CHANGE_CLAIMANT: lambda **kw: claim_change_claimant(
        claimant=Claimant.objects.create(name="Ana Ruiz", normalized_name="ana ruiz"), **kw
    ),
}
ROLES = ["editor", "reviewer", "second reviewer", "other reviewer"]


@pytest.fixture
def people(editor, reviewer) -> dict[str, Any]:
    return {
        "editor": editor,
        "reviewer": reviewer,
        "second reviewer": ReviewerFactory(),
        "other reviewer": ReviewerFactory(),
    }


def _offered_in_admin(claim: Claim, user: Any) -> set[Move]:
    client = Client()
    client.force_login(user)
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/")
    if page.status_code == 302:  # outside the user's queue: sent back to the list
        return set()
    assert page.status_code == 200
    return {move for move in Move if page.context[f"can_{move}"]}


def _attempt(move: Move, claim: Claim, actor: Any) -> ServiceError | None:
    """Run the move's service and undo it, so every move starts from the same claim."""
    with transaction.atomic():
        try:
            SERVICES[move](claim=claim, actor=actor)
        except ServiceError as error:
            return error
        finally:
            transaction.set_rollback(True)
    return None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", list(STATES))
def test_a_service_succeeds_and_the_admin_offers_a_move_exactly_when_the_policy_allows_it(
    state, role, people
):
    claim = ClaimFactory()
    STATES[state](claim, people)
    claim = Claim.objects.get(pk=claim.pk)
    actor = people[role]
    offered = _offered_in_admin(claim, actor)

    disagreements = []
    for move in Move:
        refusal = move_refusal(claim=claim, actor=actor, move=move)
        error = _attempt(move, claim, actor)
        service = "refused" if error else "done"
        policy = "refused" if refusal else "allowed"
        admin = "offered" if move in offered else "hidden"
        if (service, admin) != (("done", "offered") if refusal is None else ("refused", "hidden")):
            disagreements.append(f"{move}: policy {policy}, service {service}, admin {admin}")
        elif error is not None and (type(error), error.message) != (
            refusal.error,
            refusal.message,
        ):
            disagreements.append(f"{move}: service says {error.message!r}, not the policy's")
    assert disagreements == []


def test_an_editor_cannot_ask_for_a_second_review_of_a_not_checkable_claim(editor, people):
    claim = claim_mark_not_checkable(claim=ClaimFactory(), actor=editor)

    with pytest.raises(TransitionNotAllowed, match="not checkable"):
        claim_require_second_review(
            claim=claim, actor=editor, second_reviewer=people["second reviewer"]
        )
    response = client_for(editor).post(
        f"/api/claims/{claim.pk}/second-reviewer/",
        {"second_reviewer": people["second reviewer"].username},
        format="json",
    )

    assert response.status_code == 409
    claim.refresh_from_db()
    assert claim.second_reviewer is None
    assert claim.status == ClaimStatus.NOT_CHECKABLE


def test_a_published_verdict_is_not_offered_a_second_review_but_its_correction_is(people):
    editor, second = people["editor"], people["second reviewer"]
    claim = STATES["published"](ClaimFactory(), people)

    assert Move.REQUIRE_SECOND_REVIEW not in _offered_in_admin(claim, editor)
    with pytest.raises(TransitionNotAllowed, match="published"):
        claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)

    verdict_correct(claim=claim, actor=editor, correction_note="New figures.")
    claim = Claim.objects.get(pk=claim.pk)
    assert Move.REQUIRE_SECOND_REVIEW in _offered_in_admin(claim, editor)
    claim_require_second_review(claim=claim, actor=editor, second_reviewer=second)
    assert claim.verdicts.get(status=VerdictStatus.DRAFT).second_review == SecondReview.PENDING


def test_the_api_lists_the_moves_the_admin_offers_with_the_reasons_for_the_others(people):
    claim = STATES["drafted, second review pending"](ClaimFactory(), people)
    editor = people["editor"]

    answer = client_for(editor).get(f"/api/claims/{claim.pk}/moves/").json()

    assert answer["allowed_moves"] == [
        move.value for move in Move if move in _offered_in_admin(claim, editor)
    ]
    assert "publish" not in answer["allowed_moves"]
    publish = next(item for item in answer["moves"] if item["move"] == "publish")
    assert people["second reviewer"].username in publish["reason"]
    assert client_for().get(f"/api/claims/{claim.pk}/moves/").status_code == 401


def test_marking_a_claim_not_checkable_releases_its_second_reviewer_too(editor, people):
    claim = claim_assign(claim=ClaimFactory(), reviewer=people["reviewer"], actor=editor)
    claim_require_second_review(
        claim=claim, actor=editor, second_reviewer=people["second reviewer"]
    )

    claim_mark_not_checkable(claim=claim, actor=editor)

    claim.refresh_from_db()
    assert (claim.reviewer, claim.second_reviewer) == (None, None)
    assert not Claim.objects.in_scope_of(people["second reviewer"]).filter(pk=claim.pk).exists()


def _public_review(claim: Claim) -> dict[str, Any]:
    review = public_claimreview(Claim.objects.with_public_detail().get(pk=claim.pk))
    assert review is not None
    return review


def test_a_published_claims_wording_and_claimant_stay_as_partners_last_received_them(people):
    editor = people["editor"]
    claim = _published(ClaimFactory(statement="Jobless rate halved."), people)
    before = _public_review(claim)

    with pytest.raises(TransitionNotAllowed, match="issue a correction"):
        claim_edit_statement(claim=claim, actor=editor, statement="Jobless rate fell.")
    with pytest.raises(TransitionNotAllowed, match="issue a correction"):
        claim_change_claimant(
            claim=claim,
            actor=editor,
            claimant=Claimant.objects.create(name="Ana Ruiz", normalized_name="ana ruiz"),
        )

    assert _public_review(claim) == before
    answer = client_for(editor).get(f"/api/claims/{claim.pk}/moves/").json()
    assert {"edit_statement", "change_claimant"}.isdisjoint(answer["allowed_moves"])


def test_a_fix_to_a_published_claims_wording_goes_out_as_a_dated_announced_correction(people):
    editor = people["editor"]
    claim = _published(ClaimFactory(statement="Jobless rate halved."), people)
    verdict_correct(claim=claim, actor=editor, correction_note="The minister said it, not the PM.")
    claim_edit_statement(claim=claim, actor=editor, statement="Jobless rate fell by half.")
    claim_change_claimant(
        claim=claim,
        actor=editor,
        claimant=Claimant.objects.create(name="Ana Ruiz", normalized_name="ana ruiz"),
    )
    announced: list[str] = []

    def listen(event: str, **objects: Any) -> None:
        announced.append(event)

    events.connect(listen)
    try:
        verdict_publish(claim=claim, actor=editor)
    finally:
        events.disconnect(listen)

    review = _public_review(claim)
    assert review["claimReviewed"] == "Jobless rate fell by half."
    assert review["itemReviewed"]["author"]["name"] == "Ana Ruiz"
    assert "dateModified" in review
    assert announced == [events.VERDICT_CORRECTED]
