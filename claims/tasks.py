import logging

from celery import shared_task

from claims.services import article_extract_claims
from config.celery import DURABLE_ROW_TASK
from core.errors import ServiceError

logger = logging.getLogger(__name__)


@shared_task(**DURABLE_ROW_TASK, max_retries=8)
def extract_claims(article_id: int) -> dict:
    outcome = article_extract_claims(article_id=article_id)
    return {"article_id": outcome.article_id, "ran": outcome.ran, "created": outcome.created}


@shared_task(acks_late=True, time_limit=1800, soft_time_limit=1700)
def retrain_detector(actor_id: int | None = None) -> dict:
    """A candidate detector model from the editors' decisions (claims.services.learning)."""
    from django.contrib.auth import get_user_model

    from claims.services.learning import detector_retrain

    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    try:
        candidate = detector_retrain(actor=actor)
    except ServiceError as error:
        # Nothing to learn from, or not an editor: retrying would not change that.
        logger.warning("Detector retrain refused: %s", error.message)
        return {"refused": error.message}
    return {"detector_model": candidate.pk, "decisions": candidate.decisions}
