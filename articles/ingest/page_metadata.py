"""What a news page says about itself: JSON-LD NewsArticle, Open Graph and plain <meta> tags."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from dateutil import parser as date_parser
from lxml.html import HtmlElement

_ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "Article",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")

# Plain <meta name=...> spellings of the publication time used by common CMSs, best first.
_META_DATE_NAMES = (
    "article:published_time",
    "article.published",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)


@dataclass(frozen=True)
class SourceMetadata:
    """Metadata from one kind of markup; any field may be missing."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None


@dataclass(frozen=True)
class PageMetadata:
    """Metadata from each kind of markup, kept apart so callers can choose the order of trust."""

    json_ld: SourceMetadata
    open_graph: SourceMetadata
    meta: SourceMetadata
    html_title: str | None
    html_lang: str | None


def parse_datetime(value: str | None) -> datetime | None:
    """Parse a published time as pages write it; times without a zone are taken as UTC."""
    if not value or not value.strip():
        return None
    try:
        parsed = date_parser.isoparse(value.strip())
    except ValueError:
        # Free-form dates without a year would be completed from today's date: refuse them.
        if not _YEAR.search(value):
            return None
        try:
            parsed = date_parser.parse(value.strip())
        except (ValueError, OverflowError):
            return None
    offset = parsed.utcoffset()
    return parsed.replace(tzinfo=UTC if offset is None else timezone(offset))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    folded = " ".join(value.split())
    return folded or None


def _absolute_http_url(value: str | None, base_url: str | None) -> str | None:
    if not value:
        return None
    absolute = urljoin(base_url or "", value.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _json_ld_nodes(document: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in document.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except json.JSONDecodeError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                yield node
                if "@graph" in node:
                    stack.append(node["@graph"])


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return {name for name in names if isinstance(name, str)}


def _names(value: Any, nodes_by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names from a JSON-LD person/organisation value: a string, an object, a list, or an @id."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item, nodes_by_id)]
    if isinstance(value, dict):
        resolved = nodes_by_id.get(value.get("@id", ""), value) if "name" not in value else value
        name = _clean(resolved.get("name"))
        return [name] if name else []
    name = _clean(value)
    return [name] if name else []


def _page_url(node: dict[str, Any]) -> str | None:
    main_entity = node.get("mainEntityOfPage")
    if isinstance(main_entity, dict):
        main_entity = main_entity.get("@id") or main_entity.get("url")
    return _clean(main_entity) or _clean(node.get("url"))


def _from_json_ld(document: HtmlElement, base_url: str | None) -> SourceMetadata:
    nodes = list(_json_ld_nodes(document))
    nodes_by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    article = next((node for node in nodes if _types(node) & _ARTICLE_TYPES), None)
    if article is None:
        return SourceMetadata()
    authors = _names(article.get("author"), nodes_by_id)
    publishers = _names(article.get("publisher"), nodes_by_id)
    language = article.get("inLanguage")
    return SourceMetadata(
        title=_clean(article.get("headline")) or _clean(article.get("name")),
        author="; ".join(dict.fromkeys(authors)) or None,
        outlet=publishers[0] if publishers else None,
        url=_absolute_http_url(_page_url(article), base_url),
        published_at=parse_datetime(_clean(article.get("datePublished"))),
        language=language if isinstance(language, str) else None,
    )


def _meta_values(document: HtmlElement) -> dict[str, str]:
    """Content of every <meta> keyed by its lower-cased property or name; the first one wins."""
    values: dict[str, str] = {}
    for element in document.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = _clean(element.get("content"))
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _from_open_graph(metas: dict[str, str], base_url: str | None) -> SourceMetadata:
    author = metas.get("article:author")
    # Many sites put the author's profile address here rather than a name.
    if author and urlsplit(author).scheme in ("http", "https"):
        author = None
    return SourceMetadata(
        title=metas.get("og:title"),
        author=author,
        outlet=metas.get("og:site_name"),
        url=_absolute_http_url(metas.get("og:url"), base_url),
        published_at=parse_datetime(metas.get("article:published_time")),
        language=metas.get("og:locale"),
    )


def _from_meta(
    document: HtmlElement, metas: dict[str, str], base_url: str | None
) -> SourceMetadata:
    canonical = document.xpath('//link[@rel="canonical"]/@href')
    published_at = next(
        (
            parsed
            for name in _META_DATE_NAMES
            if (parsed := parse_datetime(metas.get(name))) is not None
        ),
        None,
    )
    if published_at is None:
        published_at = next(
            (
                parsed
                for value in document.xpath('//*[@itemprop="datePublished"]/@content')
                + document.xpath('//*[@itemprop="datePublished"]/@datetime')
                + document.xpath("//time[@pubdate]/@datetime")
                if (parsed := parse_datetime(value)) is not None
            ),
            None,
        )
    content_language = document.xpath(
        '//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")'
        ' = "content-language"]/@content'
    )
    return SourceMetadata(
        title=metas.get("title"),
        author=metas.get("author") or metas.get("dc.creator"),
        outlet=metas.get("application-name") or metas.get("publisher"),
        url=_absolute_http_url(canonical[0] if canonical else None, base_url),
        published_at=published_at,
        language=metas.get("language") or metas.get("dc.language") or _first(content_language),
    )


def _first(values: list[str]) -> str | None:
    return _clean(values[0]) if values else None


def read_page_metadata(document: HtmlElement, *, base_url: str | None) -> PageMetadata:
    """Collect what the page's JSON-LD, Open Graph and <meta> markup say about the article."""
    metas = _meta_values(document)
    return PageMetadata(
        json_ld=_from_json_ld(document, base_url),
        open_graph=_from_open_graph(metas, base_url),
        meta=_from_meta(document, metas, base_url),
        html_title=_first(document.xpath("//title/text()")),
        html_lang=_first(document.xpath("/html/@lang")),
    )
