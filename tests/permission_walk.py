"""Walking every URL pattern with every role and method, for the permission matrix test."""

import re
from collections.abc import Iterator
from http.cookies import SimpleCookie
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "reader", "reviewer", "editor", "admin")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
ALLOWED, DENIED, ABSENT = "A", "D", "N"

_FORMAT_SUFFIX = re.compile(r"\\\.\(\?P<format>\[a-z0-9\]\+\)/\?\$$")
_CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
_UNNAMED_GROUP = re.compile(r"\(\[\^/\]\+\)")


def url_patterns() -> Iterator[str]:
    """Every route of the project, as the full pattern text from the root."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    seen: set[str] = set()
    for route in walk(get_resolver().url_patterns, ""):
        if route not in seen:
            seen.add(route)
            yield route


def is_format_variant(route: str) -> bool:
    """The `.json` twin the API router adds to each URL: same rights as the URL itself."""
    return bool(_FORMAT_SUFFIX.search(route)) or route.endswith("<drf_format_suffix:format>")


def _model_admin_prefixes() -> tuple[str, ...]:
    from django.contrib import admin

    return tuple(
        f"admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry
    )


def is_history_record(route: str) -> bool:
    """One version of a row in its change history (django-simple-history's revert form)."""
    return route.endswith("/history/([^/]+)/$")


def checked_roles(route: str, method: str) -> tuple[str, ...]:
    """The roles whose access the test checks for this route and method.

    Django's model admin pages answer PUT, PATCH and DELETE exactly as they answer GET, so for
    signed-in staff those three are held to the GET column without costing three more full page
    renders per page; signed-out users and API readers are checked on every method. A history
    record page only reads (GET), so every role is checked with every method there.
    """
    if (
        method in ("PUT", "PATCH", "DELETE")
        and route.startswith(_model_admin_prefixes())
        and not is_history_record(route)
    ):
        return ("anonymous", "reader")
    return ROLES


def concrete_url(route: str, values: dict[str, str]) -> str:
    """A URL for the route, with each parameter filled from `values` (by name)."""

    def named(match: re.Match) -> str:
        name = match.group("name")
        if name not in values:
            raise KeyError(f"no sample value for {name!r} in {route}")
        return values[name]

    url = _NAMED_GROUP.sub(named, route)
    url = _CONVERTER.sub(named, url)
    url = _UNNAMED_GROUP.sub(lambda _: values["_positional"], url, count=1)
    url = _UNNAMED_GROUP.sub(lambda _: values["_history_id"], url, count=1)
    url = url.replace("^", "").replace("$", "").replace("\\.", ".").replace("/?", "")
    return "/" + url


def classify(response: Any) -> str:
    status = response.status_code
    if status in (401, 403):
        return DENIED
    if status in (301, 302, 303, 307, 308):
        location = response.get("Location", "")
        if "/login/" in location:
            return DENIED
        if location == "/admin/" and response.request["PATH_INFO"] != "/admin/login/":
            # The admin's answer for an object that does not exist.
            return ABSENT
        return ALLOWED
    if status in (404, 405):
        return ABSENT
    if status < 500 and status != 429:
        return ALLOWED
    raise AssertionError(
        f"{response.request['REQUEST_METHOD']} {response.request['PATH_INFO']}: {status}"
    )


# Tables a refused request may still write: the session it signs in with and the login
# lockout's record of failed attempts.
_BOOKKEEPING_TABLES = ("django_session", "axes_")


def database_state() -> dict[str, int]:
    """A fingerprint of every table's rows, to tell whether a request wrote anything."""
    state = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith(_BOOKKEEPING_TABLES):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            state[table] = hash(tuple(sorted(map(repr, cursor.fetchall()))))
    return state


def is_success(response: Any) -> bool:
    """A 2xx answer, or a redirect that is neither to sign-in nor the admin's "no such object"."""
    if 200 <= response.status_code < 300:
        return True
    return response.status_code in (301, 302, 303, 307, 308) and classify(response) == ALLOWED


def request_as(client: Client, method: str, url: str) -> tuple[str, list[str]]:
    """One request, rolled back afterwards, so no request changes what the next one sees: how
    it was answered, and the tables it wrote although the answer was not a success."""
    cache.clear()
    api = url.startswith("/api/")
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    writes = method not in ("GET", "HEAD", "OPTIONS")
    with transaction.atomic():
        before = database_state() if writes else {}
        response = client.generic(
            method,
            url,
            b"{}" if api else b"",
            content_type="application/json" if api else "application/x-www-form-urlencoded",
        )
        changed: list[str] = []
        if writes and not is_success(response):
            after = database_state()
            changed = [table for table in after if after[table] != before.get(table)]
        transaction.set_rollback(True)
    # Signing out (or in) is rolled back too: the client keeps its session.
    client.cookies = SimpleCookie(cookies)
    return classify(response), changed
