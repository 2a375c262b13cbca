"""A SQLite file that cannot be used as it is: a named error, and what was saved stays saved."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import pytest

from reciprocity.core import RelationshipKind
from reciprocity.errors import (
    DatabaseLockedError,
    DatabaseUnreadableError,
    NewerDatabaseError,
    NotADatabaseError,
)
from reciprocity.store import open_store
from tests.store.helpers import mutual_audit


def _saved_database(path: Path) -> None:
    """A database holding Sam with one audit, closed again."""
    store = open_store(path)
    try:
        sam = store.add_person("Sam", RelationshipKind.PARTNER)
        store.add_audit(mutual_audit(sam.id, dt.date(2025, 3, 1)))
    finally:
        store.close()


def _people_in(path: Path) -> list[str]:
    """The names stored in a database file, read without reciprocity."""
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM people ORDER BY name")]


@contextmanager
def _another_program_writing(path: Path) -> Iterator[None]:
    """Another connection holding the write lock of the file."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.fixture
def saved(db_path: Path) -> Path:
    """A database file with Sam and one audit in it."""
    _saved_database(db_path)
    return db_path


def test_a_write_while_another_program_holds_the_lock_is_refused_as_busy(saved: Path) -> None:
    store = open_store(saved, lock_timeout=0.2)
    try:
        with _another_program_writing(saved):
            with pytest.raises(DatabaseLockedError, match="busy"):
                store.add_person("Rosa", RelationshipKind.FRIEND)
            # Reading still works while the other program writes.
            assert [s.person.name for s in store.people()] == ["Sam"]
        store.add_person("Rosa", RelationshipKind.FRIEND)
        assert [s.person.name for s in store.people()] == ["Rosa", "Sam"]
        assert store.people()[1].audit_count == 1
    finally:
        store.close()


def test_opening_while_another_program_holds_the_lock_is_refused_as_busy(saved: Path) -> None:
    with _another_program_writing(saved), pytest.raises(DatabaseLockedError):
        open_store(saved, lock_timeout=0.2)
    assert _people_in(saved) == ["Sam"]


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"name,kind\nSam,partner\n" * 200],
    ids=["random-bytes", "text"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    db_path: Path, content: bytes
) -> None:
    db_path.write_bytes(content)

    with pytest.raises(NotADatabaseError) as raised:
        open_store(db_path)

    assert str(db_path) in str(raised.value)
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_and_left_alone(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
        connection.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    before = db_path.read_bytes()

    with suppress(NotADatabaseError):
        open_store(db_path).close()
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(saved: Path) -> None:
    with closing(sqlite3.connect(saved)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    before = saved.read_bytes()

    with pytest.raises(NewerDatabaseError, match="ffff_future"):
        open_store(saved)

    assert saved.read_bytes() == before
    assert _people_in(saved) == ["Sam"]
    with closing(sqlite3.connect(saved)) as connection:
        versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert versions == [("ffff_future",)]


def test_a_database_in_a_folder_that_does_not_exist_cannot_be_opened(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "reciprocity.db"

    with pytest.raises(DatabaseUnreadableError, match="does not exist"):
        open_store(missing)

    assert not missing.parent.exists()


def test_reopening_a_database_keeps_what_was_saved(saved: Path) -> None:
    store = open_store(saved)
    try:
        [summary] = store.people()
        assert (summary.person.name, summary.audit_count) == ("Sam", 1)
    finally:
        store.close()


def test_sqlite_runs_with_wal_full_sync_foreign_keys_and_the_lock_timeout(db_path: Path) -> None:
    store = open_store(db_path, lock_timeout=0.2)
    try:
        with store.engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
    finally:
        store.close()

    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 200,
    }
