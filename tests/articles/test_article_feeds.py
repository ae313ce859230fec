"""Feeds and sitemaps registered by editors, polled from a local news server: each entry
becomes one article however often, or however concurrently, the feed is polled."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from articles.models import Article, ArticleStatus, FeedPoll, FeedPollStatus, FeedSource
from articles.services import feed_poll, feed_source_create, feed_source_request_poll
from articles.tasks import poll_due_feeds
from core.errors import InvalidInput
from tests.articles.conftest import DREDGING, ENGLISH_PAGES, send_document
from tests.articles.ingest.test_ingest_extraction import EXPECTED

pytestmark = pytest.mark.django_db

FEED_ETAG = '"politics-v1"'


def rss(*paths: str) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{path}?utm_source=rss</link>"
        f"<guid isPermaLink='false'>story-{n}</guid>"
        "<pubDate>Tue, 12 Mar 2024 07:45:00 +0000</pubDate></item>"
        for n, path in enumerate(paths)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>Politics</title><link>/</link><description>News</description>{items}"
        "</channel></rss>"
    ).encode()


@pytest.fixture
def politics_feed(news_server):
    body = {"document": rss(*ENGLISH_PAGES), "etag": FEED_ETAG}
    news_server.routes["/feeds/politics.rss"] = lambda handler: send_document(
        handler, body["document"], "application/rss+xml", etag=body["etag"]
    )
    source = feed_source_create(
        url=news_server.url("/feeds/politics.rss"), name="Politics desk", outlet="Gazette"
    )
    return source, body


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_feed_polled_twice_creates_each_article_once_and_the_second_poll_is_not_modified(
    news_server, politics_feed, committed
):
    source, _ = politics_feed

    with committed():
        first = feed_poll(source_id=source.pk)
    assert (first.status, first.entries_seen, first.new_entries) == ("ok", 3, 3)
    articles = Article.objects.filter(feed_source=source)
    assert sorted(articles.values_list("title", flat=True)) == sorted(
        EXPECTED[path]["title"] for path in ENGLISH_PAGES
    )
    assert set(articles.values_list("status", flat=True)) == {ArticleStatus.DONE}

    with committed():
        feed_source_request_poll(source=source)

    second = FeedPoll.objects.filter(source=source).first()
    assert second.pk != first.pk
    assert (second.status, second.new_entries) == (FeedPollStatus.NOT_MODIFIED, 0)
    feed_requests = [headers for path, headers in news_server.seen if path.startswith("/feeds")]
    assert feed_requests[1]["If-None-Match"] == FEED_ETAG
    assert Article.objects.count() == 3
    source.refresh_from_db()
    assert source.etag == FEED_ETAG
    assert source.consecutive_failures == 0
    assert source.next_poll_at > timezone.now() + timedelta(minutes=29)


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_changed_feed_creates_articles_only_for_its_new_entries(
    news_server, politics_feed, committed
):
    source, feed = politics_feed
    feed["document"] = rss(DREDGING)
    with committed():
        feed_poll(source_id=source.pk)

    feed["document"], feed["etag"] = rss(*ENGLISH_PAGES), '"politics-v2"'
    with committed():
        feed_source_request_poll(source=source)

    latest = FeedPoll.objects.filter(source=source).first()
    assert (latest.status, latest.entries_seen, latest.new_entries) == ("ok", 3, 2)
    assert Article.objects.count() == 3


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_feed_is_not_polled_again_before_its_interval(politics_feed, committed):
    source, _ = politics_feed
    with committed():
        feed_poll(source_id=source.pk)

    assert feed_poll(source_id=source.pk) is None
    assert FeedPoll.objects.count() == 1


@pytest.mark.usefixtures("private_addresses_allowed")
def test_a_failing_feed_backs_off_and_records_each_poll(news_server, committed):
    news_server.routes["/feeds/broken.rss"] = lambda handler: handler.send_error(503)
    source = feed_source_create(
        url=news_server.url("/feeds/broken.rss"), name="Broken", poll_interval_minutes=10
    )

    feed_poll(source_id=source.pk)
    with committed():
        feed_source_request_poll(source=source)

    source.refresh_from_db()
    assert source.consecutive_failures == 2
    assert source.last_error == "server answered 503 Service Unavailable"
    delay = source.next_poll_at - source.last_polled_at
    assert timedelta(minutes=39) < delay <= timedelta(minutes=40)
    assert list(source.polls.values_list("status", flat=True)) == ["failed", "failed"]


@pytest.mark.usefixtures("private_addresses_refused")
def test_a_feed_on_an_internal_address_is_refused(news_server, politics_feed):
    source, _ = politics_feed

    poll = feed_poll(source_id=source.pk)

    assert poll.status == FeedPollStatus.FAILED
    assert "is a loopback address" in poll.error
    assert news_server.seen == []


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_a_news_sitemap_is_polled_like_a_feed(news_server, committed):
    sitemap = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{DREDGING}</loc><lastmod>2024-03-12</lastmod></url></urlset>"
    ).encode()
    news_server.routes["/sitemap-news.xml"] = lambda handler: send_document(
        handler, sitemap, "application/xml"
    )
    source = feed_source_create(url=news_server.url("/sitemap-news.xml"), name="Sitemap")

    with committed():
        poll = feed_poll(source_id=source.pk)

    assert (poll.status, poll.new_entries) == ("ok", 1)
    assert Article.objects.get().title == EXPECTED[DREDGING]["title"]


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_celery_beat_polls_the_feeds_that_are_due(politics_feed, committed):
    source, _ = politics_feed
    schedule = settings.CELERY_BEAT_SCHEDULE["poll-due-feeds"]
    assert schedule["task"] == poll_due_feeds.name
    FeedSource.objects.create(url="https://paused.example/feed", name="Paused", active=False)

    with committed():
        assert poll_due_feeds.apply().get() == 1

    assert FeedPoll.objects.get().source == source
    assert Article.objects.filter(feed_source=source).count() == 3


def test_registering_a_feed_twice_or_with_a_bad_address_is_refused():
    feed_source_create(url="https://gazette.example/rss", name="Gazette")
    with pytest.raises(InvalidInput) as twice:
        feed_source_create(url="https://gazette.example/rss", name="Gazette again")
    with pytest.raises(InvalidInput) as bad:
        feed_source_create(url="file:///etc/passwd", name="Local")
    assert "url" in twice.value.messages
    assert "url" in bad.value.messages


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_two_workers_polling_the_same_feed_at_once_create_each_article_once(
    news_server, politics_feed
):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent pollers need PostgreSQL (set DATABASE_URL)")
    source, _ = politics_feed
    start = threading.Barrier(2)
    results = []

    def poll() -> None:
        start.wait(timeout=10)
        try:
            results.append(feed_poll(source_id=source.pk))
        finally:
            connection.close()

    workers = [threading.Thread(target=poll) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    assert sorted(result is None for result in results) == [False, True]
    assert FeedPoll.objects.count() == 1
    assert Article.objects.count() == 3
    assert [path for path, _ in news_server.seen].count("/feeds/politics.rss") == 1
