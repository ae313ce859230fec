"""Signing webhook bodies, and checking a signature the way a receiver should.

Header: `X-ClaimTracker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the HMAC key is
the subscription's secret and the message is `<t>.<raw body>`. A receiver recomputes it,
compares in constant time, and refuses a timestamp older than a few minutes (replay).
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-ClaimTracker-Signature"
DEFAULT_TOLERANCE_SECONDS = 300


def sign(secret: str, body: bytes, timestamp: int) -> str:
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
