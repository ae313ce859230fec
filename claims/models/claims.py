import hashlib
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q

from articles.models import Article
from claims.models.claimants import Claimant
from claims.models.verdicts import Verdict, VerdictStatus


def text_digest(text: str) -> str:
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class ClaimStatus(models.TextChoices):
    NEW = "new", "New"
    CHECKABLE = "checkable", "Checkable"
    NOT_CHECKABLE = "not_checkable", "Not checkable"
    ASSIGNED = "assigned", "Assigned"
    IN_REVIEW = "in_review", "In review"
    DRAFTED = "drafted", "Verdict drafted"
    PUBLISHED = "published", "Published"


STATUSES_WITH_REVIEWER = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.DRAFTED)


class ClaimOrigin(models.TextChoices):
    DETECTOR = "detector", "Found by the detector"
    EDITOR = "editor", "Added by an editor"


class ClaimQuerySet(models.QuerySet):
    def with_public_detail(self) -> "ClaimQuerySet":
        """Everything the claim pages and API show, in a fixed number of queries."""
        published = (
            Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
            .select_related("rating")
            .prefetch_related("sources")
        )
        return self.select_related("article", "claimant", "reviewer").prefetch_related(
            Prefetch("verdicts", queryset=published, to_attr="published_verdicts")
        )

    def published(self) -> "ClaimQuerySet":
        return self.filter(status=ClaimStatus.PUBLISHED)

    def assigned_to(self, user: object) -> "ClaimQuerySet":
        return self.filter(reviewer=user)

    def for_article(self, article: Article) -> "ClaimQuerySet":
        return self.filter(article=article)


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    text_hash = models.CharField(max_length=64, editable=False)
    start = models.PositiveIntegerField(
        help_text="Character offset of the claim in the article body."
    )
    end = models.PositiveIntegerField()
    score = models.FloatField(help_text="Check-worthiness, from 0 to 1.")
    claimant = models.ForeignKey(
        Claimant, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    status = models.CharField(max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.NEW)
    origin = models.CharField(
        max_length=20, choices=ClaimOrigin.choices, default=ClaimOrigin.DETECTOR
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_claims",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    dates = models.JSONField(default=list, blank=True, help_text="Dates the claim talks about.")
    entities = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "text_hash"], name="claim_unique_in_article"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="claim_span_ordered"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_in_unit_range"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=STATUSES_WITH_REVIEWER) | Q(reviewer__isnull=False),
                name="claim_in_review_has_reviewer",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score"]),
            models.Index(fields=["reviewer", "status"]),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    @property
    def published_verdict(self) -> "Verdict | None":
        """The current published verdict; uses the prefetch of `with_public_detail` when present."""
        cached = getattr(self, "published_verdicts", None)
        if cached is not None:
            return cached[0] if cached else None
        return self.verdicts.filter(status=VerdictStatus.PUBLISHED).first()


class ClaimTransition(models.Model):
    """Who moved a claim from one state to another, when, and why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=ClaimStatus.choices)
    to_status = models.CharField(max_length=20, choices=ClaimStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claim_transitions",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class DetectorFeedback(models.Model):
    """An editor's decision about a sentence, kept so that the detector can be retrained on it."""

    text = models.TextField()
    checkworthy = models.BooleanField()
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="detector_feedback"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="detector_feedback",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "detector feedback"

    def __str__(self) -> str:
        return f"{'check-worthy' if self.checkworthy else 'not check-worthy'}: {self.text[:60]}"
