"""POSTing a webhook body to a consumer's URL without reaching the newsroom's own network.

The host is resolved once and vetted, and the connection is pinned to that address
(core.outbound, as the article fetcher's), so a second DNS answer cannot redirect the request. Timeouts are short and nothing is retried here: retries
belong to the delivery task, so a dead endpoint holds up nothing else.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3

from core.outbound import DEFAULT_PORTS, FetchError, host_header, pinned_pool, vetted_address


class SendFailed(Exception):
    """The request never got an answer (refused, timed out, unresolvable, forbidden address)."""


@dataclass(frozen=True)
class SendResult:
    status: int
    body_excerpt: str


def check_webhook_url(url: str, *, allow_private: bool) -> str | None:
    """Why this URL cannot receive webhooks, or None when it can."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return "Must be an http or https URL."
    if parts.username or parts.password:
        return "Must not contain a user name or password."
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        vetted_address(parts.hostname, port, url=url, allow_private=allow_private)
    except ValueError:
        return "Has an invalid port."
    except FetchError as error:
        return f"Cannot receive webhooks: {error.reason}."
    return None


def post_json(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    allow_private: bool,
    connect_timeout: float,
    read_timeout: float,
) -> SendResult:
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise SendFailed("not an http or https URL")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    try:
        address = vetted_address(parts.hostname, port, url=url, allow_private=allow_private)
    except FetchError as error:
        raise SendFailed(error.reason) from error
    pool = pinned_pool(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        address=address,
        timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
    )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        with pool:
            response = pool.urlopen(
                "POST",
                path,
                body=body,
                headers={
                    **headers,
                    "Host": host_header(parts.hostname, parts.port, scheme=parts.scheme),
                },
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
            excerpt = response.read(2000, decode_content=True)
            response.release_conn()
    except (urllib3.exceptions.HTTPError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise SendFailed(f"{type(reason).__name__}: {reason}") from error
    return SendResult(status=response.status, body_excerpt=excerpt.decode("utf-8", "replace"))
