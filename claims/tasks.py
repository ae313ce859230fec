from celery import shared_task
from django.db import InterfaceError, OperationalError

from claims.services import article_extract_claims


@shared_task(
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def extract_claims(article_id: int) -> dict:
    outcome = article_extract_claims(article_id=article_id)
    return {"article_id": outcome.article_id, "ran": outcome.ran, "created": outcome.created}
