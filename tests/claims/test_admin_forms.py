"""No admin page edits a field the workflow owns: every registered ModelAdmin's add and change
forms, and their inlines, leave those fields to the services (models' `workflow_fields`)."""

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from articles.models import Article
from claims.models import Claim, Verdict
from core.history_admin import ReadOnlyHistoryAdmin, workflow_fields
from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def _forms(model_admin, request, obj):
    """(where, form class, model) for each form the admin would show this user."""
    if model_admin.has_add_permission(request):
        yield "add", model_admin.get_form(request, None, change=False), model_admin.model
        for inline in model_admin.get_inline_instances(request, None):
            yield (
                f"add, inline {inline.model.__name__}",
                inline.get_formset(request, None).form,
                (inline.model),
            )
    yield "change", model_admin.get_form(request, obj, change=True), model_admin.model
    for inline in model_admin.get_inline_instances(request, obj):
        yield (
            f"change, inline {inline.model.__name__}",
            inline.get_formset(request, obj).form,
            (inline.model),
        )


def test_the_workflow_models_name_the_fields_only_their_services_write():
    assert {"status", "reviewer", "second_reviewer", "due_date"} <= set(workflow_fields(Claim))
    assert {"status", "published_at", "second_review"} <= set(workflow_fields(Verdict))
    assert "status" in workflow_fields(Article)
    for model in (Article, Claim, Verdict):
        names = {field.name for field in model._meta.get_fields()}
        assert set(workflow_fields(model)) <= names, model


def test_no_admin_form_edits_a_field_the_workflow_owns(editor, reviewer):
    publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    editable = []
    for user in (superuser, editor):
        request = RequestFactory().get("/admin/")
        request.user = user
        for model, model_admin in admin.site._registry.items():
            obj = model._default_manager.first() or model()
            for where, form, form_model in _forms(model_admin, request, obj):
                owned = set(form.base_fields) & set(workflow_fields(form_model))
                if owned:
                    editable.append(
                        f"{type(model_admin).__name__} ({where}) as {user.username}: "
                        f"{sorted(owned)}"
                    )
    assert not editable, "Workflow fields editable in the admin:\n" + "\n".join(editable)


def test_the_guard_makes_workflow_fields_read_only_on_any_history_admin(editor):
    class CarelessClaimAdmin(ReadOnlyHistoryAdmin):
        fields = ["text", "status", "reviewer", "due_date"]

    request = RequestFactory().get("/admin/")
    request.user = editor
    model_admin = CarelessClaimAdmin(Claim, admin.site)
    claim = ClaimFactory()

    form = model_admin.get_form(request, claim, change=True)

    assert set(form.base_fields) == {"text"}


def test_no_admin_save_moves_a_claim_whatever_form_reached_it(editor, reviewer):
    claim = ClaimFactory()
    model_admin = admin.site._registry[Claim]
    request = RequestFactory().post("/admin/")
    request.user = editor
    claim.status, claim.reviewer = "assigned", reviewer

    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, claim, form=None, change=True)

    claim.refresh_from_db()
    assert (claim.status, claim.reviewer_id) == ("new", None)
