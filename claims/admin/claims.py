import json
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.views.decorators.http import require_http_methods, require_POST

from articles.services import article_request_extraction
from claims.admin.claim_page import claim_page_context, claim_page_urls
from claims.admin.desk import desk_urls
from claims.admin.export import export_claims_csv, export_claims_jsonl
from claims.admin.filters import (
    ArticleFilter,
    OpenFilter,
    OutletFilter,
    ReviewerFilter,
    TriageFilter,
)
from claims.admin.forms import (
    AssignForm,
    DuplicateForm,
    PublishConfirmForm,
    ReasonForm,
    SecondReviewerForm,
    SecondReviewForm,
    SendBackForm,
    SourceFormSet,
    StatementForm,
    VerdictForm,
)
from claims.admin.inlines import LabelledTabularInline
from claims.admin.listing import (
    ClaimantFilter,
    CreatedRangeFilter,
    percentage,
    short_date,
    shortened,
)
from claims.claimreview_validation import claimreview_preview, validate_claimreview
from claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimTransition,
    Verdict,
    VerdictStatus,
)
from claims.services import (
    claim_assign,
    claim_edit_statement,
    claim_mark_checkable,
    claim_mark_duplicate,
    claim_mark_not_checkable,
    claim_require_second_review,
    claim_start_review,
    claim_unassign,
    claim_unmark_duplicate,
    verdict_correct,
    verdict_draft,
    verdict_publish,
    verdict_second_review,
)
from claims.services.policy import Move, claim_moves, move_refusal
from claims.services.workflow import latest_send_back, verdict_send_back
from core.errors import ServiceError
from core.history_admin import ReadOnlyHistoryAdmin
from core.roles import is_editor


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


class OverdueFilter(admin.SimpleListFilter):
    title = "due date"
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Overdue"), ("no", "Not overdue")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        overdue = Claim.objects.overdue().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=overdue)
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue)
        return queryset


class QueueFilter(admin.SimpleListFilter):
    """A reviewer's queue shows the claims still to work on unless they ask for all."""

    title = "my queue"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("all", "Everything I worked on")]

    def choices(self, changelist: Any) -> Any:
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "Still to do",
        }
        yield {
            "selected": self.value() == "all",
            "query_string": changelist.get_query_string({self.parameter_name: "all"}),
            "display": "Everything I worked on",
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "all":
            return queryset
        return queryset.filter(status__in=OPEN_STATUSES)


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


@admin.action(description="Unassign (back to checkable)")
def unassign(modeladmin: admin.ModelAdmin, request: HttpRequest, claims: QuerySet) -> None:
    _apply_to_each(modeladmin, request, claims, claim_unassign)


@admin.action(description="Assign or reassign to a reviewer…")
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
    articles = {claim.article for claim in claims.select_related("article") if claim.article}
    for article in articles:
        article_request_extraction(article=article)
    modeladmin.message_user(request, f"Extraction requested for {len(articles)} article(s).")


class ClaimTransitionInline(LabelledTabularInline):
    model = ClaimTransition
    fields = ["created_at", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "state changes (who, when, why)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VerdictInline(admin.StackedInline):
    model = Verdict
    fields = [
        "version",
        "status",
        "rating",
        "rating_label",
        "summary",
        "explanation",
        "source_links",
        "correction_note",
        "author",
        "second_review",
        "second_review_note",
        "second_reviewed_by",
        "published_at",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-version"]

    @admin.display(description="sources")
    def source_links(self, verdict: Verdict) -> str:
        # The editor checks the evidence where they decide to publish.
        sources = list(verdict.sources.all())
        if not sources:
            return "-"
        return format_html(
            '<ul class="verdict-sources">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}" rel="nofollow noopener">{}</a>{}{}</li>',
                (
                    (
                        source.url,
                        source.title or source.url,
                        f" ({source.publisher})" if source.publisher else "",
                        f": “{source.quote}”" if source.quote else "",
                    )
                    for source in sources
                ),
            ),
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("sources")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _may(move: Move) -> Callable[[HttpRequest, Claim], bool]:
    """Whether the user may open this move's page: the policy's role rules, not the claim's state
    (a move refused for the state is attempted, and the service's reason shown)."""

    def may(request: HttpRequest, claim: Claim) -> bool:
        refusal = move_refusal(claim=claim, actor=request.user, move=move)
        return refusal is None or not refusal.is_permission

    return may


# How much of an editor's send-back note the list's badge shows on hover.
SEND_BACK_NOTE_WORDS = 12

# Transitions that need nothing but an optional reason, by the name used in the admin URL:
# the service, its move in the policy, and the message on success.
SIMPLE_ACTIONS: dict[str, tuple[Callable[..., Any], Move, str]] = {
    "start-review": (claim_start_review, Move.START_REVIEW, "Review started."),
    "mark-checkable": (claim_mark_checkable, Move.MARK_CHECKABLE, "Marked checkable."),
    "mark-not-checkable": (
        claim_mark_not_checkable,
        Move.MARK_NOT_CHECKABLE,
        "Marked not checkable.",
    ),
    "unassign": (claim_unassign, Move.UNASSIGN, "Unassigned; the claim is checkable again."),
    "unmark-duplicate": (claim_unmark_duplicate, Move.UNMARK_DUPLICATE, "No longer a duplicate."),
}


@admin.register(Claim)
class ClaimAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "short_text",
        "claimant",
        "workflow_status",
        "rounded_score",
        "article_link",
        "reviewer",
        "due",
    ]
    search_fields = [
        "text",
        "statement",
        "claimant__name",
        "claimant__aliases__name",
        "article__title",
    ]
    list_select_related = ["claimant", "article", "reviewer"]
    ordering = ["-score", "-id"]
    # The sentence, its article, statement, claimant, score, dates and entities lead the page
    # (claim_page.py); the fields below are the workflow's.
    fields = [
        "status",
        "reviewer",
        "assigned_at",
        "due_date",
        "second_reviewer",
        "duplicate_of",
        "origin",
        "start",
        "end",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [VerdictInline, ClaimTransitionInline]
    actions = [
        assign_to_reviewer,
        unassign,
        mark_checkable,
        mark_not_checkable,
        rerun_article_extraction,
        export_claims_csv,
        export_claims_jsonl,
    ]
    change_form_template = "admin/claims/claim/change_form.html"
    history_list_display = [
        "status",
        "reviewer",
        "due_date",
        "second_reviewer",
        "duplicate_of",
        "claimant",
    ]

    class Media:
        css = {"all": ["claims/admin-desk.css"]}

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim: Claim) -> str:
        # The whole claim wraps in the widest column; the statement follows when it differs.
        text = shortened(claim.text)
        statement = claim.statement
        if statement and statement != claim.text:
            return format_html(
                '{}<span class="claim-statement">Statement: {}</span>', text, shortened(statement)
            )
        return text

    @admin.display(description="score", ordering="score")
    def rounded_score(self, claim: Claim) -> str:
        return percentage(claim.score)

    @admin.display(description="article", ordering="article__title")
    def article_link(self, claim: Claim) -> str:
        if claim.article is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[claim.article_id]),
            shortened(str(claim.article), 60),
        )

    @admin.display(description="status", ordering="status")
    def workflow_status(self, claim: Claim) -> str:
        # A draft sent back is back to "assigned": the badge tells the reviewer it is a rework,
        # its title the first words of the editor's note (the whole note is on the claim page).
        status = claim.get_status_display()
        note = getattr(claim, "send_back_note", None)
        if note is None:
            return status
        return format_html(
            '{} <span class="sent-back-badge" title="{}">Sent back</span>',
            status,
            Truncator(note).words(SEND_BACK_NOTE_WORDS) or "No note",
        )

    @admin.display(description="due", ordering="due_date")
    def due(self, claim: Claim) -> str:
        if claim.due_date is None:
            return "-"
        if claim.is_overdue:
            return format_html(
                '<span class="due-date">{}</span> <span class="overdue-badge">overdue</span>',
                short_date(claim.due_date),
            )
        return format_html('<span class="due-date">{}</span>', short_date(claim.due_date))

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        if is_editor(request.user):
            return self.list_display
        # A reviewer's queue: the due date right after the claim, no columns about others.
        return ["short_text", "due", "workflow_status", "claimant", "article_link"]

    def get_list_filter(self, request: HttpRequest) -> list[Any]:
        if is_editor(request.user):
            return [
                TriageFilter,
                "status",
                OpenFilter,
                OverdueFilter,
                ScoreBandFilter,
                ReviewerFilter,
                ClaimantFilter,
                ArticleFilter,
                OutletFilter,
                CreatedRangeFilter,
            ]
        return [QueueFilter, "status", OverdueFilter, ArticleFilter]

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        if is_editor(request.user):
            return self.ordering
        # A reviewer's queue: the oldest due date first, claims without one after.
        return [F("due_date").asc(nulls_last=True), "assigned_at", "id"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).in_scope_of(request.user).with_send_back()

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        return actions if is_editor(request.user) else {}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if not is_editor(request.user):
            extra_context = {**(extra_context or {}), "title": "My queue"}
        return super().changelist_view(request, extra_context)

    def get_urls(self) -> list[Any]:
        def view(name: str, function: Callable[..., HttpResponse], route: str) -> Any:
            return path(route, self.admin_site.admin_view(function), name=f"claims_claim_{name}")

        custom = [
            view("assign", self.assign_view, "<int:pk>/assign/"),
            view("statement", self.statement_view, "<int:pk>/statement/"),
            view("verdict", self.verdict_view, "<int:pk>/verdict/"),
            view("correct", self.correct_view, "<int:pk>/correct/"),
            view("publish", self.publish_view, "<int:pk>/publish/"),
            view("send_back", self.send_back_view, "<int:pk>/send-back/"),
            view("second_reviewer", self.second_reviewer_view, "<int:pk>/second-reviewer/"),
            view("second_review", self.second_review_view, "<int:pk>/second-review/"),
            view("duplicate", self.duplicate_view, "<int:pk>/duplicate/"),
            view("do", self.simple_action_view, "<int:pk>/do/<slug:name>/"),
            *desk_urls(self.admin_site),
            *claim_page_urls(self),
        ]
        return custom + super().get_urls()

    def _claim(self, request: HttpRequest, pk: int, move: Move) -> Claim:
        """The claim, if the user sees it (404) and may use this page (403)."""
        claim = get_object_or_404(self.get_queryset(request).select_related("duplicate_of"), pk=pk)
        if not _may(move)(request, claim):
            raise PermissionDenied
        return claim

    def _back(self, claim: Claim) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))

    @staticmethod
    def _posted(request: HttpRequest) -> Any:
        """What a form is bound to: the POST's data, or nothing on a GET (an unbound form)."""
        return request.POST if request.method == "POST" else None

    def _form_move(
        self,
        request: HttpRequest,
        claim: Claim,
        form: forms.Form,
        run: Callable[[dict[str, Any]], object],
        *,
        title: str,
        done: str | Callable[[dict[str, Any]], str],
        back: HttpResponse | None = None,
        **context: Any,
    ) -> HttpResponse:
        """A page whose form runs one move on the claim: on a valid POST, ``run`` with the
        form's data; a refusal shows on the form, as its other errors do; a move done says
        ``done`` and goes back to the claim (or to ``back``)."""
        if request.method == "POST" and form.is_valid():
            try:
                run(form.cleaned_data)
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request, done if isinstance(done, str) else done(form.cleaned_data)
                )
                return back or self._back(claim)
        return self._page(request, claim, "simple_form.html", title, form=form, **context)

    def _page(
        self, request: HttpRequest, claim: Claim, template: str, title: str, **context: Any
    ) -> TemplateResponse:
        return TemplateResponse(
            request,
            f"admin/claims/claim/{template}",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "claim": claim,
                "opts": self.model._meta,
                **context,
            },
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        claim = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            **self._possible_moves(request, claim),
            "send_back": latest_send_back(claim) if claim is not None else None,
            **(claim_page_context(claim, request.user) if claim is not None else {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _possible_moves(self, request: HttpRequest, claim: Claim | None) -> dict[str, Any]:
        """One `can_<move>` flag per move of the policy: the buttons the page shows; and, for a
        move the user could take in another state, `not_now_<move>`: the policy's reason, so an
        editor learns why a field they used yesterday is read-only today."""
        if claim is None:
            return {}
        moves = claim_moves(claim=claim, actor=request.user)
        return {
            **{f"can_{move}": refusal is None for move, refusal in moves.items()},
            **{
                f"not_now_{move}": refusal.message
                for move, refusal in moves.items()
                if refusal is not None and not refusal.is_permission
            },
        }

    def statement_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Reword the statement, with the original sentence above the field."""
        claim = self._claim(request, pk, Move.EDIT_STATEMENT)
        form = StatementForm(self._posted(request), initial={"statement": claim.claim_reviewed})
        return self._form_move(
            request,
            claim,
            form,
            lambda data: claim_edit_statement(claim=claim, actor=request.user, **data),
            title="Edit the statement",
            done="Statement saved.",
        )

    def assign_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.ASSIGN)
        form = AssignForm(
            self._posted(request),
            initial={"reviewer": claim.reviewer_id, "due_date": claim.due_date},
        )
        return self._form_move(
            request,
            claim,
            form,
            lambda data: claim_assign(claim=claim, actor=request.user, **data),
            title="Reassign the claim" if claim.reviewer_id else "Assign the claim",
            done=lambda data: f"Assigned to {data['reviewer']}.",
        )

    @method_decorator(require_POST)
    def simple_action_view(self, request: HttpRequest, pk: int, name: str) -> HttpResponse:
        if name not in SIMPLE_ACTIONS:
            raise Http404
        service, move, done = SIMPLE_ACTIONS[name]
        claim = self._claim(request, pk, move)
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            service(claim=claim, actor=request.user, reason=reason)
        except ServiceError as error:
            self.message_user(request, error.message, level=messages.ERROR)
        else:
            self.message_user(request, done)
        return self._back(claim)

    def _verdict_forms(
        self, request: HttpRequest, draft: Verdict | None, *, correction: bool
    ) -> tuple[VerdictForm, Any]:
        initial: dict[str, Any] = {}
        sources: list[dict[str, Any]] = []
        if draft is not None:
            initial = {
                "rating": draft.rating,
                "summary": draft.summary,
                "explanation": draft.explanation,
                "correction_note": draft.correction_note if draft.status == "draft" else "",
            }
            sources = [
                {
                    "url": source.url,
                    "title": source.title,
                    "publisher": source.publisher,
                    "quote": source.quote,
                    "accessed_at": source.accessed_at.date() if source.accessed_at else None,
                }
                for source in draft.sources.all()
            ]
        data = request.POST if request.method == "POST" else None
        form = VerdictForm(data, initial=initial, correction=correction)
        formset = SourceFormSet(data, initial=sources or None, prefix="sources")
        return form, formset

    @staticmethod
    def _sources(formset: Any) -> list[dict[str, Any]]:
        return [
            item for item in formset.cleaned_data if item and not item.get("DELETE") and item["url"]
        ]

    def _verdict_page(
        self, request: HttpRequest, claim: Claim, form: forms.Form, formset: Any, title: str
    ) -> TemplateResponse:
        return self._page(
            request, claim, "verdict.html", title, form=form, formset=formset, today=timezone.now()
        )

    def verdict_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.WRITE_VERDICT)
        draft = claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
        return self._verdict_editor(
            request,
            claim,
            draft,
            service=verdict_draft,
            correction=False,
            saved="Verdict saved as a draft; an editor can now publish it.",
            title="Write the verdict",
        )

    def correct_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.CORRECT)
        base = (
            claim.verdicts.filter(status=VerdictStatus.DRAFT).first()
            or claim.verdicts.filter(status=VerdictStatus.PUBLISHED).first()
        )
        return self._verdict_editor(
            request,
            claim,
            base,
            service=verdict_correct,
            correction=True,
            saved="Correction saved as a draft; readers see the published version until an "
            "editor publishes it.",
            title="Correct the published verdict",
        )

    def _verdict_editor(
        self,
        request: HttpRequest,
        claim: Claim,
        base: Any,
        *,
        service: Any,
        correction: bool,
        saved: str,
        title: str,
    ) -> HttpResponse:
        """The verdict form and its sources, prefilled from ``base``; on a valid POST, saved
        through ``service`` (a draft or a correction)."""
        form, formset = self._verdict_forms(request, base, correction=correction)
        if request.method == "POST" and form.is_valid() and formset.is_valid():
            try:
                service(
                    claim=claim,
                    actor=request.user,
                    sources=self._sources(formset),
                    **form.cleaned_data,
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, saved)
                return self._back(claim)
        return self._verdict_page(request, claim, form, formset, title)

    @method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The preview of what readers and crawlers will get; publishing needs its confirm.

        A GET (going back, a reload, the address in a new tab) shows the same preview: it only
        reads, and only a POST with the confirmation publishes."""
        claim = self._claim(request, pk, Move.PUBLISH)
        if request.method != "POST" or not PublishConfirmForm(request.POST).is_valid():
            return self._publish_preview(request, claim)
        try:
            verdict = verdict_publish(claim=claim, actor=request.user)
        except ServiceError as error:
            self.message_user(request, error.message, level=messages.ERROR)
        else:
            self.message_user(
                request,
                "Correction published." if verdict.is_correction else "Verdict published.",
            )
        return self._back(claim)

    def _publish_preview(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        draft = (
            claim.verdicts.select_related("rating__scale", "author")
            .prefetch_related("sources")
            .filter(status=VerdictStatus.DRAFT)
            .first()
        )
        if draft is None:
            self.message_user(request, "There is no draft verdict to publish.", messages.ERROR)
            return self._back(claim)
        review = claimreview_preview(claim=claim, verdict=draft)
        return self._page(
            request,
            claim,
            "publish.html",
            "Check and publish the verdict",
            draft=draft,
            jsonld=json.dumps(review, indent=2, ensure_ascii=False),
            problems=validate_claimreview(review),
            public_url=reverse("claim-page", args=[claim.pk]),
        )

    def send_back_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """An editor returns the draft to its reviewer with a note."""
        claim = self._claim(request, pk, Move.SEND_BACK)
        return self._form_move(
            request,
            claim,
            SendBackForm(self._posted(request)),
            lambda data: verdict_send_back(claim=claim, actor=request.user, note=data["note"]),
            title="Send the draft back",
            done=f"Sent back to {claim.reviewer} with your note.",
            draft=claim.verdicts.filter(status=VerdictStatus.DRAFT).first(),
        )

    def second_reviewer_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.REQUIRE_SECOND_REVIEW)
        form = SecondReviewerForm(
            self._posted(request), initial={"second_reviewer": claim.second_reviewer_id}
        )
        return self._form_move(
            request,
            claim,
            form,
            lambda data: claim_require_second_review(
                claim=claim, actor=request.user, second_reviewer=data["second_reviewer"]
            ),
            title="Require a second review",
            done="Second review updated.",
        )

    def second_review_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.SECOND_REVIEW)
        return self._form_move(
            request,
            claim,
            SecondReviewForm(self._posted(request)),
            lambda data: verdict_second_review(claim=claim, actor=request.user, **data),
            title="Second review",
            done="Second review recorded.",
            draft=claim.verdicts.filter(status=VerdictStatus.DRAFT).first(),
        )

    def duplicate_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = self._claim(request, pk, Move.MARK_DUPLICATE)
        return self._form_move(
            request,
            claim,
            DuplicateForm(self._posted(request)),
            lambda data: claim_mark_duplicate(
                claim=claim, actor=request.user, original=data["original"], reason=data["reason"]
            ),
            title="Mark as a duplicate",
            done="Marked as a duplicate; it follows the original.",
        )
