"""The outbound address guard: IPv6 addresses that carry a private IPv4 address inside them
(6to4, Teredo, NAT64, IPv4-mapped or -compatible, ISATAP) are refused like the address itself."""

import ipaddress

import pytest

from consumers.sending import check_webhook_url
from core.outbound.guard import forbidden_kind


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        # 6to4 (2002::/16): the next 32 bits are the IPv4 address.
        ("2002:7f00:1::", "an IPv6 address embedding a loopback address (127.0.0.1)"),
        ("2002:a00:1::1", "an IPv6 address embedding a private address (10.0.0.1)"),
        ("2002:a9fe:a9fe::", "an IPv6 address embedding a link-local address (169.254.169.254)"),
        # Teredo (2001::/32): the server, and the client obfuscated in the last 32 bits.
        ("2001:0:a00:1::1", "an IPv6 address embedding a private address (10.0.0.1)"),
        (
            "2001:0:4136:e378:8000:63bf:80ff:fffe",
            "an IPv6 address embedding a loopback address (127.0.0.1)",
        ),
        # NAT64, well-known and local-use prefixes: the last 32 bits.
        ("64:ff9b::7f00:1", "an IPv6 address embedding a loopback address (127.0.0.1)"),
        ("64:ff9b::c0a8:101", "an IPv6 address embedding a private address (192.168.1.1)"),
        ("64:ff9b:1::a00:1", "an IPv6 address embedding a private address (10.0.0.1)"),
        # IPv4-mapped, IPv4-compatible, IPv4-translated and ISATAP.
        ("::ffff:127.0.0.1", "an IPv4-mapped address"),
        ("::10.0.0.1", "an IPv6 address embedding a private address (10.0.0.1)"),
        ("::ffff:0:a00:1", "an IPv6 address embedding a private address (10.0.0.1)"),
        ("2606:4700::5efe:a00:1", "an IPv6 address embedding a private address (10.0.0.1)"),
        # Not global without carrying IPv4: site-local, documentation, discard.
        ("fec0::1", "a site-local address"),
        ("2001:db8::1", "a private address"),
        ("100::1", "a reserved address"),
    ],
)
def test_ipv6_addresses_that_embed_or_stand_for_a_non_public_address_are_refused(address, kind):
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "address", ["2606:4700::1111", "2001:4860:4860::8888", "2002:808:808::1", "8.8.8.8"]
)
def test_public_addresses_still_pass_the_guard(address):
    assert forbidden_kind(ipaddress.ip_address(address)) is None


def test_a_webhook_url_on_a_6to4_address_of_the_loopback_is_refused(settings):
    settings.WEBHOOK_ALLOW_PRIVATE = False

    problem = check_webhook_url("http://[2002:7f00:1::]:8000/hook", allow_private=False)

    assert problem == (
        "Cannot receive webhooks: refused: 2002:7f00:1:: is an IPv6 address embedding a "
        "loopback address (127.0.0.1)."
    )
