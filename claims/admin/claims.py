from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.errors import ServiceError
from articles.roles import is_editor
from articles.services import article_request_extraction
from claims.admin.forms import AssignForm, VerdictForm
from claims.models import (
    Claim,
    ClaimTransition,
    Verdict,
    VerdictStatus,
)
from claims.services import (
    claim_assign,
    claim_mark_checkable,
    claim_mark_not_checkable,
    verdict_draft,
    verdict_publish,
)


class ScoreBandFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "score_band"
    bands = {
        "high": ("0.9 and above", 0.9, None),
        "likely": ("0.7 to 0.9", 0.7, 0.9),
        "possible": ("0.5 to 0.7", 0.5, 0.7),
        "low": ("below 0.5", None, 0.5),
    }

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(key, label) for key, (label, _, _) in self.bands.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() not in self.bands:
            return queryset
        _, low, high = self.bands[self.value()]
        if low is not None:
            queryset = queryset.filter(score__gte=low)
        if high is not None:
            queryset = queryset.filter(score__lt=high)
        return queryset


def _apply_to_each(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    claims: QuerySet,
    service: Any,
    **kwargs: Any,
) -> None:
    done, refused = 0, []
    for claim in claims:
        try:
            service(claim=claim, actor=request.user, **kwargs)
            done += 1
        except ServiceError as error:
            refused.append(f"#{claim.pk}: {error.message}")
    if done:
        modeladmin.message_user(request, f"{done} claim(s) updated.")
    for message in refused:
        modeladmin.message_user(request, message, level=messages.ERROR)


@admin.action(description="Mark checkable")
def mark_checkable(modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet) -> None:
    _apply_to_each(modeladmin, request, claims, claim_mark_checkable)


@admin.action(description="Mark not checkable")
def mark_not_checkable(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> None:
    _apply_to_each(modeladmin, request, claims, claim_mark_not_checkable)


@admin.action(description="Assign to a reviewer…")
def assign_to_reviewer(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> HttpResponse | None:
    form = AssignForm(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        _apply_to_each(
            modeladmin,
            request,
            claims,
            claim_assign,
            reviewer=form.cleaned_data["reviewer"],
            due_date=form.cleaned_data["due_date"],
            reason=form.cleaned_data["reason"],
        )
        return None
    return TemplateResponse(
        request,
        "admin/claims/claim/assign.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Assign claims to a reviewer",
            "claims": claims,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
        },
    )


@admin.action(description="Re-run extraction on their articles")
def rerun_article_extraction(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> None:
    articles = {claim.article for claim in claims.select_related("article")}
    for article in articles:
        article_request_extraction(article=article)
    modeladmin.message_user(request, f"Extraction requested for {len(articles)} article(s).")


class ClaimTransitionInline(admin.TabularInline):
    model = ClaimTransition
    fields = ["created_at", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VerdictInline(admin.StackedInline):
    model = Verdict
    fields = ["version", "status", "rating", "summary", "explanation", "author", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "short_text",
        "claimant",
        "status",
        "rounded_score",
        "article",
        "reviewer",
        "due_date",
    ]
    list_filter = [
        "status",
        ScoreBandFilter,
        ("claimant", admin.RelatedOnlyFieldListFilter),
        ("article", admin.RelatedOnlyFieldListFilter),
        ("reviewer", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["text", "claimant__name", "claimant__aliases__name", "article__title"]
    list_select_related = ["claimant", "article", "reviewer"]
    ordering = ["-score", "-id"]
    fields = [
        "text",
        "article",
        "start",
        "end",
        "score",
        "claimant",
        "status",
        "reviewer",
        "assigned_at",
        "due_date",
        "dates",
        "entities",
        "origin",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [VerdictInline, ClaimTransitionInline]
    actions = [assign_to_reviewer, mark_checkable, mark_not_checkable, rerun_article_extraction]
    change_form_template = "admin/claims/claim/change_form.html"

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim: Claim) -> str:
        return str(claim)

    @admin.display(description="score", ordering="score")
    def rounded_score(self, claim: Claim) -> str:
        return f"{claim.score:.2f}"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        claims = super().get_queryset(request)
        if is_editor(request.user):
            return claims
        # Reviewers see their own queue only.
        return claims.assigned_to(request.user)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        return actions if is_editor(request.user) else {}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def get_urls(self) -> list[Any]:
        custom = [
            path(
                "<int:pk>/verdict/",
                self.admin_site.admin_view(self.verdict_view),
                name="claims_claim_verdict",
            ),
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="claims_claim_publish",
            ),
        ]
        return custom + super().get_urls()

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        claim = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_write_verdict": claim is not None and claim.reviewer_id == request.user.pk,
            "can_publish": claim is not None
            and is_editor(request.user)
            and claim.verdicts.filter(status=VerdictStatus.DRAFT).exists(),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def verdict_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = get_object_or_404(self.get_queryset(request), pk=pk)
        draft = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
        initial = {}
        if draft is not None:
            initial = {
                "rating": draft.rating,
                "summary": draft.summary,
                "explanation": draft.explanation,
                "sources": "\n".join(draft.sources.values_list("url", flat=True)),
            }
        form = VerdictForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                verdict_draft(claim=claim, actor=request.user, **form.cleaned_data)
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request, "Verdict saved as a draft; an editor can now publish it."
                )
                return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
        return TemplateResponse(
            request,
            "admin/claims/claim/verdict.html",
            {
                **self.admin_site.each_context(request),
                "title": "Write the verdict",
                "claim": claim,
                "form": form,
                "opts": self.model._meta,
            },
        )

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = get_object_or_404(self.get_queryset(request), pk=pk)
        if request.method == "POST":
            try:
                verdict_publish(claim=claim, actor=request.user)
            except ServiceError as error:
                self.message_user(request, error.message, level=messages.ERROR)
            else:
                self.message_user(request, "Verdict published.")
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))
