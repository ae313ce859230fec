"""The detector learning page: editors see what waits, retrain, promote with a confirmation,
and roll back."""

import pytest
from django.urls import reverse

from claims.models import DetectorModel, DetectorModelStatus
from tests.claims.learning_data import ALMANAC_LINES
from tests.claims.test_learning import _decide
from tests.factories import ArticleFactory

PAGE = "admin:claims_detectormodel_changelist"


@pytest.fixture(autouse=True)
def _reload_at_every_extraction(settings):
    settings.DETECTOR_RELOAD_SECONDS = 0


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def decided(editor):
    _decide(editor, ALMANAC_LINES[:48], checkable=False)
    _decide(
        editor,
        [f"The city spent {n}.5 million dollars on roads in 20{n + 10}." for n in range(12)],
        checkable=True,
    )


def test_the_page_shows_how_many_decisions_wait_and_the_shipped_model_in_use(
    editor_client, decided
):
    page = editor_client.get(reverse(PAGE)).content.decode()

    assert "<strong>60</strong> editors' decisions made since" in page
    assert "the model shipped with the claim tracker" in page
    assert "No retrain yet." in page


def test_retrain_then_promote_after_confirming_puts_the_candidate_in_use(
    editor_client, decided, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:claims_detectormodel_retrain"))
    assert response.status_code == 302
    candidate = DetectorModel.objects.get()
    page = editor_client.get(reverse(PAGE)).content.decode()
    assert 'data-set="newsroom held-out decisions"' in page
    assert "Promote…" in page

    confirm = editor_client.get(reverse("admin:claims_detectormodel_promote", args=[candidate.pk]))
    assert f"Yes, promote detector model #{candidate.pk}" in confirm.content.decode()
    assert DetectorModel.objects.active().count() == 0
    editor_client.post(reverse("admin:claims_detectormodel_promote", args=[candidate.pk]))

    page = editor_client.get(reverse(PAGE)).content.decode()
    assert f"In use: detector model #{candidate.pk}" in page
    assert "<strong>0</strong> editors' decisions" in page

    editor_client.post(reverse("admin:claims_detectormodel_rollback"))
    candidate.refresh_from_db()
    assert candidate.status == DetectorModelStatus.RETIRED
    assert (
        "the model shipped with the claim tracker"
        in editor_client.get(reverse(PAGE)).content.decode()
    )


def test_a_retrain_with_no_decisions_enqueues_nothing_stored(
    editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("admin:claims_detectormodel_retrain"))

    assert not DetectorModel.objects.exists()


def test_reviewers_cannot_open_the_learning_page(client, reviewer):
    client.force_login(reviewer)

    assert client.get(reverse(PAGE)).status_code == 403
    assert client.post(reverse("admin:claims_detectormodel_rollback")).status_code == 403


def test_an_editor_teaches_a_missed_sentence_from_the_learning_page(editor_client):
    missed = "The bridge carries 40,000 vehicles a day."
    article = ArticleFactory(body=f"It rained. {missed}")
    start = article.body.index(missed)

    editor_client.post(
        reverse("admin:claims_detectormodel_missed"),
        {"article": article.pk, "start": start, "end": start + len(missed)},
    )
    page = editor_client.get(reverse(PAGE)).content.decode()

    claim = article.claims.get()
    assert (claim.text, claim.status) == (missed, "checkable")
    assert "<strong>1</strong> editors' decision made since" in page


def test_a_missed_sentence_outside_the_article_is_refused_with_a_message(editor_client):
    article = ArticleFactory(body="It rained.")

    response = editor_client.post(
        reverse("admin:claims_detectormodel_missed"),
        {"article": article.pk, "start": 3, "end": 500},
        follow=True,
    )

    assert "not inside the article" in response.content.decode()
    assert not article.claims.exists()
