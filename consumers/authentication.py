"""`Authorization: Api-Key <key>` (or `X-Api-Key: <key>`) for the API's consumers.

A consumer is not a newsroom user: the request stays anonymous (public data only) and
`request.auth` is the ApiKey, which the rate limit counts against.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from rest_framework import authentication, exceptions

from consumers.models import ApiKey
from consumers.services import api_key_authenticate

KEYWORD = "Api-Key"


def raw_key_from(request: Any) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header:
        keyword, _, value = header.partition(" ")
        if keyword.lower() == KEYWORD.lower():
            return value.strip()
        return None
    value = request.META.get("HTTP_X_API_KEY", "").strip()
    return value or None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Any) -> tuple[AnonymousUser, ApiKey] | None:
        raw_key = raw_key_from(request)
        if raw_key is None:
            return None
        api_key = api_key_authenticate(raw_key=raw_key)
        if api_key is None:
            raise exceptions.AuthenticationFailed("Unknown or revoked API key.")
        return AnonymousUser(), api_key

    def authenticate_header(self, request: Any) -> str:
        return KEYWORD
