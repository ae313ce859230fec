from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.filters import PublishedRangeFilter, SeenByReadersFilter, VersionFilter
from claims.models import (
    DetectorFeedback,
    Verdict,
    VerdictSource,
)
from core.history_admin import ReadOnlyHistoryAdmin


class VerdictSourceInline(admin.TabularInline):
    model = VerdictSource
    fields = ["url", "title", "publisher", "quote", "accessed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "claim",
        "version",
        "status",
        "rating",
        "second_review",
        "author",
        "published_at",
    ]
    list_filter = [
        "status",
        SeenByReadersFilter,
        VersionFilter,
        PublishedRangeFilter,
        "second_review",
        "rating",
        "rating_label",
    ]
    search_fields = ["claim__text", "summary"]
    list_select_related = ["claim", "rating", "author"]
    inlines = [VerdictSourceInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Verdicts change only through the claim's workflow, so the rules and history hold.
        return [field.name for field in Verdict._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Drafts, corrections and second-review notes: a reviewer reads those of their queue.
        return super().get_queryset(request).in_scope_of(request.user)


@admin.register(DetectorFeedback)
class DetectorFeedbackAdmin(admin.ModelAdmin):
    list_display = ["text", "checkworthy", "decided_by", "created_at"]
    list_filter = ["checkworthy"]
    search_fields = ["text"]
    readonly_fields = ["text", "checkworthy", "claim", "decided_by", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
