"""How long a verdict's parts may be, and the one cleaner for the free text editors type.

Serializers, admin forms and services read these numbers, so a limit is changed here once and
the API, the admin and the services refuse the same input.
"""

from typing import Any

from core.errors import InvalidInput

MAX_SUMMARY_CHARS = 2000
MAX_EXPLANATION_CHARS = 100_000
# A reason, a correction note, a second reviewer's note, a note left on a claim.
MAX_NOTE_CHARS = 10_000
MAX_SOURCES = 50
MAX_SOURCE_URL_CHARS = 2000
MAX_SOURCE_TITLE_CHARS = 500
MAX_SOURCE_PUBLISHER_CHARS = 300
MAX_SOURCE_QUOTE_CHARS = 10_000
MAX_RATING_SLUG_CHARS = 100
MAX_USERNAME_CHARS = 150


def clean_text(
    value: Any,
    *,
    field: str,
    limit: int,
    required: bool = False,
    blank_message: str = "This field may not be blank.",
) -> str:
    """The text without surrounding spaces, or InvalidInput naming the field."""
    if value is None:
        value = ""
    if not isinstance(value, str) or "\x00" in value:
        raise InvalidInput("Must be text.", field=field)
    if required and not value.strip():
        raise InvalidInput(blank_message, field=field)
    if len(value) > limit:
        raise InvalidInput(f"Must be at most {limit} characters.", field=field)
    return value.strip()
