"""Facts about the store that need no SQLAlchemy to know (the quick read path uses them)."""

from __future__ import annotations

__all__ = ["DEFAULT_LOCK_TIMEOUT", "SCHEMA_HEAD"]

# The newest migration; a test checks it is Alembic's head.
SCHEMA_HEAD = "0009"

# Seconds to wait for another writer before saying the database is busy.
DEFAULT_LOCK_TIMEOUT = 5.0
