"""Request guards that apply to every view: oversized bodies, NUL bytes, a database that is down."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

Handler = Callable[[HttpRequest], HttpResponse]


def _error(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        return JsonResponse({"detail": detail}, status=status)
    return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")


class RequestGuardMiddleware:
    """Refuse, before any view parses it, a request whose body is over the size limit (413) or
    whose address carries NUL characters (400), which no database column can store or match."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            return _error(request, 400, "The Content-Length header is not a number.")
        if length < 0:
            return _error(request, 400, "The Content-Length header is not a number.")
        if limit is not None and length > limit:
            return _error(
                request, 413, f"The request body is larger than the limit of {limit} bytes."
            )
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return _error(request, 400, "NUL characters are not allowed in the address.")
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached answers 503 on every page, API or not, so that clients
    and the proxy retry instead of seeing a server error; the connection is rebuilt on the
    next request once the database is back (CONN_HEALTH_CHECKS)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("Database unavailable during %s %s", request.method, request.path)
            response = _error(request, 503, "The database is unavailable; try again shortly.")
            response["Retry-After"] = "5"
            return response
        return None
