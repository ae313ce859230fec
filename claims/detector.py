"""The detector every web process and worker uses: the newsroom's active model.

Each process keeps the detector it loaded with the id of the active ``DetectorModel`` row it
came from, and looks at that id again (one indexed query) at most every
``DETECTOR_RELOAD_SECONDS``: a promotion or rollback reaches every process within that time,
without a restart. No active row means the model shipped with the code.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings

from claims.detection import Detector, load_detector
from claims.detection.checkworthiness import CheckworthinessModel
from claims.models import DetectorModel

SHIPPED = 0


@dataclass
class _Loaded:
    version: int
    # With the id: an id reused after a rolled-back insert (SQLite) is not the same model.
    created_at: object
    detector: Detector
    checked_at: float


_lock = threading.Lock()
_loaded: _Loaded | None = None


def active_model_version() -> int:
    """The id of the active model row, or 0 for the shipped model."""
    return DetectorModel.objects.active().values_list("pk", flat=True).first() or SHIPPED


def model_for_version(version: int) -> CheckworthinessModel:
    if version == SHIPPED:
        return load_detector().model
    weights = DetectorModel.objects.values_list("weights", flat=True).get(pk=version)
    return CheckworthinessModel.from_bytes(bytes(weights), name=f"detector model #{version}")


def current_detector() -> Detector:
    """The detector of the active model, reloaded when another process promoted a new one."""
    global _loaded
    now = time.monotonic()
    loaded = _loaded
    if loaded is not None and now - loaded.checked_at < settings.DETECTOR_RELOAD_SECONDS:
        return loaded.detector
    with _lock:
        version, created_at = DetectorModel.objects.active().values_list(
            "pk", "created_at"
        ).first() or (SHIPPED, None)
        if _loaded is not None and (_loaded.version, _loaded.created_at) == (version, created_at):
            _loaded.checked_at = now
            return _loaded.detector
        detector = load_detector() if version == SHIPPED else Detector(model_for_version(version))
        _loaded = _Loaded(version, created_at, detector, checked_at=now)
        return detector


def current_version() -> int | None:
    """The version this process is scoring with (``None`` before its first extraction)."""
    return None if _loaded is None else _loaded.version
