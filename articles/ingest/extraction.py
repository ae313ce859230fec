"""Turning a saved or fetched news page into the article text and its metadata."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement

from articles.ingest.boilerplate import prune_furniture
from articles.ingest.language import detect_language, language_from_tag
from articles.ingest.page_metadata import PageMetadata, parse_datetime, read_page_metadata
from articles.ingest.text import normalise_text

# Elements of the extractor's output that each hold one paragraph of text.
_TEXT_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "cell"})

# Fewer letters than this is a caption or a teaser, not an article.
MIN_BODY_CHARACTERS = 200


class ExtractionError(Exception):
    """No article could be found in the page."""


@dataclass(frozen=True)
class ExtractedArticle:
    """An article found on a page: its text (paragraphs split by a blank line) and metadata."""

    title: str | None
    body: str
    author: str | None
    outlet: str | None
    canonical_url: str | None
    published_at: datetime | None
    language: str | None


def _first(*candidates: Any) -> Any:
    return next((candidate for candidate in candidates if candidate), None)


def _normal(value: str | None) -> str | None:
    return normalise_text(value) if value else value


def _same_text(left: str, right: str | None) -> bool:
    return right is not None and " ".join(left.split()).casefold() == (
        " ".join(right.split()).casefold()
    )


def _paragraphs(body: _Element, title: str | None) -> list[str]:
    paragraphs = []
    for element in body.iter():
        if element.tag not in _TEXT_BLOCKS:
            continue
        if any(ancestor.tag in _TEXT_BLOCKS for ancestor in element.iterancestors()):
            continue  # its text is already part of the enclosing paragraph
        text = " ".join("".join(element.itertext()).split())
        # Pages repeat the headline above the story; it is kept apart, as the title.
        if text and not _same_text(text, title):
            paragraphs.append(text)
    return paragraphs


def _run_extractor(document: HtmlElement, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        document,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _declared_language(metadata: PageMetadata) -> str | None:
    return _first(
        language_from_tag(metadata.json_ld.language),
        language_from_tag(metadata.meta.language),
        language_from_tag(metadata.html_lang),
        language_from_tag(metadata.open_graph.language),
    )


def _extractor_date(value: str | None) -> datetime | None:
    parsed = parse_datetime(value)
    return parsed.astimezone(UTC) if parsed else None


def _load(html: str | bytes) -> HtmlElement:
    if not html or (isinstance(html, str) and not html.strip()):
        raise ExtractionError("the page is empty")
    document = trafilatura.load_html(html)
    if document is None:
        raise ExtractionError("the page could not be read as HTML")
    return document


def extract_article(html: str | bytes, *, url: str | None = None) -> ExtractedArticle:
    """Extract the main article text and its metadata from a news page.

    Metadata is taken from JSON-LD NewsArticle markup first, then Open Graph, then plain
    <meta> tags, then what the extraction library infers from the page. The language is the
    one detected in the text, or the page's declared language when detection is unsure.
    Raises ExtractionError when the page holds no article text.
    """
    document = _load(html)
    metadata = read_page_metadata(document, base_url=url)

    pruned = copy.deepcopy(document)
    prune_furniture(pruned)
    extracted = _run_extractor(pruned, url)
    if extracted is None or extracted.body is None:
        # Furniture pruning can misfire on unusual markup; the library alone is the fallback.
        extracted = _run_extractor(copy.deepcopy(document), url)
    if extracted is None or extracted.body is None:
        raise ExtractionError(f"no article text found in the page{f' at {url}' if url else ''}")

    title = _first(
        metadata.json_ld.title, metadata.open_graph.title, extracted.title, metadata.html_title
    )
    title = _normal(title)
    body = normalise_text("\n\n".join(_paragraphs(extracted.body, title)))
    if len(body) < MIN_BODY_CHARACTERS:
        raise ExtractionError(
            f"no article text found in the page{f' at {url}' if url else ''}: "
            f"only {len(body)} characters of text, fewer than {MIN_BODY_CHARACTERS}"
        )

    return ExtractedArticle(
        title=title,
        body=body,
        author=_normal(
            _first(
                metadata.json_ld.author,
                metadata.open_graph.author,
                metadata.meta.author,
                extracted.author,
            )
        ),
        outlet=_normal(
            _first(
                metadata.json_ld.outlet,
                metadata.open_graph.outlet,
                metadata.meta.outlet,
                extracted.sitename,
            )
        ),
        canonical_url=_first(
            metadata.meta.url, metadata.open_graph.url, metadata.json_ld.url, extracted.url, url
        ),
        published_at=_first(
            metadata.json_ld.published_at,
            metadata.open_graph.published_at,
            metadata.meta.published_at,
            _extractor_date(extracted.date),
        ),
        language=detect_language(body) or _declared_language(metadata),
    )
