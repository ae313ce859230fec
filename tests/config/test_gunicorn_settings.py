"""The web process's gunicorn settings: a warmed-up worker stops walking its long-lived objects."""

import gc
import itertools
import weakref

import pytest

from config import gunicorn as web_settings


class Cycle:
    """Garbage that only the cycle collector can free, like a request's leftovers."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def fresh_worker(monkeypatch):
    monkeypatch.setattr(web_settings, "_served", itertools.count(1))
    yield
    gc.unfreeze()


def serve(requests: int) -> None:
    for _ in range(requests):
        web_settings.post_request(worker=None, req=None, environ={}, resp=None)


def test_a_warmed_up_worker_keeps_its_long_lived_objects_out_of_every_collection(fresh_worker):
    kept_for_life = Cycle()
    serve(max(web_settings.FREEZE_AFTER_REQUESTS))

    assert gc.get_freeze_count() > 0
    assert not any(kept_for_life is tracked for tracked in gc.get_objects())


def test_the_garbage_of_the_first_requests_is_freed_not_frozen(fresh_worker):
    leftover = Cycle()
    gone = weakref.ref(leftover)
    del leftover

    serve(1)

    assert gone() is None
