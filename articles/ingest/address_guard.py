"""Keeping article fetches away from the newsroom's own network (server-side request forgery).

A submitted URL is resolved once, every address it resolves to is vetted, and the connection
is then made to the vetted address itself, so a second DNS answer (rebinding) is never used.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from articles.ingest.fetch_errors import AddressRefused, HostNotFound

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def forbidden_kind(address: IPAddress) -> str | None:
    """Name the kind of non-public address this is ("a private address"...), None if public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return "an IPv4-mapped address"
    # Checked from the most specific kind to the most general, so the reason reads naturally.
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
    )
    for attribute, kind in checks:
        if getattr(address, attribute):
            return kind
    if not address.is_global:
        return "a non-public address"
    return None


def _is_literal_of(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False


def resolve_host(host: str, port: int, *, url: str) -> list[IPAddress]:
    """All addresses the host resolves to, IP literals included (in every form libc accepts)."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFound(f"could not resolve host {host}", url=url) from error
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canonname, sockaddr in answers:
        # Strip an IPv6 zone ("fe80::1%eth0"): the address itself decides what it is.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise HostNotFound(f"could not resolve host {host}", url=url)
    return addresses


def vetted_address(
    host: str,
    port: int,
    *,
    url: str,
    allow_private: bool,
    allowed_networks: Iterable[IPNetwork] = (),
) -> IPAddress:
    """Resolve the host and return the address to connect to, refusing non-public ones.

    Every address in the answer must pass, not just the first: a host that mixes a public and
    a private address is refused rather than trusted by chance of ordering.
    """
    addresses = resolve_host(host, port, url=url)
    if allow_private:
        return addresses[0]
    networks = tuple(allowed_networks)
    for address in addresses:
        kind = forbidden_kind(address)
        if kind is None or any(address in network for network in networks):
            continue
        shown = host if _is_literal_of(host, address) else f"{host} ({address})"
        raise AddressRefused(f"refused: {shown} is {kind}", url=url)
    return addresses[0]
