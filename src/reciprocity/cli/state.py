"""What every command shares: which database, opened once and only when needed."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from reciprocity import messages
from reciprocity.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from reciprocity.store import Store
    from reciprocity.store.quick import Reader

__all__ = [
    "DB_ENV",
    "LOCK_TIMEOUT_ENV",
    "AppState",
    "data_folder",
    "default_database",
    "lock_timeout",
    "state",
]

DB_ENV = "RECIPROCITY_DB"
LOCK_TIMEOUT_ENV = "RECIPROCITY_LOCK_TIMEOUT"


def data_folder() -> Path:
    """Reciprocity's folder in the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path("reciprocity", appauthor=False)


def default_database() -> Path:
    """The person's database, in the user data folder."""
    return data_folder() / "reciprocity.db"


def lock_timeout() -> float:
    """Seconds to wait for another writer, from the environment if set there."""
    from reciprocity.store.basics import DEFAULT_LOCK_TIMEOUT

    raw = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value < 3600:
        message = messages.ERR_LOCK_TIMEOUT.format(value=raw)
        raise InvalidInputError([Problem(message, LOCK_TIMEOUT_ENV)])
    return value


@dataclass
class AppState:
    """The options given before the command, and the store once opened."""

    database: str | None = None
    _store: Store | None = field(default=None, repr=False)
    _reader: Reader | None = field(default=None, repr=False)

    @property
    def target(self) -> str:
        """The database path or URL this run uses."""
        if self.database:
            return self.database
        path = default_database()
        path.parent.mkdir(parents=True, exist_ok=True)
        return str(path)

    def store(self) -> Store:
        """The store, opened (and migrated) on first use."""
        if self._store is None:
            from reciprocity.store import open_store

            self._store = open_store(self.target, lock_timeout=lock_timeout())
        return self._store

    def reader(self) -> Reader:
        """Something to read from, for commands that only read.

        A SQLite file at the current schema is read with the standard library alone
        (no SQLAlchemy to import, which is most of a fresh process's start-up);
        anything else opens the store, which migrates or explains as usual.
        """
        if self._store is not None:
            return self._store
        if self._reader is None:
            from reciprocity.store.quick import open_quick

            lock_timeout()  # the same check of the environment as the store makes
            self._reader = open_quick(self.target)
        return self._reader if self._reader is not None else self.store()

    def close(self) -> None:
        """Release the store and the reader, if they were opened."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._store is not None:
            self._store.close()
            self._store = None

    @staticmethod
    def today() -> dt.date:
        """Today in the user's local time zone (the edge is where the clock is read)."""
        return dt.datetime.now().astimezone().date()


def state(ctx: typer.Context) -> AppState:
    """The shared state of this run."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
