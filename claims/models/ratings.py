from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from claims.colours import MIN_TEXT_CONTRAST, badge_contrast, readable_text_colour

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Give the colour as #rrggbb, for example #2e7d32."
)


class RatingScale(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    is_default = models.BooleanField(
        default=False,
        editable=False,
        help_text="The active scale: new verdicts are rated on it. Switch with the list action.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_rating_scale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class RatingQuerySet(models.QuerySet):
    def in_default_scale(self) -> "RatingQuerySet":
        return self.filter(scale__is_default=True).select_related("scale")


class Rating(models.Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="ratings")
    slug = models.SlugField(max_length=100)
    label = models.CharField(max_length=100)
    # The ClaimReview ratingValue; the scale's best and worst are its highest and lowest values.
    value = models.IntegerField()
    order = models.PositiveIntegerField(default=0)
    colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[colour_validator],
        help_text="A colour as #rrggbb, such as #2e7d32.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RatingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "order", "-value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "slug"], name="rating_slug_unique_in_scale")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        # The badge's label is drawn in black or white, whichever reads better; a colour on
        # which neither reaches WCAG AA would leave some readers unable to read the rating.
        # (With opaque #rrggbb colours the better of the two always reaches about 4.58:1, so
        # this guards the threshold rather than any colour in use today.)
        if not self.colour:
            return
        try:
            colour_validator(self.colour)
        except ValidationError:
            return  # The field's own validator reports a malformed colour.
        if badge_contrast(self.colour) < MIN_TEXT_CONTRAST:
            raise ValidationError(
                {
                    "colour": f"Neither black nor white text reaches a contrast of "
                    f"{MIN_TEXT_CONTRAST}:1 on {self.colour}; choose a lighter or darker colour."
                }
            )

    @property
    def badge_text_colour(self) -> str:
        """The colour of the label on this rating's badge, chosen for contrast."""
        return readable_text_colour(self.colour) if self.colour else "#000000"
