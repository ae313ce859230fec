"""Choosing the rating scale that new verdicts are rated on."""

from typing import Any

from django.db import transaction

from claims.models import RatingScale
from claims.services.kernel import name_history_user, require_editor
from core.errors import InvalidInput


def rating_scale_activate(*, scale: RatingScale, actor: Any) -> RatingScale:
    """Make `scale` the one active scale. Published verdicts keep the rating they were given."""
    require_editor(actor, "switch the rating scale")
    with transaction.atomic():
        scale = RatingScale.objects.select_for_update().get(pk=scale.pk)
        if not scale.ratings.exists():
            raise InvalidInput(f"{scale.name} has no ratings yet; add some first.", field="scale")
        for previous in RatingScale.objects.select_for_update().filter(is_default=True):
            if previous.pk != scale.pk:
                previous.is_default = False
                name_history_user(actor, previous)
                previous.save(update_fields=["is_default", "updated_at"])
        scale.is_default = True
        name_history_user(actor, scale)
        scale.save(update_fields=["is_default", "updated_at"])
    return scale
