"""The editors' learning loop: decisions in, a candidate compared, promoted, rolled back."""

import hashlib
from datetime import UTC, datetime

import pytest

from claims.detection.checkworthiness import SHIPPED_MODEL_PATH
from claims.detector import current_detector, current_version
from claims.models import (
    ClaimOrigin,
    ClaimStatus,
    DetectorFeedback,
    DetectorModel,
    DetectorModelStatus,
)
from claims.services import claim_mark_checkable, claim_mark_not_checkable
from claims.services.learning import (
    NEWSROOM_SET,
    claim_mark_missed,
    detector_promote,
    detector_retrain,
    detector_rollback,
    is_held_out,
    newsroom_decisions,
    waiting_decisions,
)
from core.errors import InvalidInput, NotPermitted, TransitionNotAllowed
from tests.claims.learning_data import ALMANAC_LINES, ARTICLE_SENTENCES
from tests.factories import ArticleFactory, ClaimFactory


@pytest.fixture(autouse=True)
def _reload_at_every_extraction(settings):
    settings.DETECTOR_RELOAD_SECONDS = 0


def _decide(editor, texts, *, checkable: bool) -> list:
    article = ArticleFactory(body=" ".join([*ARTICLE_SENTENCES, *texts]))
    claims = []
    for text in texts:
        claim = ClaimFactory(article=article, text=text, start=0, end=len(text))
        mark = claim_mark_checkable if checkable else claim_mark_not_checkable
        claims.append(mark(claim=claim, actor=editor))
    return claims


@pytest.fixture
def decided(editor):
    """Forty-eight almanac lines rejected, a dozen real claims confirmed."""
    rejected = _decide(editor, ALMANAC_LINES[:48], checkable=False)
    confirmed = _decide(
        editor,
        [f"The city spent {n}.5 million dollars on roads in 20{n + 10}." for n in range(12)],
        checkable=True,
    )
    return rejected, confirmed


def test_a_claim_marked_checkable_then_not_checkable_teaches_only_not_checkable(editor):
    (claim,) = _decide(editor, [ALMANAC_LINES[0]], checkable=True)
    claim_mark_not_checkable(claim=claim, actor=editor)

    learn, held, _ = newsroom_decisions()

    assert DetectorFeedback.objects.count() == 2
    assert [*learn, *held] == [(ALMANAC_LINES[0], 0)]


def test_a_retrain_stores_a_candidate_compared_with_the_model_in_use(editor, decided):
    shipped_before = hashlib.sha256(SHIPPED_MODEL_PATH.read_bytes()).hexdigest()
    assert waiting_decisions() == 60

    candidate = detector_retrain(actor=editor)

    assert candidate.status == DetectorModelStatus.CANDIDATE
    assert candidate.trained_by == editor
    assert candidate.decisions + candidate.held_out == 60
    held_out = candidate.comparison[NEWSROOM_SET]
    assert set(held_out) == {"candidate", "current"}
    assert {"precision", "recall", "f1"} <= set(held_out["candidate"])
    assert held_out["candidate"]["agreement"] > held_out["current"]["agreement"]
    assert hashlib.sha256(SHIPPED_MODEL_PATH.read_bytes()).hexdigest() == shipped_before
    assert current_detector().model.correction is None


def test_a_promoted_model_is_used_by_the_next_extraction(editor, decided):
    unseen = ALMANAC_LINES[84]
    assert current_detector().extract(unseen)

    candidate = detector_promote(detector_model=detector_retrain(actor=editor), actor=editor)

    assert candidate.status == DetectorModelStatus.ACTIVE
    assert candidate.promoted_by == editor
    assert current_detector().extract(unseen) == []
    assert current_version() == candidate.pk
    assert waiting_decisions() == 0


def test_a_candidate_worse_on_the_held_out_decisions_is_not_promoted(editor, decided):
    rejected, _ = decided
    candidate = detector_retrain(actor=editor)
    # The editors change their minds about the held-out sentences of that kind.
    for claim in rejected:
        if is_held_out(claim.text):
            claim_mark_checkable(claim=claim, actor=editor)

    with pytest.raises(InvalidInput, match="worse than the model in use") as refused:
        detector_promote(detector_model=candidate, actor=editor)

    assert "held-out decisions" in refused.value.message
    candidate.refresh_from_db()
    assert candidate.status == DetectorModelStatus.CANDIDATE
    assert current_detector().model.correction is None


def test_a_rollback_brings_back_the_model_that_was_replaced(editor, decided):
    first = detector_promote(detector_model=detector_retrain(actor=editor), actor=editor)
    _decide(editor, ALMANAC_LINES[48:60], checkable=False)
    second = detector_promote(detector_model=detector_retrain(actor=editor), actor=editor)

    back = detector_rollback(actor=editor)

    assert back == first
    second.refresh_from_db()
    assert (second.status, first.status) == (DetectorModelStatus.RETIRED, "active")
    assert detector_rollback(actor=editor) is None
    assert current_detector().model.correction is None
    with pytest.raises(TransitionNotAllowed, match="already uses the shipped model"):
        detector_rollback(actor=editor)


def test_only_editors_retrain_promote_or_roll_back(reviewer, decided):
    with pytest.raises(NotPermitted):
        detector_retrain(actor=reviewer)
    with pytest.raises(NotPermitted):
        detector_rollback(actor=reviewer)


def test_a_retrain_without_decisions_is_refused(editor):
    with pytest.raises(InvalidInput, match="no editors' decisions"):
        detector_retrain(actor=editor)


def test_a_sentence_the_detector_missed_becomes_a_checkable_claim_and_a_lesson(editor):
    missed = "The bridge carries 40,000 vehicles a day."
    article = ArticleFactory(body=f"It rained. {missed}  Nobody came.")
    start = article.body.index(missed)

    claim = claim_mark_missed(
        article=article, start=start - 1, end=start + len(missed) + 1, actor=editor
    )

    assert (claim.text, claim.start, claim.end) == (missed, start, start + len(missed))
    assert claim.status == ClaimStatus.CHECKABLE
    assert claim.origin == ClaimOrigin.EDITOR
    lesson = DetectorFeedback.objects.get(claim=claim)
    assert (lesson.text, lesson.checkworthy, lesson.missed) == (missed, True, True)
    with pytest.raises(TransitionNotAllowed, match="already a claim"):
        claim_mark_missed(article=article, start=start, end=start + len(missed), actor=editor)
    with pytest.raises(InvalidInput, match="not inside the article"):
        claim_mark_missed(article=article, start=5, end=10_000, actor=editor)


def test_the_command_trains_a_candidate_and_promotes_it_only_when_asked(editor, decided):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("train_detector", stdout=out)

    candidate = DetectorModel.objects.get()
    assert candidate.status == DetectorModelStatus.CANDIDATE
    assert f"Candidate detector model #{candidate.pk}" in out.getvalue()
    assert NEWSROOM_SET in out.getvalue()
    call_command("train_detector", promote=candidate.pk, stdout=out)
    candidate.refresh_from_db()
    assert candidate.status == DetectorModelStatus.ACTIVE


def test_the_command_refuses_a_full_rebuild_without_a_folder_to_write(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="name its folder with --out"):
        call_command("train_detector", full=True)


def _small_ct24(root):
    from claims.detection.shared_data import CT24_RELATIVE

    claims = [line for line in ARTICLE_SENTENCES if any(c.isdigit() for c in line)]
    others = [line for line in ARTICLE_SENTENCES if not any(c.isdigit() for c in line)]
    rows = ["sentence_id\tsentence\tlabel\tlabel_str\tsplit"]
    examples = [(text, 1) for text in claims] + [(text, 0) for text in others]
    for number, (text, label) in enumerate(examples * 3):
        split = "dev" if number % 5 == 4 else "train"
        rows.append(f"{number}\t{text}\t{label}\t{'Yes' if label else 'No'}\t{split}")
    ct24 = root / CT24_RELATIVE
    ct24.parent.mkdir(parents=True)
    ct24.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_the_command_rebuilds_a_model_with_its_card_from_the_training_program(db, tmp_path):
    pytest.importorskip("sklearn", reason="a full rebuild needs the 'train' extra")
    from io import StringIO

    from django.core.management import call_command

    from claims.detection.checkworthiness import CheckworthinessModel

    shared = _small_ct24(tmp_path / "shared")
    out = StringIO()
    call_command("train_detector", full=True, shared_dir=shared, out=tmp_path / "model", stdout=out)

    model = CheckworthinessModel.load(tmp_path / "model")
    assert model.score(["Unemployment fell to 4.1 percent in March."])[0] > 0
    card = (tmp_path / "model" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "`python -m training.detector --extra" in card
    assert '"threshold"' in out.getvalue()


def test_the_command_reports_a_failed_rebuild_in_one_line_and_writes_nothing(db, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="training failed; no model was written"):
        call_command(
            "train_detector", full=True, shared_dir=tmp_path / "absent", out=tmp_path / "model"
        )
    assert not (tmp_path / "model").exists()


def test_a_missed_sentence_stays_within_one_paragraph_and_off_the_claims_already_marked(editor):
    article = ArticleFactory(body="The mayor spoke.\nCrime rose by 12 percent in 2023. It rained.")
    crime = "Crime rose by 12 percent in 2023"
    start = article.body.index(crime)
    marked = claim_mark_missed(article=article, start=start, end=start + len(crime), actor=editor)

    with pytest.raises(InvalidInput, match="more than one paragraph"):
        claim_mark_missed(article=article, start=4, end=start + 5, actor=editor)
    with pytest.raises(TransitionNotAllowed, match=f"overlaps claim #{marked.pk}"):
        claim_mark_missed(article=article, start=start + 6, end=len(article.body), actor=editor)
    assert list(article.claims.all()) == [marked]


RAMSEY_ARTICLE = (
    "Mayor Jacob Ramsey unveiled his budget on Tuesday, a day after the council vote.\n"
    "Ramsey has pledged to add $25 million to the police budget, which he said would pay for "
    "200 more officers.\n"
    "The force lost 40 officers last year, he said."
)
RAMSEY_PLEDGE = (
    "Ramsey has pledged to add $25 million to the police budget, which he said would pay for "
    "200 more officers."
)


def mark_missed(article, passage: str, editor):
    start = article.body.index(passage)
    return claim_mark_missed(article=article, start=start, end=start + len(passage), actor=editor)


def test_a_missed_sentence_gets_the_speaker_statement_and_figures_its_article_gives_it(editor):
    article = ArticleFactory(body=RAMSEY_ARTICLE, published_at=datetime(2026, 3, 4, tzinfo=UTC))

    claim = mark_missed(article, RAMSEY_PLEDGE, editor)

    assert claim.claimant.name == "Jacob Ramsey"
    assert claim.statement == (
        "Jacob Ramsey has pledged to add $25 million to the police budget, which would pay for "
        "200 more officers."
    )
    assert {"$25 million", "200"} <= {entity["text"] for entity in claim.entities}
    assert (claim.origin, claim.status) == (ClaimOrigin.EDITOR, ClaimStatus.CHECKABLE)
    assert claim.score == pytest.approx(current_detector().score_sentences([RAMSEY_PLEDGE])[0])
    assert DetectorFeedback.objects.get(claim=claim).missed


def test_a_missed_sentence_has_its_dates_read_from_the_articles_publication(editor):
    article = ArticleFactory(body=RAMSEY_ARTICLE, published_at=datetime(2026, 3, 4, tzinfo=UTC))

    claim = mark_missed(article, "The force lost 40 officers last year, he said.", editor)

    assert claim.claimant.name == "Jacob Ramsey"
    assert claim.statement == "The force lost 40 officers in 2025."
    assert [date["value"][:4] for date in claim.dates] == ["2025"]


def test_a_selection_shorter_than_a_sentence_is_stated_in_its_own_words(editor):
    article = ArticleFactory(body=RAMSEY_ARTICLE, published_at=datetime(2026, 3, 4, tzinfo=UTC))

    claim = mark_missed(article, "add $25 million to the police budget", editor)

    assert claim.text == "add $25 million to the police budget"
    assert claim.statement == "Add $25 million to the police budget."
    assert claim.claimant.name == "Jacob Ramsey"


@pytest.mark.django_db(transaction=True)
def test_two_editors_marking_the_same_missed_sentence_at_once_store_it_once(newsroom):
    """Both editors' requests score the sentence before either stores it; the second is told
    the sentence is already a claim (409), not shown a server error."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection, connections

    from tests.factories import EditorFactory

    if connection.vendor != "postgresql":
        pytest.skip("two editors at once need a database server with row locks (DATABASE_URL)")
    missed = "The bridge carries 40,000 vehicles a day."
    article = ArticleFactory(body=f"It rained. {missed} Nobody came.")
    start = article.body.index(missed)
    editors = [EditorFactory(), EditorFactory()]
    together = Barrier(2)

    def mark(editor) -> str:
        try:
            together.wait()
            claim_mark_missed(article=article, start=start, end=start + len(missed), actor=editor)
            return "stored"
        except TransitionNotAllowed as refusal:
            return refusal.message
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(mark, editors))

    assert outcomes == ["This sentence is already a claim of the article.", "stored"]
    assert article.claims.count() == 1
