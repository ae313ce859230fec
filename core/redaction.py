"""A logging filter that keeps secrets out of every log line: the secret key, passwords in
service URLs, API tokens and password fields, whoever logs them."""

import logging
import re
from urllib.parse import urlsplit

MASK = "********"

_PATTERNS = (
    # "Authorization: Token abc..." and "Token abc..." as DRF issues them.
    re.compile(r"(?i)\b(token|bearer)(\s+|=)([0-9a-f]{20,}|[A-Za-z0-9._~+/=-]{32,})"),
    # password=..., "password": "...", passwd / secret / api_key fields in forms and JSON.
    re.compile(
        r"(?i)([\"']?(?:password|passwd|secret|api_key|csrfmiddlewaretoken)[\"']?\s*[:=]\s*[\"']?)"
        r"([^\"'&\s,}]+)"
    ),
    # scheme://user:password@host in broker, cache and database URLs.
    re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)([^@\s/]+)(@)"),
)


def _configured_secrets() -> list[str]:
    from django.conf import settings

    secrets = [getattr(settings, "SECRET_KEY", "")]
    for name in ("CELERY_BROKER_URL", "CACHE_URL"):
        password = urlsplit(getattr(settings, name, "") or "").password
        secrets.append(password or "")
    for database in getattr(settings, "DATABASES", {}).values():
        secrets.append(database.get("PASSWORD") or "")
    return [secret for secret in secrets if len(secret) >= 6]


def redact(text: str) -> str:
    for secret in _configured_secrets():
        text = text.replace(secret, MASK)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _PATTERNS[1].sub(lambda m: f"{m.group(1)}{MASK}", text)
    return _PATTERNS[2].sub(lambda m: f"{m.group(1)}{MASK}{m.group(3)}", text)


class RedactSecretsFilter(logging.Filter):
    """Rewrites each record's message (and exception text) with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
