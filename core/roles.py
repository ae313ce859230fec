"""The newsroom's roles.

Editors triage, assign and publish; reviewers research claims and draft verdicts.
"""

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# Who acts on the newsroom's data: the signed-in user of a request (anonymous included), or
# None for the command line and tasks, which act for nobody in particular.
Actor: TypeAlias = "AbstractBaseUser | AnonymousUser | None"

EDITORS = "editors"
REVIEWERS = "reviewers"


def _group_names(user: Any) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_claim_tracker_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._claim_tracker_groups = cached
    return cached


def is_editor(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or EDITORS in _group_names(user)


def is_reviewer(user: Any) -> bool:
    return REVIEWERS in _group_names(user)


def is_staff_member(user: Any) -> bool:
    return is_editor(user) or is_reviewer(user)
