"""Audits in the store: adding and reading back, editing with revisions, stale edits refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from reciprocity.core import Person, RelationshipKind
from reciprocity.errors import AuditNotFoundError, DuplicateAuditError, StaleEditError
from reciprocity.store import Store, new_id, open_store
from tests.store.helpers import mutual_audit, row_counts, strained_audit


@pytest.fixture
def sam(store: Store) -> Person:
    """Sam, the partner whose audits these tests keep."""
    return store.add_person("Sam", RelationshipKind.PARTNER)


def test_an_audit_stored_is_read_back_identical(store: Store, sam: Person) -> None:
    audit = strained_audit(sam.id, dt.date(2025, 3, 1))

    assert store.add_audit(audit) == audit

    assert store.audits(sam.id) == [audit]
    assert store.audit_on(sam.id, dt.date(2025, 3, 1)) == audit
    assert store.latest_audit(sam.id) == audit
    assert store.earlier_revisions(audit) == ()


def test_an_audit_with_no_recent_examples_and_notes_is_read_back_identical(
    store: Store, sam: Person
) -> None:
    audit = mutual_audit(sam.id, dt.date(2025, 3, 1))

    store.add_audit(audit)

    assert store.audits(sam.id) == [audit]
    assert store.audits(sam.id)[0].dimensions[2].no_recent_example


def test_a_second_audit_of_sam_on_the_same_day_is_refused(store: Store, sam: Person) -> None:
    first = store.add_audit(mutual_audit(sam.id, dt.date(2025, 3, 1)))

    with pytest.raises(DuplicateAuditError, match="Sam"):
        store.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))
    assert store.audits(sam.id) == [first]


def test_two_people_can_be_audited_on_the_same_day(store: Store, sam: Person) -> None:
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)
    day = dt.date(2025, 3, 1)

    for_sam = store.add_audit(mutual_audit(sam.id, day))
    for_rosa = store.add_audit(mutual_audit(rosa.id, day))

    assert store.audit_on(sam.id, day) == for_sam
    assert store.audit_on(rosa.id, day) == for_rosa


def test_audits_come_oldest_first_and_the_latest_is_the_newest_date(
    store: Store, sam: Person
) -> None:
    spring = store.add_audit(mutual_audit(sam.id, dt.date(2025, 4, 1)))
    winter = store.add_audit(strained_audit(sam.id, dt.date(2025, 1, 1)))
    summer = store.add_audit(strained_audit(sam.id, dt.date(2025, 6, 30)))
    autumn = store.add_audit(mutual_audit(sam.id, dt.date(2024, 10, 1)))

    assert store.audits(sam.id) == [autumn, winter, spring, summer]
    assert store.latest_audit(sam.id) == summer


def test_a_relationship_without_audits_has_no_latest_and_none_on_a_date(
    store: Store, sam: Person
) -> None:
    assert store.audits(sam.id) == []
    assert store.latest_audit(sam.id) is None
    assert store.audit_on(sam.id, dt.date(2025, 1, 1)) is None


def test_audit_on_finds_only_the_exact_date(store: Store, sam: Person) -> None:
    audit = store.add_audit(mutual_audit(sam.id, dt.date(2025, 4, 1)))

    assert store.audit_on(sam.id, dt.date(2025, 4, 1)) == audit
    assert store.audit_on(sam.id, dt.date(2025, 4, 2)) is None
    assert store.audit_on(new_id(), dt.date(2025, 4, 1)) is None


# -- revisions ------------------------------------------------------------------------------


def test_editing_an_audit_keeps_the_earlier_revision(store: Store, sam: Person) -> None:
    original = store.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))
    edit = mutual_audit(sam.id, dt.date(2025, 3, 1), audit_id=original.id)

    revised = store.revise_audit(edit, expected_revision=1)

    assert revised == dataclasses.replace(edit, revision=2)
    assert store.audits(sam.id) == [revised]
    earlier = store.earlier_revisions(revised)
    assert [e.revision for e in earlier] == [1]
    assert earlier[0].audit == original
    assert earlier[0].saved_at.tzinfo is not None


def test_each_edit_adds_one_earlier_revision_oldest_first(store: Store, sam: Person) -> None:
    day = dt.date(2025, 3, 1)
    first = store.add_audit(strained_audit(sam.id, day, first_step="Call him."))
    second = store.revise_audit(
        strained_audit(sam.id, day, audit_id=first.id, first_step="Text him."),
        expected_revision=1,
    )
    third = store.revise_audit(mutual_audit(sam.id, day, audit_id=first.id), expected_revision=2)

    assert third.revision == 3
    earlier = store.earlier_revisions(third)
    assert [(e.revision, e.audit) for e in earlier] == [(1, first), (2, second)]
    assert earlier[0].saved_at <= earlier[1].saved_at


def test_an_edit_can_move_an_audit_to_a_free_date(store: Store, sam: Person) -> None:
    original = store.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))

    moved = store.revise_audit(
        strained_audit(sam.id, dt.date(2025, 3, 2), audit_id=original.id), expected_revision=1
    )

    assert store.audit_on(sam.id, dt.date(2025, 3, 1)) is None
    assert store.audit_on(sam.id, dt.date(2025, 3, 2)) == moved
    assert store.earlier_revisions(moved)[0].audit == original


def test_an_edit_moving_an_audit_onto_another_audits_date_is_refused(
    store: Store, sam: Person
) -> None:
    march = store.add_audit(mutual_audit(sam.id, dt.date(2025, 3, 1)))
    april = store.add_audit(strained_audit(sam.id, dt.date(2025, 4, 1)))

    with pytest.raises(DuplicateAuditError):
        store.revise_audit(
            strained_audit(sam.id, dt.date(2025, 3, 1), audit_id=april.id), expected_revision=1
        )
    assert store.audits(sam.id) == [march, april]


def test_a_stale_edit_is_refused_and_changes_nothing(store: Store, sam: Person) -> None:
    day = dt.date(2025, 3, 1)
    first = store.add_audit(strained_audit(sam.id, day))
    second = store.revise_audit(mutual_audit(sam.id, day, audit_id=first.id), expected_revision=1)
    before = row_counts(store)

    with pytest.raises(StaleEditError, match="revision 2"):
        store.revise_audit(
            strained_audit(sam.id, day, audit_id=first.id, first_step="Write a letter."),
            expected_revision=1,
        )

    assert store.audits(sam.id) == [second]
    assert [e.audit for e in store.earlier_revisions(second)] == [first]
    assert row_counts(store) == before


def test_an_edit_from_a_revision_that_never_existed_is_stale(store: Store, sam: Person) -> None:
    first = store.add_audit(strained_audit(sam.id, dt.date(2025, 3, 1)))

    with pytest.raises(StaleEditError):
        store.revise_audit(mutual_audit(sam.id, first.date, audit_id=first.id), expected_revision=7)
    assert store.audits(sam.id) == [first]


def test_editing_an_audit_that_does_not_exist_says_so(store: Store, sam: Person) -> None:
    with pytest.raises(AuditNotFoundError):
        store.revise_audit(mutual_audit(sam.id, dt.date(2025, 3, 1)), expected_revision=1)
    assert row_counts(store)["audits"] == 0


def test_two_windows_editing_the_same_audit_only_the_first_save_wins(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    window_a = open_store(path)
    window_b = open_store(path)
    try:
        sam = window_a.add_person("Sam", RelationshipKind.PARTNER)
        day = dt.date(2025, 3, 1)
        original = window_a.add_audit(strained_audit(sam.id, day))
        seen_by_a = window_a.audit_on(sam.id, day)
        seen_by_b = window_b.audit_on(sam.id, day)
        assert seen_by_a is not None
        assert seen_by_b is not None
        assert seen_by_a.revision == seen_by_b.revision == 1

        saved = window_a.revise_audit(
            mutual_audit(sam.id, day, audit_id=original.id),
            expected_revision=seen_by_a.revision,
        )
        with pytest.raises(StaleEditError):
            window_b.revise_audit(
                strained_audit(sam.id, day, audit_id=original.id, first_step="Phone."),
                expected_revision=seen_by_b.revision,
            )

        assert window_b.audits(sam.id) == [saved]
        assert [e.audit for e in window_b.earlier_revisions(saved)] == [original]
    finally:
        window_a.close()
        window_b.close()
