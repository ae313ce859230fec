from collections.abc import Mapping
from typing import Any, NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from simple_history.models import HistoricalRecords

from claims.models.queues import in_queue_of
from claims.models.ratings import Rating
from core.roles import is_editor


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded by a correction"


class SecondReview(models.TextChoices):
    NOT_REQUIRED = "not_required", "Not required"
    PENDING = "pending", "Awaiting the second reviewer"
    APPROVED = "approved", "Approved by the second reviewer"
    REJECTED = "rejected", "Rejected by the second reviewer"


class PublishedClaimant(NamedTuple):
    """Who made the claim, as a published verdict names them."""

    name: str
    kind: str
    same_as: list[str]


class Wording(NamedTuple):
    """What was claimed, and by whom: the statement and claimant a ClaimReview shows."""

    statement: str
    claimant: PublishedClaimant | None


def wording_of_claim(claim: Any) -> Wording:
    """The claim's working copy, which the newsroom edits and a publication copies."""
    claimant = claim.claimant
    if claimant is None:
        return Wording(claim.claim_reviewed, None)
    return Wording(
        claim.claim_reviewed,
        PublishedClaimant(claimant.name, claimant.kind, list(claimant.same_as or [])),
    )


def published_wording(fields: Mapping[str, Any]) -> Wording:
    """The wording a verdict version was published with, from its fields (a model instance's
    or a `.values()` row's): the claimant's name is blank when the claim named no one."""
    if not fields["claimant_name"]:
        return Wording(fields["claim_reviewed"], None)
    claimant = PublishedClaimant(
        fields["claimant_name"], fields["claimant_kind"], list(fields["claimant_same_as"] or [])
    )
    return Wording(fields["claim_reviewed"], claimant)


WORDING_FIELDS = ("claim_reviewed", "claimant_name", "claimant_kind", "claimant_same_as")


class VerdictQuerySet(models.QuerySet):
    def in_scope_of(self, user: object) -> "VerdictQuerySet":
        """Verdicts, drafts and corrections the user may read in the newsroom: all for editors,
        those of a reviewer's own queue otherwise (see ClaimQuerySet.in_scope_of)."""
        return self if is_editor(user) else self.filter(in_queue_of(user, through="claim__"))

    def publicly_visible(self) -> "VerdictQuerySet":
        """Every version readers have seen: the current one and those it corrected."""
        return self.filter(status__in=[VerdictStatus.PUBLISHED, VerdictStatus.SUPERSEDED])

    def published_per_week(self, *, since: object) -> list[dict]:
        """How many verdict versions were published each week (corrections included)."""
        return list(
            self.publicly_visible()
            .filter(published_at__gte=since)
            .annotate(week=TruncWeek("published_at"))
            .values("week")
            .annotate(total=Count("id"))
            .order_by("week")
        )

    def rating_mix(self) -> QuerySet:
        """Current published verdicts per rating, as readers see them (the published label)."""
        return (
            self.filter(status=VerdictStatus.PUBLISHED)
            .values("rating_label", "rating_value", "rating__colour")
            .annotate(total=Count("id"))
            .order_by("-rating_value", "rating_label")
        )


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
    # Copied from the claim at publication, for the same reason: the statement and claimant
    # readers see change only when a correction is published, never by an edit of the claim
    # while the correction is drafted, nor by renaming the claimant.
    claim_reviewed = models.TextField(blank=True)
    claimant_name = models.CharField(max_length=300, blank=True)
    claimant_kind = models.CharField(max_length=20, blank=True)
    claimant_same_as = models.JSONField(default=list, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verdicts_published",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The publication date of the claim's first verdict, carried to each correction.
    first_published_at = models.DateTimeField(null=True, blank=True)
    correction_note = models.TextField(
        blank=True, help_text="What changed and why; required for every version after the first."
    )
    second_review = models.CharField(
        max_length=20, choices=SecondReview.choices, default=SecondReview.NOT_REQUIRED
    )
    second_review_note = models.TextField(blank=True)
    second_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verdicts_second_reviewed",
    )
    second_reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VerdictQuerySet.as_manager()
    history = HistoricalRecords()

    # Written only by the workflow services (draft, second review, publish, correct).
    workflow_fields = (
        "claim",
        "version",
        "status",
        "rating",
        "summary",
        "explanation",
        "author",
        "rating_slug",
        "rating_label",
        "rating_value",
        "best_rating",
        "worst_rating",
        *WORDING_FIELDS,
        "published_by",
        "published_at",
        "first_published_at",
        "correction_note",
        "second_review",
        "second_review_note",
        "second_reviewed_by",
        "second_reviewed_at",
    )

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
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(correction_note=""),
                name="verdict_correction_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} v{self.version}: {self.rating_label or self.rating}"

    @property
    def is_correction(self) -> bool:
        return self.version > 1

    @property
    def published_wording(self) -> Wording:
        return published_wording({field: getattr(self, field) for field in WORDING_FIELDS})

    def copy_wording(self, claim: Any) -> None:
        """Take the claim's current statement and claimant as this version's published ones."""
        wording = wording_of_claim(claim)
        claimant = wording.claimant
        self.claim_reviewed = wording.statement
        self.claimant_name = claimant.name if claimant else ""
        self.claimant_kind = claimant.kind if claimant else ""
        self.claimant_same_as = claimant.same_as if claimant else []


class VerdictSource(models.Model):
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    quote = models.TextField(blank=True)
    accessed_at = models.DateTimeField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["verdict_id", "order", "id"]

    def __str__(self) -> str:
        return self.title or self.url
