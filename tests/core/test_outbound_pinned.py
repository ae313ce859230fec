"""The pinned connection: the request reaches the vetted address, never a second DNS answer,
while the server still sees the host name the URL gave."""

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import urllib3

from core.outbound import host_header, pinned_pool


class _Recorder(BaseHTTPRequestHandler):
    hosts: list[str] = []

    def do_GET(self) -> None:
        type(self).hosts.append(self.headers["Host"])
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[ThreadingHTTPServer]:
    _Recorder.hosts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_pinned_request_reaches_the_vetted_address_under_the_urls_host_name(local_server):
    port = local_server.server_address[1]
    # The name does not resolve anywhere: only the pinned address can have answered.
    host = "newsroom-receiver.invalid"
    pool = pinned_pool(
        scheme="http",
        host=host,
        port=port,
        address=ipaddress.ip_address("127.0.0.1"),
        timeout=urllib3.Timeout(connect=2, read=2),
    )
    with pool:
        response = pool.urlopen(
            "GET",
            "/hook",
            headers={"Host": host_header(host, port, scheme="http")},
            assert_same_host=False,
        )

    assert response.status == 204
    assert _Recorder.hosts == [f"{host}:{port}"]


def test_the_host_header_leaves_out_the_default_port_and_brackets_an_ipv6_literal():
    assert host_header("example.org", None, scheme="https") == "example.org"
    assert host_header("example.org", 443, scheme="https") == "example.org"
    assert host_header("example.org", 8443, scheme="https") == "example.org:8443"
    assert host_header("2001:db8::1", 8080, scheme="http") == "[2001:db8::1]:8080"
