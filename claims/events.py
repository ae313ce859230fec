"""What happened to claims and verdicts, announced to whoever listens.

The claims app emits; other apps (webhook delivery in `consumers`) connect a listener when
they start. Claims never imports its listeners, so the dependency points one way:
`consumers` imports `claims`, never the reverse.

Listeners run inside the emitting transaction: they record what must be sent and enqueue the
sending on commit, so a rolled-back publish announces nothing.
"""

from collections.abc import Callable
from typing import Any

CLAIM_CREATED = "claim.created"
VERDICT_PUBLISHED = "verdict.published"
VERDICT_CORRECTED = "verdict.corrected"
EVENTS = (CLAIM_CREATED, VERDICT_PUBLISHED, VERDICT_CORRECTED)

Listener = Callable[..., None]
_listeners: list[Listener] = []


def connect(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def disconnect(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def emit(event: str, **objects: Any) -> None:
    """Tell every listener that `event` happened to `objects` (claim=..., verdict=...)."""
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}")
    for listener in list(_listeners):
        listener(event, **objects)


def verdict_published(*, claim: Any, verdict: Any) -> None:
    """A verdict went public: a correction when an earlier version had been published."""
    corrected = (
        verdict.version > 1
        and claim.verdicts.filter(published_at__isnull=False, version__lt=verdict.version).exists()
    )
    emit(VERDICT_CORRECTED if corrected else VERDICT_PUBLISHED, claim=claim, verdict=verdict)
