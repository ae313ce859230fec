"""Fixtures for fault tests.

The tests need PostgreSQL (several processes share the database) and the redis-server binary.
Without them they skip, except in CI (CI=true), where a missing service is a failure.
"""

import shutil
import uuid
from collections.abc import Iterator

import pytest

from tests.faults.processes import RedisServer, Services, database_url, unavailable


@pytest.fixture
def postgres(transactional_db):
    """The test database, committed, on a PostgreSQL server other processes can reach."""
    from django.db import connection

    if connection.vendor != "postgresql":
        unavailable("fault tests need PostgreSQL shared by several processes (set DATABASE_URL)")
    return connection.settings_dict


@pytest.fixture
def redis_binary() -> None:
    if shutil.which("redis-server") is None:
        unavailable("the redis-server binary is not installed")


@pytest.fixture
def own_redis(redis_binary, tmp_path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def services(postgres, tmp_path) -> Iterator[Services]:
    queue = f"faults-{uuid.uuid4().hex[:12]}"
    launcher = Services(
        tmp_path,
        {
            "DATABASE_URL": database_url(postgres),
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "1",
            "PYTHONUNBUFFERED": "1",
        },
    )
    try:
        yield launcher
    finally:
        launcher.stop_all()


@pytest.fixture
def editor_token(editor) -> dict[str, str]:
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=editor)
    return {"Authorization": f"Token {token.key}"}
