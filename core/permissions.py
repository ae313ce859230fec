from typing import Any

from rest_framework.permissions import BasePermission

from core.roles import is_editor, is_staff_member


class IsEditor(BasePermission):
    message = "Only editors can do this."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_editor(request.user)


class IsNewsroomStaff(BasePermission):
    message = "Only editors and reviewers can do this."

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_staff_member(request.user)
