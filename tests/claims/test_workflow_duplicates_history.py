"""Duplicates follow their original's verdict; every change lands in the change history."""

import pytest

from claims.claimreview import claimreview_for
from claims.models import Claim, ClaimStatus, Verdict
from claims.services import (
    claim_assign,
    claim_mark_duplicate,
    claim_unmark_duplicate,
)
from core.errors import NotPermitted, TransitionNotAllowed
from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _published(editor, reviewer) -> Claim:
    return publish_verdict(
        ClaimFactory(), editor=editor, reviewer=reviewer, summary="Half the figure."
    )


def test_a_duplicate_follows_the_originals_verdict_and_claimreview(editor, reviewer):
    original = _published(editor, reviewer)
    repeat = claim_mark_duplicate(claim=ClaimFactory(), original=original.pk, actor=editor)

    repeat = Claim.objects.with_public_detail().get(pk=repeat.pk)
    assert repeat.public_verdict == original.verdicts.get()
    review = claimreview_for(repeat, repeat.public_verdict)
    assert review["claimReviewed"] == repeat.text
    assert review["reviewRating"]["alternateName"] == "False"


def test_duplicate_chains_resolve_to_the_first_original(editor):
    original, middle, last = ClaimFactory(), ClaimFactory(), ClaimFactory()
    claim_mark_duplicate(claim=last, original=middle, actor=editor)
    claim_mark_duplicate(claim=middle, original=original, actor=editor)
    last.refresh_from_db()
    assert last.duplicate_of == original
    another = claim_mark_duplicate(claim=ClaimFactory(), original=last, actor=editor)
    assert another.duplicate_of == original


def test_a_duplicate_cycle_is_refused(editor):
    first, second = ClaimFactory(), ClaimFactory()
    claim_mark_duplicate(claim=second, original=first, actor=editor)
    with pytest.raises(TransitionNotAllowed):
        claim_mark_duplicate(claim=first, original=second, actor=editor)
    with pytest.raises(TransitionNotAllowed):
        claim_mark_duplicate(claim=first, original=first, actor=editor)


def test_marking_a_duplicate_releases_its_reviewer_and_undoing_it_is_recorded(editor, reviewer):
    original = ClaimFactory()
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    claim = claim_mark_duplicate(claim=claim, original=original, actor=editor, reason="Same quote")
    assert (claim.status, claim.reviewer, claim.duplicate_of) == (
        ClaimStatus.CHECKABLE,
        None,
        original,
    )
    with pytest.raises(TransitionNotAllowed):
        claim_assign(claim=claim, reviewer=reviewer, actor=editor)

    claim = claim_unmark_duplicate(claim=claim, actor=editor)
    assert claim.duplicate_of is None
    reasons = list(claim.transitions.values_list("reason", flat=True))
    assert reasons[-2:] == [
        f"Duplicate of claim #{original.pk}. Same quote",
        f"No longer a duplicate of claim #{original.pk}.",
    ]
    with pytest.raises(TransitionNotAllowed):
        claim_unmark_duplicate(claim=claim, actor=editor)


def test_a_claim_with_its_own_verdict_cannot_become_a_duplicate(editor, reviewer):
    checked = _published(editor, reviewer)
    with pytest.raises(TransitionNotAllowed):
        claim_mark_duplicate(claim=checked, original=ClaimFactory(), actor=editor)


def test_only_editors_mark_duplicates(reviewer):
    with pytest.raises(NotPermitted):
        claim_mark_duplicate(claim=ClaimFactory(), original=ClaimFactory(), actor=reviewer)


def test_the_change_history_names_who_changed_claims_and_verdicts(editor, reviewer):
    claim = _published(editor, reviewer)
    claim_history = list(claim.history.order_by("history_date"))
    assert [(row.status, row.history_user) for row in claim_history[-3:]] == [
        (ClaimStatus.ASSIGNED, editor),
        (ClaimStatus.DRAFTED, reviewer),
        (ClaimStatus.PUBLISHED, editor),
    ]
    verdict = Verdict.objects.get(claim=claim)
    latest, previous = verdict.history.order_by("-history_date")[:2]
    changes = {
        change.field: (change.old, change.new) for change in latest.diff_against(previous).changes
    }
    assert changes["status"] == ("draft", "published")
    assert latest.history_user == editor
    source_history = verdict.sources.get().history.get()
    assert source_history.history_user == reviewer
