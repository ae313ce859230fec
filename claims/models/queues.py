"""Whose work a claim is: the one rule behind a reviewer's queue and what they may read of it."""

from django.db.models import Q


def in_queue_of(user: object, *, through: str = "") -> Q:
    """Rows of claims the user checks or second-reviews; `through` reaches the claim from a
    related row (``"claim__"`` from a verdict)."""
    return Q(**{f"{through}reviewer": user}) | Q(**{f"{through}second_reviewer": user})
