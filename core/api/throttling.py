"""API wiring shared by every app: pagination, the JSON renderer, the anonymous read limit
and the JSON shape of errors."""

import logging
import time
from typing import Any

import orjson
from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import DataError, InterfaceError, OperationalError
from django.http import Http404
from django_filters.rest_framework import NumberFilter
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.utils.encoders import JSONEncoder
from rest_framework.views import exception_handler as drf_exception_handler

from articles.errors import ServiceError
from config.addresses import client_address
from config.celery import broker_circuit

logger = logging.getLogger(__name__)


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


class FastJSONRenderer(JSONRenderer):
    """DRF's JSON written by orjson, several times faster on a page of claims.

    The same JSON as JSONRenderer: compact UTF-8, date-times in ISO 8601 with `Z` for UTC, and
    U+2028/U+2029 escaped. Anything orjson cannot write (a lazy translation, a Decimal) goes
    through DRF's encoder; pretty-printing (`Accept: application/json; indent=4`) and any
    value orjson refuses are left to DRF's renderer.
    """

    _fallback = JSONEncoder().default

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(data, accepted_media_type, renderer_context)
        try:
            rendered = orjson.dumps(data, default=self._fallback, option=orjson.OPT_UTC_Z)
        except TypeError:  # orjson.JSONEncodeError: non-string keys, integers over 64 bits, ...
            return super().render(data, accepted_media_type, renderer_context)
        # JSON that is also valid JavaScript, as DRF guarantees.
        if b"\xe2\x80\xa8" in rendered or b"\xe2\x80\xa9" in rendered:
            rendered = rendered.replace(b"\xe2\x80\xa8", b"\\u2028").replace(
                b"\xe2\x80\xa9", b"\\u2029"
            )
        return rendered


_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def rate_from_setting(name: str) -> tuple[int, int] | None:
    """(requests, seconds) a rate setting such as "1200/min" allows, or None for no limit."""
    rate = (getattr(settings, name, "") or "").strip()
    if not rate:
        return None
    count, _, period = rate.partition("/")
    try:
        return int(count), _PERIODS[period.strip().lower()]
    except (ValueError, KeyError):
        raise ImproperlyConfigured(f"{name} must look like 1200/min, not {rate!r}") from None


# The count and its expiry in one round trip, so a window's count never outlives the window.
_COUNT_IN_WINDOW = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def count_in_window(cache: Any, key: str, seconds: int) -> int:
    """Adds one to the count under `key`, which expires `seconds` after its first request."""
    if isinstance(cache, RedisCache):
        # Django's cache API needs two calls (add, then incr); one Lua script does both.
        client = cache._cache.get_client(key, write=True)
        return int(client.eval(_COUNT_IN_WINDOW, 1, cache.make_and_validate_key(key), seconds))
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key)
    except ValueError:
        # Expired between add and incr: this request opens the window.
        cache.set(key, 1, timeout=seconds)
        return 1


class FixedWindowThrottle(BaseThrottle):
    """A number of requests per fixed window, counted in the shared cache (Redis when
    configured, so every web process counts against the same number): one round trip per
    counted request. Subclasses say who is counted and at what rate (`limit_for`).

    Requests never depend on Redis being up: when the cache fails, they go uncounted for the
    broker's cool-down (the cache is the broker's Redis unless CACHE_URL says otherwise), so a
    hung Redis stalls a process at most once per cool-down.
    """

    cache_alias = "default"
    scope = ""

    def __init__(self) -> None:
        self._wait = 0.0

    def limit_for(self, request: Any) -> tuple[str, int, int] | None:
        """(who, requests allowed, seconds per window) for this request, or None: not counted."""
        raise NotImplementedError

    def allow_request(self, request: Any, view: Any) -> bool:
        limit = self.limit_for(request)
        if limit is None:
            return True
        if broker_circuit.is_open():
            # Redis failed a moment ago: requests stay served, uncounted, for the cool-down.
            return True
        who, allowed, seconds = limit
        now = time.time()
        window = int(now // seconds)
        key = f"throttle:{self.scope}:{who}:{seconds}:{window}"
        try:
            count = count_in_window(caches[self.cache_alias], key, seconds + 5)
        except Exception as error:  # whatever the cache's client raises: down, hung, refused
            broker_circuit.trip(getattr(settings, "BROKER_FAILURE_COOLDOWN_SECONDS", 15.0))
            logger.warning("Requests go uncounted for a while: the cache failed (%s)", error)
            return True
        if count <= allowed:
            return True
        self._wait = (window + 1) * seconds - now
        return False

    def wait(self) -> float | None:
        return max(self._wait, 1.0)


class AnonymousReadThrottle(FixedWindowThrottle):
    """Reads without credentials, counted per client address (API_ANON_READ_RATE). Signed-in
    staff are not counted here, and API keys have their own limit (consumers.throttling).
    A view with a tighter limit of its own subclasses this with its scope and rate setting."""

    scope = "anon-read"
    rate_setting = "API_ANON_READ_RATE"

    def limit_for(self, request: Any) -> tuple[str, int, int] | None:
        if request.method not in SAFE_METHODS or request.auth is not None:
            return None
        if request.user.is_authenticated:
            return None
        rate = rate_from_setting(self.rate_setting)
        if rate is None:
            return None
        allowed, seconds = rate
        return client_address(request), allowed, seconds


# The public read views' JSON, written by orjson.
READ_RENDERERS = [FastJSONRenderer, BrowsableAPIRenderer]

# The largest id a row can have: PostgreSQL's bigint and SQLite's INTEGER stop here.
MAX_ROW_ID = 2**63 - 1


class IdFilter(NumberFilter):
    """A row's id: a whole number an id can be, else 400 with the field's message (a number no
    database column holds would fail the query instead, on SQLite even mid-stream)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ROW_ID)
        super().__init__(*args, **kwargs)


class JSONLDRenderer(FastJSONRenderer):
    """The same JSON under the linked-data media type, for clients that ask for JSON-LD."""

    media_type = "application/ld+json"
    format = "jsonld"


# ClaimReview documents: JSON by default, JSON-LD when asked for (`Accept: application/ld+json`).
LINKED_DATA_RENDERERS = [FastJSONRenderer, JSONLDRenderer, BrowsableAPIRenderer]


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
