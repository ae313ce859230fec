"""Change history in the admin: read, never written, and only for rows the user may see.

django-simple-history's history form doubles as a "revert" form: a POST saves the old version
of the row with nothing but the view permission checked, bypassing the services that own the
row's workflow. Here the history pages only show: a POST to them is refused (405) whatever the
SIMPLE_HISTORY_* settings say, and a row's history is shown only if the admin's own queryset
(the user's scope) includes the row.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin

READ_METHODS = ("GET", "HEAD")


def workflow_fields(model: Any) -> tuple[str, ...]:
    """The fields of a model that only its workflow services write (``workflow_fields``)."""
    return tuple(getattr(model, "workflow_fields", ()))


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """A SimpleHistoryAdmin whose history pages are views, scoped like its change pages, and
    whose forms never edit the fields the workflow services own."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + [name for name in workflow_fields(self.model) if name not in readonly]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """The last line: whatever form or page reached here, a row whose workflow fields differ
        from the stored ones is not saved; only the services move the workflow."""
        if change and workflow_fields(self.model):
            attnames = [self.model._meta.get_field(name).attname for name in workflow_fields(obj)]
            stored = self.model._default_manager.filter(pk=obj.pk).values(*attnames).first()
            if stored is not None and any(stored[a] != getattr(obj, a) for a in attnames):
                raise PermissionDenied
        super().save_model(request, obj, form, change)

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_change_history_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _require_visible(self, request: HttpRequest, object_id: str) -> None:
        """404 unless the row is in this user's scope (the change page's queryset). A deleted
        row's history stays the superuser's alone, as deleting is."""
        if request.user.is_superuser or self.get_object(request, object_id) is not None:
            return
        raise Http404

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        self._require_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method not in READ_METHODS:
            return HttpResponseNotAllowed(READ_METHODS)
        self._require_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
