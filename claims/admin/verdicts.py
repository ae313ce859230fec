from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from claims.models import (
    DetectorFeedback,
    Verdict,
    VerdictSource,
)


class VerdictSourceInline(admin.TabularInline):
    model = VerdictSource
    fields = ["url", "title", "publisher", "quote", "accessed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = [
        "claim",
        "version",
        "status",
        "rating",
        "second_review",
        "author",
        "published_at",
    ]
    list_filter = ["status", "second_review", "rating"]
    search_fields = ["claim__text", "summary"]
    list_select_related = ["claim", "rating", "author"]
    inlines = [VerdictSourceInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Verdicts change only through the claim's workflow, so the rules and history hold.
        return [field.name for field in Verdict._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(DetectorFeedback)
class DetectorFeedbackAdmin(admin.ModelAdmin):
    list_display = ["text", "checkworthy", "decided_by", "created_at"]
    list_filter = ["checkworthy"]
    search_fields = ["text"]
    readonly_fields = ["text", "checkworthy", "claim", "decided_by", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
