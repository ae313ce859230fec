"""How the newsroom's lists read at 1366x768: wrapped claim text, chips, percentages, and
sidebar filters that stay short however many claimants, articles and outlets there are."""

import textwrap
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.dateparse import parse_date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# A claim's text is shown whole up to this length, then shortened at a word boundary.
LIST_TEXT_CHARS = 280


def shortened(text: str, width: int = LIST_TEXT_CHARS) -> str:
    """The text, cut at a word boundary (never mid-word) when longer than ``width``."""
    text = " ".join(text.split())
    return textwrap.shorten(text, width=width, placeholder=" …") if len(text) > width else text


def percentage(score: float | None) -> str:
    return "-" if score is None else f"{round(score * 100)}%"


def chips(items: Iterable[Any], *, kind: str) -> SafeString | str:
    """Dates or entities as small labelled chips instead of raw JSON."""
    labels = []
    for item in items or ():
        if isinstance(item, dict):
            text = str(item.get("text") or item.get("value") or "")
            detail = str(item.get("value") or item.get("kind") or "")
        else:
            text, detail = str(item), ""
        if text:
            labels.append((kind, detail if detail and detail != text else text, text))
    if not labels:
        return "-"
    return format_html(
        '<span class="chips">{}</span>',
        format_html_join("", '<span class="chip chip-{}" title="{}">{}</span>', labels),
    )


class InputFilter(admin.ListFilter):
    """A sidebar filter typed into a box: its length does not grow with the data."""

    template = "admin/claims/filters/input.html"
    # (query parameter, label, input type, lookup)
    inputs: tuple[tuple[str, str, str, str], ...] = ()

    def __init__(self, request: HttpRequest, params: dict[str, Any], model: Any, model_admin: Any):
        super().__init__(request, params, model, model_admin)
        self.values: dict[str, str] = {}
        for name, *_ in self.inputs:
            if name in params:
                value = params.pop(name)
                value = value[-1] if isinstance(value, list) else value
                self.values[name] = str(value).strip()

    def has_output(self) -> bool:
        return True

    def expected_parameters(self) -> list[str | None]:
        return [name for name, *_ in self.inputs]

    def value_of(self, name: str) -> Any:
        value = self.values.get(name, "")
        if not value:
            return None
        if any(kind == "date" for n, _, kind, _ in self.inputs if n == name):
            return parse_date(value)
        return value

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        for name, _, _, lookup in self.inputs:
            value = self.value_of(name)
            if value is not None:
                queryset = queryset.filter(**{lookup: value})
        return queryset

    def choices(self, changelist: Any) -> Iterator[dict[str, Any]]:
        kept = [
            (key, value)
            for key, value in changelist.get_filters_params().items()
            if key not in self.expected_parameters()
        ]
        yield {
            "inputs": [
                {"name": name, "label": label, "type": kind, "value": self.values.get(name, "")}
                for name, label, kind, _ in self.inputs
            ],
            "kept": [(key, v) for key, values in kept for v in _as_list(values)],
            "clear": changelist.get_query_string(remove=self.expected_parameters()),
            "active": any(self.values.values()),
        }


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


class ClaimantFilter(InputFilter):
    title = "claimant"
    inputs = (("claimant_name", "Name contains", "search", "claimant__name__icontains"),)


class CreatedRangeFilter(InputFilter):
    title = "found between"
    inputs = (
        ("found_from", "From", "date", "created_at__date__gte"),
        ("found_to", "To", "date", "created_at__date__lte"),
    )


def short_date(value: date | None) -> str:
    return "-" if value is None else value.strftime("%d %b %Y")
