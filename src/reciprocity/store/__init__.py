"""Where reciprocity keeps things: SQLite or PostgreSQL via SQLAlchemy, migrated by Alembic."""

from reciprocity.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    create_store_engine,
    database_url,
    migrate,
)
from reciprocity.store.repository import (
    SEASON_ID_PREFIX_MIN,
    Draft,
    ImportReport,
    PersonSummary,
    Store,
    new_id,
    open_store,
)

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
