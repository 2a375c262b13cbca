"""What every area of the repository shares: the engine, one transaction per change, the clock, ids.

The :class:`~reciprocity.store.repository.Store` the faces use is put together from one
part per area (seasons, what to remember, settings, invitations), each built on
:class:`StoreBase`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from reciprocity.store.engine import translate_errors

__all__ = ["SEASON_ID_PREFIX_MIN", "Clock", "StoreBase", "new_id", "utc_now"]

Clock = Callable[[], dt.datetime]

# The fewest characters of a season's id that find it: short enough to type, long enough
# that two seasons rarely share them.
SEASON_ID_PREFIX_MIN = 4


def new_id() -> str:
    """A fresh stable id for a person, an audit or a season."""
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    """The current moment, in UTC (the store's default clock)."""
    return dt.datetime.now(dt.UTC)


class StoreBase:
    """The engine of one database and its transactions, which every area of the store uses."""

    def __init__(self, engine: Engine, *, where: str, clock: Clock = utc_now) -> None:
        self.engine = engine
        self.where = where
        self._clock = clock

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translate_errors(self.where), self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with translate_errors(self.where), self.engine.connect() as plain:
            connection = plain.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                yield connection

    def _scrub(self) -> None:
        """After a removal: move the write-ahead log into the file and empty it.

        With ``secure_delete`` the removed rows are overwritten in the file, but the
        log still holds the pages as they were until a checkpoint. Best effort: a
        reader holding an old snapshot (another window) can keep part of it until later.
        """
        if self.engine.dialect.name != "sqlite":
            return
        with translate_errors(self.where), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
