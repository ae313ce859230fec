"""Fetching pages from a real local HTTP server: validators, redirects, limits and refusals."""

import gzip
import socket
import time

import pytest

from articles.ingest import FetchPolicy, fetch_url
from core.outbound import (
    ConnectionFailed,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    ResponseTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)

DREDGING = "/news/politics/port-dredging-bill-overspend-4471"
DREDGING_ETAG = '"hg-4471-v3"'

pytestmark = pytest.mark.usefixtures("private_addresses_allowed")


def test_page_comes_back_with_status_type_validators_and_exact_bytes(news_server):
    result = fetch_url(news_server.url(DREDGING))

    assert result.status == 200
    assert result.not_modified is False
    assert result.content_type == "text/html"
    assert result.etag == DREDGING_ETAG
    assert result.last_modified == "Tue, 12 Mar 2024 11:02:00 GMT"
    assert result.url == result.final_url == news_server.url(DREDGING)
    assert "£243 million".encode() in result.body
    assert result.body.startswith(b"<!DOCTYPE html>")


def test_unchanged_page_with_the_same_etag_comes_back_not_modified(news_server):
    first = fetch_url(news_server.url(DREDGING))

    again = fetch_url(news_server.url(DREDGING), etag=first.etag)

    assert again.not_modified is True
    assert again.status == 304
    assert again.body == b""
    assert again.etag == DREDGING_ETAG
    assert news_server.seen[-1][1]["If-None-Match"] == DREDGING_ETAG


def test_unchanged_page_with_the_same_last_modified_comes_back_not_modified(news_server):
    first = fetch_url(news_server.url(DREDGING))

    again = fetch_url(news_server.url(DREDGING), last_modified=first.last_modified)

    assert again.not_modified is True
    assert news_server.seen[-1][1]["If-Modified-Since"] == first.last_modified


def test_page_whose_etag_changed_is_sent_in_full(news_server):
    result = fetch_url(news_server.url(DREDGING), etag='"hg-4471-v2"')

    assert result.not_modified is False
    assert result.status == 200
    assert len(result.body) > 5000


def test_redirects_are_followed_and_the_final_address_reported(news_server):
    news_server.routes["/p/4471"] = lambda handler: news_server.redirect(handler, "/amp/4471", 301)
    news_server.routes["/amp/4471"] = lambda handler: news_server.redirect(
        handler, news_server.url(DREDGING), 308
    )

    result = fetch_url(news_server.url("/p/4471"))

    assert result.url == news_server.url("/p/4471")
    assert result.final_url == news_server.url(DREDGING)
    assert result.status == 200
    assert [path for path, _headers in news_server.seen] == ["/p/4471", "/amp/4471", DREDGING]


def test_redirect_chain_longer_than_the_limit_is_refused(news_server):
    for hop in range(5):
        news_server.routes[f"/hop/{hop}"] = lambda handler, hop=hop: news_server.redirect(
            handler, f"/hop/{hop + 1}"
        )
    news_server.routes["/hop/5"] = news_server.routes[DREDGING]
    policy = FetchPolicy(allow_private_addresses=True, max_redirects=3)

    with pytest.raises(TooManyRedirects, match="too many redirects") as refused:
        fetch_url(news_server.url("/hop/0"), policy=policy)

    assert refused.value.transient is False
    assert len(news_server.seen) == 4


def test_redirect_loop_is_refused(news_server):
    news_server.routes["/loop"] = lambda handler: news_server.redirect(handler, "/loop")

    with pytest.raises(TooManyRedirects):
        fetch_url(news_server.url("/loop"))


def test_pdf_is_refused_as_an_unsupported_content_type(news_server):
    news_server.routes["/budget.pdf"] = lambda handler: news_server.send_document(
        handler, b"%PDF-1.7\n" + b"0" * 2000, "application/pdf"
    )

    with pytest.raises(UnsupportedContentType) as refused:
        fetch_url(news_server.url("/budget.pdf"))

    assert refused.value.reason == "unsupported content type application/pdf"
    assert refused.value.transient is False


def test_feed_fetch_accepts_rss_but_refuses_an_html_page(news_server):
    feeds = FetchPolicy(allow_private_addresses=True).for_feeds()

    feed = fetch_url(news_server.url("/rss/politics.xml"), policy=feeds)

    assert feed.content_type == "application/rss+xml"
    with pytest.raises(UnsupportedContentType, match="text/html"):
        fetch_url(news_server.url(DREDGING), policy=feeds)


def test_slow_server_is_cut_off_by_the_read_timeout(news_server):
    def stalls(handler):
        time.sleep(1.5)
        news_server.send_document(handler, b"<html></html>", "text/html")

    news_server.routes["/slow"] = stalls
    policy = FetchPolicy(allow_private_addresses=True, read_timeout=0.2)

    started = time.monotonic()
    with pytest.raises(FetchTimeout) as timed_out:
        fetch_url(news_server.url("/slow"), policy=policy)

    assert time.monotonic() - started < 1.0
    assert timed_out.value.reason == "timed out after 0.2 s waiting for 127.0.0.1"
    assert timed_out.value.transient is True


def test_server_that_trickles_its_page_is_cut_off_by_the_total_deadline(news_server):
    news_server.routes["/trickle"] = lambda handler: news_server.trickle(
        handler, pause=0.05, chunks=60
    )
    policy = FetchPolicy(allow_private_addresses=True, read_timeout=1.0, total_timeout=0.4)

    started = time.monotonic()
    with pytest.raises(FetchTimeout) as timed_out:
        fetch_url(news_server.url("/trickle"), policy=policy)

    assert time.monotonic() - started < 1.0
    assert timed_out.value.reason == "timed out after 0.4 s"


def test_huge_response_is_cut_off_at_the_size_cap_while_streaming(news_server):
    sent = []

    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(2000):  # 32 MB if nobody stops reading
            handler.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")
            sent.append(1)

    news_server.routes["/huge"] = endless
    policy = FetchPolicy(allow_private_addresses=True, max_bytes=64 * 1024)

    started = time.monotonic()
    with pytest.raises(ResponseTooLarge) as refused:
        fetch_url(news_server.url("/huge"), policy=policy)

    assert refused.value.reason == "response larger than 64 KB"
    assert refused.value.transient is False
    assert time.monotonic() - started < 2.0


def test_declared_length_over_the_cap_is_refused_before_reading(news_server):
    def announces_six_megabytes(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(6 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"<html>")

    news_server.routes["/scan.html"] = announces_six_megabytes

    with pytest.raises(ResponseTooLarge) as refused:
        fetch_url(news_server.url("/scan.html"))

    assert refused.value.reason == "response larger than 5 MB"


def test_size_cap_applies_to_the_decompressed_body(news_server):
    bomb = gzip.compress(b"<p>" + b"0" * 4 * 1024 * 1024)

    def compressed(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(bomb)))
        handler.end_headers()
        handler.wfile.write(bomb)

    news_server.routes["/bomb"] = compressed
    policy = FetchPolicy(allow_private_addresses=True, max_bytes=256 * 1024)

    assert len(bomb) < policy.max_bytes
    with pytest.raises(ResponseTooLarge):
        fetch_url(news_server.url("/bomb"), policy=policy)


def test_gzip_compressed_page_is_decompressed(news_server):
    page = b"<html><body><p>Compressed story</p></body></html>"

    def compressed(handler):
        body = gzip.compress(page)
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    news_server.routes["/gz"] = compressed

    assert fetch_url(news_server.url("/gz")).body == page


@pytest.mark.parametrize(
    ("status", "transient"), [(404, False), (410, False), (429, True), (503, True)]
)
def test_error_statuses_say_whether_retrying_may_help(news_server, status, transient):
    news_server.routes["/status"] = lambda handler: handler.send_error(status)

    with pytest.raises(HTTPStatusError) as failed:
        fetch_url(news_server.url("/status"))

    assert failed.value.status == status
    assert failed.value.transient is transient
    assert failed.value.reason.startswith(f"server answered {status}")


def test_closed_port_is_a_transient_connection_failure():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]

    with pytest.raises(ConnectionFailed) as failed:
        fetch_url(f"http://127.0.0.1:{closed_port}/news")

    assert failed.value.transient is True


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://files.example.org/story.html", "gopher://x/", "news"]
)
def test_addresses_other_than_http_and_https_are_refused(url):
    with pytest.raises(InvalidURL) as refused:
        fetch_url(url)

    assert refused.value.transient is False


def test_default_policy_reads_the_environment_at_call_time(news_server, monkeypatch):
    monkeypatch.setenv("ARTICLE_FETCH_ALLOW_PRIVATE", "0")
    assert FetchPolicy.from_env().allow_private_addresses is False

    monkeypatch.setenv("ARTICLE_FETCH_ALLOW_PRIVATE", "1")
    assert FetchPolicy.from_env().allow_private_addresses is True
    assert fetch_url(news_server.url(DREDGING)).status == 200
