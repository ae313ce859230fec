from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.models import (
    Claimant,
    ClaimantAlias,
    Rating,
    RatingScale,
)
from claims.services import rating_scale_activate
from core.errors import ServiceError
from core.history_admin import ReadOnlyHistoryAdmin


class ClaimantAliasInline(admin.TabularInline):
    model = ClaimantAlias
    fields = ["name"]
    extra = 0


@admin.register(Claimant)
class ClaimantAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [ClaimantAliasInline]
    readonly_fields = ["created_at", "updated_at"]


class RatingInline(admin.TabularInline):
    model = Rating
    fields = ["order", "slug", "label", "value", "colour"]
    extra = 0


@admin.action(description="Make the active scale for new verdicts")
def make_active(modeladmin: admin.ModelAdmin, request: HttpRequest, scales: QuerySet) -> None:
    if scales.count() != 1:
        modeladmin.message_user(request, "Choose exactly one scale.", level=messages.ERROR)
        return
    try:
        scale = rating_scale_activate(scale=scales.get(), actor=request.user)
    except ServiceError as error:
        modeladmin.message_user(request, error.message, level=messages.ERROR)
    else:
        modeladmin.message_user(
            request,
            f"{scale.name} is now the active scale. Published verdicts keep their ratings.",
        )


@admin.register(RatingScale)
class RatingScaleAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "slug", "is_default"]
    readonly_fields = ["is_default"]
    inlines = [RatingInline]
    actions = [make_active]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The active scale always exists; others go only when no verdict uses them.
        if obj is not None and obj.is_default:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Rating)
class RatingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["label", "slug", "value", "order", "colour", "scale"]
    list_filter = ["scale"]
    list_select_related = ["scale"]
