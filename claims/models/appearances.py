"""One claim, many appearances: where a claim was made, what editors decided about near
repeats, the fact-checks published elsewhere, and the log that keeps every process's claim
index up to date."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article
from claims.models.claimants import Claimant
from claims.models.claims import Claim


class AppearanceQuerySet(models.QuerySet):
    def for_claim(self, claim: Claim) -> "AppearanceQuerySet":
        return self.filter(claim=claim).select_related("article", "claimant")

    def in_article(self, article: Article) -> "AppearanceQuerySet":
        return self.filter(article=article)


class Appearance(models.Model):
    """A place a claim was made: a span of an article, in the words used there."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claim_appearances")
    start = models.PositiveIntegerField(help_text="Character offset in the article body.")
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The claim as it appeared there.")
    text_hash = models.CharField(max_length=64, editable=False)
    claimant = models.ForeignKey(
        Claimant,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appearances",
    )
    said_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppearanceQuerySet.as_manager()

    class Meta:
        ordering = ["said_on", "created_at", "id"]
        constraints = [
            # The same sentence of one article is one appearance, as it is one claim.
            models.UniqueConstraint(
                fields=["article", "text_hash"], name="appearance_unique_in_article"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="appearance_span_ordered"
            ),
        ]
        indexes = [models.Index(fields=["claim", "said_on"])]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted: the same claim"
    REJECTED = "rejected", "Rejected: a different claim"


class MatchSuggestionQuerySet(models.QuerySet):
    def pending(self) -> "MatchSuggestionQuerySet":
        return self.filter(status=SuggestionStatus.PENDING)

    def with_claims(self) -> "MatchSuggestionQuerySet":
        return self.select_related("claim__article", "candidate__article", "decided_by")


class MatchSuggestion(models.Model):
    """ "This new claim may repeat that known one": a match editors confirm or turn down."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_suggestions")
    candidate = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="suggested_as_match"
    )
    score = models.FloatField()
    confidence = models.FloatField(help_text="Estimated probability that both are one claim.")
    status = models.CharField(
        max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_decisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MatchSuggestionQuerySet.as_manager()

    # Decided only through the matching services (confirm merges, turn down keeps apart).
    workflow_fields = ("status", "decided_by", "decided_at")

    class Meta:
        ordering = ["-confidence", "id"]
        constraints = [
            # One decision per pair: a rejected pair is never suggested again.
            models.UniqueConstraint(fields=["claim", "candidate"], name="suggestion_pair_unique"),
            models.CheckConstraint(
                condition=~Q(claim=models.F("candidate")), name="suggestion_not_to_itself"
            ),
        ]
        indexes = [models.Index(fields=["status", "-confidence"])]

    def __str__(self) -> str:
        return f"#{self.claim_id} may repeat #{self.candidate_id} ({self.confidence:.0%})"


class ExternalReview(models.Model):
    """A fact-check published as schema.org ClaimReview, by this newsroom or a partner."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="external_reviews")
    url = models.URLField(max_length=2000, unique=True, help_text="The fact-check's address.")
    title = models.CharField(max_length=1000, blank=True, help_text="The fact-check's headline.")
    publisher = models.CharField(max_length=300, blank=True)
    publisher_url = models.URLField(max_length=2000, blank=True)
    rating_text = models.CharField(max_length=300, blank=True)
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    claimant_name = models.CharField(max_length=300, blank=True)
    claimed_on = models.DateField(null=True, blank=True)
    appearance_urls = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "reviewed_on", "id"]

    def __str__(self) -> str:
        label = self.rating_text or "reviewed"
        return f"{self.publisher or self.url}: {label}"


class RegroupKind(models.TextChoices):
    MERGE = "merge", "Merged"
    SPLIT = "split", "Split"


class ClaimRegrouping(models.Model):
    """An editor's merge or split: which claim gave up appearances to which, by whom, when."""

    kind = models.CharField(max_length=10, choices=RegroupKind.choices)
    source = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="regrouped_from")
    target = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="regrouped_into")
    appearances_moved = models.PositiveIntegerField(default=0)
    verdicts_moved = models.PositiveIntegerField(default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claim_regroupings",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.source_id} → #{self.target_id}"


class MatchIndexChange(models.Model):
    """One claim whose matchable text changed; written in the same transaction as the change.

    Every process keeps its own claim index and compares the newest row with the one it has
    applied (one tiny query); the token tells a rolled-back or reset history from its own.
    """

    claim_id = models.BigIntegerField()
    token = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"claim {self.claim_id} changed"
