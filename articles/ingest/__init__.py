"""Article ingestion: pages, feeds and sitemaps in; article text, metadata and fingerprints out.

Pure Python, no Django: the `articles` app calls these functions from its tasks and commands.
"""

from articles.ingest.dedupe import body_fingerprint, canonicalise_url, normalise_body
from articles.ingest.extraction import ExtractedArticle, ExtractionError, extract_article
from articles.ingest.feeds import FeedEntry, FeedError, next_poll_delay, parse_feed
from articles.ingest.fetch import (
    FEED_CONTENT_TYPES,
    PAGE_CONTENT_TYPES,
    FetchPolicy,
    FetchResult,
    fetch_url,
)
from articles.ingest.language import detect_language
from articles.ingest.sitemaps import sitemap_index_locations

__all__ = [
    "FEED_CONTENT_TYPES",
    "PAGE_CONTENT_TYPES",
    "ExtractedArticle",
    "ExtractionError",
    "FeedEntry",
    "FeedError",
    "FetchPolicy",
    "FetchResult",
    "body_fingerprint",
    "canonicalise_url",
    "detect_language",
    "extract_article",
    "fetch_url",
    "next_poll_delay",
    "normalise_body",
    "parse_feed",
    "sitemap_index_locations",
]
