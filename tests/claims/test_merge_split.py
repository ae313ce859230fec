"""Editors merge claims that are one and split claims that are two, losing nothing."""

import pytest
from django.test import Client

from claims.models import (
    Appearance,
    Claim,
    ClaimRegrouping,
    ClaimStatus,
    ClaimTransition,
    ExternalReview,
    Rating,
    RegroupKind,
    Verdict,
    VerdictStatus,
    text_digest,
)
from claims.services import claim_merge, claim_split
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _tracked(text: str, **kwargs) -> Claim:
    claim = ClaimFactory(text=text, **kwargs)
    _appear(claim, claim.article, text)
    return claim


def _appear(claim: Claim, article, text: str) -> Appearance:
    return Appearance.objects.create(
        claim=claim,
        article=article,
        start=0,
        end=len(text),
        text=text,
        text_hash=text_digest(text),
    )


def _published(claim: Claim, author, label: str = "false") -> Verdict:
    rating = Rating.objects.in_default_scale().get(slug=label)
    claim.status = ClaimStatus.PUBLISHED
    claim.save()
    ClaimTransition.objects.create(
        claim=claim, from_status=ClaimStatus.DRAFTED, to_status=ClaimStatus.PUBLISHED, actor=author
    )
    return Verdict.objects.create(
        claim=claim,
        version=1,
        status=VerdictStatus.PUBLISHED,
        rating=rating,
        rating_label=rating.label,
        summary=f"Checked: {label}.",
        author=author,
    )


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_merging_moves_appearances_verdicts_and_history_to_the_kept_claim(editor):
    keep = _tracked("The city spent $4.2 million on road repairs in 2023.")
    merged = _tracked("Riverside spent $4.2m fixing roads in 2023.")
    kept_verdict = _published(keep, editor)
    moved_verdict = _published(merged, editor, label="mostly-false")
    ExternalReview.objects.create(claim=merged, url="https://checks.example/roads")

    claim_merge(keep=keep, merged=[merged], actor=editor, reason="Same spending claim.")

    merged.refresh_from_db()
    assert merged.merged_into == keep
    assert merged.merged_at is not None
    assert sorted(keep.appearances.values_list("text", flat=True)) == sorted(
        [keep.text, merged.text]
    )
    kept_verdict.refresh_from_db()
    moved_verdict.refresh_from_db()
    assert (kept_verdict.claim, kept_verdict.status) == (keep, VerdictStatus.PUBLISHED)
    assert (moved_verdict.claim, moved_verdict.version) == (keep, 2)
    assert moved_verdict.status == VerdictStatus.SUPERSEDED
    assert keep.transitions.count() == 2
    assert keep.external_reviews.get().url == "https://checks.example/roads"
    record = ClaimRegrouping.objects.get()
    assert (record.kind, record.source, record.target, record.actor) == (
        RegroupKind.MERGE,
        merged,
        keep,
        editor,
    )
    assert (record.appearances_moved, record.verdicts_moved) == (1, 1)
    assert Claim.objects.filter(pk=merged.pk).exists()


def test_a_merge_must_keep_the_claim_that_carries_the_published_verdict(editor):
    keep = _tracked("Crime doubled since 2020.")
    merged = _tracked("Crime has doubled in the last four years.")
    _published(merged, editor)
    with pytest.raises(InvalidInput, match=f"Keep claim #{merged.pk}"):
        claim_merge(keep=keep, merged=[merged], actor=editor)
    merged.refresh_from_db()
    assert merged.merged_into is None
    assert merged.appearances.count() == 1


def test_reviewers_cannot_merge_claims(reviewer):
    first, second = _tracked("Crime doubled since 2020."), _tracked("Crime doubled.")
    with pytest.raises(NotPermitted):
        claim_merge(keep=first, merged=[second], actor=reviewer)


def test_editors_merge_claims_in_bulk_in_the_admin(editor):
    claims = [
        _tracked("Crime doubled since 2020."),
        _tracked("Crime has doubled since 2020, police say."),
        _tracked("Since 2020, crime doubled."),
    ]
    ids = [claim.pk for claim in claims]
    client = _logged_in(editor)
    form_page = client.post(
        "/admin/claims/claim/", {"action": "merge_claims", "_selected_action": ids}
    )
    assert form_page.status_code == 200
    assert "Choose the claim to keep" in form_page.content.decode()
    client.post(
        "/admin/claims/claim/",
        {"action": "merge_claims", "_selected_action": ids, "apply": "1", "keep": ids[1]},
    )
    assert set(Claim.objects.filter(merged_into=ids[1]).values_list("pk", flat=True)) == {
        ids[0],
        ids[2],
    }
    assert Appearance.objects.filter(claim_id=ids[1]).count() == 3


def test_splitting_moves_the_chosen_appearances_to_a_claim_of_their_own(editor):
    claim = _tracked("Crime doubled since 2020.")
    _published(claim, editor)
    other_articles = ArticleFactory.create_batch(2)
    chosen = [
        _appear(claim, other_articles[0], "Burglaries doubled since 2020."),
        _appear(claim, other_articles[1], "Burglaries have doubled in four years."),
    ]
    _logged_in(editor).post(
        "/admin/claims/appearance/",
        {"action": "split_appearances", "_selected_action": [a.pk for a in chosen]},
    )
    new = Claim.objects.exclude(pk=claim.pk).get()
    assert (new.text, new.article) == ("Burglaries doubled since 2020.", other_articles[0])
    assert set(new.appearances.values_list("pk", flat=True)) == {a.pk for a in chosen}
    assert list(claim.appearances.values_list("text", flat=True)) == [claim.text]
    assert claim.verdicts.count() == 1
    assert ClaimRegrouping.objects.get().kind == RegroupKind.SPLIT


def test_splitting_off_a_merged_claims_appearance_brings_that_claim_back(editor):
    keep = _tracked("Crime doubled since 2020.")
    merged = _tracked("Burglaries doubled since 2020.")
    claim_merge(keep=keep, merged=[merged], actor=editor)
    appearance = keep.appearances.get(text=merged.text)

    restored = claim_split(claim=keep, appearances=[appearance], actor=editor)

    assert restored == merged
    restored.refresh_from_db()
    assert restored.merged_into is None
    assert list(restored.appearances.all()) == [appearance]
    assert ClaimRegrouping.objects.count() == 2


def test_a_claims_own_first_appearance_stays_with_it(editor):
    claim = _tracked("Crime doubled since 2020.")
    with pytest.raises(InvalidInput, match="first appearance"):
        claim_split(claim=claim, appearances=list(claim.appearances.all()), actor=editor)


def test_a_verdict_in_progress_is_never_taken_from_its_claim(editor):
    keep = _tracked("Crime doubled since 2020.")
    merged = _tracked("Crime has doubled in the last four years.")
    Verdict.objects.create(
        claim=merged,
        rating=Rating.objects.in_default_scale().get(slug="false"),
        summary="Work in progress.",
        author=editor,
    )
    with pytest.raises(TransitionNotAllowed, match=f"#{merged.pk} has a verdict in progress"):
        claim_merge(keep=keep, merged=[merged], actor=editor)
    assert merged.verdicts.get().claim == merged


def test_a_merge_shows_on_the_claims_it_repoints_and_names_the_editor_in_their_history(editor):
    from claims.models import ClaimNote
    from claims.services.kernel import claim_version

    keep = _tracked("The city spent $4.2 million on road repairs in 2023.")
    merged = _tracked("Riverside spent $4.2m fixing roads in 2023.")
    follower = ClaimFactory(text="Roads cost $4.2m.", duplicate_of=merged)
    note = ClaimNote.objects.create(claim=merged, author=editor, text="Same figure as #1.")
    version_seen = claim_version(follower)

    claim_merge(keep=keep, merged=[merged], actor=editor, reason="Same spending claim.")

    follower.refresh_from_db()
    assert follower.duplicate_of == keep
    # A page that showed the duplicate before the merge is told it changed.
    assert claim_version(follower) != version_seen
    assert follower.history.latest().history_user == editor
    note.refresh_from_db()
    assert note.claim == keep
    assert (note.history.latest().claim_id, note.history.latest().history_user) == (
        keep.pk,
        editor,
    )
