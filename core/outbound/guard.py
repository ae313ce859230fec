"""Keeping outbound requests (article fetches, webhooks) away from the newsroom's own network
(server-side request forgery).

A submitted URL is resolved once, every address it resolves to is vetted, and the connection
is then made to the vetted address itself (core.outbound.pinned), so a second DNS answer
(rebinding) is never used.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from core.outbound.errors import AddressRefused, HostNotFound

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


# IPv6 ranges whose last 32 bits are an IPv4 address that a gateway or the host's own stack
# may reach on the caller's behalf: NAT64 (well-known and local-use prefixes), IPv4-compatible
# and IPv4-translated addresses.
_LAST_32_BITS_ARE_IPV4 = tuple(
    ipaddress.IPv6Network(network)
    for network in ("64:ff9b::/96", "64:ff9b:1::/48", "::/96", "::ffff:0:0:0/96")
)
# ISATAP interface identifiers (RFC 5214): ::0:5efe:a.b.c.d or ::200:5efe:a.b.c.d in the low half.
_ISATAP_MARKERS = (0x00005EFE, 0x02005EFE)


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (6to4, Teredo, NAT64, ISATAP...)."""
    found: list[ipaddress.IPv4Address] = []
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if any(address in network for network in _LAST_32_BITS_ARE_IPV4):
        # :: and ::1 are the IPv6 unspecified and loopback addresses, not IPv4-compatible ones.
        if not (address.is_unspecified or address.is_loopback):
            found.append(low32)
    elif (int(address) >> 32) & 0xFFFFFFFF in _ISATAP_MARKERS:
        found.append(low32)
    return found


def forbidden_kind(address: IPAddress) -> str | None:
    """Name the kind of non-public address this is ("a private address"...), None if public.

    An IPv6 address that carries an IPv4 address is judged by that address too: a 6to4 relay,
    a Teredo server or a NAT64 gateway would carry the connection to it.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return "an IPv4-mapped address"
        for inner in embedded_ipv4(address):
            kind = forbidden_kind(inner)
            if kind is not None:
                return f"an IPv6 address embedding {kind} ({inner})"
        if address.is_site_local:
            return "a site-local address"
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
