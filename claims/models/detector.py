"""The check-worthiness models a newsroom trained from its editors' decisions.

Stored in the database, the one store every web process and worker shares: a candidate is
trained apart, compared with the model in use, and only an editor's promotion makes it the
active one; the model it replaced stays, retired, for a rollback. No active row means the
model shipped with the code.
"""

from django.conf import settings
from django.db import models


class DetectorModelStatus(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    ACTIVE = "active", "Active"
    RETIRED = "retired", "Retired"


class DetectorModelQuerySet(models.QuerySet):
    def active(self) -> "DetectorModelQuerySet":
        return self.filter(status=DetectorModelStatus.ACTIVE)

    def candidates(self) -> "DetectorModelQuerySet":
        return self.filter(status=DetectorModelStatus.CANDIDATE)

    def without_weights(self) -> "DetectorModelQuerySet":
        return self.defer("weights").select_related("trained_by", "promoted_by")


class DetectorModel(models.Model):
    status = models.CharField(
        max_length=20, choices=DetectorModelStatus.choices, default=DetectorModelStatus.CANDIDATE
    )
    # The model file's bytes (claims/detection/checkworthiness.py reads them without pickle).
    weights = models.BinaryField()
    # The comparison made when it was trained: {set: {"candidate": {...}, "current": {...}}}.
    comparison = models.JSONField(default=dict, blank=True)
    decisions = models.PositiveIntegerField(
        default=0, help_text="Editors' decisions it learnt from."
    )
    held_out = models.PositiveIntegerField(
        default=0, help_text="Editors' decisions kept aside to compare it on."
    )
    # The newest decision it saw: decisions after it are the ones waiting for a retrain.
    last_feedback_id = models.PositiveBigIntegerField(default=0)
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="detector_models_trained",
    )
    promoted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="detector_models_promoted",
    )
    promoted_at = models.DateTimeField(null=True, blank=True)
    # The model that was active when this one was promoted: what a rollback returns to
    # (empty: the shipped model).
    replaced = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DetectorModelQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="active"),
                name="one_active_detector_model",
            )
        ]

    def __str__(self) -> str:
        return f"Detector model #{self.pk} ({self.get_status_display().lower()})"
