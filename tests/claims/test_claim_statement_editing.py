"""A claim's statement: stored, shown, published as claimReviewed, and worded by editors."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.test import Client

from articles.services import article_create, article_update
from claims.models import Claim
from claims.services import claim_edit_statement
from core.errors import InvalidInput, NotPermitted
from tests.factories import ArticleFactory, ClaimFactory

BODY = (
    "Harbour council approves budget\n\n"
    "The Harbour council approved its annual budget on Tuesday after a long debate.\n\n"
    "“The city spent $4.2 million on road repairs last year, more than in any year since "
    "2010,” Mayor Ada Brennan told the council.\n\n"
    "The budget passes to the regional authority for review next month."
)
QUOTED = "“The city spent $4.2 million on road repairs last year"


def _road_repairs(article) -> Claim:
    return article.claims.get(text__startswith=QUOTED)


@pytest.mark.django_db(transaction=True)
def test_extraction_stores_each_claims_statement_without_quotes_or_attribution(newsroom):
    article = article_create(
        title="Budget", body=BODY, published_at=datetime(2024, 3, 14, 9, tzinfo=UTC)
    )
    claim = _road_repairs(article)
    assert claim.statement == (
        "The city spent $4.2 million on road repairs in 2023, more than in any year since 2010."
    )
    assert claim.text.startswith(QUOTED)
    assert BODY[claim.start : claim.end] == claim.text


@pytest.mark.django_db(transaction=True)
def test_an_editors_statement_survives_re_extraction_of_the_article(editor):
    article = article_create(
        title="Budget", body=BODY, published_at=datetime(2024, 3, 14, 9, tzinfo=UTC)
    )
    claim = _road_repairs(article)
    claim_edit_statement(
        claim=claim,
        actor=editor,
        statement="Harbour spent $4.2 million on road repairs in 2023.",
    )
    article_update(article=article, body=BODY + "\n\nThe port handled 3 million tonnes in 2023.")
    claim.refresh_from_db()
    assert claim.statement == "Harbour spent $4.2 million on road repairs in 2023."
    assert article.claims.filter(text__contains="3 million tonnes").exists()


@pytest.mark.django_db(transaction=True)
def test_re_extraction_refreshes_a_statement_nobody_edited(newsroom):
    article = article_create(
        title="Budget", body=BODY, published_at=datetime(2024, 3, 14, 9, tzinfo=UTC)
    )
    claim = _road_repairs(article)
    Claim.objects.filter(pk=claim.pk).update(statement="stale")
    article_update(article=article, body=BODY + "\n\nThe port handled 3 million tonnes in 2023.")
    claim.refresh_from_db()
    assert claim.statement.startswith("The city spent $4.2 million")


@pytest.mark.django_db
def test_only_editors_edit_a_statement_and_it_cannot_be_empty(editor, reviewer):
    claim = ClaimFactory()
    with pytest.raises(NotPermitted):
        claim_edit_statement(claim=claim, actor=reviewer, statement="Anything.")
    with pytest.raises(InvalidInput) as empty:
        claim_edit_statement(claim=claim, actor=editor, statement="   ")
    assert "statement" in empty.value.messages
    with pytest.raises(InvalidInput):
        claim_edit_statement(claim=claim, actor=editor, statement="x" * 501)
    claim.refresh_from_db()
    assert (claim.statement, claim.statement_edited) == ("", False)


@pytest.mark.django_db
def test_the_data_migration_gives_existing_claims_their_statements():
    article = ArticleFactory(body=BODY, published_at=datetime(2024, 3, 14, 9, tzinfo=UTC))
    start = BODY.index(QUOTED)
    end = BODY.index("council.", start) + len("council.")
    quoted = ClaimFactory(article=article, text=BODY[start:end], start=start, end=end)
    edited = ClaimFactory(statement="Worded by an editor.", statement_edited=True)
    migration = importlib.import_module("claims.migrations.0010_fill_claim_statements")
    migration.fill_statements(apps, None)
    quoted.refresh_from_db()
    edited.refresh_from_db()
    assert quoted.statement == (
        "The city spent $4.2 million on road repairs in 2023, more than in any year since 2010."
    )
    assert edited.statement == "Worded by an editor."


@pytest.mark.django_db
def test_an_editor_rewords_the_statement_in_the_admin_beside_the_sentence(editor, reviewer):
    claim = ClaimFactory(
        text="“Rents rose 9 percent in 2023,” the minister said.",
        statement="Rents rose 9 percent in 2023.",
    )
    client = Client()
    client.force_login(editor)
    page = client.get(f"/admin/claims/claim/{claim.pk}/statement/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Rents rose 9 percent in 2023,” the minister said." in content
    response = client.post(
        f"/admin/claims/claim/{claim.pk}/statement/",
        {"statement": "Rents in the capital rose 9 percent in 2023."},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.statement == "Rents in the capital rose 9 percent in 2023."
    assert claim.statement_edited
    change = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert "Rents in the capital rose 9 percent in 2023." in change
    assert "Edit statement" in change
    listing = client.get("/admin/claims/claim/").content.decode()
    assert "Rents in the capital rose 9 percent in 2023." in listing

    other = Client()
    other.force_login(reviewer)
    assert other.get(f"/admin/claims/claim/{claim.pk}/statement/").status_code in (403, 404)
