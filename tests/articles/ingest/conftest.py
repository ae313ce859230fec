"""A real HTTP server on 127.0.0.1 serving the news pages and feeds under fixtures/."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

Route = Callable[[BaseHTTPRequestHandler], None]


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def send_document(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    content_type: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """Answer like a news site's cache does: 304 when the validators still match."""
    if etag and handler.headers.get("If-None-Match") == etag:
        handler.send_response(304)
        handler.send_header("ETag", etag)
        handler.end_headers()
        return
    if last_modified and handler.headers.get("If-Modified-Since") == last_modified:
        handler.send_response(304)
        handler.send_header("Last-Modified", last_modified)
        handler.end_headers()
        return
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    if etag:
        handler.send_header("ETag", etag)
    if last_modified:
        handler.send_header("Last-Modified", last_modified)
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler, location: str, status: int = 302) -> None:
    handler.send_response(status)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def trickle(handler: BaseHTTPRequestHandler, *, pause: float, chunks: int) -> None:
    """A server that starts answering, then sends its page a few bytes at a time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><body>")
    handler.wfile.flush()
    for _ in range(chunks):
        time.sleep(pause)
        handler.wfile.write(b"<p>still loading</p>")
        handler.wfile.flush()


PAGES = {
    "/news/politics/port-dredging-bill-overspend-4471": (
        "harbour_gazette_jsonld.html",
        "text/html; charset=utf-8",
    ),
    "/health/2024/05/09/waiting-list-claim-figures/": (
        "northern_ledger_opengraph.html",
        "text/html; charset=utf-8",
    ),
    "/news/local/school-bus-fares-rise-september": (
        "valley_courier_plain_meta.html",
        "text/html; charset=windows-1252",
    ),
    "/lyon/logement/loyers-hausse-observatoire-2023_58213": (
        "courrier_rhone_french.html",
        "application/xhtml+xml; charset=utf-8",
    ),
    "/rss/politics.xml": ("harbour_gazette_rss.xml", "application/rss+xml; charset=utf-8"),
    "/health/feed.atom": ("northern_ledger_atom.xml", "application/atom+xml"),
    "/sitemap-news.xml": ("valley_courier_news_sitemap.xml", "application/xml"),
}

# The dredging story is served with validators, as a CDN would.
DREDGING_ETAG = '"hg-4471-v3"'
DREDGING_LAST_MODIFIED = formatdate(1710241320, usegmt=True)


class NewsServer:
    """Routes by path; tests add their own routes for misbehaving servers."""

    send_document = staticmethod(send_document)
    redirect = staticmethod(redirect)
    trickle = staticmethod(trickle)

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        for path, (name, content_type) in PAGES.items():
            self.routes[path] = self._static(name, content_type)
        self.routes["/news/politics/port-dredging-bill-overspend-4471"] = lambda handler: (
            send_document(
                handler,
                fixture_bytes("harbour_gazette_jsonld.html"),
                "text/html; charset=utf-8",
                etag=DREDGING_ETAG,
                last_modified=DREDGING_LAST_MODIFIED,
            )
        )
        handler_class = self._handler_class()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @staticmethod
    def _static(name: str, content_type: str) -> Route:
        return lambda handler: send_document(handler, fixture_bytes(name), content_type)

    def url(self, path: str, *, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def use_tls(self, certificate: Path, key: Path) -> None:
        """Serve HTTPS with the given certificate (call before the server starts)."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.seen.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    self.send_error(404)
                    return
                # The client hangs up on purpose in the timeout and size-cap tests.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def news_server() -> Iterator[NewsServer]:
    server = NewsServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def private_addresses_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local test server is on loopback, which production fetches refuse."""
    monkeypatch.setenv("ARTICLE_FETCH_ALLOW_PRIVATE", "1")


@pytest.fixture
def private_addresses_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICLE_FETCH_ALLOW_PRIVATE", raising=False)
