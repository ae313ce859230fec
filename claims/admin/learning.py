"""The detector's learning page: decisions waiting, the last retrain compared with the model in
use, and buttons to retrain, promote (after a confirmation) and roll back. Editors only."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.models import Article
from claims.detector import active_model_version
from claims.models import DetectorModel, DetectorModelStatus
from claims.services.learning import (
    claim_mark_missed,
    detector_promote,
    detector_rollback,
    waiting_decisions,
)
from claims.tasks import retrain_detector
from core.errors import ServiceError
from core.roles import is_editor

MODELS_SHOWN = 10


class MissedSentenceForm(forms.Form):
    article = forms.IntegerField(min_value=1, label="Article id")
    start = forms.IntegerField(min_value=0, help_text="Character offset in the article's text.")
    end = forms.IntegerField(min_value=1)


def comparison_rows(model: DetectorModel) -> list[dict[str, Any]]:
    """One row per data set: the candidate's and the model in use's precision, recall, F1."""
    return [
        {"set": name, "candidate": scores["candidate"], "current": scores["current"]}
        for name, scores in (model.comparison or {}).items()
    ]


@admin.register(DetectorModel)
class DetectorModelAdmin(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        def view(name: str, function: Any, route: str) -> Any:
            return path(
                route, self.admin_site.admin_view(function), name=f"claims_detectormodel_{name}"
            )

        return [
            view("retrain", require_POST(self.retrain_view), "retrain/"),
            view("promote", self.promote_view, "<int:pk>/promote/"),
            view("rollback", self.rollback_view, "rollback/"),
            view("missed", require_POST(self.missed_view), "missed/"),
            *super().get_urls(),
        ]

    def _require_editor(self, request: HttpRequest) -> None:
        if not is_editor(request.user):
            raise PermissionDenied

    def _back(self) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:claims_detectormodel_changelist"))

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        self._require_editor(request)
        models = list(DetectorModel.objects.without_weights()[:MODELS_SHOWN])
        latest = models[0] if models else None
        active = next((m for m in models if m.status == DetectorModelStatus.ACTIVE), None)
        if active is None and active_model_version():
            active = DetectorModel.objects.without_weights().active().first()
        context = {
            **self.admin_site.each_context(request),
            "title": "Detector learning",
            "opts": self.model._meta,
            "waiting": waiting_decisions(),
            "active": active,
            "latest": latest,
            "rows": comparison_rows(latest) if latest else [],
            "models": models,
            "missed_form": MissedSentenceForm(),
        }
        return TemplateResponse(request, "admin/claims/detectormodel/learning.html", context)

    def retrain_view(self, request: HttpRequest) -> HttpResponse:
        self._require_editor(request)
        retrain_detector.delay_on_commit(request.user.pk)
        self.message_user(
            request,
            "Retraining on the editors' decisions; the candidate appears here in a few minutes.",
        )
        return self._back()

    def promote_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        self._require_editor(request)
        candidate = get_object_or_404(DetectorModel.objects.without_weights(), pk=pk)
        if request.method == "POST":
            try:
                detector_promote(detector_model=candidate, actor=request.user)
            except ServiceError as error:
                self.message_user(request, error.message, level=messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Detector model #{candidate.pk} is now in use; every worker picks it up "
                    "within seconds.",
                )
            return self._back()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Promote detector model #{candidate.pk}?",
            "opts": self.model._meta,
            "candidate": candidate,
            "rows": comparison_rows(candidate),
        }
        return TemplateResponse(request, "admin/claims/detectormodel/promote.html", context)

    def rollback_view(self, request: HttpRequest) -> HttpResponse:
        self._require_editor(request)
        if request.method != "POST":
            return self._back()
        try:
            previous = detector_rollback(actor=request.user)
        except ServiceError as error:
            self.message_user(request, error.message, level=messages.ERROR)
        else:
            back_to = f"detector model #{previous.pk}" if previous else "the shipped model"
            self.message_user(request, f"Rolled back: the detector uses {back_to} again.")
        return self._back()

    def missed_view(self, request: HttpRequest) -> HttpResponse:
        self._require_editor(request)
        form = MissedSentenceForm(request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                self.message_user(
                    request,
                    f"{field}: {' '.join(str(error) for error in errors)}",
                    level=messages.ERROR,
                )
            return self._back()
        article = Article.objects.filter(pk=form.cleaned_data["article"]).first()
        if article is None:
            self.message_user(request, "There is no such article.", level=messages.ERROR)
            return self._back()
        try:
            claim = claim_mark_missed(
                article=article,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                actor=request.user,
            )
        except ServiceError as error:
            self.message_user(request, error.message, level=messages.ERROR)
        else:
            self.message_user(
                request, f"Claim #{claim.pk} added as checkable; the detector will learn it."
            )
        return self._back()
