"""The one way this tracker opens an HTTP connection to an address someone else gave it.

The host has been resolved and vetted once (core.outbound.guard); the connection goes to that
vetted address while the request carries the original Host header and TLS server name, so
certificates are still verified for the name and a second DNS answer (rebinding) cannot
redirect the request to the newsroom's own network.
"""

from __future__ import annotations

import urllib3

from core.outbound.guard import IPAddress

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_header(host: str, port: int | None, *, scheme: str) -> str:
    """The Host header for `host` (a name or a bare IP literal), with the port when not the
    scheme's default and an IPv6 literal in brackets, as HTTP writes it."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return shown if port is None or port == DEFAULT_PORTS[scheme] else f"{shown}:{port}"


def pinned_pool(
    *,
    scheme: str,
    host: str,
    port: int,
    address: IPAddress,
    timeout: urllib3.Timeout,
    ca_certs: str | None = None,
) -> urllib3.HTTPConnectionPool:
    """A single-connection pool to the vetted `address` that speaks to `host` over TLS for https
    (server name and certificate checked for `host`; `ca_certs` None is the system's store).

    Nothing is retried here: callers decide what a failure means (the fetcher's sweep, the
    webhook delivery's backoff). Send requests with `Host: host_header(...)` and
    `assert_same_host=False`, since the pool's own host is the address.
    """
    if scheme == "https":
        return urllib3.HTTPSConnectionPool(
            str(address),
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_certs,
        )
    return urllib3.HTTPConnectionPool(str(address), port, timeout=timeout, retries=False, maxsize=1)
