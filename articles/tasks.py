from celery import shared_task
from django.conf import settings

from articles.services import (
    article_fetch_page,
    article_sweep_fetches,
    article_sweep_pending,
    feed_poll,
    feed_sources_enqueue_due,
)
from config.celery import DURABLE_ROW_TASK

# A fetch is bounded by its own total timeout; the task limits leave room for extraction.
_FETCH_LIMITS = {
    "soft_time_limit": settings.ARTICLE_FETCH_TOTAL_TIMEOUT + 60,
    "time_limit": settings.ARTICLE_FETCH_TOTAL_TIMEOUT + 90,
}


@shared_task(ignore_result=True)
def sweep_pending_articles() -> int:
    """Enqueue what is still waiting: claim extraction, and page fetches that are due."""
    return article_sweep_pending() + article_sweep_fetches()


# Only database hiccups are retried here; a failed fetch is recorded on the article and
# retried by the sweep, with backoff, when its reason may pass.
@shared_task(**DURABLE_ROW_TASK, max_retries=5, **_FETCH_LIMITS)
def fetch_article(article_id: int) -> str:
    return article_fetch_page(article_id=article_id)


@shared_task(**DURABLE_ROW_TASK, max_retries=5, **_FETCH_LIMITS)
def poll_feed(source_id: int) -> str:
    poll = feed_poll(source_id=source_id)
    return poll.status if poll is not None else "skipped"


@shared_task(ignore_result=True)
def poll_due_feeds() -> int:
    return feed_sources_enqueue_due()
