"""The schema Alembic builds is the schema the code describes, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from reciprocity.store import Store
from reciprocity.store.engine import SCHEMA_HEAD
from reciprocity.store.schema import metadata


def test_the_migrated_schema_matches_the_tables_in_the_code(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)

    assert differences == []


def test_a_migrated_database_is_at_the_newest_revision(store: Store) -> None:
    with store.engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
        tables = set(inspect(connection).get_table_names())

    assert heads == (SCHEMA_HEAD,)
    assert tables == {*metadata.tables, "alembic_version"}
