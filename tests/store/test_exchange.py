"""Export and import: archives round-trip, repeat harmlessly, and conflicts are refused whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    EarlierRevision,
    Person,
    RelationshipKind,
)
from reciprocity.errors import InvalidFileError
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import ImportReport, Store, new_id, open_store
from tests.store.helpers import (
    CEST,
    TODAY,
    mutual_audit,
    row_counts,
    sample_archive,
    sorted_archive,
    strained_audit,
)

EXPORTED_AT = dt.datetime(2025, 6, 30, 12, 0, tzinfo=CEST)


def _used_store(store: Store) -> None:
    """Fill a store the way a person would: people, audits, an edit, a draft."""
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    mum = store.add_person("Mum", RelationshipKind.FAMILY)
    store.add_person("Jo", RelationshipKind.COLLEAGUE)
    first = store.add_audit(strained_audit(sam.id, dt.date(2025, 1, 15)))
    store.revise_audit(
        strained_audit(sam.id, dt.date(2025, 1, 15), audit_id=first.id, first_step="Phone."),
        expected_revision=1,
    )
    store.add_audit(mutual_audit(sam.id, dt.date(2025, 4, 15)))
    store.add_audit(mutual_audit(mum.id, dt.date(2025, 4, 15)))
    store.save_draft(mum.id, {"date": "2025-06-01"})


def test_an_archive_imported_into_an_empty_store_comes_back_equal(store: Store) -> None:
    archive = sample_archive()

    report = store.import_archive(archive, file="sample.json")

    assert report == ImportReport(
        people_added=2, people_updated=0, audits_added=2, audits_updated=0, unchanged=0
    )
    back = store.archive()
    assert back == archive
    stamps = [p.created_at for p in back.people]
    stamps += [s for a in back.audits for s in (a.created_at, a.updated_at)]
    stamps += [e.saved_at for a in back.audits for e in a.earlier]
    assert all(stamp.tzinfo is not None for stamp in stamps)


def test_an_imported_edit_history_is_readable_like_a_local_one(store: Store) -> None:
    archive = sample_archive()
    edited = next(a for a in archive.audits if a.earlier)

    store.import_archive(archive, file="sample.json")

    sam = store.person("sam")
    assert store.audits(sam.id) == [edited.audit]
    assert store.earlier_revisions(edited.audit) == edited.earlier


def test_importing_the_same_archive_twice_changes_nothing(store: Store) -> None:
    archive = sample_archive()
    store.import_archive(archive, file="sample.json")
    before = row_counts(store)

    report = store.import_archive(archive, file="sample.json")

    assert report == ImportReport(
        people_added=0, people_updated=0, audits_added=0, audits_updated=0, unchanged=4
    )
    assert row_counts(store) == before
    assert store.archive() == archive


def test_a_store_imported_into_its_own_export_reports_everything_unchanged(
    store: Store,
) -> None:
    _used_store(store)
    archive = store.archive()

    report = store.import_archive(archive, file="own.json")

    assert report.unchanged == len(archive.people) + len(archive.audits)
    assert store.archive() == archive


def test_moving_a_used_store_into_a_new_sqlite_file_keeps_everything(
    store: Store, tmp_path: Path
) -> None:
    _used_store(store)
    archive = store.archive()
    assert [len(a.earlier) for a in archive.audits if a.earlier] == [1]

    fresh = open_store(tmp_path / "moved.db")
    try:
        fresh.import_archive(archive, file="moved.json")
        assert fresh.archive() == archive
    finally:
        fresh.close()


def test_an_export_read_back_from_json_text_is_the_same_archive(store: Store) -> None:
    _used_store(store)
    archive = store.archive()

    text = archive_to_json(archive, exported_at=EXPORTED_AT)

    assert parse_archive(text, file="export.json", today=TODAY) == archive


def test_the_sample_archive_survives_json_text_with_its_zones_and_microseconds() -> None:
    archive = sample_archive()

    back = parse_archive(archive_to_json(archive, exported_at=EXPORTED_AT), file="x", today=TODAY)

    assert back == archive


def test_a_conflicting_archive_lists_every_problem_and_writes_nothing(store: Store) -> None:
    stored = sample_archive()
    store.import_archive(stored, file="sample.json")
    before = row_counts(store)
    rosa_audit = next(a for a in stored.audits if not a.earlier)
    rosa_id = rosa_audit.audit.person_id
    # Same audit id and revision, different answers.
    changed = dataclasses.replace(
        rosa_audit,
        audit=strained_audit(rosa_id, rosa_audit.audit.date, audit_id=rosa_audit.audit.id),
    )
    # "SAM" is already Sam, a different person id here.
    other_sam = ArchivedPerson(
        Person(new_id(), "SAM", RelationshipKind.FRIEND), dt.datetime(2025, 5, 1, tzinfo=CEST)
    )
    # A second audit of Rosa on a day she already has one.
    same_day = ArchivedAudit(
        mutual_audit(rosa_id, rosa_audit.audit.date),
        dt.datetime(2025, 5, 1, tzinfo=CEST),
        dt.datetime(2025, 5, 1, tzinfo=CEST),
    )
    # Things that would be fine on their own, and must not be written either.
    kim = Person(new_id(), "Kim", RelationshipKind.FRIEND)
    kim_audit = ArchivedAudit(
        mutual_audit(kim.id, dt.date(2025, 5, 2)),
        dt.datetime(2025, 5, 2, tzinfo=CEST),
        dt.datetime(2025, 5, 2, tzinfo=CEST),
    )
    people = (other_sam, ArchivedPerson(kim, dt.datetime(2025, 5, 2, tzinfo=CEST)))
    audits = (kim_audit, changed, same_day)
    incoming = Archive(people=people, audits=audits)

    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(incoming, file="theirs.json")

    fields = sorted(p.field or "" for p in raised.value.problems)
    assert fields == ["audits[1]", "audits[2].date", "people[0].name"]
    assert all(line.startswith("theirs.json: ") for line in raised.value.lines())
    assert row_counts(store) == before
    assert store.archive() == stored


def test_an_archive_with_a_newer_revision_replaces_the_audit_and_keeps_history(
    store: Store,
) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    day = dt.date(2025, 2, 1)
    original = store.add_audit(strained_audit(sam.id, day))
    mine = store.archive()
    saved_at = mine.audits[0].updated_at
    newer = mutual_audit(sam.id, day, audit_id=original.id, revision=2)
    incoming = dataclasses.replace(
        mine,
        audits=(
            ArchivedAudit(
                newer,
                mine.audits[0].created_at,
                saved_at + dt.timedelta(days=3),
                (EarlierRevision(1, saved_at, original),),
            ),
        ),
    )

    report = store.import_archive(incoming, file="laptop.json")

    assert report == ImportReport(
        people_added=0, people_updated=0, audits_added=0, audits_updated=1, unchanged=1
    )
    assert store.audits(sam.id) == [newer]
    assert [(e.revision, e.audit) for e in store.earlier_revisions(newer)] == [(1, original)]
    assert store.archive() == incoming


def test_an_archive_with_an_older_revision_leaves_the_newer_stored_one(store: Store) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    day = dt.date(2025, 2, 1)
    original = store.add_audit(strained_audit(sam.id, day))
    old_export = store.archive()
    store.revise_audit(mutual_audit(sam.id, day, audit_id=original.id), expected_revision=1)
    current = store.archive()

    report = store.import_archive(old_export, file="old.json")

    assert report.unchanged == 2
    assert store.archive() == current


def test_an_archive_that_renames_a_person_updates_the_stored_name(store: Store) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    mine = store.archive()
    renamed = Person(sam.id, "Samuel", RelationshipKind.FAMILY)
    incoming = dataclasses.replace(
        mine, people=(ArchivedPerson(renamed, mine.people[0].created_at),)
    )

    report = store.import_archive(incoming, file="renamed.json")

    assert report.people_updated == 1
    assert store.person("samuel") == renamed
    assert store.archive() == incoming


def test_an_archive_naming_two_different_people_sam_is_refused(store: Store) -> None:
    created = dt.datetime(2025, 1, 1, tzinfo=CEST)
    incoming = sorted_archive(
        (
            ArchivedPerson(Person(new_id(), "Sam", RelationshipKind.PARTNER), created),
            ArchivedPerson(Person(new_id(), "sam", RelationshipKind.FRIEND), created),
        ),
        (),
    )

    with pytest.raises(InvalidFileError):
        store.import_archive(incoming, file="two-sams.json")
    assert row_counts(store)["people"] == 0


def test_an_audit_edited_on_two_machines_keeps_both_edits_or_is_a_conflict(
    store: Store,
) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    day = dt.date(2025, 2, 1)
    original = store.add_audit(strained_audit(sam.id, day))
    shared = store.archive()
    # Here: edited once, to revision 2.
    local_edit = store.revise_audit(
        strained_audit(sam.id, day, audit_id=original.id, first_step="Write to him."),
        expected_revision=1,
    )
    # Elsewhere, from the same revision 1: edited twice, to revision 3.
    saved = shared.audits[0].updated_at
    their_second = strained_audit(
        sam.id, day, audit_id=original.id, revision=2, first_step="Cook dinner together."
    )
    their_third = mutual_audit(sam.id, day, audit_id=original.id, revision=3)
    theirs = dataclasses.replace(
        shared,
        audits=(
            ArchivedAudit(
                their_third,
                shared.audits[0].created_at,
                saved + dt.timedelta(days=2),
                (
                    EarlierRevision(1, saved, original),
                    EarlierRevision(2, saved + dt.timedelta(days=1), their_second),
                ),
            ),
        ),
    )
    before = store.archive()

    try:
        store.import_archive(theirs, file="theirs.json")
    except InvalidFileError:
        assert store.archive() == before
    else:
        kept = [*store.audits(sam.id), *(e.audit for e in store.earlier_revisions(their_third))]
        assert any(dataclasses.replace(a, revision=2) == local_edit for a in kept)
