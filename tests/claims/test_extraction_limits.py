"""However hostile an article, its extraction ends: with at most a set number of claims, or
failed with the reason when it runs out of time, never by stalling a worker."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleStatus
from articles.services import article_create, article_update
from claims import events
from claims.services import article_extract_claims
from tests.api.conftest import client_for

SENTENCES = [
    f"The city spent ${index + 2}.{index} million on road repairs in {2000 + index}, "
    f"Mayor Ann Lee{index} said."
    for index in range(12)
]


@pytest.mark.django_db(transaction=True)
def test_an_article_with_more_claims_than_the_limit_keeps_the_most_checkworthy_and_says_so(
    settings, editor
):
    settings.ARTICLE_MAX_CLAIMS = 1000
    whole = article_create(title="Roads", body="\n\n".join(SENTENCES))
    scores = sorted(whole.claims.values_list("score", flat=True), reverse=True)
    found = len(scores)
    assert found > 4
    whole.delete()

    settings.ARTICLE_MAX_CLAIMS = 4
    article = article_create(title="Roads", body="\n\n".join(SENTENCES) + "\n\nEnd.")
    article.refresh_from_db()
    assert article.status == ArticleStatus.DONE
    kept = list(article.claims.order_by("start"))
    assert len(kept) == 4
    assert sorted((claim.score for claim in kept), reverse=True) == pytest.approx(scores[:4])
    assert f"Only the 4 most check-worthy of {found} claims were kept" in article.status_reason
    shown = client_for(editor).get(f"/api/articles/{article.pk}/").json()
    assert shown["status_reason"] == article.status_reason


@pytest.mark.django_db(transaction=True)
def test_an_article_too_long_to_analyse_in_time_fails_with_the_reason_and_keeps_its_claims(
    settings,
):
    article = article_create(title="Roads", body="\n\n".join(SENTENCES[:3]))
    before = set(article.claims.values_list("pk", flat=True))
    assert before

    settings.EXTRACTION_TIME_BUDGET_SECONDS = 0.0
    article_update(article=article, body="\n\n".join(SENTENCES))
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert article.status_reason == "too long to analyse within 0 s"
    assert set(article.claims.values_list("pk", flat=True)) == before

    settings.EXTRACTION_TIME_BUDGET_SECONDS = 180.0
    outcome = article_extract_claims(article_id=article.pk)
    article.refresh_from_db()
    assert outcome.ran
    assert article.status == ArticleStatus.DONE
    assert article.claims.count() > len(before)


@pytest.mark.django_db(transaction=True)
def test_claims_stored_together_each_have_their_history_appearance_and_announcement():
    announced = []

    def listener(event, **objects):
        if event == events.CLAIM_CREATED:
            announced.append(objects["claim"].pk)

    events.connect(listener)
    try:
        article = article_create(title="Roads", body="\n\n".join(SENTENCES[:6]))
    finally:
        events.disconnect(listener)
    claims = list(article.claims.all())
    assert len(claims) >= 4
    assert sorted(announced) == sorted(claim.pk for claim in claims)
    for claim in claims:
        assert [h.history_type for h in claim.history.all()] == ["+"]
        (appearance,) = claim.appearances.all()
        assert (appearance.start, appearance.end, appearance.text) == (
            claim.start,
            claim.end,
            claim.text,
        )


@pytest.mark.django_db(transaction=True)
def test_the_claims_of_an_article_are_written_in_a_few_statements_not_one_per_claim(settings):
    settings.ARTICLE_MAX_CLAIMS = 1000
    body = "\n\n".join(
        f"The county spent ${index}.5 million on schools in {1950 + index}, Treasurer Jo Park said."
        for index in range(60)
    )
    with CaptureQueriesContext(connection) as queries:
        article = article_create(title="Many", body=body)
    assert article.claims.count() > 30
    writes = [query["sql"].split("(")[0].strip() for query in queries.captured_queries]
    for table in ("claims_claim", "claims_historicalclaim", "claims_appearance"):
        # SQLite takes at most 999 values a statement, hence a few; PostgreSQL needs one.
        assert writes.count(f'INSERT INTO "{table}"') <= 3, table
