"""Every JSON body, on every endpoint, goes through the one strict parser: deep nesting and NUL
characters get a 400 with a message, never a server error."""

import pytest
from django.urls import URLResolver, get_resolver
from rest_framework.parsers import JSONParser

from core.api.parsers import StrictJSONParser

pytestmark = pytest.mark.django_db


def test_deeply_nested_json_on_the_token_endpoint_gets_400(anonymous, editor):
    anonymous.raise_request_exception = False
    body = '{"username": "editor", "password": ' + "[" * 1000 + "]" * 1000 + "}"

    response = anonymous.post("/api/auth/token/", body, content_type="application/json")

    assert response.status_code == 400
    assert "nested" in response.json()["detail"]


def test_nul_characters_in_a_json_login_get_400(anonymous, editor):
    response = anonymous.post(
        "/api/auth/token/", {"username": "edi\x00tor", "password": "x"}, format="json"
    )

    assert response.status_code == 400


def _api_views():
    """Each API route's view class and the parsers it really uses (as_view arguments too)."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    for route, view in walk(get_resolver().url_patterns, ""):
        cls = getattr(view, "cls", None)
        if cls is not None:
            initkwargs = getattr(view, "initkwargs", {}) or {}
            yield route, initkwargs.get("parser_classes", cls.parser_classes)


def test_every_api_view_reads_json_with_the_strict_parser():
    loose = [
        f"{route}: {parser.__name__}"
        for route, parsers in _api_views()
        for parser in parsers
        if issubclass(parser, JSONParser) and not issubclass(parser, StrictJSONParser)
    ]
    assert not loose, "These views parse JSON without the depth and NUL checks:\n" + "\n".join(
        loose
    )
