"""API wiring shared by every app: pagination and the JSON shape of errors."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DataError, InterfaceError, OperationalError
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
    elif isinstance(exc, OverflowError | DataError):
        # A number or value in the query that the database cannot hold (?article=10**40).
        return Response(
            {"detail": "A value in the request is out of range."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    return drf_exception_handler(exc, context)


def allow_blank_urls_in_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular hook: a URL a response carries may be blank (an article entered without
    an address), so its schema says "a URI or the empty string" instead of refusing ""."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            continue
        for prop in component.get("properties", {}).values():
            if prop.get("type") == "string" and prop.get("format") == "uri":
                del prop["format"]
                prop["anyOf"] = [{"format": "uri"}, {"maxLength": 0}]
    return result
