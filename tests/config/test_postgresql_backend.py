"""On PostgreSQL, timestamps come back exactly as Django's own backend would read them."""

import datetime as dt

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import register_tzloader
from psycopg.pq import Format

from claims.models import Claim
from config.postgresql.base import UtcTimestampLoader
from tests.factories import ClaimFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's loader only"),
]

MOMENTS = [
    dt.datetime(2018, 12, 18, 14, 30, 5, 123456, tzinfo=dt.UTC),
    dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    dt.datetime(2024, 2, 29, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
]


def read_back(sql: str, params: list, *, djangos_own_loader: bool) -> list:
    with connection.cursor() as cursor:
        if djangos_own_loader:
            register_tzloader(connection.timezone, cursor.cursor)
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def test_timestamps_read_as_djangos_loader_reads_them():
    sql = "SELECT unnest(%s::timestamptz[])"
    ours = read_back(sql, [MOMENTS], djangos_own_loader=False)
    timestamptz = connection.connection.adapters.types["timestamptz"].oid
    assert connection.connection.adapters.get_loader(timestamptz, Format.TEXT) is UtcTimestampLoader
    djangos = read_back(sql, [MOMENTS], djangos_own_loader=True)

    assert ours == djangos == MOMENTS
    assert {value.tzinfo for value in ours} == {value.tzinfo for value in djangos} == {dt.UTC}


def test_a_claims_dates_round_trip_through_the_orm(settings):
    settings.TIME_ZONE = "America/New_York"
    claim = ClaimFactory()
    Claim.objects.filter(pk=claim.pk).update(created_at=MOMENTS[1])

    stored = Claim.objects.values_list("created_at", flat=True).get(pk=claim.pk)

    assert stored == MOMENTS[1]
    assert stored.tzinfo is dt.UTC
