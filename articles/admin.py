from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from articles.errors import ServiceError
from articles.models import Article
from articles.services import (
    EDITABLE_FIELDS,
    article_clean_fields,
    article_create,
    article_request_extraction,
    article_update,
)


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = list(EDITABLE_FIELDS)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        values = {name: cleaned.get(name) for name in EDITABLE_FIELDS if name in cleaned}
        try:
            article_clean_fields(values)
        except ServiceError as error:
            for field, field_messages in (error.messages or {None: [error.message]}).items():
                for message in field_messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned


@admin.action(description="Re-run claim extraction")
def rerun_extraction(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    for article in queryset:
        article_request_extraction(article=article)
    modeladmin.message_user(request, f"Extraction requested for {queryset.count()} article(s).")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "outlet", "status", "claim_count", "published_at", "created_at"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "url", "outlet", "author"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "status_reason",
        "processing_started_at",
        "processed_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fields = [*EDITABLE_FIELDS, *readonly_fields]
    actions = [rerun_extraction]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claim_count(self, article: Article) -> int:
        return article.claim_total

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data.get(name) for name in EDITABLE_FIELDS}
        for name in ("url", "outlet", "author"):
            values[name] = values[name] or ""
        if change:
            saved = article_update(article=obj, **values)
        else:
            saved = article_create(**values, created_by=request.user)
        obj.pk = saved.pk
        obj.refresh_from_db()
