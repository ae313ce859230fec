from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET

from articles.models import Article, FeedPoll, FeedSource, ImportBatch
from articles.services import (
    EDITABLE_FIELDS,
    article_clean_fields,
    article_create_from_page,
    article_create_from_url,
    article_receive,
    article_reextract_saved_page,
    article_request_extraction,
    article_request_fetch,
    article_update,
    feed_source_create,
    feed_source_request_poll,
    feed_source_update,
    read_page,
)
from core.errors import ServiceError
from core.history_admin import ReadOnlyHistoryAdmin

# An uploaded page is read whole; larger files are refused before they are parsed.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _add_service_errors(form: forms.Form, error: ServiceError) -> None:
    for field, field_messages in (error.messages or {None: [error.message]}).items():
        for message in field_messages:
            form.add_error(field if field in form.fields else None, message)


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
            _add_service_errors(self, error)
        return cleaned


class ArticleAddForm(forms.ModelForm):
    """A new article: its title and body, its address alone (the page is fetched), or a
    saved page uploaded as an HTML file."""

    html_file = forms.FileField(
        required=False,
        label="Saved page",
        help_text="An HTML file of the article's page; its text and details are extracted.",
    )

    class Meta:
        model = Article
        fields = list(EDITABLE_FIELDS)
        help_texts = {
            "url": "Alone, the page at this address is fetched for the article's text.",
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("html_file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error("html_file", "The file is larger than 5 MB.")
            else:
                cleaned["html"] = upload.read()
                try:
                    cleaned["page"] = read_page(cleaned["html"], url=cleaned.get("url") or "")
                except ServiceError as error:
                    self.add_error("html_file", error.message)
            return cleaned
        if not cleaned.get("body"):
            if not cleaned.get("url") and "url" not in self.errors:
                self.add_error(None, "Give the article's text, its address, or a saved page.")
            return cleaned
        values = {name: cleaned.get(name) for name in EDITABLE_FIELDS if name in cleaned}
        try:
            article_clean_fields(values)
        except ServiceError as error:
            _add_service_errors(self, error)
        return cleaned


@admin.action(description="Re-run claim extraction")
def rerun_extraction(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    requested = 0
    for article in queryset:
        try:
            article_request_extraction(article=article)
        except ServiceError as error:
            modeladmin.message_user(request, f"{article}: {error.message}", messages.WARNING)
        else:
            requested += 1
    modeladmin.message_user(request, f"Extraction requested for {requested} article(s).")


@admin.action(description="Fetch the page again (retry)")
def retry_fetch(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    requested = 0
    for article in queryset:
        try:
            article_request_fetch(article=article)
        except ServiceError as error:
            modeladmin.message_user(request, f"{article}: {error.message}", messages.WARNING)
        else:
            requested += 1
    modeladmin.message_user(request, f"Fetch requested for {requested} article(s).")


@admin.action(description="Re-extract from saved HTML")
def reextract_from_saved_html(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    outcomes: dict[str, int] = {}
    for article in queryset:
        try:
            outcome = article_reextract_saved_page(article=article)
        except ServiceError as error:
            modeladmin.message_user(request, f"{article}: {error.message}", messages.WARNING)
        else:
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    if outcomes:
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items()))
        modeladmin.message_user(request, f"Re-extracted from saved HTML: {summary}.")


class OutletFilter(admin.SimpleListFilter):
    """Typed, not listed: the sidebar stays short however many outlets send articles."""

    title = "outlet"
    parameter_name = "outlet"
    template = "admin/articles/filters/input.html"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        # One placeholder choice: Django shows a filter only when it has choices.
        return [("", "")]

    def choices(self, changelist: Any) -> Any:
        kept = changelist.get_filters_params()
        kept.pop(self.parameter_name, None)
        yield {
            "name": self.parameter_name,
            "label": "Outlet contains",
            "value": self.value() or "",
            "kept": [
                (key, item)
                for key, value in kept.items()
                for item in (value if isinstance(value, list) else [value])
            ],
            "clear": changelist.get_query_string(remove=[self.parameter_name]),
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = (self.value() or "").strip()
        return queryset.filter(outlet__icontains=value) if value else queryset


class LanguageFilter(admin.SimpleListFilter):
    title = "language"
    parameter_name = "language"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        codes = (
            Article.objects.exclude(language="")
            .order_by("language")
            .values_list("language", flat=True)
            .distinct()
        )
        return [("unknown", "Unknown"), *((code, code) for code in codes)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "unknown":
            return queryset.filter(language="")
        return queryset.in_language(value) if value else queryset


@admin.register(Article)
class ArticleAdmin(ReadOnlyHistoryAdmin):
    form = ArticleForm
    list_display = [
        "title_column",
        "outlet",
        "language",
        "status",
        "claim_count",
        "published_on",
        "received_on",
    ]
    list_filter = ["status", LanguageFilter, OutletFilter, "feed_source", "import_batch"]
    search_fields = ["title", "url", "canonical_url", "outlet", "author"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "status_reason",
        "language",
        "canonical_url",
        "duplicate_of",
        "feed_source",
        "import_batch",
        "fetch_attempts",
        "fetch_failure_transient",
        "next_fetch_at",
        "has_saved_page",
        "processing_started_at",
        "processed_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fields = [*EDITABLE_FIELDS, *readonly_fields]
    actions = [rerun_extraction, retry_fetch, reextract_from_saved_html]

    def get_urls(self) -> list[Any]:
        status = path(
            "<int:pk>/status/",
            self.admin_site.admin_view(self.status_view),
            name="articles_article_status",
        )
        return [status, *super().get_urls()]

    @method_decorator(require_GET)
    def status_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        """The article's extraction status, polled by its page while claims are extracted."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        article = get_object_or_404(self.get_queryset(request), pk=pk)
        return JsonResponse(
            {
                "status": article.status,
                "status_label": article.get_status_display(),
                "status_reason": article.status_reason,
                "claims": article.claim_total,
            }
        )

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # The admin's date-and-time pair has one label for two boxes; name each for screen readers.
        parts = getattr(getattr(field, "widget", None), "widgets", None)
        if db_field.name == "published_at" and parts and len(parts) == 2:
            parts[0].attrs["aria-label"] = f"{db_field.verbose_name.capitalize()}: date"
            parts[1].attrs["aria-label"] = f"{db_field.verbose_name.capitalize()}: time"
        return field

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        if obj is None:
            kwargs["form"] = ArticleAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return [*EDITABLE_FIELDS, "html_file"]
        return self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return self.readonly_fields if obj is not None else []

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(claim_total=Count("claims"))
            .select_related("duplicate_of", "feed_source", "import_batch", "created_by")
        )

    class Media:
        css = {"all": ["claims/admin-desk.css"]}

    @admin.display(description="article", ordering="title")
    def title_column(self, article: Article) -> str:
        return str(article)

    @admin.display(description="published", ordering="published_at")
    def published_on(self, article: Article) -> str:
        return article.published_at.strftime("%d %b %Y") if article.published_at else "-"

    @admin.display(description="received", ordering="created_at")
    def received_on(self, article: Article) -> str:
        return article.created_at.strftime("%d %b %Y") if article.created_at else "-"

    @admin.display(description="claims", ordering="claim_total")
    def claim_count(self, article: Article) -> int:
        return article.claim_total

    @admin.display(description="saved page", boolean=True)
    def has_saved_page(self, article: Article) -> bool:
        return hasattr(article, "page")

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data.get(name) for name in EDITABLE_FIELDS}
        for name in ("title", "body", "url", "outlet", "author"):
            values[name] = values[name] or ""
        if change:
            saved = article_update(article=obj, **values)
        else:
            receipt = self._add(request, form, values)
            saved = receipt.article
            if receipt.outcome == "duplicate":
                self.message_user(
                    request,
                    f"Already stored as article {saved.pk} (same {receipt.matched_by}).",
                    messages.WARNING,
                )
        obj.pk = saved.pk
        obj.refresh_from_db()

    def _add(self, request: HttpRequest, form: Any, values: dict[str, Any]) -> Any:
        if form.cleaned_data.get("html") is not None:
            return article_create_from_page(
                html=form.cleaned_data["html"],
                url=values["url"],
                extracted=form.cleaned_data["page"],
                created_by=request.user,
            )
        if not values["body"]:
            return article_create_from_url(
                url=values["url"],
                title=values["title"],
                outlet=values["outlet"],
                published_at=values["published_at"],
                created_by=request.user,
            )
        return article_receive(**values, created_by=request.user)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Nothing related is edited here; the services have written everything.
        return


class FeedSourceForm(forms.ModelForm):
    class Meta:
        model = FeedSource
        fields = ["name", "url", "outlet", "poll_interval_minutes", "active"]


class FeedPollInline(admin.TabularInline):
    model = FeedPoll
    fields = ["polled_at", "status", "entries_seen", "new_entries", "error"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-polled_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        latest = list(queryset.order_by("-polled_at").values_list("pk", flat=True)[:20])
        return queryset.filter(pk__in=latest)


@admin.action(description="Poll now")
def poll_now(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    for source in queryset:
        feed_source_request_poll(source=source)
    modeladmin.message_user(request, f"Poll requested for {queryset.count()} feed(s).")


@admin.register(FeedSource)
class FeedSourceAdmin(admin.ModelAdmin):
    form = FeedSourceForm
    list_display = [
        "name",
        "url",
        "active",
        "poll_interval_minutes",
        "last_polled_at",
        "next_poll_at",
        "consecutive_failures",
        "article_count",
        "last_error",
    ]
    list_filter = ["active", "outlet"]
    search_fields = ["name", "url", "outlet"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "next_poll_at",
        "consecutive_failures",
        "last_error",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [FeedPollInline]
    actions = [poll_now]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, source: FeedSource) -> int:
        return source.article_total

    def save_model(self, request: HttpRequest, obj: FeedSource, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data.get(name) for name in FeedSourceForm.Meta.fields}
        values["outlet"] = values["outlet"] or ""
        if change:
            saved = feed_source_update(source=obj, **values)
        else:
            saved = feed_source_create(**values, created_by=request.user)
        obj.pk = saved.pk
        obj.refresh_from_db()


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "source_name",
        "status",
        "progress",
        "total",
        "done",
        "failed",
        "fetch_failures",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status"]
    readonly_fields = [
        "source_name",
        "status",
        "total",
        "done",
        "failed",
        "created_by",
        "created_at",
        "updated_at",
        "finished_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(fetch_failure_total=Count("articles", filter=Q(articles__status="failed")))
        )

    @admin.display(description="progress")
    def progress(self, batch: ImportBatch) -> str:
        processed = batch.done + batch.failed
        percent = 100 * processed // batch.total if batch.total else 100
        return f"{processed}/{batch.total} lines ({percent}%)"

    @admin.display(description="articles failed", ordering="fetch_failure_total")
    def fetch_failures(self, batch: ImportBatch) -> int:
        return batch.fetch_failure_total
