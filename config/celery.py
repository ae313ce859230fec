"""The Celery application.

Workers run `celery -A config worker`; the pending sweep runs under `celery -A config beat`.
"""

import logging
import os
from typing import Any

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import InterfaceError, OperationalError

from core.broker import broker_circuit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

logger = logging.getLogger(__name__)


# A task that works on one row: acknowledged only once done, so a worker killed mid-task
# leaves it to another worker, and database hiccups retried with backoff.
DURABLE_ROW_TASK = {
    "ignore_result": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
}


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
        eager = self.app.conf.task_always_eager
        if not eager and broker_circuit.is_open():
            logger.info("Broker recently unavailable; %s%r left to the sweep", self.name, args)
            return
        try:
            self.apply_async(args=args, kwargs=kwargs)
        except Exception as error:
            if eager:
                raise
            from django.conf import settings

            broker_circuit.trip(getattr(settings, "BROKER_FAILURE_COOLDOWN_SECONDS", 15.0))
            logger.warning(
                "Could not enqueue %s%r (%s); the pending sweep will enqueue it later",
                self.name,
                args,
                error,
            )


# Without a broker tasks run in-process (eager), yet Celery still opens a producer for each one:
# the in-memory transport keeps it from reaching for an AMQP server on localhost (and warning).
app = Celery(
    "claim_tracker",
    task_cls=DurableEnqueueTask,
    broker=os.environ.get("CELERY_BROKER_URL") or "memory://localhost/",
)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
