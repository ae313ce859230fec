"""Claim matching in the admin: appearances, match suggestions, fact-checks published
elsewhere, merging and splitting claims, and the "Find matching claims" page.

The claim page and list gain their appearances, external fact-checks, regrouping history and
the merge action from here, so that the triage admin stays about triage.
"""

from collections import defaultdict
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from claims.admin.claims import ClaimAdmin
from claims.admin.inlines import LabelledTabularInline
from claims.models import (
    Appearance,
    Claim,
    ClaimRegrouping,
    ExternalReview,
    MatchSuggestion,
    SuggestionStatus,
)
from claims.services.matching import MAX_QUERY_CHARS, claims_find_matching
from claims.services.merging import (
    claim_merge,
    claim_split,
    suggestion_accept,
    suggestion_reject,
)
from core.errors import ServiceError
from core.roles import is_editor, is_staff_member


class NewsroomReadOnly:
    """Editors and reviewers read these records; they change only through the services."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_staff_member(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_staff_member(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _claim_link(claim: Claim | None) -> str:
    if claim is None:
        return "-"
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    return format_html('<a href="{}">#{} {}</a>', url, claim.pk, str(claim))


# --- On the claim page -------------------------------------------------------------------


class AppearanceInline(NewsroomReadOnly, LabelledTabularInline):
    model = Appearance
    fk_name = "claim"
    fields = ["said_on", "text", "article", "claimant", "start", "end"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "appearances (split them from the appearance list)"


class ExternalReviewInline(NewsroomReadOnly, LabelledTabularInline):
    model = ExternalReview
    fields = ["publisher", "rating_text", "reviewed_on", "url", "title"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "fact-checks published elsewhere"


class RegroupingInline(NewsroomReadOnly, LabelledTabularInline):
    model = ClaimRegrouping
    fk_name = "target"
    fields = ["created_at", "kind", "source", "appearances_moved", "verdicts_moved", "actor"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = "merges and splits into this claim"


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Claim.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The others become appearances of this one.",
    )
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, claims: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = claims


def _default_keeper(claims: QuerySet) -> Claim | None:
    """The claim with a published verdict, else the one first seen."""
    published = claims.filter(verdicts__status="published").order_by("created_at", "id").first()
    return published or claims.order_by("created_at", "id").first()


@admin.action(description="Merge selected claims (one claim said again)…")
def merge_claims(
    modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet
) -> HttpResponse | None:
    claims = Claim.objects.filter(pk__in=claims.values("pk"), merged_into__isnull=True)
    if claims.count() < 2:
        modeladmin.message_user(
            request, "Select at least two claims that were not merged yet.", messages.ERROR
        )
        return None
    if "apply" in request.POST:
        form = MergeForm(request.POST, claims=claims)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            try:
                claim_merge(
                    keep=keep,
                    merged=claims.exclude(pk=keep.pk),
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ServiceError as error:
                modeladmin.message_user(request, error.message, messages.ERROR)
            else:
                modeladmin.message_user(
                    request, f"{claims.count() - 1} claim(s) merged into #{keep.pk}."
                )
            return None
    else:
        form = MergeForm(claims=claims, initial={"keep": _default_keeper(claims)})
    return TemplateResponse(
        request,
        "admin/claims/claim/merge.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Merge claims",
            "claims": claims.select_related("article"),
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
        },
    )


ClaimAdmin.inlines = [*ClaimAdmin.inlines, AppearanceInline, ExternalReviewInline, RegroupingInline]
ClaimAdmin.actions = [*ClaimAdmin.actions, merge_claims]
ClaimAdmin.fields = [*ClaimAdmin.fields, "merged_into", "merged_at"]
ClaimAdmin.readonly_fields = [*ClaimAdmin.readonly_fields, "merged_into", "merged_at"]


# --- Appearances -------------------------------------------------------------------------


@admin.action(description="Split into a claim of their own (one per claim)")
def split_appearances(
    modeladmin: admin.ModelAdmin, request: HttpRequest, appearances: QuerySet
) -> None:
    by_claim: dict[int, list[Appearance]] = defaultdict(list)
    for appearance in appearances.select_related("claim"):
        by_claim[appearance.claim_id].append(appearance)
    for claim_id, chosen in by_claim.items():
        try:
            target = claim_split(claim=chosen[0].claim, appearances=chosen, actor=request.user)
        except ServiceError as error:
            modeladmin.message_user(request, f"#{claim_id}: {error.message}", messages.ERROR)
        else:
            modeladmin.message_user(
                request,
                format_html(
                    "{} appearance(s) of #{} now belong to {}.",
                    len(chosen),
                    claim_id,
                    _claim_link(target),
                ),
            )


@admin.register(Appearance)
class AppearanceAdmin(NewsroomReadOnly, admin.ModelAdmin):
    list_display = ["short_text", "claim_link", "article", "claimant", "said_on"]
    list_filter = ["said_on"]
    search_fields = ["text", "claim__text", "article__title", "claimant__name"]
    list_select_related = ["claim", "article", "claimant"]
    raw_id_fields = ["claim", "article", "claimant"]
    actions = [split_appearances]

    @admin.display(description="as it appeared", ordering="text")
    def short_text(self, appearance: Appearance) -> str:
        return str(appearance)

    @admin.display(description="claim", ordering="claim_id")
    def claim_link(self, appearance: Appearance) -> str:
        return _claim_link(appearance.claim)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        return actions if is_editor(request.user) else {}

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Needed to run the split action from the list; the fields themselves are read-only.
        return is_editor(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Appearance._meta.fields]


# --- Suggestions and the lookup page -----------------------------------------------------


def _decide_each(
    modeladmin: admin.ModelAdmin, request: HttpRequest, suggestions: QuerySet, service: Any
) -> None:
    done = 0
    for suggestion in suggestions.filter(status=SuggestionStatus.PENDING):
        try:
            service(suggestion=suggestion, actor=request.user)
            done += 1
        except ServiceError as error:
            modeladmin.message_user(request, f"#{suggestion.pk}: {error.message}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"{done} suggestion(s) decided.")


@admin.action(description="Accept: the same claim (becomes an appearance of the known one)")
def accept_suggestions(
    modeladmin: admin.ModelAdmin, request: HttpRequest, suggestions: QuerySet
) -> None:
    _decide_each(modeladmin, request, suggestions, suggestion_accept)


@admin.action(description="Reject: a different claim (not suggested again)")
def reject_suggestions(
    modeladmin: admin.ModelAdmin, request: HttpRequest, suggestions: QuerySet
) -> None:
    _decide_each(modeladmin, request, suggestions, suggestion_reject)


class DecisionFilter(admin.SimpleListFilter):
    """Pending suggestions unless editors ask for the decided ones."""

    title = "status"
    parameter_name = "decision"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*SuggestionStatus.choices, ("all", "All")]

    def choices(self, changelist: Any) -> Any:
        current = self.value() or SuggestionStatus.PENDING
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value() or SuggestionStatus.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


class FindMatchingForm(forms.Form):
    text = forms.CharField(
        max_length=MAX_QUERY_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        label="Claim",
    )


@admin.register(MatchSuggestion)
class MatchSuggestionAdmin(NewsroomReadOnly, admin.ModelAdmin):
    list_display = ["new_claim", "known_claim", "confidence_percent", "status", "decided_by"]
    list_filter = [DecisionFilter]
    search_fields = ["claim__text", "candidate__text"]
    list_select_related = ["claim", "candidate", "decided_by"]
    actions = [accept_suggestions, reject_suggestions]
    change_list_template = "admin/claims/matchsuggestion/change_list.html"

    @admin.display(description="new claim")
    def new_claim(self, suggestion: MatchSuggestion) -> str:
        return _claim_link(suggestion.claim)

    @admin.display(description="may repeat")
    def known_claim(self, suggestion: MatchSuggestion) -> str:
        return _claim_link(suggestion.candidate)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_percent(self, suggestion: MatchSuggestion) -> str:
        return f"{suggestion.confidence:.0%}"

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        return actions if is_editor(request.user) else {}

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in MatchSuggestion._meta.fields]

    def get_urls(self) -> list[Any]:
        find = path(
            "find/",
            self.admin_site.admin_view(self.find_view),
            name="claims_find_matching",
        )
        return [find, *super().get_urls()]

    def find_view(self, request: HttpRequest) -> HttpResponse:
        form = FindMatchingForm(request.GET if "text" in request.GET else None)
        matches = None
        if form.is_bound and form.is_valid():
            try:
                matches = claims_find_matching(text=form.cleaned_data["text"], limit=20)
            except ServiceError as error:
                form.add_error("text", error.message)
        return TemplateResponse(
            request,
            "admin/claims/find_matching.html",
            {
                **self.admin_site.each_context(request),
                "title": "Find matching claims",
                "form": form,
                "matches": matches,
                "opts": self.model._meta,
            },
        )


@admin.register(ExternalReview)
class ExternalReviewAdmin(NewsroomReadOnly, admin.ModelAdmin):
    list_display = ["claim", "publisher", "rating_text", "reviewed_on", "url"]
    list_filter = ["publisher", "rating_text"]
    search_fields = ["claim__text", "title", "url", "publisher"]
    list_select_related = ["claim"]
    date_hierarchy = "reviewed_on"
