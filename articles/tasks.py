from celery import shared_task

from articles.services import article_sweep_pending


@shared_task(ignore_result=True)
def sweep_pending_articles() -> int:
    return article_sweep_pending()
