"""Each API key's own rate limit, counted in the shared cache (Redis when configured).

A fixed one-minute window per key, so every web process counts against the same number.
"""

from typing import Any

from consumers.models import ApiKey
from core.api.throttling import FixedWindowThrottle

WINDOW_SECONDS = 60


class ApiKeyRateThrottle(FixedWindowThrottle):
    scope = "api-key"

    def limit_for(self, request: Any) -> tuple[str, int, int] | None:
        api_key = getattr(request, "auth", None)
        if not isinstance(api_key, ApiKey):
            return None
        return api_key.prefix, api_key.rate_limit_per_minute, WINDOW_SECONDS
