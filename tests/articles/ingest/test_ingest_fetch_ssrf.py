"""Fetches must not reach the newsroom's own network, whatever the submitted URL says."""

import ipaddress
import shutil
import socket
import subprocess

import pytest

from articles.ingest import FetchPolicy, fetch_url
from core.outbound import AddressRefused, ConnectionFailed

DREDGING = "/news/politics/port-dredging-bill-overspend-4471"

pytestmark = pytest.mark.usefixtures("private_addresses_refused")


@pytest.fixture
def dns(monkeypatch):
    """Answers for made-up host names, as a hostile DNS server would give them."""
    real_getaddrinfo = socket.getaddrinfo
    answers: dict[str, list[str]] = {}
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            asked.append(host)
            # Each lookup gets the next answer; the last one repeats (a rebinding server).
            address = answers[host][0] if len(answers[host]) == 1 else answers[host].pop(0)
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, asked


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://127.0.0.1:{port}/", "refused: 127.0.0.1 is a loopback address"),
        ("http://10.0.0.1/admin", "refused: 10.0.0.1 is a private address"),
        ("http://192.168.1.1/", "refused: 192.168.1.1 is a private address"),
        (
            "http://169.254.169.254/latest/meta-data/iam/",
            "refused: 169.254.169.254 is a link-local address",
        ),
        ("http://[::1]:{port}/", "refused: ::1 is a loopback address"),
        ("http://[fe80::1]/", "refused: fe80::1 is a link-local address"),
        ("http://[fd00::5]/", "refused: fd00::5 is a private address"),
        ("http://[::ffff:127.0.0.1]/", "refused: ::ffff:127.0.0.1 is an IPv4-mapped address"),
        ("http://0.0.0.0:{port}/", "refused: 0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"),
        ("http://240.0.0.1/", "refused: 240.0.0.1 is a reserved address"),
        ("http://100.64.0.1/", "refused: 100.64.0.1 is a non-public address"),
        # The same loopback address, spelled as one decimal number; resolution reveals it.
        ("http://2130706433:{port}/", "refused: 2130706433 (127.0.0.1) is a loopback address"),
    ],
)
def test_non_public_addresses_are_refused_before_any_connection(news_server, target, reason):
    url = target.format(port=news_server.port)

    with pytest.raises(AddressRefused) as refused:
        fetch_url(url)

    assert refused.value.reason == reason
    assert refused.value.transient is False
    assert news_server.seen == []


def test_host_name_that_resolves_to_loopback_is_refused(news_server):
    with pytest.raises(AddressRefused, match=r"refused: localhost \((127\.0\.0\.1|::1)\)"):
        fetch_url(news_server.url(DREDGING, host="localhost"))

    assert news_server.seen == []


def test_public_looking_name_pointing_at_the_metadata_service_is_refused(dns):
    answers, _asked = dns
    answers["cdn.harbour-news.example"] = ["169.254.169.254"]

    with pytest.raises(AddressRefused) as refused:
        fetch_url("https://cdn.harbour-news.example/latest/meta-data/")

    assert refused.value.reason == (
        "refused: cdn.harbour-news.example (169.254.169.254) is a link-local address"
    )


@pytest.mark.parametrize(
    "private_target",
    [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://10.0.0.5:8080/admin",
        "http://[::1]/",
    ],
)
def test_redirect_from_an_allowed_server_to_a_private_address_is_refused(
    news_server, private_target
):
    news_server.routes["/go"] = lambda handler: news_server.redirect(handler, private_target)
    # The test server itself is the one non-public address this fetch may reach.
    policy = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))

    with pytest.raises(AddressRefused, match="refused: ") as refused:
        fetch_url(news_server.url("/go"), policy=policy)

    assert refused.value.url == private_target
    assert [path for path, _headers in news_server.seen] == ["/go"]


def test_connection_goes_to_the_vetted_address_even_if_dns_answers_differently_later(
    news_server, dns
):
    answers, asked = dns
    # First answer: the allowed server. Any later lookup would get an internal address.
    answers["rebind.example"] = ["127.0.0.1", "10.0.0.1"]
    policy = FetchPolicy(
        allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),), connect_timeout=0.5
    )

    result = fetch_url(news_server.url(DREDGING, host="rebind.example"), policy=policy)

    assert result.status == 200
    assert asked == ["rebind.example"]
    assert news_server.seen[0][1]["Host"] == f"rebind.example:{news_server.port}"


def test_allowing_private_addresses_through_the_environment_reaches_the_local_server(
    news_server, monkeypatch
):
    monkeypatch.setenv("ARTICLE_FETCH_ALLOW_PRIVATE", "1")

    assert fetch_url(news_server.url(DREDGING)).status == 200


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for news.example, made with the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=news.example",
            "-addext", "subjectAltName=DNS:news.example",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_https_to_a_pinned_address_still_verifies_the_certificate_for_the_host_name(
    news_server, dns, certificate
):
    cert, key = certificate
    news_server.use_tls(cert, key)
    answers, _asked = dns
    answers["news.example"] = ["127.0.0.1"]
    answers["impostor.example"] = ["127.0.0.1"]
    policy = FetchPolicy(allow_private_addresses=True, ca_certs=str(cert))

    result = fetch_url(
        news_server.url(DREDGING, host="news.example", scheme="https"), policy=policy
    )

    assert result.status == 200
    assert news_server.seen[0][1]["Host"] == f"news.example:{news_server.port}"
    with pytest.raises(ConnectionFailed, match=r"secure connection to impostor\.example failed"):
        fetch_url(news_server.url(DREDGING, host="impostor.example", scheme="https"), policy=policy)
