"""API wiring shared by every app: pagination and the JSON shape of errors."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from articles.errors import ServiceError


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request: Any) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            raise exceptions.ValidationError(
                {"page_size": ["A whole number is required."]}
            ) from None
        if size < 1:
            raise exceptions.ValidationError({"page_size": ["Must be at least 1."]})
        return min(size, self.max_page_size)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Domain errors from services become 400/403/409 with field messages; the rest is DRF's."""
    if isinstance(exc, ServiceError):
        return Response(exc.as_payload(), status=exc.status_code)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, OperationalError | InterfaceError):
        # The database is unreachable or restarting: fail fast and let the client retry.
        return Response(
            {"detail": "The database is unavailable; try again shortly."},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
    return drf_exception_handler(exc, context)
