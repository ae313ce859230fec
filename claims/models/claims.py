import hashlib
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    Exists,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles.models import Article
from claims.models.claimants import Claimant
from claims.models.queues import in_queue_of
from claims.models.verdicts import Verdict, VerdictStatus
from core.roles import is_editor

SEARCH_CONFIG = "english"
MAX_SEARCH_WORDS = 12
# A search ranks at most this many matches, the newest; see `ClaimQuerySet.search`.
MAX_RANKED_MATCHES = 1000
MAX_CLAIMANTS_PER_SEARCH = 200


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
    CORRECTION_DRAFTED = "correction_drafted", "Correction drafted"


STATUSES_WITH_REVIEWER = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW, ClaimStatus.DRAFTED)
# Claims someone still has to work on; a due date in the past makes them overdue.
OPEN_STATUSES = (*STATUSES_WITH_REVIEWER, ClaimStatus.CORRECTION_DRAFTED)
# While its reviewer works on a draft sent back, before redrafting it, the editor's note stands.
SENT_BACK_STATUSES = (ClaimStatus.ASSIGNED, ClaimStatus.IN_REVIEW)


class ClaimOrigin(models.TextChoices):
    DETECTOR = "detector", "Found by the detector"
    EDITOR = "editor", "Added by an editor"
    IMPORTED = "imported", "Imported from a published fact-check"


class ClaimQuerySet(models.QuerySet):
    def with_public_detail(self) -> "ClaimQuerySet":
        """Everything the claim pages and API show, in a fixed number of queries."""
        published = (
            Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
            .select_related("rating")
            .prefetch_related("sources")
        )
        public_versions = (
            Verdict.objects.publicly_visible()
            .only(
                "id",
                "claim_id",
                "version",
                "status",
                "rating_slug",
                "rating_label",
                "summary",
                "correction_note",
                "published_at",
            )
            .order_by("-version")
        )
        return self.select_related(
            "article", "claimant", "reviewer", "duplicate_of"
        ).prefetch_related(
            Prefetch("verdicts", queryset=published, to_attr="published_verdicts"),
            Prefetch("verdicts", queryset=public_versions, to_attr="public_versions"),
            Prefetch("duplicate_of__verdicts", queryset=published, to_attr="published_verdicts"),
        )

    def published(self) -> "ClaimQuerySet":
        return self.filter(status=ClaimStatus.PUBLISHED)

    def assigned_to(self, user: object) -> "ClaimQuerySet":
        return self.filter(reviewer=user)

    def queue_of(self, user: object) -> "ClaimQuerySet":
        """A reviewer's claims: those they check and those waiting for their second review."""
        return self.filter(in_queue_of(user))

    def in_scope_of(self, user: object) -> "ClaimQuerySet":
        """The claims whose drafts, notes and history the user may read: all for editors,
        a reviewer's own queue otherwise."""
        return self if is_editor(user) else self.queue_of(user)

    def open(self) -> "ClaimQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def with_send_back(self) -> "ClaimQuerySet":
        """Each claim with `send_back_note`: the editor's note on its draft sent back while the
        reviewer has not redrafted it, else None; in the same query, for a list of any length."""
        latest = (
            ClaimTransition.objects.send_backs()
            .filter(claim=OuterRef("pk"))
            .order_by("-created_at", "-id")
            .values("reason")[:1]
        )
        return self.annotate(
            send_back_note=Case(
                When(status__in=SENT_BACK_STATUSES, then=Subquery(latest)), default=None
            )
        )

    def untriaged(self) -> "ClaimQuerySet":
        """Claims no editor has decided on yet: still new, and neither marked a duplicate nor
        merged into another (both are an editor's decision, though the claim stays new)."""
        return self.filter(
            status=ClaimStatus.NEW, duplicate_of__isnull=True, merged_into__isnull=True
        )

    def overdue(self) -> "ClaimQuerySet":
        return self.open().filter(due_date__lt=timezone.localdate())

    def count_by_status(self) -> dict[str, int]:
        counts = dict(self.values_list("status").annotate(total=Count("id")).order_by())
        return {status: counts.get(status, 0) for status in ClaimStatus.values}

    def reviewer_load(self) -> list[dict]:
        """Each reviewer's open claims and how many of them are overdue."""
        today = timezone.localdate()
        return list(
            self.open()
            .filter(reviewer__isnull=False)
            .values("reviewer__username")
            .annotate(
                open_total=Count("id"),
                overdue_total=Count("id", filter=Q(due_date__lt=today)),
            )
            .order_by("-open_total", "reviewer__username")
        )

    def for_article(self, article: Article) -> "ClaimQuerySet":
        return self.filter(article=article)

    def search(self, text: str) -> "ClaimQuerySet":
        """Claims whose text or claimant matches, best first (`rank`), on any database.

        PostgreSQL: full-text search backed by GIN indexes on the claim text and claimant name,
        ranked with the claimant's name weighted below the claim's own words, among the newest
        MAX_RANKED_MATCHES matches. Elsewhere: every
        word must appear in the claim text or the claimant's name (any case); rank is 0.
        """
        words = text.split()[:MAX_SEARCH_WORDS]
        if not words:
            return self
        if connection.vendor != "postgresql":
            claims = self
            for word in words:
                claims = claims.filter(Q(text__icontains=word) | Q(claimant__name__icontains=word))
            return claims.annotate(rank=Value(0.0, output_field=FloatField())).order_by(
                "-rank", "-id"
            )
        query = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="websearch")
        # Looked up first (a small table), so the claims query can OR two index scans.
        claimant_ids = list(
            Claimant.objects.annotate(vector=SearchVector("name", config="simple"))
            .filter(vector=SearchQuery(" ".join(words), config="simple", search_type="websearch"))
            .values_list("pk", flat=True)[:MAX_CLAIMANTS_PER_SEARCH]
        )
        matches = Q(text_vector=query)
        if claimant_ids:
            matches |= Q(claimant_id__in=claimant_ids)
        ranked_vector = SearchVector("text", config=SEARCH_CONFIG, weight="A") + SearchVector(
            "claimant__name", config="simple", weight="B"
        )
        # Ranking reads every match: a common word matches most of a large newsroom's claims, so
        # only the newest matches (with the other filters applied) are ranked.
        newest_matches = (
            self.alias(text_vector=SearchVector("text", config=SEARCH_CONFIG))
            .filter(matches)
            .order_by("-id")
            .values("id")[:MAX_RANKED_MATCHES]
        )
        return (
            self.filter(id__in=newest_matches)
            .annotate(rank=SearchRank(ranked_vector, query))
            .order_by("-rank", "-id")
        )

    def possible_originals(self, claim: "Claim", query: str) -> "ClaimQuerySet":
        """The claims ``claim`` could follow as a duplicate, found by id ("#12") or by the words
        typed, best match first. Duplicates and merged claims are left out: a duplicate resolves to
        its original anyway, and a merged claim lives on in the one it was merged into."""
        found = self.exclude(pk=claim.pk).filter(
            duplicate_of__isnull=True, merged_into__isnull=True
        )
        query = query.strip().lstrip("#").strip()
        if query.isdigit():
            return found.filter(pk=int(query)).select_related("article")
        # The same search as the claims list and the API, best match first.
        return found.search(query).select_related("article")


class Claim(models.Model):
    # Empty only for claims imported from fact-checks published elsewhere (see the constraint).
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="claims"
    )
    text = models.TextField()
    statement = models.TextField(
        blank=True,
        help_text=(
            "The claim as one standalone sentence, as published in ClaimReview's claimReviewed: "
            "no quotation marks or attribution. Empty: the sentence itself."
        ),
    )
    # An editor's wording outlives re-extraction of the article.
    statement_edited = models.BooleanField(
        default=False, help_text="An editor wrote the statement; the detector leaves it alone."
    )
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
    second_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="second_reviews",
        help_text="When set, this reviewer must agree before the verdict is published.",
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="The claim whose verdict this one follows.",
    )
    # Set when editors merged this claim into another: its appearances, verdicts and history
    # moved there, and the row stays so that links to it still resolve.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_claims",
    )
    merged_at = models.DateTimeField(null=True, blank=True)
    dates = models.JSONField(default=list, blank=True, help_text="Dates the claim talks about.")
    entities = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["dates", "entities", "text_hash"])

    # Written only by the workflow services (claims.services), which check the move and record
    # it; no admin page or form edits them (tests/claims/test_admin_forms.py checks).
    workflow_fields = (
        "status",
        "reviewer",
        "assigned_at",
        "due_date",
        "second_reviewer",
        "duplicate_of",
        "merged_into",
        "merged_at",
    )

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
            models.CheckConstraint(
                condition=~Q(duplicate_of=models.F("id")), name="claim_not_duplicate_of_itself"
            ),
            models.CheckConstraint(
                condition=Q(article__isnull=False) | Q(origin=ClaimOrigin.IMPORTED),
                name="claim_has_article_unless_imported",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("id")), name="claim_not_merged_into_itself"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score"]),
            models.Index(fields=["reviewer", "status"]),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    @property
    def claim_reviewed(self) -> str:
        """What a fact-check says it reviewed: the statement, or the sentence when there is none."""
        return self.statement or self.text

    @property
    def published_verdict(self) -> "Verdict | None":
        """The current published verdict; uses the prefetch of `with_public_detail` when present."""
        cached = getattr(self, "published_verdicts", None)
        if cached is not None:
            return cached[0] if cached else None
        return self.verdicts.filter(status=VerdictStatus.PUBLISHED).first()

    def verdict_in_hand(self) -> "Verdict | None":
        """The version the newsroom works on: the draft when there is one, else the published
        one; with its rating, author and sources, for the claim page."""
        versions = list(
            self.verdicts.filter(status__in=[VerdictStatus.DRAFT, VerdictStatus.PUBLISHED])
            .select_related("rating", "author")
            .prefetch_related("sources")
        )
        draft = next((v for v in versions if v.status == VerdictStatus.DRAFT), None)
        return draft or (versions[0] if versions else None)

    @property
    def public_verdict(self) -> "Verdict | None":
        """The verdict readers see: a duplicate shows its original's (claims.public decides)."""
        # Imported here: the public read model reads these models.
        from claims.public import public_verdict_of

        return public_verdict_of(self)

    @property
    def verdict_history(self) -> list["Verdict"]:
        """Every published version, newest first, with its correction note."""
        cached = getattr(self, "public_versions", None)
        if cached is not None:
            return cached
        return list(self.verdicts.publicly_visible().order_by("-version"))

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in OPEN_STATUSES
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


class ClaimTransitionQuerySet(models.QuerySet):
    def send_backs(self) -> "ClaimTransitionQuerySet":
        """Drafts an editor sent back: verdict_send_back is the only move from "drafted" to
        "assigned" (reassigning keeps a claim drafted); its reason is the editor's note."""
        return self.filter(from_status=ClaimStatus.DRAFTED, to_status=ClaimStatus.ASSIGNED)


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

    objects = ClaimTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class DetectorFeedbackQuerySet(models.QuerySet):
    def latest_per_claim(self) -> "DetectorFeedbackQuerySet":
        """The decisions that count: a claim marked one way then the other counts only as the
        latest. Decisions whose claim is gone each still count."""
        newer = DetectorFeedback.objects.filter(claim=OuterRef("claim"), id__gt=OuterRef("id"))
        return self.filter(~Exists(newer))

    def after(self, feedback_id: int) -> "DetectorFeedbackQuerySet":
        return self.filter(id__gt=feedback_id)


class DetectorFeedback(models.Model):
    """An editor's decision about a sentence, kept so that the detector can be retrained on it."""

    text = models.TextField()
    checkworthy = models.BooleanField()
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="detector_feedback"
    )
    # True when the editor taught a sentence the detector had missed.
    missed = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="detector_feedback",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DetectorFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "detector feedback"

    def __str__(self) -> str:
        return f"{'check-worthy' if self.checkworthy else 'not check-worthy'}: {self.text[:60]}"
