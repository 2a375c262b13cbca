"""What every command shares: which database, opened once and only when needed."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from reciprocity.store import Store

__all__ = ["DB_ENV", "LOCK_TIMEOUT_ENV", "AppState", "default_database", "state"]

DB_ENV = "RECIPROCITY_DB"
LOCK_TIMEOUT_ENV = "RECIPROCITY_LOCK_TIMEOUT"


def default_database() -> Path:
    """The database in the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path("reciprocity", appauthor=False) / "reciprocity.db"


@dataclass
class AppState:
    """The options given before the command, and the store once opened."""

    database: str | None = None
    _store: Store | None = field(default=None, repr=False)

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
            from reciprocity.store import DEFAULT_LOCK_TIMEOUT, open_store

            timeout = float(os.environ.get(LOCK_TIMEOUT_ENV) or DEFAULT_LOCK_TIMEOUT)
            self._store = open_store(self.target, lock_timeout=timeout)
        return self._store

    def close(self) -> None:
        """Release the store, if it was opened."""
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
