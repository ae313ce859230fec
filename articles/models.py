import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleStatus(models.TextChoices):
    # Stored with only its address; the page is being fetched.
    FETCHING = "fetching", "Fetching the page"
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

    def needing_fetch(self) -> "ArticleQuerySet":
        """Articles whose page is due to be fetched: never fetched (the broker was down, or a
        worker died mid-fetch), or failed for a reason that may pass, once their backoff ends."""
        return self.filter(
            status__in=(ArticleStatus.FETCHING, ArticleStatus.FAILED),
            next_fetch_at__lte=timezone.now(),
        )

    def in_language(self, language: str) -> "ArticleQuerySet":
        return self.filter(language=language.strip().lower())


class Article(models.Model):
    # Both stay empty while an article submitted by its address waits for its page.
    title = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    url = models.URLField(max_length=2000, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    # The address the article is known by (the page's declared canonical address once fetched);
    # every spelling it arrived under is in ArticleAddress.
    canonical_url = models.CharField(max_length=2000, blank=True, editable=False)
    language = models.CharField(
        max_length=8, blank=True, db_index=True, help_text="ISO 639-1 code; empty when unsure."
    )

    body_hash = models.CharField(max_length=64, editable=False)
    # Equal for copies of the same text (see articles.ingest.body_fingerprint); unique, so the
    # same story arriving twice is one article.
    body_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.PENDING
    )
    status_reason = models.TextField(blank=True)
    # The digest of the body whose claims are stored: an unchanged body needs no new extraction.
    extracted_body_hash = models.CharField(max_length=64, blank=True, editable=False)
    processing_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    processed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Fetching by address: attempts so far, when the sweep should try next (None: no fetch due),
    # and whether the last failure may pass on its own (a timeout) or not (a refused address).
    fetch_attempts = models.PositiveIntegerField(default=0, editable=False)
    next_fetch_at = models.DateTimeField(null=True, blank=True, editable=False)
    fetch_failure_transient = models.BooleanField(default=False, editable=False)

    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        editable=False,
        help_text="Set when the fetched page turned out to be an article already stored.",
    )
    feed_source = models.ForeignKey(
        "FeedSource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        editable=False,
    )
    import_batch = models.ForeignKey(
        "ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        editable=False,
    )
    idempotency_key = models.CharField(max_length=255, blank=True, editable=False)

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
    history = HistoricalRecords(excluded_fields=["body_hash", "extracted_body_hash"])

    # Written only by the article services (fetching, extraction, duplicates); never by a form.
    workflow_fields = (
        "status",
        "status_reason",
        "duplicate_of",
        "processing_started_at",
        "processed_at",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "processing_started_at"]),
            models.Index(fields=["status", "next_fetch_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["body_fingerprint"],
                condition=~Q(body_fingerprint=""),
                name="article_unique_body_fingerprint",
            ),
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="article_unique_idempotency_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"


class ArticleAddress(models.Model):
    """One canonical spelling of an address an article is known by (as submitted, after
    redirects, as the page declares it). Unique, so one address is one article however many
    times, or how many at once, it is submitted."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="addresses")
    url = models.CharField(max_length=2000, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "article addresses"

    def __str__(self) -> str:
        return self.url


class ArticlePage(models.Model):
    """The HTML an article was extracted from, kept to extract it again (a better extractor, a
    page that was mis-read) without fetching it again."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="page")
    html = models.BinaryField()
    content_type = models.CharField(max_length=200, blank=True)
    fetched_url = models.CharField(max_length=2000, blank=True)
    final_url = models.CharField(max_length=2000, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Page of article {self.article_id}"


class FeedSourceQuerySet(models.QuerySet):
    def due(self) -> "FeedSourceQuerySet":
        return self.filter(active=True).filter(
            Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=timezone.now())
        )


class FeedSource(models.Model):
    """An outlet's RSS or Atom feed, or news sitemap, polled for new articles."""

    url = models.URLField(max_length=2000, unique=True)
    name = models.CharField(max_length=200)
    outlet = models.CharField(max_length=200, blank=True)
    poll_interval_minutes = models.PositiveIntegerField(default=30)
    active = models.BooleanField(default=True)

    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(null=True, blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feed_sources_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FeedSourceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval_minutes__gte=1), name="feed_source_interval_positive"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def poll_interval(self) -> timedelta:
        return timedelta(minutes=self.poll_interval_minutes)


class FeedPollStatus(models.TextChoices):
    NEW_ENTRIES = "ok", "Polled"
    NOT_MODIFIED = "not_modified", "Not modified"
    FAILED = "failed", "Failed"


class FeedPoll(models.Model):
    """The outcome of one poll of a feed, for editors to see why a feed went quiet."""

    source = models.ForeignKey(FeedSource, on_delete=models.CASCADE, related_name="polls")
    polled_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=FeedPollStatus.choices)
    entries_seen = models.PositiveIntegerField(default=0)
    new_entries = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-polled_at", "-id"]
        indexes = [models.Index(fields=["source", "-polled_at"])]

    def __str__(self) -> str:
        return f"{self.source} at {self.polled_at:%Y-%m-%d %H:%M}"


class ImportBatchStatus(models.TextChoices):
    RUNNING = "running", "Running"
    FAILED = "failed", "Failed"
    FINISHED = "finished", "Finished"


class ImportBatch(models.Model):
    """One run of import_articles, counted line by line so the admin shows its progress."""

    source_name = models.CharField(max_length=500)
    status = models.CharField(
        max_length=20, choices=ImportBatchStatus.choices, default=ImportBatchStatus.RUNNING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.source_name} ({self.done + self.failed}/{self.total})"
