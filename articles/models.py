import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ArticleQuerySet(models.QuerySet):
    def with_creator(self) -> "ArticleQuerySet":
        return self.select_related("created_by")

    def needing_extraction(self) -> "ArticleQuerySet":
        """Articles whose claims are not yet extracted for their current body, including
        those left "processing" by a worker that died."""
        stale_before = timezone.now() - timedelta(seconds=settings.ARTICLE_PROCESSING_STALE_SECONDS)
        return self.filter(
            Q(status=ArticleStatus.PENDING)
            | Q(status=ArticleStatus.PROCESSING, processing_started_at__lt=stale_before)
        )


class Article(models.Model):
    title = models.CharField(max_length=500)
    body = models.TextField()
    url = models.URLField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    body_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.PENDING
    )
    status_reason = models.TextField(blank=True)
    # The digest of the body whose claims are stored: an unchanged body needs no new extraction.
    extracted_body_hash = models.CharField(max_length=64, blank=True, editable=False)
    processing_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    processed_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "processing_started_at"])]

    def __str__(self) -> str:
        return self.title
