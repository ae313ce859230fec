"""Each API key's own rate limit, counted in the shared cache (Redis when configured).

A fixed one-minute window per key: one atomic increment per request, so every web process
counts against the same number.
"""

import time
from typing import Any

from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

from consumers.models import ApiKey

WINDOW_SECONDS = 60


class ApiKeyRateThrottle(BaseThrottle):
    cache_alias = "default"

    def __init__(self) -> None:
        self._wait = 0.0

    def allow_request(self, request: Any, view: Any) -> bool:
        api_key = getattr(request, "auth", None)
        if not isinstance(api_key, ApiKey):
            return True
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = f"throttle:api-key:{api_key.prefix}:{window}"
        cache = caches[self.cache_alias]
        cache.add(key, 0, timeout=WINDOW_SECONDS + 5)
        try:
            count = cache.incr(key)
        except ValueError:
            # Expired between add and incr: this request opens the window.
            cache.set(key, 1, timeout=WINDOW_SECONDS + 5)
            count = 1
        if count <= api_key.rate_limit_per_minute:
            return True
        self._wait = (window + 1) * WINDOW_SECONDS - now
        return False

    def wait(self) -> float | None:
        return max(self._wait, 1.0)
