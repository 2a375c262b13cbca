"""Where reciprocity keeps things: SQLite or PostgreSQL via SQLAlchemy, migrated by Alembic.

Names are loaded on first use, so the quick read path (``reciprocity.store.quick``)
can answer from SQLite without importing SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reciprocity.store.basics import DEFAULT_LOCK_TIMEOUT
    from reciprocity.store.decode import PersonSummary
    from reciprocity.store.engine import (
        create_store_engine,
        database_url,
        migrate,
    )
    from reciprocity.store.repository import (
        SEASON_ID_PREFIX_MIN,
        Draft,
        ImportReport,
        Store,
        new_id,
        open_store,
    )

_HOMES = {
    "DEFAULT_LOCK_TIMEOUT": "reciprocity.store.basics",
    "create_store_engine": "reciprocity.store.engine",
    "database_url": "reciprocity.store.engine",
    "migrate": "reciprocity.store.engine",
    "PersonSummary": "reciprocity.store.decode",
    "SEASON_ID_PREFIX_MIN": "reciprocity.store.repository",
    "Draft": "reciprocity.store.repository",
    "ImportReport": "reciprocity.store.repository",
    "Store": "reciprocity.store.repository",
    "new_id": "reciprocity.store.repository",
    "open_store": "reciprocity.store.repository",
}

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "SEASON_ID_PREFIX_MIN",
    "Draft",
    "ImportReport",
    "PersonSummary",
    "Store",
    "create_store_engine",
    "database_url",
    "migrate",
    "new_id",
    "open_store",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
