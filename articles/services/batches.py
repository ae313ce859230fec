"""Progress of a long import, counted as its lines are processed, for the admin to show."""

from typing import Any

from django.db.models import F
from django.utils import timezone

from articles.models import ImportBatch, ImportBatchStatus


def import_batch_start(*, source_name: str, total: int, created_by: Any = None) -> ImportBatch:
    return ImportBatch.objects.create(
        source_name=source_name[:500],
        total=total,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )


def import_batch_count(*, batch: ImportBatch, done: int = 0, failed: int = 0) -> None:
    ImportBatch.objects.filter(pk=batch.pk).update(
        done=F("done") + done, failed=F("failed") + failed, updated_at=timezone.now()
    )


def import_batch_finish(*, batch: ImportBatch, failed: bool = False) -> ImportBatch:
    """Close the batch: finished, or failed when the run itself broke off (a crash, not bad
    lines, which are counted as they come)."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatchStatus.FAILED if failed else ImportBatchStatus.FINISHED,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    batch.refresh_from_db()
    return batch
