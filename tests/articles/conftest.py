"""The local news server of the ingestion library's tests, serving real-looking pages and
feeds, for the tests of articles arriving by address, upload, feed and import."""

import pytest

from tests.articles.ingest.conftest import (  # noqa: F401 (fixtures)
    NewsServer,
    fixture_bytes,
    news_server,
    private_addresses_allowed,
    private_addresses_refused,
    send_document,
)

DREDGING = "/news/politics/port-dredging-bill-overspend-4471"
WAITING_LISTS = "/health/2024/05/09/waiting-list-claim-figures/"
BUS_FARES = "/news/local/school-bus-fares-rise-september"
RENTS = "/lyon/logement/loyers-hausse-observatoire-2023_58213"
ENGLISH_PAGES = (DREDGING, WAITING_LISTS, BUS_FARES)


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    user = UserFactory(username="desk-admin")
    user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def admin_client_for(superuser, client):
    client.force_login(superuser)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the block enqueues once it commits (tasks run in-process in tests), including
    what those tasks enqueue in turn, inside the test's own transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
