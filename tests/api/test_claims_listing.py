"""Filtering, search, ordering and pagination of the public claims list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from claims.models import ClaimStatus
from claims.services import claimant_resolve
from tests.api.publishing import publish_verdict
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _ids(client, query: str) -> list[int]:
    response = client.get(f"/api/claims/?{query}")
    assert response.status_code == 200, response.json()
    return [item["id"] for item in response.json()["results"]]


def test_claims_filter_by_rating_outlet_verdict_and_dates(anonymous, editor, reviewer):
    tribune = ArticleFactory(outlet="The Example Tribune", published_at=timezone.now())
    herald = ArticleFactory(outlet="Herald", published_at=timezone.now() - timedelta(days=30))
    false_claim = publish_verdict(ClaimFactory(article=tribune), editor=editor, reviewer=reviewer)
    true_claim = publish_verdict(
        ClaimFactory(article=herald), editor=editor, reviewer=reviewer, rating="true"
    )
    unchecked = ClaimFactory(article=herald)

    assert _ids(anonymous, "rating=false") == [false_claim.pk]
    assert _ids(anonymous, "outlet=herald") == [unchecked.pk, true_claim.pk]
    assert _ids(anonymous, "has_verdict=false") == [unchecked.pk]
    assert set(_ids(anonymous, "has_verdict=true")) == {false_claim.pk, true_claim.pk}
    week_ago = (timezone.now() - timedelta(days=7)).date().isoformat()
    assert _ids(anonymous, f"claimed_after={week_ago}") == [false_claim.pk]
    assert _ids(anonymous, f"claimed_before={week_ago}") == [unchecked.pk, true_claim.pk]
    soon = (timezone.now() + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
    assert _ids(anonymous, f"published_before={soon}&state=published") == [
        true_claim.pk,
        false_claim.pk,
    ]
    assert _ids(anonymous, f"published_after={soon}") == []


def test_bad_filter_values_are_a_400_naming_the_parameter(anonymous):
    for query, field in [
        ("published_after=yesterday", "published_after"),
        ("claimed_before=13/13/2020", "claimed_before"),
        ("min_score=high", "min_score"),
        ("ordering=colour", "ordering"),
        ("cursor=not-a-cursor", "cursor"),
    ]:
        response = anonymous.get(f"/api/claims/?{query}")
        assert response.status_code == 400, query
        assert field in response.json(), query


def test_search_finds_words_in_the_claim_or_its_claimant(anonymous):
    ortiz = claimant_resolve(name="Jane Ortiz", kind="person")
    roads = ClaimFactory(text="The city spent $4 million on road repairs in 2023.")
    by_ortiz = ClaimFactory(text="Crime fell by a third last year.", claimant=ortiz)
    ClaimFactory(text="Unemployment is the lowest in a decade.")

    assert _ids(anonymous, "q=road repairs") == [roads.pk]
    assert _ids(anonymous, "q=ortiz") == [by_ortiz.pk]
    assert _ids(anonymous, "q=crime&claimant=Jane Ortiz") == [by_ortiz.pk]
    assert _ids(anonymous, "q=volcano") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL full-text search"
)
def test_search_on_postgresql_stems_words_and_ranks_the_best_match_first(anonymous):
    once = ClaimFactory(text="Taxes on fuel were raised in March.")
    twice = ClaimFactory(text="Taxes rose and taxes will rise again, on everything.")
    assert _ids(anonymous, "q=tax") == [twice.pk, once.pk]
    assert _ids(anonymous, "q=raising") == [once.pk]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the cap applies to PostgreSQL's ranked search"
)
def test_a_search_matching_many_claims_ranks_only_the_newest(anonymous, monkeypatch):
    monkeypatch.setattr("claims.models.claims.MAX_RANKED_MATCHES", 3)
    oldest_best = ClaimFactory(text="Taxes, taxes and more taxes: tax rises everywhere.")
    newer = [ClaimFactory(text=f"Taxes went up in district {n}.") for n in range(4)]
    found = _ids(anonymous, "q=tax")
    assert sorted(found) == sorted(claim.pk for claim in newer[1:])
    assert oldest_best.pk not in found
    # Narrowing the search brings the older, better match back.
    assert _ids(anonymous, "q=taxes everywhere") == [oldest_best.pk]


def test_ordering_by_score_and_published_date(anonymous, editor, reviewer):
    low = ClaimFactory(score=0.2)
    high = ClaimFactory(score=0.95)
    middle = publish_verdict(ClaimFactory(score=0.5), editor=editor, reviewer=reviewer)
    assert _ids(anonymous, "ordering=-score") == [high.pk, middle.pk, low.pk]
    assert _ids(anonymous, "ordering=score") == [low.pk, middle.pk, high.pk]
    assert _ids(anonymous, "ordering=-published_at")[0] == middle.pk
    assert _ids(anonymous, "ordering=published_at")[0] == middle.pk


@pytest.mark.parametrize("ordering", ["", "&ordering=-score", "&ordering=created_at"])
def test_the_cursor_walks_every_claim_once_in_order(anonymous, ordering):
    for position in range(7):
        ClaimFactory(score=[0.5, 0.7, 0.5, 0.9, 0.5, 0.1, 0.7][position])
    url = f"/api/claims/?cursor=&page_size=3{ordering}"
    seen, pages = [], 0
    while url:
        payload = anonymous.get(url).json()
        assert "count" not in payload
        seen += [item["id"] for item in payload["results"]]
        url, pages = payload["next"], pages + 1
    expected = _ids(anonymous, f"page_size=50{ordering}")
    assert seen == expected
    assert len(seen) == 7
    assert pages == 3


def test_page_numbers_stay_the_default_with_count_and_capped_page_size(anonymous, settings):
    ClaimFactory.create_batch(3)
    payload = anonymous.get("/api/claims/?page_size=2").json()
    assert payload["count"] == 3
    assert len(payload["results"]) == 2
    assert "page=2" in payload["next"]
    assert anonymous.get("/api/claims/?cursor=&page_size=0").status_code == 400


# One cursor page: the claims (article and claimant joined), then the published versions of
# their verdicts and of the originals that duplicates follow (the current versions' sources
# joined): the same for one row or fifty.
CURSOR_PAGE_QUERIES = 2


@pytest.mark.parametrize("page_size", [1, 50])
def test_a_list_page_costs_the_same_queries_whatever_its_length(
    anonymous, editor, reviewer, django_assert_num_queries, page_size
):
    claimant = claimant_resolve(name="Jane Ortiz", kind="person")
    ClaimFactory.create_batch(60, claimant=claimant)
    for _ in range(3):  # the newest, so that every page shows published verdicts
        publish_verdict(ClaimFactory(claimant=claimant), editor=editor, reviewer=reviewer)
    with django_assert_num_queries(CURSOR_PAGE_QUERIES):
        response = anonymous.get(
            f"/api/claims/?cursor=&page_size={page_size}&claimant={claimant.pk}"
        )
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    with django_assert_num_queries(CURSOR_PAGE_QUERIES + 1):  # + the count
        assert len(anonymous.get(f"/api/claims/?page_size={page_size}").json()["results"]) == (
            page_size
        )


def test_claim_states_can_be_filtered_as_state_or_status(anonymous):
    ClaimFactory(status=ClaimStatus.CHECKABLE)
    new = ClaimFactory()
    assert _ids(anonymous, "state=new") == _ids(anonymous, "status=new") == [new.pk]
