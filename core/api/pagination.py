"""Page-number pages by default, and a keyset cursor for deep pages and incremental sync.

`?cursor=` (empty for the first page) switches a list to cursor mode: the response has
`next` (null on the last page), `previous` (null on the first) and `results`, no `count`, and
every page costs the same whatever its depth, because the cursor carries the sort key of the
row next to the page rather than an offset. `?page_size=` works in both modes, capped at
API_MAX_PAGE_SIZE.
"""

import base64
import binascii
import json
import math
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


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


CURSOR_PARAM = "cursor"
# A cursor is the sort key of a row: a plain list continues after that row, `{"b": [...]}`
# goes back to the rows before it (the `previous` link).
BACKWARD = "b"


def _encode(values: list[Any], *, backward: bool = False) -> str:
    packed: list[Any] = [
        {"t": value.isoformat()} if isinstance(value, datetime) else value for value in values
    ]
    raw = json.dumps({BACKWARD: packed} if backward else packed, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, size: int) -> tuple[list[Any], bool]:
    """The sort key a cursor carries, and whether it points backward."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        backward = isinstance(values, dict)
        if backward:
            values = values[BACKWARD]
        if not isinstance(values, list) or len(values) != size:
            raise ValueError
        return [
            datetime.fromisoformat(value["t"]) if isinstance(value, dict) else value
            for value in values
        ], backward
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise exceptions.ValidationError(
            {CURSOR_PARAM: ["Invalid cursor: use the `next` link of a previous page."]}
        ) from None


_INTEGER_FIELDS = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}
_TEXT_FIELDS = {"CharField", "TextField", "SlugField", "URLField", "EmailField"}
# The widest integer every supported database stores; a larger one would overflow the query.
_MAX_INTEGER = 2**63 - 1


def _sort_field(queryset: QuerySet, name: str) -> Any:
    """The model field or annotation a list is sorted on, which says what a cursor may carry."""
    if name == "pk":
        return queryset.model._meta.pk
    annotation = queryset.query.annotations.get(name)
    if annotation is not None:
        return annotation.output_field
    return queryset.model._meta.get_field(name)


def _fits(field: Any, value: Any) -> bool:
    """Whether a cursor value has the type of the column it is compared with."""
    kind = field.get_internal_type()
    if kind in ("DateTimeField", "DateField"):
        # A date-time travels as {"t": iso}; one without a zone is not one this API wrote.
        return isinstance(value, datetime) and value.tzinfo is not None
    if isinstance(value, bool):
        return False
    if kind in _INTEGER_FIELDS:
        return isinstance(value, int) and abs(value) <= _MAX_INTEGER
    if kind in ("FloatField", "DecimalField"):
        return isinstance(value, int | float) and math.isfinite(value) and abs(value) < 1e300
    if kind in _TEXT_FIELDS:
        return isinstance(value, str) and "\x00" not in value
    return False


def _check_types(queryset: QuerySet, order: list[str], values: list[Any]) -> None:
    """Refuse, before the database sees it, a cursor whose values do not fit the sort key."""
    for field, value in zip(order, values, strict=True):
        if not _fits(_sort_field(queryset, field.lstrip("-")), value):
            raise exceptions.ValidationError(
                {CURSOR_PARAM: ["Invalid cursor: use the `next` link of a previous page."]}
            )


def _after(order: list[str], values: list[Any]) -> Q:
    """Rows strictly after `values` in the lexicographic order `order`."""
    condition = Q()
    equal_so_far = Q()
    for field, value in zip(order, values, strict=True):
        name = field.lstrip("-")
        beyond = Q(**{f"{name}__{'lt' if field.startswith('-') else 'gt'}": value})
        condition |= equal_so_far & beyond
        equal_so_far &= Q(**{name: value})
    # The same rows, plus a plain bound on the first key: the database then starts an index
    # scan at the cursor instead of reading (and discarding) every row before it.
    first, first_value = order[0], values[0]
    bound = Q(**{f"{first.lstrip('-')}__{'lte' if first.startswith('-') else 'gte'}": first_value})
    return bound & condition


def _reversed(order: list[str]) -> list[str]:
    return [field[1:] if field.startswith("-") else f"-{field}" for field in order]


def _sort_key(row: Any, order: list[str]) -> list[Any]:
    """The values a row (a model instance or a `.values()` dict) is sorted on."""
    if isinstance(row, dict):
        return [row[field.lstrip("-")] for field in order]
    return [getattr(row, field.lstrip("-")) for field in order]


class CursorCapablePagination(StandardPagination):
    """Page numbers unless `?cursor=` is given; then a keyset cursor on the list's ordering."""

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> Any:
        self.cursor_mode = CURSOR_PARAM in request.query_params
        if not self.cursor_mode:
            return super().paginate_queryset(queryset, request, view)
        self.request = request
        order = [str(field) for field in queryset.query.order_by]
        if not order or order[-1].lstrip("-") not in {"id", "pk"}:
            order = [*order, "-id"]
            queryset = queryset.order_by(*order)
        self.order = order
        page_size = self.get_page_size(request)
        cursor = request.query_params.get(CURSOR_PARAM, "").strip()
        backward = False
        if cursor:
            values, backward = _decode(cursor, len(order))
            _check_types(queryset, order, values)
            direction = _reversed(order) if backward else order
            queryset = queryset.order_by(*direction).filter(_after(direction, values))
        rows = list(queryset[: page_size + 1])
        beyond = len(rows) > page_size
        rows = rows[:page_size]
        if backward:
            rows.reverse()
            # The page we came back from follows this one.
            self.has_previous, self.has_next = beyond, True
        else:
            self.has_previous, self.has_next = bool(cursor), beyond
        self.page_rows = rows
        return rows

    def _link(self, row: Any, *, backward: bool) -> str:
        url = self.request.build_absolute_uri()
        cursor = _encode(_sort_key(row, self.order), backward=backward)
        return replace_query_param(url, CURSOR_PARAM, cursor)

    def get_paginated_response(self, data: Any) -> Response:
        if not self.cursor_mode:
            return super().get_paginated_response(data)
        rows = self.page_rows
        next_link = self._link(rows[-1], backward=False) if self.has_next and rows else None
        previous_link = self._link(rows[0], backward=True) if self.has_previous and rows else None
        return Response({"next": next_link, "previous": previous_link, "results": data})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["next", "results"]
        paginated["properties"]["count"]["description"] = "Total matches; absent in cursor mode."
        return paginated

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": CURSOR_PARAM,
                "required": False,
                "in": "query",
                "description": (
                    "Cursor mode: pass an empty value for the first page, then follow `next` "
                    "(and `previous` to go back). "
                    "Pages cost the same at any depth; the response has no `count`."
                ),
                "schema": {"type": "string"},
            },
        ]
