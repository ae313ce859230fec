from datetime import UTC, datetime

import pytest

from articles.models import ArticleStatus
from articles.services import article_create, article_mark_failed
from claims.models import Appearance, Claim, Claimant
from claims.services import article_extract_claims
from claims.services.extraction import article_claim_fields_for_span
from tests.factories import ArticleFactory


def _claim_containing(article, fragment: str) -> Claim:
    matches = [claim for claim in article.claims.all() if fragment in claim.text]
    assert matches, f"no claim contains {fragment!r}"
    return matches[0]


@pytest.mark.django_db(transaction=True)
def test_the_sample_article_yields_its_attributed_claims(sample_article_text):
    article = article_create(
        title="Russia warns of arms race in space",
        body=sample_article_text,
        outlet="Example Wire",
        published_at=datetime(2019, 6, 5, tzinfo=UTC),
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE

    space_force = _claim_containing(article, "announced his intent to establish a new Space Force")
    assert space_force.claimant.name == "Foreign Policy"
    assert any(date["value"].startswith("2018") for date in space_force.dates)
    assert sample_article_text[space_force.start : space_force.end] == space_force.text

    draft_proposal = _claim_containing(article, "Russia and China have already presented a draft")
    assert draft_proposal.claimant.name == "Sergey Lavrov"
    weaponized = _claim_containing(article, "weaponized space")
    assert weaponized.claimant.name == "Patrick Shanahan"

    texts = " ".join(article.claims.values_list("text", flat=True))
    assert "crescent moon" not in texts
    assert "sit back and watch" not in texts


@pytest.mark.django_db(transaction=True)
def test_one_claimant_record_holds_every_name_an_article_uses_for_a_speaker(sample_article_text):
    article_create(title="Space", body=sample_article_text)
    lavrov = Claimant.objects.get(name="Sergey Lavrov")
    assert lavrov.kind == "person"
    aliases = set(lavrov.aliases.values_list("name", flat=True))
    assert "Lavrov" in aliases
    assert Claimant.objects.filter(aliases__name="Lavrov").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_speaker_in_two_articles_is_one_claimant(sample_article_text):
    article_create(title="Space, first report", body=sample_article_text)
    article_create(title="Space, second report", body=sample_article_text + "\n\nMore later.")
    assert Claimant.objects.filter(name="Sergey Lavrov").count() == 1
    # The second report repeats the first one's claims: they are appearances of the same claims.
    assert (
        Appearance.objects.filter(claimant__name="Sergey Lavrov")
        .values("article")
        .distinct()
        .count()
        == 2
    )


@pytest.mark.django_db(transaction=True)
def test_running_the_extraction_task_twice_stores_one_set_of_claims(sample_article_text):
    article = article_create(title="Space", body=sample_article_text)
    count = article.claims.count()
    outcome = article_extract_claims(article_id=article.pk)
    assert not outcome.ran
    assert article.claims.count() == count


@pytest.mark.django_db(transaction=True)
def test_extraction_of_a_deleted_article_is_a_no_op(sample_article_text):
    article = article_create(title="Space", body=sample_article_text)
    article_id = article.pk
    article.delete()
    assert article_extract_claims(article_id=article_id).ran is False


@pytest.mark.django_db(transaction=True)
def test_a_rerun_after_a_failure_marks_the_article_done_and_clears_the_failure():
    article = ArticleFactory(
        body="The city spent $4.2 million on road repairs in 2023, the council said.",
        extracted_body_hash="",
        status=ArticleStatus.PENDING,
    )
    article_mark_failed(article_id=article.pk, body_hash=article.body_hash, reason="worker died")

    outcome = article_extract_claims(article_id=article.pk)

    article.refresh_from_db()
    assert outcome.ran
    assert article.status == ArticleStatus.DONE
    assert article.status_reason == ""
    assert article.extracted_body_hash == article.body_hash
    assert article.processed_at is not None
    assert article.claims.filter(text__contains="$4.2 million").exists()


@pytest.mark.django_db(transaction=True)
def test_a_passage_the_detector_missed_is_said_by_the_claimant_of_its_detected_claims():
    article = article_create(
        title="Mayor's budget",
        body=(
            "Mayor Jacob Ramsey unveiled his budget on Tuesday, a day after the council vote.\n"
            "Violent crime fell 12 percent in 2025, Ramsey said.\n"
            "Ramsey has pledged to add $25 million to the police budget, which he said would "
            "pay for 200 more officers."
        ),
        outlet="Example Wire",
        published_at=datetime(2026, 3, 4, tzinfo=UTC),
    )
    detected = _claim_containing(article, "Violent crime fell")
    start = article.body.index("Ramsey has pledged")

    fields = article_claim_fields_for_span(article=article, start=start, end=len(article.body))

    assert not article.claims.filter(text__startswith="Ramsey has pledged").exists()
    assert fields["claimant"] == detected.claimant
    assert Claimant.objects.filter(name="Jacob Ramsey").count() == 1
    assert fields["statement"].startswith("Jacob Ramsey has pledged to add $25 million")
    assert (fields["start"], fields["end"]) == (start, len(article.body))
