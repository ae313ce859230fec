"""The newsroom's claim page and dashboard, for editors who use a screen reader or no colour."""

import lxml.html
from django.test import Client

from claims.services import claim_mark_checkable
from tests.factories import ClaimFactory


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_column_of_the_claim_pages_tables_has_a_header_a_screen_reader_announces(editor):
    claim = ClaimFactory()
    claim_mark_checkable(claim=claim, actor=editor)
    page = lxml.html.fromstring(
        _signed_in(editor).get(f"/admin/claims/claim/{claim.pk}/change/").content
    )

    headers = page.xpath("//table//th")
    assert headers
    assert [th for th in headers if not th.text_content().strip()] == []


def test_the_claim_page_and_dashboard_underline_their_links(editor):
    claim = ClaimFactory()
    client = _signed_in(editor)

    for url in (f"/admin/claims/claim/{claim.pk}/change/", "/admin/dashboard/"):
        page = lxml.html.fromstring(client.get(url).content)
        assert any(
            href.endswith("claims/admin-links.css")
            for href in page.xpath("//link[@rel='stylesheet']/@href")
        ), url
