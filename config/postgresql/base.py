"""Django's PostgreSQL backend, reading timestamps with psycopg's compiled loader.

Django reads every `timestamptz` through its own loader, built on psycopg's pure-Python one, so
that values come back in the connection's time zone: on a page of fifty claims that was a
sixth of the web process's time. Django sets the session's time zone to that same zone when it
connects, and psycopg's compiled loader, which reads values in the session's zone, returns the
same datetimes (UTC, with `datetime.timezone.utc`) about six times faster.
"""

from datetime import UTC
from typing import Any

from django.db.backends.postgresql import base
from psycopg import adapters
from psycopg.adapt import Loader
from psycopg.pq import Format

_COMPILED_TIMESTAMPTZ_LOADER = adapters.get_loader(adapters.types["timestamptz"].oid, Format.TEXT)


class UtcTimestampLoader(Loader):
    """psycopg's own `timestamptz` loader, under the name Django's cursors look for."""

    # Django's cursors compare this with the connection's zone, and register their own loader
    # when the two differ.
    timezone = UTC

    def __init__(self, oid: int, context: Any = None) -> None:
        super().__init__(oid, context)
        self._load = _COMPILED_TIMESTAMPTZ_LOADER(oid, context).load

    def load(self, data: Any) -> Any:
        return self._load(data)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if self.timezone == UTC:
            connection.adapters.register_loader("timestamptz", UtcTimestampLoader)
        return connection
