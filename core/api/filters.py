"""Query parameters every app's lists share."""

from typing import Any

from django import forms
from django_filters.rest_framework import NumberFilter

# The largest id a row can have: PostgreSQL's bigint and SQLite's INTEGER stop here.
MAX_ROW_ID = 2**63 - 1


class IdFilter(NumberFilter):
    """A row's id: a whole number an id can be, else 400 with the field's message (a number no
    database column holds would fail the query instead, on SQLite even mid-stream)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ROW_ID)
        super().__init__(*args, **kwargs)
