"""Outbound HTTP to addresses others supply (article pages, feeds, webhook receivers), kept
away from the newsroom's own network: vet the resolved address, then connect to it pinned.

Pure Python (urllib3, no Django), so the article fetcher's pure ingestion package can use it.
"""

from core.outbound.errors import (
    AddressRefused,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HostNotFound,
    HTTPStatusError,
    InvalidURL,
    ResponseTooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from core.outbound.guard import IPAddress, IPNetwork, forbidden_kind, vetted_address
from core.outbound.pinned import DEFAULT_PORTS, host_header, pinned_pool

__all__ = [
    "DEFAULT_PORTS",
    "AddressRefused",
    "ConnectionFailed",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "HostNotFound",
    "IPAddress",
    "IPNetwork",
    "InvalidURL",
    "ResponseTooLarge",
    "TooManyRedirects",
    "UnsupportedContentType",
    "forbidden_kind",
    "host_header",
    "pinned_pool",
    "vetted_address",
]
