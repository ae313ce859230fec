"""gunicorn settings for the web process: ``gunicorn -c config/gunicorn.py config.wsgi``.

Options given on the command line (``--bind``, ``--workers``, ``--threads``) override these.
"""

import gc
import itertools

timeout = 60

# Requests after which a worker's long-lived objects are frozen: the first request imports the
# lazily loaded views, serializers and URL patterns; by the later one, caches have filled.
FREEZE_AFTER_REQUESTS = frozenset({1, 50})

_served = itertools.count(1)


def post_request(worker, req, environ, resp) -> None:
    """Freezes what the worker keeps for its whole life, once it has warmed up.

    Django, DRF and the project's modules leave a few hundred thousand objects in every worker.
    Each full garbage collection walks all of them, which takes tens of milliseconds, and under
    load every request queued behind it waits that long too: those pauses made the API's p99.
    Frozen objects are never walked again. The collection before each freeze keeps the garbage
    of the requests served so far out of the frozen set. It runs after the response is sent.
    """
    if next(_served) in FREEZE_AFTER_REQUESTS:
        gc.collect()
        gc.freeze()
