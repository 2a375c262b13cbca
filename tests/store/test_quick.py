"""The quick read path: the same answers as the store, or it steps aside and changes nothing."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command

from reciprocity.core import EarlierRevision
from reciprocity.core.memory import ImportantDate, SharedThing
from reciprocity.errors import PersonNotFoundError
from reciprocity.store import Store, create_store_engine, new_id, open_store
from reciprocity.store.engine import alembic_config
from reciprocity.store.quick import open_quick
from tests.store.helpers import mutual_audit, sample_archive, season, strained_audit


@pytest.fixture
def saved(db_path: Path) -> Path:
    """A current database with two people, audits, seasons and a changed setting."""
    store = open_store(db_path)
    try:
        store.import_archive(sample_archive(), file="sample")
        rosa = store.person("Rosa")
        store.add_audit(strained_audit(rosa.id, dt.date(2025, 5, 3), first_step="Ask first."))
        store.set_setting("patterns.chronic_min_audits", 4)
    finally:
        store.close()
    return db_path


def test_it_reads_exactly_what_the_store_reads(saved: Path) -> None:
    store = open_store(saved)
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        assert quick.people() == store.people()
        assert quick.audits_by_person() == store.audits_by_person()
        assert quick.seasons_by_person() == store.seasons_by_person()
        assert quick.pattern_settings() == store.pattern_settings()
        assert quick.pattern_settings().chronic_min_audits == 4
        assert quick.person("ROSA") == store.person("Rosa")
    finally:
        quick.close()
        store.close()


def test_an_unknown_name_is_the_same_error_as_the_store_gives(saved: Path) -> None:
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        with pytest.raises(PersonNotFoundError) as from_quick:
            quick.person("Nobody")
    finally:
        quick.close()
    store = open_store(saved)
    try:
        with pytest.raises(PersonNotFoundError) as from_store:
            store.person("Nobody")
    finally:
        store.close()
    assert str(from_quick.value) == str(from_store.value)


def test_an_empty_current_database_reads_as_empty(db_path: Path) -> None:
    open_store(db_path).close()
    quick = open_quick(str(db_path))
    assert quick is not None
    try:
        assert quick.people() == []
        assert quick.audits_by_person() == {}
        assert quick.seasons_by_person() == {}
    finally:
        quick.close()


def _older_schema(path: Path) -> None:
    engine = create_store_engine(f"sqlite:///{path}")
    try:
        config = alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
    finally:
        engine.dispose()


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")


def _newer(path: Path) -> None:
    open_store(path).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(os.urandom(4096)),
        lambda p: p.write_bytes(b"name,kind\nSam,partner\n" * 50),
        _foreign,
        _newer,
        _older_schema,
    ],
    ids=["random-bytes", "text", "another-programs-sqlite", "newer-schema", "older-schema"],
)
def test_anything_but_a_current_file_is_left_to_the_store_untouched(
    db_path: Path, make: object
) -> None:
    make(db_path)  # type: ignore[operator]
    before = db_path.read_bytes()

    assert open_quick(str(db_path)) is None
    assert db_path.read_bytes() == before


def test_a_missing_file_or_a_server_url_is_left_to_the_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"

    assert open_quick(str(missing)) is None
    assert not missing.exists()
    assert open_quick("postgresql://127.0.0.1:5432/test") is None


def test_it_never_writes_even_while_another_program_writes(saved: Path) -> None:
    store = open_store(saved)
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        before = quick.people()
        with closing(sqlite3.connect(saved, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE people SET name = 'Samuel' WHERE name = 'Sam'")
            # Not committed yet: the reader sees the committed state, without waiting.
            assert quick.people() == before
            other.execute("COMMIT")
        assert [s.person.name for s in quick.people()] == ["Rosa", "Samuel"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            quick._connection.execute("DELETE FROM people")
    finally:
        quick.close()
        store.close()


def test_the_store_still_opens_a_file_the_quick_path_stepped_aside_for(db_path: Path) -> None:
    _older_schema(db_path)
    store: Store = open_store(db_path)
    store.close()

    quick = open_quick(str(db_path))
    assert quick is not None
    quick.close()


def test_it_reads_one_relationship_and_what_to_remember_as_the_store_does(saved: Path) -> None:
    store = open_store(saved)
    sam = store.person("Sam")
    store.add_important_date(ImportantDate(new_id(), sam.id, "birthday", dt.date(1990, 2, 28)))
    store.add_important_date(
        ImportantDate(new_id(), sam.id, "the move", dt.date(2025, 1, 3), yearly=False)
    )
    store.add_shared_thing(SharedThing(new_id(), sam.id, "the exam", dt.date(2025, 7, 1)))
    done = store.add_shared_thing(SharedThing(new_id(), sam.id, "the trip"))
    store.complete_shared_thing(done.id)
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        assert quick.audits_of([sam.id]) == {sam.id: store.audits(sam.id)}
        assert quick.audits_of([]) == {}
        assert quick.seasons_by_person(sam.id) == {sam.id: store.seasons(sam.id)}
        assert quick.important_dates() == store.important_dates()
        assert quick.shared_things() == store.shared_things()
    finally:
        quick.close()
        store.close()


def test_audit_versions_change_exactly_when_a_relationships_audits_do(saved: Path) -> None:
    store = open_store(saved)
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        sam, rosa = store.person("Sam"), store.person("Rosa")
        before = quick.audit_versions()
        store.add_shared_thing(SharedThing(new_id(), sam.id, "the exam"))
        store.add_season(season(sam.id, dt.date(2025, 5, 1)))
        store.save_draft(sam.id, {"date": "2025-06-01"})
        assert quick.audit_versions() == before

        latest = store.latest_audit(sam.id)
        assert latest is not None
        store.revise_audit(latest, expected_revision=latest.revision)
        edited = quick.audit_versions()
        assert edited[sam.id] != before[sam.id]
        assert edited[rosa.id] == before[rosa.id]
        assert quick.audit_versions(sam.id) == {sam.id: edited[sam.id]}

        store.add_audit(mutual_audit(rosa.id, dt.date(2025, 6, 1)))
        assert quick.audit_versions()[rosa.id] != edited[rosa.id]
    finally:
        quick.close()
        store.close()


def test_an_import_that_replaces_an_audit_changes_its_version(saved: Path) -> None:
    store = open_store(saved)
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        archive = store.archive()
        before = quick.audit_versions()
        item = archive.audits[0]
        newer = replace(item.audit, revision=item.audit.revision + 1)
        earlier = (*item.earlier, EarlierRevision(item.audit.revision, item.updated_at, item.audit))
        grown = replace(archive, audits=(replace(item, audit=newer, earlier=earlier),))
        assert store.import_archive(grown, file="grown.json").audits_updated == 1
        after = quick.audit_versions()
        assert after[newer.person_id] != before[newer.person_id]
    finally:
        quick.close()
        store.close()


def test_data_version_moves_when_another_connection_commits(saved: Path) -> None:
    store = open_store(saved)
    quick = open_quick(str(saved), any_thread=True)
    assert quick is not None
    try:
        first = quick.data_version()
        assert quick.data_version() == first
        store.set_setting("patterns.min_audits", 4)
        assert quick.data_version() != first
    finally:
        quick.close()
        store.close()


def test_reads_inside_consistent_see_one_state_of_the_file(saved: Path) -> None:
    quick = open_quick(str(saved))
    assert quick is not None
    try:
        with quick.consistent():
            before = quick.people()
            with closing(sqlite3.connect(saved, isolation_level=None)) as other:
                other.execute("UPDATE people SET name = 'Samuel' WHERE name = 'Sam'")
            assert quick.people() == before
        assert [s.person.name for s in quick.people()] == ["Rosa", "Samuel"]
    finally:
        quick.close()
