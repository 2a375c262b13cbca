"""What to remember about each person, stored: add, list, done, remove, cascade, round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reciprocity.core import RelationshipKind
from reciprocity.core.memory import CarePreferences, CareWay, ImportantDate, SharedThing
from reciprocity.errors import InvalidFileError, MemoryNotFoundError
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import Store, new_id, open_store
from tests.store.helpers import TODAY, row_counts

EXPORTED_AT = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)


def remember_things_about_sam(store: Store) -> tuple[ImportantDate, SharedThing]:
    sam = store.add_person("Sam", RelationshipKind.FRIEND)
    birthday = store.add_important_date(
        ImportantDate(new_id(), sam.id, "birthday", dt.date(1992, 2, 29), yearly=True)
    )
    store.add_important_date(
        ImportantDate(new_id(), sam.id, "moving day", dt.date(2025, 8, 15), yearly=False)
    )
    interview = store.add_shared_thing(
        SharedThing(new_id(), sam.id, "the job interview", dt.date(2025, 7, 3))
    )
    store.add_shared_thing(SharedThing(new_id(), sam.id, "their dad's surgery"))
    store.set_care_preferences(
        CarePreferences(
            sam.id, frozenset({CareWay.TIME, CareWay.WORDS}), frozenset({CareWay.PRESENCE}), "tea"
        )
    )
    return birthday, interview


def test_what_is_remembered_is_listed_back(store: Store) -> None:
    birthday, interview = remember_things_about_sam(store)
    sam = store.person("sam")

    dates = store.important_dates(sam.id)
    assert [d.label for d in dates] == ["birthday", "moving day"]  # by month and day
    assert dates[0] == birthday
    things = store.shared_things(sam.id)
    assert [t.text for t in things] == ["the job interview", "their dad's surgery"]
    assert store.care_preferences(sam.id) == CarePreferences(
        sam.id, frozenset({CareWay.TIME, CareWay.WORDS}), frozenset({CareWay.PRESENCE}), "tea"
    )
    assert store.memory_item(interview.id[:6].upper()) == interview
    assert store.memory_item(birthday.id) == birthday


def test_care_preferences_are_empty_until_set_and_replaced_when_set_again(store: Store) -> None:
    rosa = store.add_person("Rosa", RelationshipKind.FAMILY)
    assert store.care_preferences(rosa.id) == CarePreferences(rosa.id)
    store.set_care_preferences(CarePreferences(rosa.id, frozenset({CareWay.GIFTS})))
    store.set_care_preferences(CarePreferences(rosa.id, frozenset({CareWay.TOUCH}), note="hugs"))
    assert store.care_preferences(rosa.id) == CarePreferences(
        rosa.id, frozenset({CareWay.TOUCH}), note="hugs"
    )


def test_a_follow_up_is_marked_done_and_items_are_forgotten(store: Store) -> None:
    birthday, interview = remember_things_about_sam(store)
    assert store.complete_shared_thing(interview.id).done
    assert store.memory_item(interview.id) == SharedThing(
        interview.id, interview.person_id, interview.text, interview.follow_up, done=True
    )
    store.remove_memory_item(birthday.id)
    with pytest.raises(MemoryNotFoundError):
        store.memory_item(birthday.id)
    with pytest.raises(MemoryNotFoundError):
        store.remove_memory_item(birthday.id)
    with pytest.raises(MemoryNotFoundError):
        store.complete_shared_thing("no-such-id")


def test_a_short_or_unknown_id_finds_nothing(store: Store) -> None:
    remember_things_about_sam(store)
    with pytest.raises(MemoryNotFoundError, match="at least 4 characters"):
        store.memory_item("ab")
    with pytest.raises(MemoryNotFoundError, match="nothing remembered"):
        store.memory_item("zzzzzz")


def test_removing_a_person_forgets_what_was_remembered_about_them(store: Store) -> None:
    remember_things_about_sam(store)
    rosa = store.add_person("Rosa", RelationshipKind.FAMILY)
    store.add_important_date(ImportantDate(new_id(), rosa.id, "name day", dt.date(2000, 8, 30)))

    store.remove_person("Sam")

    counts = row_counts(store)
    assert counts["important_dates"] == 1
    assert counts["shared_things"] == 0
    assert counts["care_preferences"] == 0
    assert [d.label for d in store.important_dates()] == ["name day"]


def test_export_then_import_keeps_everything_remembered(store: Store, tmp_path: Path) -> None:
    remember_things_about_sam(store)
    archive = store.archive()
    assert len(archive.important_dates) == 2
    assert len(archive.shared_things) == 2
    assert len(archive.care_preferences) == 1
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
    assert (first.remembered_added, first.remembered_unchanged) == (5, 0)
    assert (again.remembered_added, again.remembered_unchanged) == (0, 5)


def test_an_item_already_here_stays_as_it_is_on_import(store: Store) -> None:
    _, interview = remember_things_about_sam(store)
    backup = parse_archive(
        archive_to_json(store.archive(), exported_at=EXPORTED_AT), file="b.json", today=TODAY
    )
    store.complete_shared_thing(interview.id)

    report = store.import_archive(backup, file="b.json")

    assert report.remembered_unchanged == 5
    kept = store.memory_item(interview.id)
    assert isinstance(kept, SharedThing)
    assert kept.done


def test_a_file_with_bad_remembered_items_says_where_each_problem_is(store: Store) -> None:
    remember_things_about_sam(store)
    document = json.loads(archive_to_json(store.archive(), exported_at=EXPORTED_AT))
    document["care_preferences"][0]["theirs"] = ["hugs"]
    document["important_dates"][0]["day"] = "1992-02-30"
    document["shared_things"].append(dict(document["shared_things"][0]))
    document["shared_things"][1]["text"] = "  "

    with pytest.raises(InvalidFileError) as caught:
        parse_archive(json.dumps(document), file="bad.json", today=TODAY)

    fields = {problem.field for problem in caught.value.problems}
    assert {
        "care_preferences[0].theirs[0]",
        "important_dates[0].day",
        "shared_things[1].text",
    } <= fields


def test_a_file_without_remembered_items_still_reads(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.FRIEND)
    document = json.loads(archive_to_json(store.archive(), exported_at=EXPORTED_AT))
    for key in ("important_dates", "shared_things", "care_preferences"):
        del document[key]
    parsed = parse_archive(json.dumps(document), file="old.json", today=TODAY)
    assert (parsed.important_dates, parsed.shared_things, parsed.care_preferences) == ((), (), ())
