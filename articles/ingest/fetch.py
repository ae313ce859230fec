"""Fetching an article page or a feed over HTTP, safely.

Each hop of a redirect chain is checked on its own: scheme, resolved address, then the
connection is pinned to that vetted address (core.outbound), so certificates are still
verified for the name and a second DNS answer cannot redirect the fetch.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    LocationParseError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.response import BaseHTTPResponse
from urllib3.util import Url, parse_url

from core.outbound import (
    DEFAULT_PORTS,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    IPAddress,
    IPNetwork,
    ResponseTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
    host_header,
    pinned_pool,
    vetted_address,
)

PAGE_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_CONTENT_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml"}
    | {"text/xml"}
)
ALLOW_PRIVATE_ENV = "ARTICLE_FETCH_ALLOW_PRIVATE"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """Limits on one fetch. Defaults suit article pages; `for_feeds()` adapts them to feeds."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    content_types: frozenset[str] = PAGE_CONTENT_TYPES
    allow_private_addresses: bool = False
    # Specific non-public networks to reach anyway (an in-house CMS), without opening all.
    allowed_networks: tuple[IPNetwork, ...] = ()
    user_agent: str = "ClaimTracker/0.1 (article ingestion)"
    # CA bundle used to verify HTTPS servers; None means the system's trust store.
    ca_certs: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> FetchPolicy:
        """Defaults, with private addresses allowed only if ARTICLE_FETCH_ALLOW_PRIVATE=1."""
        env = os.environ if environ is None else environ
        allow = env.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")
        return cls(allow_private_addresses=allow)

    def for_feeds(self) -> FetchPolicy:
        """The same limits, accepting RSS, Atom and XML sitemaps instead of HTML pages."""
        return replace(self, content_types=FEED_CONTENT_TYPES)


@dataclass(frozen=True)
class FetchResult:
    """A fetched document; on a 304 answer `not_modified` is True and `body` is empty."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes = field(repr=False)
    etag: str | None
    last_modified: str | None
    not_modified: bool


def describe_size(size: int) -> str:
    """A byte count as editors read it: "5 MB", "64 KB", "1500 bytes"."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} bytes"


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends_at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._ends_at - time.monotonic()

    def check(self, url: str) -> None:
        if self.remaining() <= 0:
            raise FetchTimeout(f"timed out after {self.seconds:g} s", url=url)


def _parse(url: str) -> Url:
    try:
        parsed = parse_url(url)
    except LocationParseError as error:
        raise InvalidURL(f"invalid address: {error}", url=url) from error
    if parsed.scheme not in DEFAULT_PORTS:
        scheme = parsed.scheme or "none"
        raise InvalidURL(f"unsupported scheme {scheme}: only http and https are fetched", url=url)
    if not parsed.host:
        raise InvalidURL("invalid address: no host name", url=url)
    return parsed


def _hostname(parsed: Url) -> str:
    """The host without the brackets of an IPv6 literal, as resolvers and TLS expect it."""
    return str(parsed.host).strip("[]")


def _pool(
    parsed: Url, address: IPAddress, policy: FetchPolicy, deadline: _Deadline
) -> urllib3.HTTPConnectionPool:
    remaining = max(deadline.remaining(), 0.001)
    timeout = urllib3.Timeout(
        connect=min(policy.connect_timeout, remaining), read=min(policy.read_timeout, remaining)
    )
    return pinned_pool(
        scheme=str(parsed.scheme),
        host=_hostname(parsed),
        port=parsed.port or DEFAULT_PORTS[str(parsed.scheme)],
        address=address,
        timeout=timeout,
        ca_certs=policy.ca_certs,
    )


def _transport_error(error: Exception, parsed: Url, policy: FetchPolicy, url: str) -> FetchError:
    if isinstance(error, MaxRetryError) and error.reason is not None:
        error = error.reason
    host = _hostname(parsed)
    if isinstance(error, ReadTimeoutError):
        reason = f"timed out after {policy.read_timeout:g} s waiting for {host}"
        return FetchTimeout(reason, url=url)
    if isinstance(error, NewConnectionError):
        return ConnectionFailed(f"could not connect to {host}", url=url)
    if isinstance(error, ConnectTimeoutError):
        return FetchTimeout(
            f"timed out after {policy.connect_timeout:g} s connecting to {host}", url=url
        )
    if isinstance(error, SSLError):
        return ConnectionFailed(f"secure connection to {host} failed: {error}", url=url)
    if isinstance(error, DecodeError):
        return FetchError(f"{host} sent a response that could not be decompressed", url=url)
    return ConnectionFailed(f"connection to {host} failed: {error}", url=url)


def _send(
    pool: urllib3.HTTPConnectionPool,
    parsed: Url,
    headers: dict[str, str],
    policy: FetchPolicy,
    url: str,
) -> BaseHTTPResponse:
    try:
        return pool.urlopen(
            "GET",
            parsed.request_uri,
            headers={
                **headers,
                "Host": host_header(_hostname(parsed), parsed.port, scheme=str(parsed.scheme)),
            },
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=True,
            assert_same_host=False,
        )
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise _transport_error(error, parsed, policy, url) from error


def _media_type(response: BaseHTTPResponse) -> str | None:
    header = response.headers.get("Content-Type")
    media_type = header.split(";", 1)[0].strip().lower() if header else ""
    return media_type or None


def _read_body(
    response: BaseHTTPResponse, parsed: Url, policy: FetchPolicy, deadline: _Deadline, url: str
) -> bytes:
    too_large = ResponseTooLarge(f"response larger than {describe_size(policy.max_bytes)}", url=url)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise too_large
    chunks: list[bytes] = []
    received = 0
    try:
        while True:
            deadline.check(url)
            _shorten_read_timeout(response, policy, deadline)
            # read1 returns what has arrived instead of waiting for a full chunk, so a server
            # trickling bytes cannot hold the fetch past its deadline.
            chunk = response.read1(_CHUNK_BYTES, decode_content=True)
            if not chunk:
                return b"".join(chunks)
            # Counted after decompression, so a small compressed bomb is caught as well.
            received += len(chunk)
            if received > policy.max_bytes:
                raise too_large
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        if deadline.remaining() <= 0:
            raise FetchTimeout(f"timed out after {deadline.seconds:g} s", url=url) from error
        raise _transport_error(error, parsed, policy, url) from error


def _shorten_read_timeout(
    response: BaseHTTPResponse, policy: FetchPolicy, deadline: _Deadline
) -> None:
    """Never wait on the socket longer than the time left before the deadline."""
    sock = getattr(response.connection, "sock", None)
    if sock is not None:
        sock.settimeout(max(min(policy.read_timeout, deadline.remaining()), 0.001))


def _request_headers(
    policy: FetchPolicy, etag: str | None, last_modified: str | None
) -> dict[str, str]:
    headers = {
        "User-Agent": policy.user_agent,
        "Accept": ", ".join(sorted(policy.content_types)) + ", */*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def fetch_url(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """Fetch a page (or, with `policy.for_feeds()`, a feed) within the policy's limits.

    The policy defaults to `FetchPolicy.from_env()`, read at call time so that the
    environment in force when fetching decides. Pass the `etag` and `last_modified` of the
    previous fetch to get `not_modified=True` when the document has not changed.
    Raises a FetchError subclass whose `reason` says what went wrong.
    """
    policy = FetchPolicy.from_env() if policy is None else policy
    deadline = _Deadline(policy.total_timeout)
    headers = _request_headers(policy, etag, last_modified)
    current = url
    for _hop in range(policy.max_redirects + 1):
        parsed = _parse(current)
        address = vetted_address(
            _hostname(parsed),
            parsed.port or DEFAULT_PORTS[str(parsed.scheme)],
            url=current,
            allow_private=policy.allow_private_addresses,
            allowed_networks=policy.allowed_networks,
        )
        deadline.check(current)
        with _pool(parsed, address, policy, deadline) as pool:
            response = _send(pool, parsed, headers, policy, current)
            try:
                location = response.headers.get("Location")
                if response.status not in _REDIRECT_STATUSES or not location:
                    return _result(url, current, response, parsed, policy, deadline)
            finally:
                response.close()
        current = urljoin(current, location.strip())
    raise TooManyRedirects(f"too many redirects (more than {policy.max_redirects})", url=url)


def _result(
    url: str,
    final_url: str,
    response: BaseHTTPResponse,
    parsed: Url,
    policy: FetchPolicy,
    deadline: _Deadline,
) -> FetchResult:
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    media_type = _media_type(response)
    if response.status == 304:
        return FetchResult(url, final_url, 304, media_type, b"", etag, last_modified, True)
    if not 200 <= response.status < 300:
        raise HTTPStatusError(
            f"server answered {response.status} {response.reason or ''}".rstrip(),
            url=final_url,
            status=response.status,
        )
    if media_type not in policy.content_types:
        raise UnsupportedContentType(
            f"unsupported content type {media_type or '(none given)'}", url=final_url
        )
    body = _read_body(response, parsed, policy, deadline, final_url)
    return FetchResult(
        url, final_url, response.status, media_type, body, etag, last_modified, not_modified=False
    )
