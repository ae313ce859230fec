"""GET /healthz: can this process reach the database and the broker? For load balancers."""

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _broker_ok() -> bool | None:
    """None when no broker is configured (tasks run in-process)."""
    if not settings.CELERY_BROKER_URL:
        return None
    from config.celery import app

    try:
        with app.connection_for_write() as broker:
            broker.ensure_connection(
                max_retries=1, timeout=settings.CELERY_BROKER_CONNECTION_TIMEOUT
            )
            client = getattr(broker.default_channel, "client", None)
            if client is not None:
                client.ping()
    except Exception:
        return False
    return True


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every configured backend answers, 503 otherwise. Names no host or secret."""
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    report = {
        name: ("ok" if ok else "unavailable") for name, ok in checks.items() if ok is not None
    }
    healthy = all(ok is not False for ok in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **report}, status=200 if healthy else 503
    )
