"""Relationships in the store: adding, finding, renaming, removing, listing."""

from __future__ import annotations

import datetime as dt

import pytest

from reciprocity import messages
from reciprocity.core import Person, RelationshipKind
from reciprocity.core.people import MAX_NAME_LENGTH
from reciprocity.errors import (
    DuplicatePersonError,
    InvalidInputError,
    PersonNotFoundError,
)
from reciprocity.store import Store
from tests.store.helpers import mutual_audit, row_counts, season, strained_audit


def test_a_person_added_is_found_by_name_in_any_case(store: Store) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)

    assert store.person("Sam") == sam
    assert store.person("sAM") == sam
    assert store.person("  SAM ") == sam
    assert sam == Person(sam.id, "Sam", RelationshipKind.PARTNER)


def test_spaces_in_a_new_name_are_tidied(store: Store) -> None:
    rosa = store.add_person("  Rosa   Lee ", RelationshipKind.FRIEND)

    assert rosa.name == "Rosa Lee"
    assert store.person("rosa lee") == rosa


def test_a_second_sam_is_refused_whatever_the_case(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.PARTNER)

    # The message names the relationship as it is stored, not as it was typed.
    with pytest.raises(DuplicatePersonError) as lower:
        store.add_person("sam", RelationshipKind.FRIEND)
    assert str(lower.value) == "there is already a relationship called 'Sam'"
    with pytest.raises(DuplicatePersonError) as upper:
        store.add_person(" SAM ", RelationshipKind.FAMILY)
    assert str(upper.value) == messages.ERR_DUPLICATE_PERSON.format(name="Sam")
    assert [s.person.kind for s in store.people()] == [RelationshipKind.PARTNER]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_empty_name_is_refused(store: Store, name: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        store.add_person(name, RelationshipKind.FRIEND)

    assert [p.field for p in raised.value.problems] == ["name"]
    assert store.people() == []


def test_renaming_keeps_the_person_and_their_audits(store: Store) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    audit = store.add_audit(mutual_audit(sam.id, dt.date(2025, 1, 10)))

    renamed = store.rename_person("sam", "  Samuel  ")

    assert renamed == Person(sam.id, "Samuel", RelationshipKind.PARTNER)
    assert store.person("SAMUEL") == renamed
    assert store.audits(sam.id) == [audit]
    with pytest.raises(PersonNotFoundError):
        store.person("Sam")


def test_renaming_only_the_case_of_a_name_is_allowed(store: Store) -> None:
    store.add_person("sam", RelationshipKind.PARTNER)

    assert store.rename_person("sam", "Sam").name == "Sam"
    assert store.person("SAM").name == "Sam"


def test_renaming_onto_a_name_already_taken_is_refused(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.PARTNER)
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)

    with pytest.raises(DuplicatePersonError):
        store.rename_person("Rosa", "SAM")
    assert store.person("Rosa") == rosa
    assert sorted(s.person.name for s in store.people()) == ["Rosa", "Sam"]


def test_renaming_to_an_empty_name_is_refused(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.PARTNER)

    with pytest.raises(InvalidInputError):
        store.rename_person("Sam", "  ")
    assert store.person("Sam").name == "Sam"


def test_removing_a_person_removes_their_audits_revisions_draft_and_seasons(
    store: Store,
) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)
    first = store.add_audit(strained_audit(sam.id, dt.date(2025, 1, 10)))
    store.add_audit(mutual_audit(sam.id, dt.date(2025, 4, 10)))
    store.revise_audit(
        mutual_audit(sam.id, dt.date(2025, 1, 10), audit_id=first.id), expected_revision=1
    )
    store.save_draft(sam.id, {"initiation": {"score": 3}})
    kept = store.add_audit(mutual_audit(rosa.id, dt.date(2025, 2, 1)))
    store.save_draft(rosa.id, {"depth": {"score": 5}})
    store.add_season(season(sam.id, dt.date(2025, 3, 1)))
    rosas = store.add_season(season(rosa.id, dt.date(2025, 3, 1)))
    store.add_invitation(sam.id)

    assert store.remove_person("SAM") == 2

    with pytest.raises(PersonNotFoundError):
        store.person("Sam")
    assert store.audits(sam.id) == []
    assert store.draft(sam.id) is None
    assert row_counts(store) == {
        "people": 1,
        "audits": 1,
        "audit_dimensions": 4,
        "audit_revisions": 0,
        "drafts": 1,
        "seasons": 1,
        "settings": 0,
        "important_dates": 0,
        "shared_things": 0,
        "care_preferences": 0,
        "invitations": 0,
        "responses": 0,
        "evidence_imports": 0,
        "evidence_participants": 0,
        "evidence_messages": 0,
    }
    assert store.audits(rosa.id) == [kept]
    assert store.seasons() == [rosas]
    assert store.draft(rosa.id) is not None


def test_unknown_names_are_reported_as_not_found(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.PARTNER)

    with pytest.raises(PersonNotFoundError, match="Nobody"):
        store.person("Nobody")
    with pytest.raises(PersonNotFoundError):
        store.rename_person("Nobody", "Somebody")
    with pytest.raises(PersonNotFoundError):
        store.remove_person("Nobody")
    assert [s.person.name for s in store.people()] == ["Sam"]


def test_people_are_listed_by_name_with_audit_counts_and_latest_dates(store: Store) -> None:
    sam = store.add_person("sam", RelationshipKind.PARTNER)
    rosa = store.add_person("Rosa", RelationshipKind.FRIEND)
    mum = store.add_person("Mum", RelationshipKind.FAMILY)
    store.add_audit(mutual_audit(rosa.id, dt.date(2025, 5, 1)))
    store.add_audit(mutual_audit(rosa.id, dt.date(2024, 11, 30)))
    store.add_audit(strained_audit(sam.id, dt.date(2025, 2, 14)))

    listed = [(s.person, s.audit_count, s.latest) for s in store.people()]

    assert listed == [
        (mum, 0, None),
        (rosa, 2, dt.date(2025, 5, 1)),
        (sam, 1, dt.date(2025, 2, 14)),
    ]
    assert store.count_audits(rosa.id) == 2
    assert store.count_audits(mum.id) == 0


@pytest.mark.parametrize(
    "name",
    ["Maria " + "de la Cruz " * 25, "Sam\x00", "Sam\x07"],
    ids=["over-100-characters", "nul-character", "bell-character"],
)
def test_an_unusual_name_is_refused_clearly_on_every_database(store: Store, name: str) -> None:
    with pytest.raises(InvalidInputError) as raised:
        store.add_person(name, RelationshipKind.FAMILY)
    assert raised.value.problems[0].field == "name"
    assert store.people() == []


def test_a_name_of_exactly_the_limit_is_kept_whole(store: Store) -> None:
    name = "M" * MAX_NAME_LENGTH
    assert store.add_person(name, RelationshipKind.FAMILY).name == name
    assert store.person(name.lower()).name == name


def test_a_rhythm_is_kept_with_the_person_and_can_go_back_to_the_default(store: Store) -> None:
    store.add_person("Mum", RelationshipKind.FAMILY)
    assert store.set_rhythm("mum", 1).rhythm_months == 1
    assert store.person("Mum").rhythm_months == 1
    assert store.people()[0].person.rhythm_months == 1
    assert store.set_rhythm("Mum", None).rhythm_months is None
    assert store.person("Mum").rhythm_months is None


@pytest.mark.parametrize("months", [0, 25, -3])
def test_a_rhythm_outside_one_to_twenty_four_months_is_refused(store: Store, months: int) -> None:
    store.add_person("Mum", RelationshipKind.FAMILY)
    with pytest.raises(InvalidInputError):
        store.set_rhythm("Mum", months)
    assert store.person("Mum").rhythm_months is None
