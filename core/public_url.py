"""Where the public claim pages live, as every link the tracker publishes points there.

In production `CLAIM_TRACKER_PUBLIC_URL` names it (a system check refuses to run without it when
`DJANGO_DEBUG=0`). In development it may stay unset: then each request's own scheme and host are
used, so a page served on http://192.168.1.20:8000/ links to itself rather than to a placeholder,
and work done outside a request (a worker's webhook) falls back to the development server's
address.
"""

import os
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.http import HttpRequest, HttpResponse

DEVELOPMENT_PUBLIC_URL = "http://127.0.0.1:8000"

_request_base_url: ContextVar[str] = ContextVar("request_base_url", default="")


def public_base_url() -> str:
    """The public site's address, without a trailing slash."""
    configured = settings.CLAIM_TRACKER_PUBLIC_URL
    if configured:
        return configured.rstrip("/")
    return _request_base_url.get() or DEVELOPMENT_PUBLIC_URL


class RequestPublicUrlMiddleware:
    """Without a configured public URL, links made during a request use that request's host."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.CLAIM_TRACKER_PUBLIC_URL:
            return self.get_response(request)
        token = _request_base_url.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_base_url.reset(token)


@register()
def check_public_addresses(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Production names its addresses: ClaimReview `url`s, embeds and the publisher's `url` must
    not depend on whichever host name a request used, nor point at a development placeholder."""
    if settings.DEBUG:
        return []
    problems: list[CheckMessage] = []
    if not settings.CLAIM_TRACKER_PUBLIC_URL:
        problems.append(
            Error(
                "CLAIM_TRACKER_PUBLIC_URL is not set (DJANGO_DEBUG=0).",
                hint="The address readers use for claim pages, e.g. https://factcheck.example.org",
                id="claim_tracker.E001",
            )
        )
    if not os.environ.get("CLAIM_TRACKER_ORGANIZATION_URL"):
        problems.append(
            Error(
                "CLAIM_TRACKER_ORGANIZATION_URL is not set (DJANGO_DEBUG=0).",
                hint="The publishing organisation's home page, named in every ClaimReview.",
                id="claim_tracker.E002",
            )
        )
    return problems
