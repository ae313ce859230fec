"""The JSON shape of every API error: services' domain errors, missing rows, a database that is
down, values no column can hold."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DataError, InterfaceError, OperationalError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import ServiceError


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
