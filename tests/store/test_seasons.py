"""Seasons in the store and the export: kept, found by a short id, moved, and migrated into."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from reciprocity import messages
from reciprocity.core import Archive, ArchivedPerson, Person, RelationshipKind, SeasonKind, Whose
from reciprocity.errors import InvalidFileError, PersonNotFoundError, SeasonNotFoundError
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import ImportReport, Store, create_store_engine, new_id, open_store
from reciprocity.store.engine import SCHEMA_HEAD, alembic_config
from tests.conftest import PG_URL
from tests.store.helpers import CEST, TODAY, mutual_audit, row_counts, season, strained_audit

EXPORTED_AT = dt.datetime(2025, 6, 30, 12, 0, tzinfo=CEST)


@pytest.fixture
def sam(store: Store) -> Person:
    return store.add_person("Sam", RelationshipKind.PARTNER)


# --- keeping seasons ---------------------------------------------------------------------


def test_a_season_added_comes_back_as_it_was_given(store: Store, sam: Person) -> None:
    grief = season(sam.id, dt.date(2025, 2, 10), note="His father died. Ça va aller.")

    assert store.add_season(grief) == grief
    assert store.seasons() == [grief]
    assert store.season(grief.id) == grief
    assert grief.ongoing


def test_seasons_come_earliest_first_and_per_relationship(store: Store, sam: Person) -> None:
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)
    late = store.add_season(season(sam.id, dt.date(2025, 5, 1), kind=SeasonKind.MOVE))
    early = store.add_season(season(rosa.id, dt.date(2024, 9, 1), dt.date(2024, 12, 1)))
    middle = store.add_season(season(sam.id, dt.date(2025, 1, 1), dt.date(2025, 2, 1)))

    assert store.seasons() == [early, middle, late]
    assert store.seasons(sam.id) == [middle, late]
    assert store.seasons(rosa.id) == [early]
    assert store.seasons(new_id()) == []


def test_a_season_is_found_by_the_start_of_its_id_in_any_case(store: Store, sam: Person) -> None:
    grief = store.add_season(season(sam.id, dt.date(2025, 2, 10), season_id="5e1f0a2b-long-id"))

    assert store.season("5e1f") == grief
    assert store.season("5E1F0A") == grief
    assert store.season("  5e1f0a2b  ") == grief


def test_a_short_or_unknown_id_is_refused_with_its_reason(store: Store, sam: Person) -> None:
    store.add_season(season(sam.id, dt.date(2025, 2, 10), season_id="5e1f0a2b-long-id"))

    with pytest.raises(SeasonNotFoundError) as short:
        store.season("5e1")
    with pytest.raises(SeasonNotFoundError) as unknown:
        store.season("9999")

    assert short.value.message == messages.ERR_SEASON_ID_SHORT.format(prefix="5e1", minimum=4)
    assert unknown.value.message == messages.ERR_NO_SEASON.format(prefix="9999")


def test_a_prefix_two_seasons_share_is_ambiguous_but_their_whole_ids_are_not(
    store: Store, sam: Person
) -> None:
    first = store.add_season(season(sam.id, dt.date(2025, 1, 1), season_id="abcd"))
    second = store.add_season(season(sam.id, dt.date(2025, 2, 1), season_id="abcd-2"))

    with pytest.raises(SeasonNotFoundError) as ambiguous:
        store.season("ABCD")

    assert ambiguous.value.message == messages.ERR_SEASON_AMBIGUOUS.format(prefix="ABCD")
    assert store.season("abcd") == first  # a whole id is never ambiguous
    assert store.season("abcd-") == second


def test_wildcards_in_a_prefix_are_taken_literally(store: Store, sam: Person) -> None:
    store.add_season(season(sam.id, dt.date(2025, 1, 1), season_id="abcdef"))
    literal = store.add_season(season(sam.id, dt.date(2025, 1, 2), season_id="ab_d%f"))

    assert store.season("ab_d") == literal
    with pytest.raises(SeasonNotFoundError):
        store.season("a%cd")


def test_a_season_is_updated_in_place(store: Store, sam: Person) -> None:
    grief = store.add_season(season(sam.id, dt.date(2025, 2, 10)))
    ended = dataclasses.replace(grief, end=dt.date(2025, 6, 1), whose=Whose.BOTH, note="Better.")

    assert store.update_season(ended) == ended
    assert store.seasons() == [ended]


def test_updating_or_removing_a_season_that_is_gone_is_refused(store: Store, sam: Person) -> None:
    never_stored = season(sam.id, dt.date(2025, 2, 10))

    with pytest.raises(SeasonNotFoundError):
        store.update_season(never_stored)
    with pytest.raises(SeasonNotFoundError):
        store.remove_season(never_stored.id)
    assert store.seasons() == []


def test_a_removed_season_is_gone_and_the_others_stay(store: Store, sam: Person) -> None:
    gone = store.add_season(season(sam.id, dt.date(2025, 1, 1)))
    kept = store.add_season(season(sam.id, dt.date(2025, 3, 1)))

    store.remove_season(gone.id)

    assert store.seasons() == [kept]
    with pytest.raises(SeasonNotFoundError):
        store.season(gone.id)


def test_removing_a_person_removes_their_seasons(store: Store, sam: Person) -> None:
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)
    store.add_season(season(sam.id, dt.date(2025, 1, 1)))
    hers = store.add_season(season(rosa.id, dt.date(2025, 1, 1)))

    store.remove_person("Sam")

    assert store.seasons() == [hers]
    assert row_counts(store)["seasons"] == 1


def test_a_season_for_a_relationship_that_is_gone_is_refused(store: Store) -> None:
    with pytest.raises(PersonNotFoundError):
        store.add_season(season(new_id(), dt.date(2025, 1, 1)))
    assert row_counts(store)["seasons"] == 0


def test_a_person_is_found_by_id_for_their_seasons(store: Store, sam: Person) -> None:
    assert store.person_by_id(sam.id) == sam
    with pytest.raises(PersonNotFoundError):
        store.person_by_id(new_id())


# --- export and import -------------------------------------------------------------------


def _with_seasons(store: Store) -> Archive:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    mum = store.add_person("Mum", RelationshipKind.FAMILY)
    store.add_audit(mutual_audit(sam.id, dt.date(2025, 4, 15)))
    store.add_season(season(sam.id, dt.date(2025, 2, 10), note="His father died."))
    store.add_season(
        season(
            mum.id,
            dt.date(2024, 10, 1),
            dt.date(2025, 1, 15),
            whose=Whose.ME,
            kind=SeasonKind.CAREGIVING,
        )
    )
    return store.archive()


def test_the_archive_holds_the_seasons_by_id(store: Store) -> None:
    archive = _with_seasons(store)

    assert len(archive.seasons) == 2
    assert [s.id for s in archive.seasons] == sorted(s.id for s in store.seasons())


def test_seasons_move_to_a_new_database_and_a_second_import_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    archive = _with_seasons(store)
    text = archive_to_json(archive, exported_at=EXPORTED_AT)
    parsed = parse_archive(text, file="backup.json", today=TODAY)
    assert parsed == archive

    fresh = open_store(tmp_path / "moved.db")
    try:
        first = fresh.import_archive(parsed, file="backup.json")
        counts = row_counts(fresh)
        again = fresh.import_archive(parsed, file="backup.json")
        assert fresh.archive() == archive
        assert row_counts(fresh) == counts
    finally:
        fresh.close()
    assert (first.seasons_added, first.seasons_unchanged) == (2, 0)
    assert again == ImportReport(
        people_added=0,
        audits_added=0,
        audits_updated=0,
        people_unchanged=2,
        audits_unchanged=1,
        seasons_added=0,
        seasons_unchanged=2,
    )


def test_a_season_for_a_person_the_archive_adds_is_imported(store: Store) -> None:
    kim = Person(new_id(), "Kim", RelationshipKind.FRIEND)
    theirs = season(kim.id, dt.date(2025, 1, 1), kind=SeasonKind.NEW_BABY)
    incoming = Archive(people=(ArchivedPerson(kim, EXPORTED_AT),), audits=(), seasons=(theirs,))

    report = store.import_archive(incoming, file="kim.json")

    assert (report.people_added, report.seasons_added) == (1, 1)
    assert store.seasons(kim.id) == [theirs]


def test_conflicting_seasons_are_all_reported_and_nothing_is_written(store: Store) -> None:
    stored = _with_seasons(store)
    counts = row_counts(store)
    grief = next(s for s in stored.seasons if s.kind is SeasonKind.GRIEF)
    # Would be fine on their own, and must not be written either.
    kim = Person(new_id(), "Kim", RelationshipKind.FRIEND)
    kims = season(kim.id, dt.date(2025, 1, 1))
    twice = new_id()
    incoming = Archive(
        people=(ArchivedPerson(kim, EXPORTED_AT),),
        audits=(),
        seasons=(
            kims,
            # The same id with another ending: what is stored stays (no conflict).
            dataclasses.replace(grief, end=dt.date(2025, 6, 1)),
            # A relationship neither here nor in the file.
            season(new_id(), dt.date(2025, 1, 1)),
            season(kim.id, dt.date(2025, 2, 1), season_id=twice),
            season(kim.id, dt.date(2025, 3, 1), season_id=twice),
        ),
    )

    with pytest.raises(InvalidFileError) as raised:
        store.import_archive(incoming, file="theirs.json")

    problems = {(p.field, p.message) for p in raised.value.problems}
    assert problems == {
        (
            "seasons[2].person_id",
            messages.ERR_UNKNOWN_PERSON_ID.format(person_id=incoming.seasons[2].person_id),
        ),
        ("seasons[4].id", messages.ERR_DUPLICATE_ID.format(id=twice)),
    }
    assert row_counts(store) == counts
    assert store.archive() == stored


def _export_document(store: Store) -> dict[str, object]:
    document: dict[str, object] = json.loads(
        archive_to_json(_with_seasons(store), exported_at=EXPORTED_AT)
    )
    return document


def test_the_export_writes_schema_2_with_its_seasons(store: Store) -> None:
    document = _export_document(store)

    assert document["schema_version"] == 2
    seasons = document["seasons"]
    assert isinstance(seasons, list)
    ongoing = next(s for s in seasons if s["kind"] == "grief")
    assert set(ongoing) == {"id", "person_id", "whose", "kind", "from", "to", "note"}
    assert (ongoing["whose"], ongoing["from"], ongoing["to"]) == ("them", "2025-02-10", None)


def test_a_schema_1_file_without_seasons_is_still_read(store: Store) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    store.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))
    document = json.loads(archive_to_json(store.archive(), exported_at=EXPORTED_AT))
    document["schema_version"] = 1
    del document["seasons"]

    archive = parse_archive(json.dumps(document), file="old.json", today=TODAY)

    assert archive == store.archive()
    assert archive.seasons == ()


def test_every_problem_with_a_files_seasons_is_located(store: Store) -> None:
    document = _export_document(store)
    seasons = document["seasons"]
    assert isinstance(seasons, list)
    first, second = seasons
    first["whose"] = "they"
    second["person_id"] = "nobody"
    future = (TODAY + dt.timedelta(days=1)).isoformat()
    seasons.append(dict(second, to=None, **{"from": future}))
    seasons.append(dict(second))  # the same id again

    with pytest.raises(InvalidFileError) as raised:
        parse_archive(json.dumps(document), file="bad.json", today=TODAY)

    fields = sorted(p.field or "" for p in raised.value.problems)
    assert fields == [
        "seasons[0].whose",
        "seasons[1].person_id",
        "seasons[2].from",
        "seasons[2].person_id",
        "seasons[3].id",
        "seasons[3].person_id",
    ]


def test_a_season_ending_before_it_starts_is_located_at_its_end(store: Store) -> None:
    document = _export_document(store)
    seasons = document["seasons"]
    assert isinstance(seasons, list)
    seasons[0]["to"] = "2020-01-01"

    with pytest.raises(InvalidFileError) as raised:
        parse_archive(json.dumps(document), file="bad.json", today=TODAY)

    (problem,) = raised.value.problems
    assert problem.field == "seasons[0].to"
    assert raised.value.lines()[0].startswith("bad.json: seasons[0].to: the season cannot end")


# --- the migration -----------------------------------------------------------------------


def _at_revision_0001(engine: Engine) -> None:
    """Build the schema as the first release left it, the way the store migrates."""
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database at revision 0001."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        schema = request.getfixturevalue("pg_schema")
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = create_store_engine(url)
    try:
        _at_revision_0001(engine)
    finally:
        engine.dispose()
    return url


def test_a_database_from_before_seasons_is_upgraded_keeping_its_data(old_database: str) -> None:
    old = Store(create_store_engine(old_database), where="old")
    try:
        sam = old.add_person("Sam", RelationshipKind.PARTNER)
        audit = old.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))
        with old.engine.connect() as connection:
            assert "seasons" not in inspect(connection).get_table_names()
    finally:
        old.close()

    store = open_store(old_database)
    try:
        with store.engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_heads() == (SCHEMA_HEAD,)
        assert store.person("Sam") == sam
        assert store.audits(sam.id) == [audit]
        grief = store.add_season(season(sam.id, dt.date(2025, 2, 10)))
        assert store.seasons(sam.id) == [grief]
    finally:
        store.close()


def test_an_older_backup_does_not_undo_a_season_ended_since(store: Store) -> None:
    kim = store.add_person("Kim", RelationshipKind.FRIEND)
    grief = store.add_season(season(kim.id, dt.date(2025, 1, 1)))
    backup = store.archive()
    ended = store.update_season(dataclasses.replace(grief, end=dt.date(2025, 9, 1)))

    report = store.import_archive(backup, file="backup.json")

    assert report.seasons_unchanged == 1
    assert store.season(grief.id) == ended
