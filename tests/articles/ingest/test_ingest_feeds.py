"""Outlets' RSS, Atom and sitemaps, fetched from a local server and read into entries."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.ingest import (
    FeedError,
    FetchPolicy,
    fetch_url,
    next_poll_delay,
    parse_feed,
    sitemap_index_locations,
)

FEEDS = FetchPolicy(allow_private_addresses=True).for_feeds()


def fetched_entries(news_server, path, base_url):
    fetched = fetch_url(news_server.url(path), policy=FEEDS)
    return parse_feed(fetched.body, base_url=base_url)


def test_rss_feed_lists_each_story_with_address_title_time_summary_and_guid(news_server):
    entries = fetched_entries(
        news_server, "/rss/politics.xml", "https://www.harbourgazette.co.uk/rss/politics.xml"
    )

    assert [entry.title for entry in entries] == [
        "Port dredging bill tops £240m as council admits overspend",
        "Ferry operator threatens to leave Westmouth",
        "Councillors to debate harbour dues freeze",
    ]
    dredging = entries[0]
    # The feed's relative link is made absolute against the feed's own address.
    assert dredging.url == (
        "https://www.harbourgazette.co.uk/news/politics/port-dredging-bill-overspend-4471"
        "?utm_source=rss&utm_medium=feed"
    )
    assert dredging.guid == "hg-4471"
    assert dredging.published_at == datetime(2024, 3, 12, 7, 45, tzinfo=UTC)
    assert dredging.summary == (
        "Council leaders say rising fuel costs and a silt survey error pushed the harbour "
        "project £61m over budget."
    )
    assert entries[1].published_at == datetime(2024, 2, 23, 17, 10, tzinfo=UTC)


def test_rss_item_whose_only_address_is_a_permalink_guid_is_kept(news_server):
    entries = fetched_entries(
        news_server, "/rss/politics.xml", "https://www.harbourgazette.co.uk/rss/politics.xml"
    )

    assert entries[2].url == (
        "https://www.harbourgazette.co.uk/news/politics/harbour-dues-freeze-debate-4255"
    )
    assert entries[2].summary is None


def test_atom_feed_entries_use_xml_base_and_fall_back_to_the_updated_time(news_server):
    entries = fetched_entries(
        news_server, "/health/feed.atom", "https://northernledger.com/health/feed.atom"
    )

    assert [entry.url for entry in entries] == [
        "https://northernledger.com/health/2024/05/09/waiting-list-claim-figures/",
        "https://northernledger.com/health/2024/04/30/ambulance-response-times/",
    ]
    assert entries[0].title == (
        "Minister's claim that waiting lists halved does not add up, official figures show"
    )
    assert entries[0].summary == "NHS data show the backlog fell by 12%, not 50%."
    assert entries[0].published_at == datetime(2024, 5, 9, 15, 20, tzinfo=UTC)
    assert entries[0].guid == "tag:northernledger.com,2024-05-09:/health/waiting-list-claim-figures"
    assert entries[1].published_at == datetime(2024, 4, 30, 7, 0, tzinfo=UTC)


def test_news_sitemap_gives_titles_and_publication_times(news_server):
    entries = fetched_entries(
        news_server, "/sitemap-news.xml", "https://www.valleycourier.com/sitemap-news.xml"
    )

    assert [(entry.url, entry.title) for entry in entries] == [
        (
            "https://www.valleycourier.com/news/local/school-bus-fares-rise-september",
            "School bus fares to rise 18% from September",
        ),
        ("https://www.valleycourier.com/news/local/library-hours-cut", None),
    ]
    assert entries[0].published_at == datetime(2023, 8, 21, 14, 30, tzinfo=UTC)
    assert entries[1].published_at == datetime(2023, 8, 19, tzinfo=UTC)


def test_sitemap_index_is_not_read_as_articles_but_its_sitemaps_are_listed():
    index = b"""<?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://www.valleycourier.com/sitemap-news.xml</loc></sitemap>
      <sitemap><loc>/sitemaps/2023-08.xml</loc></sitemap>
    </sitemapindex>"""

    with pytest.raises(FeedError, match="sitemap index"):
        parse_feed(index, base_url="https://www.valleycourier.com/sitemap.xml")
    assert sitemap_index_locations(index, base_url="https://www.valleycourier.com/sitemap.xml") == [
        "https://www.valleycourier.com/sitemap-news.xml",
        "https://www.valleycourier.com/sitemaps/2023-08.xml",
    ]


def test_html_page_is_not_taken_for_a_feed():
    page = b"<html><head><title>Valley Courier</title></head><body><p>News</p></body></html>"

    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(page, base_url="https://www.valleycourier.com/")


def test_sitemap_that_expands_entities_is_refused():
    laughs = b"""<?xml version="1.0"?>
    <!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://www.valleycourier.com/&b;</loc></url>
    </urlset>"""

    with pytest.raises(FeedError, match="entities"):
        parse_feed(laughs, base_url="https://www.valleycourier.com/")


def test_feed_that_works_is_polled_at_its_normal_interval():
    assert next_poll_delay(timedelta(minutes=15), 0) == timedelta(minutes=15)


def test_each_consecutive_failure_doubles_the_wait():
    delays = [next_poll_delay(timedelta(minutes=15), failures) for failures in range(4)]

    assert delays == [timedelta(minutes=minutes) for minutes in (15, 30, 60, 120)]


def test_failing_feed_is_still_tried_once_a_day():
    assert next_poll_delay(timedelta(minutes=15), 7) == timedelta(hours=24)
    assert next_poll_delay(timedelta(minutes=15), 10_000) == timedelta(hours=24)


def test_feed_polled_less_than_daily_keeps_its_own_interval_when_failing():
    assert next_poll_delay(timedelta(days=7), 3) == timedelta(days=7)


def test_poll_interval_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        next_poll_delay(timedelta(0), 1)
