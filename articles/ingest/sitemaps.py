"""Reading XML sitemaps (plain and Google News) that outlets publish alongside their feeds."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from articles.ingest.page_metadata import parse_datetime

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


class HostileXMLError(ValueError):
    """The XML declares entities or external references, which feeds and sitemaps never need."""


def parse_sitemap_xml(body: bytes) -> Element | None:
    """The sitemap's root element, or None when the document is not a sitemap.

    defusedxml refuses entity expansion and external entities, which plain XML parsers
    would follow on a hostile sitemap.
    """
    try:
        root = SafeElementTree.fromstring(body)
    except SafeElementTree.ParseError:
        return None
    except DefusedXmlException as error:
        raise HostileXMLError(
            "refused: the document declares XML entities or external references"
        ) from error
    if root.tag in (f"{SITEMAP_NS}urlset", f"{SITEMAP_NS}sitemapindex"):
        return root
    return None


def _text(element: Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def _http_url(value: str | None, base_url: str) -> str | None:
    if not value:
        return None
    absolute = urljoin(base_url, value)
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def sitemap_url_entries(
    root: Element, *, base_url: str
) -> list[tuple[str, str | None, datetime | None]]:
    """(url, news title, publication time) for each <url> of a urlset sitemap."""
    entries = []
    for url_element in root.iter(f"{SITEMAP_NS}url"):
        url = _http_url(_text(url_element.find(f"{SITEMAP_NS}loc")), base_url)
        if url is None:
            continue
        news = url_element.find(f"{NEWS_NS}news")
        title = _text(news.find(f"{NEWS_NS}title")) if news is not None else None
        published = _text(news.find(f"{NEWS_NS}publication_date")) if news is not None else None
        modified = _text(url_element.find(f"{SITEMAP_NS}lastmod"))
        entries.append((url, title, parse_datetime(published or modified)))
    return entries


def sitemap_index_locations(body: bytes, *, base_url: str) -> list[str]:
    """Addresses of the sitemaps listed by a sitemap index (empty for anything else)."""
    root = parse_sitemap_xml(body)
    if root is None or root.tag != f"{SITEMAP_NS}sitemapindex":
        return []
    locations = (
        _http_url(_text(sitemap.find(f"{SITEMAP_NS}loc")), base_url)
        for sitemap in root.iter(f"{SITEMAP_NS}sitemap")
    )
    return [location for location in locations if location]
