"""The API's JSON parser: bounded nesting and no NUL characters.

A module of its own, importing no view: DRF imports parser classes while rest_framework.views loads.
"""

from typing import Any

from rest_framework import exceptions
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


def _json_problem(value: Any, depth: int = 0) -> str | None:
    """Why a parsed JSON document is refused, or None; stops descending past the depth cap."""
    if depth > MAX_JSON_DEPTH:
        return f"JSON nested deeper than {MAX_JSON_DEPTH} levels is not accepted."
    if isinstance(value, str):
        return "NUL characters are not allowed." if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _json_problem(key, depth + 1) or _json_problem(item, depth + 1)
            if problem:
                return problem
    elif isinstance(value, list):
        for item in value:
            problem = _json_problem(item, depth + 1)
            if problem:
                return problem
    return None


class StrictJSONParser(JSONParser):
    """JSON bodies with a bounded nesting depth and no NUL characters, which no text column
    stores; anything else is a 400 before a view sees it."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(
                f"JSON nested deeper than {MAX_JSON_DEPTH} levels is not accepted."
            ) from None
        if isinstance(data, dict):
            # Name the top-level field at fault, as every other 400 of the API does.
            for field, value in data.items():
                problem = _json_problem(field, 1) or _json_problem(value, 1)
                if problem:
                    raise exceptions.ValidationError({"detail": problem, str(field): [problem]})
        problem = _json_problem(data)
        if problem:
            raise exceptions.ParseError(problem)
        return data
