"""Writes to articles, feeds and imports: every admin action, API call, command and task
goes through these functions."""

from articles.services.articles import (
    EDITABLE_FIELDS,
    Receipt,
    article_clean_fields,
    article_create,
    article_mark_done,
    article_mark_failed,
    article_mark_processing,
    article_receive,
    article_request_extraction,
    article_sweep_pending,
    article_update,
    unsupported_language_reason,
)
from articles.services.batches import import_batch_count, import_batch_finish, import_batch_start
from articles.services.feeds import (
    feed_poll,
    feed_source_create,
    feed_source_request_poll,
    feed_source_update,
    feed_sources_enqueue_due,
)
from articles.services.pages import (
    article_create_from_page,
    article_create_from_url,
    article_fetch_page,
    article_reextract_saved_page,
    article_request_fetch,
    article_sweep_fetches,
    fetch_policy,
    read_page,
)

__all__ = [
    "EDITABLE_FIELDS",
    "Receipt",
    "article_clean_fields",
    "article_create",
    "article_create_from_page",
    "article_create_from_url",
    "article_fetch_page",
    "article_mark_done",
    "article_mark_failed",
    "article_mark_processing",
    "article_receive",
    "article_reextract_saved_page",
    "article_request_extraction",
    "article_request_fetch",
    "article_sweep_fetches",
    "article_sweep_pending",
    "article_update",
    "feed_poll",
    "feed_source_create",
    "feed_source_request_poll",
    "feed_source_update",
    "feed_sources_enqueue_due",
    "fetch_policy",
    "import_batch_count",
    "import_batch_finish",
    "import_batch_start",
    "read_page",
    "unsupported_language_reason",
]
