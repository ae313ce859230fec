"""Rate limits counted in the shared cache: the anonymous read limit, and the fixed window that
API keys' limits build on."""

import logging
import time
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import BaseThrottle

from core.addresses import client_address
from core.broker import broker_circuit

logger = logging.getLogger(__name__)


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
