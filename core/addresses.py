"""The client's address, as every rate limit and the login lockout count it.

Kept apart from core.api so that settings can name it (AXES_CLIENT_IP_CALLABLE) without
loading the API's machinery.
"""

from typing import Any

from django.conf import settings


def client_address(request: Any) -> str:
    """The client's address: X-Forwarded-For is believed only behind the trusted proxies
    (DJANGO_TRUSTED_PROXY_COUNT), each of which appends the address it was called from."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
