from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models.ratings import Rating


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded by a correction"


class Verdict(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="verdicts")
    version = models.PositiveIntegerField(default=1)
    status = models.CharField(
        max_length=20, choices=VerdictStatus.choices, default=VerdictStatus.DRAFT
    )
    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="verdicts")
    summary = models.TextField()
    explanation = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written"
    )
    # Copied from the rating at publication, so a later change of the scale never rewrites a
    # verdict that readers have already seen.
    rating_slug = models.SlugField(max_length=100, blank=True)
    rating_label = models.CharField(max_length=100, blank=True)
    rating_value = models.IntegerField(null=True, blank=True)
    best_rating = models.IntegerField(null=True, blank=True)
    worst_rating = models.IntegerField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verdicts_published",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "version"], name="verdict_version_unique"),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status=VerdictStatus.DRAFT),
                name="one_draft_verdict_per_claim",
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status=VerdictStatus.PUBLISHED),
                name="one_published_verdict_per_claim",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} v{self.version}: {self.rating_label or self.rating}"


class VerdictSource(models.Model):
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    quote = models.TextField(blank=True)
    accessed_at = models.DateTimeField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["verdict_id", "order", "id"]

    def __str__(self) -> str:
        return self.title or self.url
