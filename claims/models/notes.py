from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.models.claims import Claim


class ClaimNoteQuerySet(models.QuerySet):
    def for_claim(self, claim: Claim) -> "ClaimNoteQuerySet":
        """The claim's notes as the claim page lists them: oldest first, so the newest is read
        last like a conversation, each with its author in the same query."""
        return self.filter(claim=claim).select_related("author").order_by("created_at", "id")


class ClaimNote(models.Model):
    """A note editors and the claim's reviewers leave each other on a claim. Never public: the
    public read model (claims.public) and ClaimReview read nothing from here."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claim_notes",
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimNoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="claim_note_not_empty")
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 60 else self.text[:57] + "..."
