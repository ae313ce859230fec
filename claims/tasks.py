from celery import shared_task

from claims.services import article_extract_claims
from config.celery import DURABLE_ROW_TASK


@shared_task(**DURABLE_ROW_TASK, max_retries=8)
def extract_claims(article_id: int) -> dict:
    outcome = article_extract_claims(article_id=article_id)
    return {"article_id": outcome.article_id, "ran": outcome.ran, "created": outcome.created}
