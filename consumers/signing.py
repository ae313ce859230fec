"""Signing webhook bodies, and checking a signature the way a receiver should.

Every delivery is signed twice:

- per the Standard Webhooks specification (https://www.standardwebhooks.com/), so receivers can
  verify it with a ready library (`standardwebhooks`, `svix`, ...): headers `webhook-id` (the
  message id, the same on every retry), `webhook-timestamp` (unix seconds) and
  `webhook-signature: v1,<base64 HMAC-SHA256>` over `<webhook-id>.<webhook-timestamp>.<raw body>`,
  keyed with the bytes behind the subscription's `whsec_…` signing secret;
- with the earlier header `X-ClaimTracker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
  `<t>.<raw body>`, keyed with the subscription's secret, kept for receivers written against it.

Both are keyed with the same secret: the `whsec_…` form is the base64 of the secret's bytes, so
an existing subscription needs no new secret to be verified the standard way.
"""

import base64
import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-ClaimTracker-Signature"
DEFAULT_TOLERANCE_SECONDS = 300
STANDARD_SECRET_PREFIX = "whsec_"  # noqa: S105 (the prefix of the form, not a secret)


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The earlier `X-ClaimTracker-Signature` value."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """True when `header` signs `body` with `secret` and its timestamp is recent enough."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def standard_secret(secret: str) -> str:
    """The subscription's secret as Standard Webhooks libraries take it (`whsec_<base64>`)."""
    return STANDARD_SECRET_PREFIX + base64.b64encode(secret.encode()).decode("ascii")


def standard_headers(
    *, secret: str, message_id: str, body: bytes, timestamp: int
) -> dict[str, str]:
    """The three Standard Webhooks headers of one delivery."""
    message = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode("ascii"),
    }


def delivery_headers(
    *, secret: str, message_id: str, body: bytes, timestamp: int
) -> dict[str, str]:
    """Every signature header a delivery carries: the standard ones and the earlier one."""
    return {
        **standard_headers(secret=secret, message_id=message_id, body=body, timestamp=timestamp),
        SIGNATURE_HEADER: sign(secret, body, timestamp),
    }
