from django.contrib import admin

from claims.models import (
    Claimant,
    ClaimantAlias,
    Rating,
    RatingScale,
)


class ClaimantAliasInline(admin.TabularInline):
    model = ClaimantAlias
    fields = ["name"]
    extra = 0


@admin.register(Claimant)
class ClaimantAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    inlines = [ClaimantAliasInline]
    readonly_fields = ["created_at", "updated_at"]


class RatingInline(admin.TabularInline):
    model = Rating
    fields = ["order", "slug", "label", "value", "colour"]
    extra = 0


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_default"]
    inlines = [RatingInline]
