"""Forged cursors and ordering values: every cursor-paginated list answers 400 with a message,
or a valid page, whatever the cursor carries; never a server error."""

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import URLResolver, get_resolver

from claims.models import Claimant
from core.api.pagination import CursorCapablePagination
from tests.api.publishing import publish_verdict
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

# Each cursor-paginated list, with the query variants that change its sort key.
CURSOR_LISTS = [
    "/api/claims/?",
    "/api/claims/?ordering=-created_at&",
    "/api/claims/?ordering=score&",
    "/api/claims/?ordering=-published_at&",
    "/api/claims/?q=road&",
    "/api/verdicts/?",
    "/api/claimants/?",
    "/api/claimreviews/?",
]
# Values of every JSON type, and the date-time wrapper with the wrong thing inside.
FORGED_VALUES = [
    "x",
    "",
    "2024-01-01T00:00:00Z",
    "nul\u0000byte",
    -1,
    0,
    10**30,
    1.5,
    float("nan"),
    float("inf"),
    True,
    None,
    [],
    [1],
    {},
    {"t": "not a date"},
    {"t": 5},
    {"t": None},
    {"t": "2024-01-01T00:00:00"},
    {"x": 1},
]


def _cursor(values: object) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _key_of_next_page(client, url: str) -> list:
    page = client.get(f"{url}cursor=&page_size=1").json()
    assert page["next"], url
    cursor = parse_qs(urlsplit(page["next"]).query)["cursor"][0]
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))


@pytest.fixture
def two_published_claims(editor, reviewer):
    for text in ("Road repairs cost $4 million in 2023.", "Road tolls doubled in 2022."):
        claimant = Claimant.objects.create(name=text[:10], normalized_name=text[:10].lower())
        publish_verdict(
            ClaimFactory(text=text, claimant=claimant), editor=editor, reviewer=reviewer
        )


def _forged_cursors(key: list) -> list[tuple[str, object]]:
    forged = []
    for position in range(len(key)):
        for value in FORGED_VALUES:
            values = list(key)
            values[position] = value
            forged.append((f"position {position} = {value!r}", values))
            forged.append((f"backward, position {position} = {value!r}", {"b": values}))
    forged += [
        ("too short", key[:-1]),
        ("too long", [*key, 1]),
        ("a number", 5),
        ("a string", "x"),
        ("backward, not a list", {"b": 5}),
        ("a dict without b", {"a": key}),
    ]
    return [(label, _cursor(values)) for label, values in forged]


def test_a_forged_cursor_gets_400_with_a_message_or_a_page_on_every_cursor_list(
    anonymous, two_published_claims
):
    anonymous.raise_request_exception = False  # a server error is a finding, not a crash
    wrong = []
    for url in CURSOR_LISTS:
        for label, cursor in _forged_cursors(_key_of_next_page(anonymous, url)):
            response = anonymous.get(f"{url}cursor={cursor}")
            if response.status_code == 400:
                if "cursor" not in response.json():
                    wrong.append(f"{url} {label}: 400 without a cursor message")
            elif response.status_code != 200 or "results" not in response.json():
                wrong.append(f"{url} {label}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "ordering",
    ["id", "-", "--score", "score,id", "text", "__class__", "published_at;drop", "créé", "9" * 50],
)
def test_an_unknown_ordering_gets_400_on_the_claims_list(anonymous, two_published_claims, ordering):
    for mode in ("", "&cursor="):
        response = anonymous.get(f"/api/claims/?ordering={ordering}{mode}")
        assert response.status_code == 400, (ordering, mode)
        assert "ordering" in response.json()


def test_the_fuzzed_lists_are_every_cursor_paginated_endpoint():
    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    fuzzed = {url.split("?")[0] for url in CURSOR_LISTS}
    paginated = set()
    for route, view in walk(get_resolver().url_patterns, ""):
        cls = getattr(view, "cls", None)
        actions = getattr(view, "actions", None)
        lists = actions.get("get") == "list" if actions else hasattr(cls, "list")
        if cls is None or not lists or "format" in route:
            continue
        if issubclass(getattr(cls, "pagination_class", None) or object, CursorCapablePagination):
            paginated.add("/" + route.replace("^", "").replace("$", ""))
    assert paginated == fuzzed
