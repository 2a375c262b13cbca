"""Export and import: archives round-trip, repeat harmlessly, and conflicts are refused whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from reciprocity import messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    EarlierRevision,
    Person,
    RelationshipKind,
    SeasonKind,
    Whose,
)
from reciprocity.core.invitation import Response
from reciprocity.errors import InvalidFileError, InvalidInputError, PersonNotFoundError
from reciprocity.formats.codec import audit_from_data
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import ImportReport, Store, new_id, open_store
from tests.store.helpers import (
    CEST,
    TODAY,
    mutual_audit,
    row_counts,
    sample_archive,
    season,
    sorted_archive,
    strained_audit,
)

EXPORTED_AT = dt.datetime(2025, 6, 30, 12, 0, tzinfo=CEST)


def _used_store(store: Store) -> None:
    """Fill a store the way a person would: people, audits, an edit, a draft, invitations."""
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
    store.add_season(season(mum.id, dt.date(2025, 3, 1), whose=Whose.ME, kind=SeasonKind.ILLNESS))
    answered = store.add_invitation(mum.id)
    store.add_invitation(sam.id)  # not answered yet
    theirs = mutual_audit(mum.id, dt.date(2025, 5, 1)).dimensions
    store.import_response(
        Response(answered.id, mum.id, dt.date(2025, 5, 1), theirs), answered.code, file="r.json"
    )


def test_an_archive_imported_into_an_empty_store_comes_back_equal(store: Store) -> None:
    archive = sample_archive()

    report = store.import_archive(archive, file="sample.json")

    assert report == ImportReport(
        people_added=2,
        audits_added=2,
        audits_updated=0,
        people_unchanged=0,
        audits_unchanged=0,
        seasons_added=2,
        seasons_unchanged=0,
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
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=2,
        audits_unchanged=2,
        seasons_added=0,
        seasons_unchanged=2,
    )
    assert row_counts(store) == before
    assert store.archive() == archive


def test_a_store_imported_into_its_own_export_reports_everything_unchanged(
    store: Store,
) -> None:
    _used_store(store)
    archive = store.archive()

    report = store.import_archive(archive, file="own.json")

    assert report == ImportReport(
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=len(archive.people),
        audits_unchanged=len(archive.audits),
        seasons_added=0,
        seasons_unchanged=len(archive.seasons),
        invitations_unchanged=2,
        responses_unchanged=1,
    )
    assert store.archive() == archive


def test_moving_a_used_store_into_a_new_sqlite_file_keeps_everything(
    store: Store, tmp_path: Path
) -> None:
    _used_store(store)
    archive = store.archive()
    assert [len(a.earlier) for a in archive.audits if a.earlier] == [1]
    assert (len(archive.invitations), len(archive.responses)) == (2, 1)

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
        people_added=0,
        audits_added=0,
        audits_updated=1,
        people_unchanged=1,
        audits_unchanged=0,
        seasons_added=0,
        seasons_unchanged=0,
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

    assert report == ImportReport(
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=1,
        audits_unchanged=1,
        seasons_added=0,
        seasons_unchanged=0,
    )
    assert store.archive() == current


def test_an_archive_with_an_old_name_for_a_stored_person_keeps_the_stored_name(
    store: Store,
) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    old_backup = store.archive()
    samuel = store.rename_person("Sam", "Samuel")
    current = store.archive()
    # The backup also has another kind for the same person id.
    stale = Person(sam.id, "Sam", RelationshipKind.FAMILY)
    incoming = dataclasses.replace(
        old_backup, people=(ArchivedPerson(stale, old_backup.people[0].created_at),)
    )

    report = store.import_archive(incoming, file="old-backup.json")

    assert report == ImportReport(
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=1,
        audits_unchanged=0,
        seasons_added=0,
        seasons_unchanged=0,
    )
    assert store.person("samuel") == samuel == Person(sam.id, "Samuel", RelationshipKind.PARTNER)
    with pytest.raises(PersonNotFoundError):
        store.person("Sam")
    assert store.archive() == current


def test_an_old_backup_is_not_refused_over_a_name_its_person_no_longer_has(
    store: Store,
) -> None:
    alex = store.add_person("Alex", RelationshipKind.FRIEND)
    old_backup = store.archive()
    store.rename_person("Alex", "Sam")
    newcomer = store.add_person("Alex", RelationshipKind.COLLEAGUE)

    report = store.import_archive(old_backup, file="old-backup.json")

    assert report.people_unchanged == 1
    assert store.person("Sam").id == alex.id
    assert store.person("Alex") == newcomer


def test_an_archive_naming_two_different_people_sam_is_refused(store: Store) -> None:
    created = dt.datetime(2025, 1, 1, tzinfo=CEST)
    incoming = sorted_archive(
        (
            ArchivedPerson(Person(new_id(), "Sam", RelationshipKind.PARTNER), created),
            ArchivedPerson(Person(new_id(), "sam", RelationshipKind.FRIEND), created),
        ),
        (),
    )

    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(incoming, file="two-sams.json")
    (problem,) = raised.value.problems
    # Whichever of the two comes second in the file is the one named.
    assert problem.message in {messages.ERR_NAME_TWICE.format(name=n) for n in ("Sam", "sam")}
    assert row_counts(store)["people"] == 0


def test_an_archive_with_one_person_id_twice_is_refused_and_writes_nothing(
    store: Store,
) -> None:
    store.add_person("Rosa", RelationshipKind.FRIEND)
    before = store.archive()
    counts = row_counts(store)
    created = dt.datetime(2025, 1, 1, tzinfo=CEST)
    twice = new_id()
    kim = Person(new_id(), "Kim", RelationshipKind.FRIEND)
    incoming = Archive(
        people=(
            ArchivedPerson(Person(twice, "Sam", RelationshipKind.PARTNER), created),
            ArchivedPerson(kim, created),
            ArchivedPerson(Person(twice, "Samuel", RelationshipKind.FRIEND), created),
        ),
        audits=(ArchivedAudit(mutual_audit(kim.id, dt.date(2025, 5, 2)), created, created),),
    )

    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(incoming, file="twice.json")

    problems = [(p.field, p.message) for p in raised.value.problems]
    assert problems == [("people[2].id", messages.ERR_DUPLICATE_ID.format(id=twice))]
    assert row_counts(store) == counts
    assert store.archive() == before


def test_an_archive_with_one_audit_id_twice_is_refused_and_writes_nothing(
    store: Store,
) -> None:
    store.add_person("Rosa", RelationshipKind.FRIEND)
    before = store.archive()
    counts = row_counts(store)
    created = dt.datetime(2025, 1, 1, tzinfo=CEST)
    sam = Person(new_id(), "Sam", RelationshipKind.PARTNER)
    twice = new_id()
    incoming = Archive(
        people=(ArchivedPerson(sam, created),),
        audits=(
            ArchivedAudit(
                mutual_audit(sam.id, dt.date(2025, 5, 1), audit_id=twice), created, created
            ),
            ArchivedAudit(mutual_audit(sam.id, dt.date(2025, 5, 2)), created, created),
            # The same id on another day: not the same audit, and not a second revision.
            ArchivedAudit(
                strained_audit(sam.id, dt.date(2025, 5, 3), audit_id=twice), created, created
            ),
        ),
    )

    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(incoming, file="twice.json")

    problems = [(p.field, p.message) for p in raised.value.problems]
    assert problems == [("audits[2].id", messages.ERR_DUPLICATE_ID.format(id=twice))]
    assert row_counts(store) == counts
    assert store.archive() == before


def test_an_export_keeps_its_recorded_proposal_and_history_written_under_older_rules(
    store: Store,
) -> None:
    archive = sample_archive()
    index, edited = next((i, a) for i, a in enumerate(archive.audits) if a.earlier)
    assert edited.audit.overall.proposed == 5
    document = json.loads(archive_to_json(archive, exported_at=EXPORTED_AT))
    entry = document["audits"][index]
    # A proposal made under the rule of its day, which today's rule would not make.
    entry["overall"]["proposed"] = 4
    # An earlier revision rated 1 without the reflection today's rules ask for.
    old = entry["earlier_revisions"][0]["audit"]
    old["overall"]["score"] = 1
    old["reflection"] = None
    with pytest.raises(InvalidInputError) as refused:
        audit_from_data(old, audit_id=edited.audit.id, person_id="p", today=TODAY)
    assert "reflection" in [p.field for p in refused.value.problems]

    parsed = parse_archive(json.dumps(document), file="old-rules.json", today=TODAY)
    store.import_archive(parsed, file="old-rules.json")

    first = edited.earlier[0]
    expected_first = dataclasses.replace(
        first.audit,
        overall=dataclasses.replace(first.audit.overall, score=1),
        reflection=None,
    )
    expected_current = dataclasses.replace(
        edited.audit, overall=dataclasses.replace(edited.audit.overall, proposed=4)
    )
    expected = dataclasses.replace(
        edited,
        audit=expected_current,
        earlier=(dataclasses.replace(first, audit=expected_first), *edited.earlier[1:]),
    )
    assert parsed == dataclasses.replace(
        archive,
        audits=tuple(expected if i == index else a for i, a in enumerate(archive.audits)),
    )
    assert store.archive() == parsed
    sam = store.person("Sam")
    assert store.audits(sam.id) == [expected_current]
    assert store.earlier_revisions(expected_current) == expected.earlier


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
