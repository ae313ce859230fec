"""Who sees what: every read endpoint, for every kind of reader."""

import datetime as dt

import pytest

from claims.services import verdict_correct
from consumers.services import api_key_create
from tests.api.conftest import client_for
from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ClaimFactory, EditorFactory, ReviewerFactory

pytestmark = pytest.mark.django_db

DUE = dt.date(2031, 7, 19)
SECRET_CORRECTION = "Unpublished correction: the figure was revised"
REVIEWER_NAME = "ruth-the-checker"


@pytest.fixture
def newsroom_claims(newsroom):
    editor = EditorFactory()
    reviewer = ReviewerFactory(username=REVIEWER_NAME)
    published = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    verdict_correct(
        claim=published,
        actor=editor,
        correction_note="New budget figures",
        summary=SECRET_CORRECTION,
    )
    drafted = draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    drafted.due_date = DUE
    drafted.save(update_fields=["due_date"])
    return {"editor": editor, "reviewer": reviewer, "published": published, "drafted": drafted}


def _read_endpoints(claims: dict) -> list[str]:
    published, drafted = claims["published"].pk, claims["drafted"].pk
    return [
        "/api/claims/",
        "/api/claims/?cursor=",
        f"/api/claims/{published}/",
        f"/api/claims/{drafted}/",
        f"/api/claims/{published}/claimreview/",
        f"/api/claims/?q={claims['drafted'].text.split()[0]}",
        "/api/verdicts/",
        "/api/claimreviews/",
        "/api/claimants/",
        "/api/rating-scales/",
        "/api/ratings/",
        "/api/articles/",
        "/api/claims/export/?format=jsonl",
        "/api/claims/export/?format=csv",
        f"/claims/{published}/",
        f"/claims/{published}/embed/",
    ]


def _readers(claims: dict) -> dict:
    _, raw_key = api_key_create(name="Partner site")
    consumer = client_for()
    consumer.credentials(HTTP_X_API_KEY=raw_key)
    return {
        "anonymous": client_for(),
        "api key": consumer,
        "other reviewer": client_for(ReviewerFactory()),
        "assigned reviewer": client_for(claims["reviewer"]),
        "editor": client_for(claims["editor"]),
    }


def test_drafts_and_unpublished_corrections_reach_no_reader_on_any_endpoint(newsroom_claims):
    for role, client in _readers(newsroom_claims).items():
        for url in _read_endpoints(newsroom_claims):
            response = client.get(url)
            assert response.status_code == 200, (role, url, response.status_code)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode()
            assert SECRET_CORRECTION not in text, (role, url)


def test_assignment_reaches_staff_only(newsroom_claims):
    readers = _readers(newsroom_claims)
    for role, client in readers.items():
        staff = role in {"other reviewer", "assigned reviewer", "editor"}
        for url in _read_endpoints(newsroom_claims):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode()
            if not staff:
                assert REVIEWER_NAME not in text, (role, url)
                assert DUE.isoformat() not in text, (role, url)
        detail = client.get(f"/api/claims/{newsroom_claims['drafted'].pk}/").json()
        assert (detail["reviewer"] == REVIEWER_NAME) is staff, role
        assert (detail["due_date"] == DUE.isoformat()) is staff, role


def test_the_published_verdict_stays_visible_while_its_correction_is_drafted(
    anonymous, newsroom_claims
):
    claim = newsroom_claims["published"]
    verdict = anonymous.get(f"/api/claims/{claim.pk}/").json()["verdict"]
    assert verdict["summary"].startswith("Road spending")
    listed = anonymous.get("/api/verdicts/").json()["results"]
    assert [item["claim"] for item in listed] == [claim.pk]
    assert (
        anonymous.get(f"/api/claims/{newsroom_claims['drafted'].pk}/claimreview/").status_code
        == 404
    )
    assert anonymous.get(f"/claims/{newsroom_claims['drafted'].pk}/").status_code == 404
    assert anonymous.get(f"/claims/{newsroom_claims['drafted'].pk}/embed/").status_code == 404


def test_reads_never_need_a_login_but_writes_do(anonymous, newsroom):
    claim = ClaimFactory()
    assert anonymous.get("/api/claims/").status_code == 200
    assert anonymous.post(f"/api/claims/{claim.pk}/verdict/publish/").status_code == 401
    assert anonymous.post("/api/webhooks/", {}, format="json").status_code in {401, 403}


def test_a_published_claims_embed_card_may_be_framed_by_other_sites(anonymous, editor, reviewer):
    claim = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    card = anonymous.get(f"/claims/{claim.pk}/embed/")
    assert card.status_code == 200
    assert "X-Frame-Options" not in card.headers
    assert '<script type="application/ld+json">' in card.content.decode()
    assert anonymous.get(f"/claims/{claim.pk}/").headers.get("X-Frame-Options") == "DENY"
