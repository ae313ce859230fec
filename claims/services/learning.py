"""The editors' learning loop: retrain the detector on their decisions, compare, promote, roll back.

A retrain adapts the shipped network (``claims/detection/adaptation.py``) with the editors'
decisions and stores the result as a candidate ``DetectorModel``, never over the shipped
file. A quarter of the decisions (chosen by the sentence, so the same ones every time) are
held out: the candidate and the model in use are compared on them, on the news dev set and
on CT24 test (each skipped when its data is absent). An editor promotes a candidate only if
it is no worse on the held-out decisions; the model it replaces is kept for a rollback.
"""

import zlib
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article
from claims import events
from claims.detection import paragraph_bounds, split_sentences
from claims.detection.adaptation import adapt, evaluate
from claims.detection.checkworthiness import CheckworthinessModel
from claims.detection.shared_data import (
    CT24_RELATIVE,
    NEWS_CLAIMS_RELATIVE,
    load_ct24,
    load_news_sentences,
    shared_dir,
)
from claims.detector import active_model_version, model_for_version
from claims.models import (
    Claim,
    ClaimOrigin,
    DetectorFeedback,
    DetectorModel,
    DetectorModelStatus,
    text_digest,
)
from claims.services.extraction import article_claim_fields_for_span
from claims.services.kernel import name_history_user, require_editor
from claims.services.workflow import claim_mark_checkable
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from core.roles import Actor, is_editor

# One decision in this many is held out to compare models on, chosen by its sentence.
HELD_OUT_EVERY = 4
NEWSROOM_SET = "newsroom held-out decisions"
NEWS_DEV_SET = "news dev"
CT24_TEST_SET = "CT24 test"
# Sentences of recent articles that keep the model's own view while it learns (see adapt).
ANCHOR_SENTENCES = 1500
# The newest decisions learnt from; beyond this a retrain would no longer take minutes.
MAX_DECISIONS = 4000
MAX_MISSED_CLAIM_CHARS = 2000

Labelled = list[tuple[str, int]]


def is_held_out(text: str) -> bool:
    return zlib.crc32(" ".join(text.split()).lower().encode()) % HELD_OUT_EVERY == 0


def newsroom_decisions() -> tuple[Labelled, Labelled, int]:
    """(learnt from, held out, newest decision id): the latest decision per claim counts."""
    rows = list(
        DetectorFeedback.objects.latest_per_claim()
        .order_by("-id")
        .values_list("id", "text", "checkworthy")[:MAX_DECISIONS]
    )
    learn: Labelled = []
    held: Labelled = []
    for _, text, checkworthy in reversed(rows):
        (held if is_held_out(text) else learn).append((text, int(checkworthy)))
    return learn, held, max((row[0] for row in rows), default=0)


def waiting_decisions() -> int:
    """Decisions made since the active model was trained (all of them for the shipped one)."""
    active = DetectorModel.objects.active().only("last_feedback_id").first()
    since = active.last_feedback_id if active else 0
    return DetectorFeedback.objects.latest_per_claim().after(since).count()


def _anchor_sentences(limit: int = ANCHOR_SENTENCES) -> list[str]:
    """Sentences of recent articles; a young newsroom's few are topped up with CT24 train
    sentences where the shared data is present (with a dozen anchors, 60 decisions cost CT24
    test F1 0.69 -> 0.58; with 800 they cost nothing)."""
    sentences: list[str] = []
    for body in Article.objects.order_by("-id").values_list("body", flat=True).iterator():
        sentences.extend(sentence.text for sentence in split_sentences(body or ""))
        if len(sentences) >= limit:
            return sentences[:limit]
    ct24 = shared_dir() / CT24_RELATIVE
    if ct24.is_file():
        train = [text for text, _ in load_ct24(ct24).get("train", [])]
        missing = limit - len(sentences)
        sentences.extend(train[:: max(len(train) // missing, 1)][:missing])
    return sentences


def reference_sets() -> dict[str, Labelled]:
    """The public sets every retrain is compared on, when their data is present."""
    folder = shared_dir()
    sets: dict[str, Labelled] = {}
    news = folder / NEWS_CLAIMS_RELATIVE
    if news.is_dir():
        sets[NEWS_DEV_SET] = load_news_sentences(news)
    ct24 = folder / CT24_RELATIVE
    if ct24.is_file():
        sets[CT24_TEST_SET] = load_ct24(ct24).get("test", [])
    return {name: examples for name, examples in sets.items() if examples}


def compare(
    candidate: CheckworthinessModel, current: CheckworthinessModel, sets: dict[str, Labelled]
) -> dict[str, dict[str, dict]]:
    return {
        name: {"candidate": evaluate(candidate, examples), "current": evaluate(current, examples)}
        for name, examples in sets.items()
        if examples
    }


def detector_retrain(*, actor: Any) -> DetectorModel:
    """Adapt the shipped network to the editors' decisions and store it as a candidate."""
    require_editor(actor, "retrain the detector", operator_allowed=True)
    learn, held, newest = newsroom_decisions()
    if not learn:
        raise InvalidInput("There are no editors' decisions to learn from yet.")
    current = model_for_version(active_model_version())
    candidate = adapt(CheckworthinessModel.load(), learn, anchors=_anchor_sentences())
    comparison = compare(candidate, current, {NEWSROOM_SET: held, **reference_sets()})
    return DetectorModel.objects.create(
        weights=candidate.to_bytes(),
        comparison=comparison,
        decisions=len(learn),
        held_out=len(held),
        last_feedback_id=newest,
        trained_by=actor,
    )


def _worse_on_held_out(candidate: DetectorModel) -> str:
    """Why ``candidate`` must not replace the model in use, or ``""``; scored on the held-out
    decisions as they stand now (editors may have changed their minds since training)."""
    _, held, _ = newsroom_decisions()
    if not held:
        return (
            "There are no held-out editors' decisions to compare the candidate on yet; "
            "triage more claims first."
        )
    table = compare(
        model_for_version(candidate.pk), model_for_version(active_model_version()), {"": held}
    )[""]
    new, old = table["candidate"], table["current"]
    if new["f1"] < old["f1"] or new["agreement"] < old["agreement"]:
        return (
            f"Candidate #{candidate.pk} is worse than the model in use on the newsroom's "
            f"{len(held)} held-out decisions (F1 {new['f1']:.3f} against {old['f1']:.3f}, "
            f"agreement {new['agreement']:.3f} against {old['agreement']:.3f}); it was not "
            "promoted."
        )
    return ""


def detector_promote(*, detector_model: DetectorModel, actor: Any) -> DetectorModel:
    """Make a candidate the model every process scores with; the one it replaces is kept."""
    require_editor(actor, "promote a detector model", operator_allowed=True)
    if detector_model.status != DetectorModelStatus.CANDIDATE:
        raise TransitionNotAllowed(
            f"Detector model #{detector_model.pk} is {detector_model.get_status_display().lower()}"
            "; only a candidate can be promoted.",
            field="status",
        )
    reason = _worse_on_held_out(detector_model)
    if reason:
        raise InvalidInput(reason, field="detector_model")
    with transaction.atomic():
        candidate = DetectorModel.objects.select_for_update().get(pk=detector_model.pk)
        if candidate.status != DetectorModelStatus.CANDIDATE:
            raise TransitionNotAllowed("This candidate was promoted or retired meanwhile.")
        previous = DetectorModel.objects.select_for_update().active().first()
        if previous is not None:
            previous.status = DetectorModelStatus.RETIRED
            previous.save(update_fields=["status", "updated_at"])
        candidate.status = DetectorModelStatus.ACTIVE
        candidate.promoted_by = actor
        candidate.promoted_at = timezone.now()
        candidate.replaced = previous
        candidate.save(
            update_fields=["status", "promoted_by", "promoted_at", "replaced", "updated_at"]
        )
    return candidate


def detector_rollback(*, actor: Any) -> DetectorModel | None:
    """Retire the active model and bring back the one it replaced (``None``: the shipped one)."""
    require_editor(actor, "roll back the detector", operator_allowed=True)
    with transaction.atomic():
        active = DetectorModel.objects.select_for_update().active().first()
        if active is None:
            raise TransitionNotAllowed(
                "The detector already uses the shipped model; there is nothing to roll back."
            )
        active.status = DetectorModelStatus.RETIRED
        active.save(update_fields=["status", "updated_at"])
        previous = active.replaced
        if previous is not None:
            previous.status = DetectorModelStatus.ACTIVE
            previous.save(update_fields=["status", "updated_at"])
    return previous


def check_mark_missed(actor: Actor) -> None:
    """Refuse anyone who may not add a sentence the detector missed: editors decide claims."""
    if not is_editor(actor):
        raise NotPermitted("Only editors can add claims the detector missed.")


def may_mark_missed(actor: Actor) -> bool:
    """Whether the article page offers this actor its "Make this a claim" button."""
    try:
        check_mark_missed(actor)
    except NotPermitted:
        return False
    return True


def claim_mark_missed(*, article: Article, start: int, end: int, actor: Actor) -> Claim:
    """Make a sentence the detector missed into a checkable claim, and a lesson for it.

    The span is one passage of one paragraph that no claim of the article covers yet: the
    detector learns from sentences, and a claim laid over another would hide it in the text.
    """
    check_mark_missed(actor)
    body = article.body or ""
    if not (0 <= start < end <= len(body)):
        raise InvalidInput(
            f"The span {start}-{end} is not inside the article's text (0-{len(body)}).",
            field="start",
        )
    span = body[start:end]
    text = span.strip()
    if not text:
        raise InvalidInput("The span holds no text.", field="start")
    if len(text) > MAX_MISSED_CLAIM_CHARS:
        raise InvalidInput(f"A claim is at most {MAX_MISSED_CLAIM_CHARS} characters.", field="end")
    start += len(span) - len(span.lstrip())
    end = start + len(text)
    if paragraph_bounds(body, start)[1] < end:
        raise InvalidInput(
            "The passage runs over more than one paragraph; choose a sentence within one.",
            field="start",
        )
    digest = text_digest(text)
    # The detector is slow: it reads the passage in its article (claimant, statement, dates,
    # entities, score, as it would have given them) before the lock is taken, so the lock is
    # held briefly.
    fields = article_claim_fields_for_span(article=article, start=start, end=end)
    try:
        with transaction.atomic():
            # The article's row lock lines up editors marking passages of the same article:
            # the checks below see every claim stored before this one.
            Article.objects.select_for_update().get(pk=article.pk)
            _check_missed_passage(article, digest=digest, start=start, end=end)
            claim = _store_missed_claim(article, digest=digest, fields=fields, actor=actor)
    except IntegrityError:
        # The same sentence stored at once by an editor who did not wait on the lock (a claim
        # written by the detector's task, which does not take it).
        raise TransitionNotAllowed(
            "This sentence is already a claim of the article.", field="start"
        ) from None
    return claim


def _check_missed_passage(article: Article, *, digest: str, start: int, end: int) -> None:
    if Claim.objects.filter(article=article, text_hash=digest).exists():
        raise TransitionNotAllowed(
            "This sentence is already a claim of the article.", field="start"
        )
    overlapped = (
        Claim.objects.for_article(article)
        .filter(start__lt=end, end__gt=start)
        .order_by("start")
        .first()
    )
    if overlapped is not None:
        raise TransitionNotAllowed(
            f"The passage overlaps claim #{overlapped.pk} (“{overlapped}”); choose text "
            "outside it.",
            field="start",
        )


def _store_missed_claim(
    article: Article, *, digest: str, fields: dict[str, Any], actor: Actor
) -> Claim:
    claim = Claim(article=article, text_hash=digest, origin=ClaimOrigin.EDITOR, **fields)
    name_history_user(actor, claim)
    claim.save()
    events.emit(events.CLAIM_CREATED, claim=claim)
    claim = claim_mark_checkable(claim=claim, actor=actor, reason="Missed by the detector.")
    DetectorFeedback.objects.filter(claim=claim).update(missed=True)
    return claim


__all__ = [
    "check_mark_missed",
    "claim_mark_missed",
    "detector_promote",
    "detector_retrain",
    "detector_rollback",
    "may_mark_missed",
    "newsroom_decisions",
    "waiting_decisions",
]
