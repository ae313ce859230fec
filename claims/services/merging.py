"""Editors regroup appearances: merge claims that are one, split a claim that is two, and
decide on the matches the tracker suggested. Nothing is deleted: merged claims stay, marked
as merged into the claim they joined, and every move is recorded."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from claims.models import (
    Appearance,
    Claim,
    ClaimNote,
    ClaimOrigin,
    ClaimRegrouping,
    ClaimTransition,
    ExternalReview,
    MatchSuggestion,
    RegroupKind,
    SuggestionStatus,
    Verdict,
    VerdictStatus,
)
from claims.services.kernel import name_history_user, require_editor, user_or_none
from claims.services.matching import claim_root, match_index_record
from core.errors import InvalidInput, TransitionNotAllowed


def _check_verdicts(keep: Claim, merged: list[Claim]) -> None:
    """Refuse a merge that would take a verdict in progress from its reviewer, or hide a
    published verdict behind a claim without one."""
    ids = [keep.pk, *(claim.pk for claim in merged)]
    drafts = list(
        Verdict.objects.filter(claim_id__in=ids, status=VerdictStatus.DRAFT).values_list(
            "claim_id", flat=True
        )
    )
    elsewhere = sorted(claim_id for claim_id in drafts if claim_id != keep.pk)
    if elsewhere:
        raise TransitionNotAllowed(
            f"Claim #{elsewhere[0]} has a verdict in progress; keep that claim, or publish its "
            "verdict first.",
            field="claims",
        )
    published = set(
        Verdict.objects.filter(claim_id__in=ids, status=VerdictStatus.PUBLISHED).values_list(
            "claim_id", flat=True
        )
    )
    if published and keep.pk not in published:
        carrier = min(published)
        raise InvalidInput(
            f"Keep claim #{carrier}, which carries a published verdict, and merge the others "
            "into it.",
            field="keep",
        )


def _move_verdicts(source: Claim, keep: Claim) -> int:
    """Verdicts follow their claim's appearances, numbered after the kept claim's own.

    The kept claim's published verdict stays the one readers see; a published verdict
    arriving with a merged claim is kept as an earlier, superseded one.
    """
    moving = list(source.verdicts.order_by("version"))
    if not moving:
        return 0
    last = keep.verdicts.aggregate(last=Max("version"))["last"] or 0
    for offset, verdict in enumerate(moving, start=1):
        verdict.claim = keep
        verdict.version = last + offset
        fields = ["claim", "version", "updated_at"]
        if verdict.status == VerdictStatus.PUBLISHED:
            verdict.status = VerdictStatus.SUPERSEDED
            fields.append("status")
        # Every version after the first says why it exists.
        if verdict.version > 1 and not verdict.correction_note:
            verdict.correction_note = (
                f"Verdict on claim #{source.pk}, which was merged into this claim."
            )
            fields.append("correction_note")
        verdict.save(update_fields=fields)
    return len(moving)


def _save_with_history(row: Claim | ClaimNote, actor: Any, fields: list[str]) -> None:
    name_history_user(actor, row)
    row.save(update_fields=fields)


def claim_merge(*, keep: Claim, merged: Iterable[Claim], actor: Any, reason: str = "") -> Claim:
    """The merged claims are the kept claim said again: their appearances, verdicts, external
    fact-checks and workflow history move to it, and they are marked as merged into it."""
    require_editor(actor, "merge claims")
    merged_ids = sorted({claim.pk for claim in merged} - {keep.pk})
    if not merged_ids:
        raise InvalidInput("Choose at least one other claim to merge into it.", field="claims")
    with transaction.atomic():
        locked = {
            claim.pk: claim
            for claim in Claim.objects.select_for_update().filter(pk__in=[keep.pk, *merged_ids])
        }
        if keep.pk not in locked or len(locked) != len(merged_ids) + 1:
            raise InvalidInput("Some of these claims no longer exist.", field="claims")
        keep = locked[keep.pk]
        if keep.merged_into_id is not None:
            raise InvalidInput(
                f"Claim #{keep.pk} was merged into #{keep.merged_into_id}; keep that one.",
                field="keep",
            )
        sources = [locked[pk] for pk in merged_ids]
        already = [claim for claim in sources if claim.merged_into_id is not None]
        if already:
            raise InvalidInput(
                f"Claim #{already[0].pk} was already merged into #{already[0].merged_into_id}.",
                field="claims",
            )
        _check_verdicts(keep, sources)
        now = timezone.now()
        for source in sources:
            appearances = Appearance.objects.filter(claim=source).update(claim=keep)
            verdicts = _move_verdicts(source, keep)
            ExternalReview.objects.filter(claim=source).update(claim=keep, updated_at=now)
            ClaimTransition.objects.filter(claim=source).update(claim=keep)
            # The newsroom's notes on the claim are part of its working history too. Rows are
            # saved one by one (they are few) so that each change lands in the change history,
            # and a claim re-pointed here gets a new version: a page showing it sees the change.
            for note in ClaimNote.objects.filter(claim=source):
                note.claim = keep
                _save_with_history(note, actor, ["claim", "updated_at"])
            # Claims merged into this one earlier now point at the kept claim directly.
            for earlier in Claim.objects.select_for_update().filter(merged_into=source):
                earlier.merged_into = keep
                _save_with_history(earlier, actor, ["merged_into", "updated_at"])
            # Duplicates follow the verdict, which now lives on the kept claim.
            followers = Claim.objects.select_for_update().filter(duplicate_of=source)
            for follower in followers.exclude(pk=keep.pk):
                follower.duplicate_of = keep
                _save_with_history(follower, actor, ["duplicate_of", "updated_at"])
            if keep.duplicate_of_id == source.pk:
                keep.duplicate_of = None
            MatchSuggestion.objects.filter(
                Q(claim=source, candidate=keep) | Q(claim=keep, candidate=source),
                status=SuggestionStatus.PENDING,
            ).update(
                status=SuggestionStatus.ACCEPTED,
                decided_by=user_or_none(actor),
                decided_at=now,
                updated_at=now,
            )
            ClaimRegrouping.objects.create(
                kind=RegroupKind.MERGE,
                source=source,
                target=keep,
                appearances_moved=appearances,
                verdicts_moved=verdicts,
                actor=user_or_none(actor),
                reason=reason,
            )
            source.merged_into = keep
            source.merged_at = now
            _save_with_history(source, actor, ["merged_into", "merged_at", "updated_at"])
        _save_with_history(keep, actor, ["duplicate_of", "updated_at"])
        match_index_record(claim_ids=[keep.pk, *merged_ids])
    return keep


def claim_split(
    *, claim: Claim, appearances: Iterable[Appearance], actor: Any, reason: str = ""
) -> Claim:
    """The chosen appearances are a different claim: they move to a claim of their own.

    When they include the first appearance of a claim merged into this one, that claim comes
    back (unmerged) to hold them; otherwise a new claim is made from the earliest of them.
    Verdicts and history stay where they are.
    """
    require_editor(actor, "split claims")
    chosen_ids = sorted({appearance.pk for appearance in appearances})
    if not chosen_ids:
        raise InvalidInput(
            "Choose the appearances to move to a claim of their own.", field="appearances"
        )
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=claim.pk)
        if claim.merged_into_id is not None:
            raise InvalidInput(
                f"Claim #{claim.pk} was merged into #{claim.merged_into_id}; split that one.",
                field="claim",
            )
        chosen = list(
            Appearance.objects.select_for_update()
            .filter(pk__in=chosen_ids)
            .order_by("said_on", "created_at", "id")
        )
        if len(chosen) != len(chosen_ids) or any(a.claim_id != claim.pk for a in chosen):
            raise InvalidInput(
                f"Choose appearances of claim #{claim.pk} only.", field="appearances"
            )
        if any(a.article_id == claim.article_id and a.text_hash == claim.text_hash for a in chosen):
            raise InvalidInput(
                "The claim's own first appearance stays with it; move the others.",
                field="appearances",
            )
        first = chosen[0]
        target = (
            Claim.objects.select_for_update()
            .filter(merged_into=claim, article=first.article, text_hash=first.text_hash)
            .first()
        )
        if target is not None:
            target.merged_into = None
            target.merged_at = None
            target.save(update_fields=["merged_into", "merged_at", "updated_at"])
        else:
            if Claim.objects.filter(article=first.article, text_hash=first.text_hash).exists():
                raise InvalidInput(
                    "Another claim already stands for that sentence of its article.",
                    field="appearances",
                )
            target = Claim.objects.create(
                article=first.article,
                text=first.text,
                text_hash=first.text_hash,
                start=first.start,
                end=first.end,
                score=claim.score,
                claimant=first.claimant,
                origin=ClaimOrigin.EDITOR,
            )
        moved = Appearance.objects.filter(pk__in=chosen_ids).update(claim=target)
        ClaimRegrouping.objects.create(
            kind=RegroupKind.SPLIT,
            source=claim,
            target=target,
            appearances_moved=moved,
            actor=user_or_none(actor),
            reason=reason,
        )
        claim.save(update_fields=["updated_at"])
        match_index_record(claim_ids=[claim.pk, target.pk])
    return target


def _decide(suggestion: MatchSuggestion, status: str, actor: Any) -> MatchSuggestion:
    suggestion.status = status
    suggestion.decided_by = user_or_none(actor)
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return suggestion


def _locked_pending(suggestion: MatchSuggestion) -> MatchSuggestion:
    locked = MatchSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != SuggestionStatus.PENDING:
        raise TransitionNotAllowed(
            f"This suggestion was already decided ({locked.get_status_display().lower()}).",
            field="status",
        )
    return locked


def suggestion_accept(*, suggestion: MatchSuggestion, actor: Any) -> Claim:
    """The new claim repeats the known one: it is merged in, so its appearances join it."""
    require_editor(actor, "decide on match suggestions")
    with transaction.atomic():
        suggestion = _locked_pending(suggestion)
        keep_id, merged_id = claim_root(suggestion.candidate_id), claim_root(suggestion.claim_id)
        if keep_id is None or merged_id is None:
            raise InvalidInput("One of the two claims no longer exists.", field="claim")
        keep = Claim.objects.get(pk=keep_id)
        if keep_id != merged_id:
            keep = claim_merge(
                keep=keep,
                merged=[Claim.objects.get(pk=merged_id)],
                actor=actor,
                reason=f"Accepted a match suggestion ({suggestion.confidence:.0%} confident).",
            )
        _decide(suggestion, SuggestionStatus.ACCEPTED, actor)
    return keep


def suggestion_reject(*, suggestion: MatchSuggestion, actor: Any) -> MatchSuggestion:
    """Two different claims: both stay as they are, and this pair is not suggested again."""
    require_editor(actor, "decide on match suggestions")
    with transaction.atomic():
        suggestion = _locked_pending(suggestion)
        return _decide(suggestion, SuggestionStatus.REJECTED, actor)
