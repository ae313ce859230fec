"""The public front page: the latest fact-checks, and a search through them."""

import lxml.html
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ClaimFactory


def _front(client, query: str = ""):
    response = client.get(f"/{query}")
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def test_the_front_page_lists_published_fact_checks_newest_first_and_links_each(
    client, editor, reviewer
):
    older = publish_verdict(
        ClaimFactory(text="Crime doubled since 2020."), editor=editor, reviewer=reviewer
    )
    newer = publish_verdict(
        ClaimFactory(text="Rents rose 12 percent."), editor=editor, reviewer=reviewer
    )
    draft_verdict(ClaimFactory(text="Taxes fell last year."), editor=editor, reviewer=reviewer)

    page = _front(client)
    links = page.xpath("//main//h2/a")
    assert [link.text_content() for link in links] == [newer.text, older.text]
    assert [link.get("href") for link in links] == [f"/claims/{newer.pk}/", f"/claims/{older.pk}/"]
    assert page.xpath("//h1")
    assert page.xpath("//link[@rel='canonical']/@href")
    assert not page.xpath("//meta[@name='robots']")


def test_readers_search_the_fact_checks_and_results_stay_out_of_search_engines(
    client, editor, reviewer
):
    publish_verdict(
        ClaimFactory(text="Crime doubled since 2020."), editor=editor, reviewer=reviewer
    )
    publish_verdict(ClaimFactory(text="Rents rose 12 percent."), editor=editor, reviewer=reviewer)

    page = _front(client, "?q=rents")
    assert [link.text_content() for link in page.xpath("//main//h2/a")] == [
        "Rents rose 12 percent."
    ]
    assert page.xpath("//form[@role='search']//label[@for='search-claims']")
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_the_front_page_costs_the_same_queries_however_many_fact_checks_it_shows(
    client, editor, reviewer
):
    publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with CaptureQueriesContext(connection) as one:
        _front(client)
    for _ in range(4):
        publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    with CaptureQueriesContext(connection) as five:
        _front(client)

    assert len(five) == len(one)
