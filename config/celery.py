"""The Celery application.

Workers run `celery -A config worker`; the pending sweep runs under `celery -A config beat`.
"""

import logging
import os
from typing import Any

from celery import Celery
from celery.contrib.django.task import DjangoTask

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger(__name__)


class DurableEnqueueTask(DjangoTask):
    """`delay_on_commit` that never fails the save that triggered it.

    The row that asked for the task already records what is pending, so when the broker is
    down the periodic sweep enqueues it later; a broker error here is logged, not raised.
    """

    def delay_on_commit(self, *args: Any, **kwargs: Any) -> None:
        from django.db import transaction

        def enqueue() -> None:
            self._enqueue_or_defer(args, kwargs)

        transaction.on_commit(enqueue, robust=True)

    def _enqueue_or_defer(self, args: tuple, kwargs: dict) -> None:
        try:
            self.apply_async(args=args, kwargs=kwargs)
        except Exception as error:
            if self.app.conf.task_always_eager:
                raise
            logger.warning(
                "Could not enqueue %s%r (%s); the pending sweep will enqueue it later",
                self.name,
                args,
                error,
            )


app = Celery("claim_tracker", task_cls=DurableEnqueueTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
