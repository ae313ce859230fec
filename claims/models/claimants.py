import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from simple_history.models import HistoricalRecords


def normalise_name(name: str) -> str:
    """The form under which two spellings of one claimant's name meet."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return " ".join(folded.replace(".", "").split())


class ClaimantKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organisation"
    UNKNOWN = "unknown", "Unknown"


def validate_same_as(value: object) -> None:
    """A list of http(s) addresses, as ClaimReview `sameAs` publishes them."""
    if not isinstance(value, list):
        raise ValidationError('A list of addresses, e.g. ["https://www.wikidata.org/wiki/Q42"].')
    check = URLValidator(schemes=["http", "https"])
    for item in value:
        if not isinstance(item, str):
            raise ValidationError(f"{item!r} is not an address.")
        check(item)


class Claimant(models.Model):
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, unique=True, editable=False)
    kind = models.CharField(
        max_length=20, choices=ClaimantKind.choices, default=ClaimantKind.UNKNOWN
    )
    same_as = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_same_as],
        help_text=(
            "Pages that identify this claimant (Wikidata, an official site), as a list: "
            '["https://www.wikidata.org/wiki/Q42"]. Published as ClaimReview sameAs.'
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimantAlias(models.Model):
    claimant = models.ForeignKey(Claimant, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["claimant", "normalized_name"], name="claimant_alias_unique"
            )
        ]
        verbose_name_plural = "claimant aliases"

    def __str__(self) -> str:
        return self.name
