"""Unfinished guided audits: kept, replaced, discarded, finished; never part of the history."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest

from reciprocity.core import Person, RelationshipKind
from reciprocity.errors import DuplicateAuditError
from reciprocity.store import Store
from tests.store.helpers import mutual_audit, row_counts, strained_audit

HALF_DONE: dict[str, Any] = {
    "date": "2025-03-01",
    "initiation": {"score": 2, "lean": "i-carry", "example": "Ich rufe immer zuerst an — 📞"},
    "depth": {"no_recent_example": True, "example": ""},
    "notes": [1, 2.5, None, True],
}


@pytest.fixture
def rosa(store: Store) -> Person:
    """Rosa, a friend whose audit is under way."""
    return store.add_person("Rosa", RelationshipKind.FRIEND)


def test_a_saved_draft_is_read_back_with_its_answers(store: Store, rosa: Person) -> None:
    store.save_draft(rosa.id, HALF_DONE)

    draft = store.draft(rosa.id)

    assert draft is not None
    assert draft.person_id == rosa.id
    assert draft.answers == HALF_DONE
    assert draft.updated_at.tzinfo is not None


def test_a_relationship_without_a_draft_has_none(store: Store, rosa: Person) -> None:
    assert store.draft(rosa.id) is None


def test_saving_again_replaces_the_draft(store: Store, rosa: Person) -> None:
    store.save_draft(rosa.id, HALF_DONE)
    first = store.draft(rosa.id)
    more = {**HALF_DONE, "crisis": {"score": 4, "lean": "mutual", "example": "She came over."}}

    store.save_draft(rosa.id, more)

    draft = store.draft(rosa.id)
    assert draft is not None
    assert first is not None
    assert draft.answers == more
    assert draft.updated_at >= first.updated_at
    assert row_counts(store)["drafts"] == 1


def test_changes_racing_each_other_are_all_kept(store: Store, rosa: Person) -> None:
    # A page's autosave and its own submit (or two windows) each change the latest
    # draft; none writes back a copy read before another change was saved.
    def add_one(answers: dict[str, Any]) -> None:
        answers["n"] = answers.get("n", 0) + 1

    def work() -> None:
        for _ in range(20):
            store.update_draft(rosa.id, add_one)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    draft = store.draft(rosa.id)
    assert draft is not None
    # No draft existed: the first saves of all three raced to create it, and none was lost.
    assert draft.answers == {"n": 60}


def test_a_discarded_draft_is_gone(store: Store, rosa: Person) -> None:
    store.save_draft(rosa.id, HALF_DONE)

    store.discard_draft(rosa.id)

    assert store.draft(rosa.id) is None
    store.discard_draft(rosa.id)  # discarding nothing is fine


def test_each_relationship_keeps_its_own_draft(store: Store, rosa: Person) -> None:
    sam = store.add_person("Sam", RelationshipKind.PARTNER)
    store.save_draft(rosa.id, HALF_DONE)
    store.save_draft(sam.id, {"date": "2025-03-02"})

    store.discard_draft(sam.id)

    draft = store.draft(rosa.id)
    assert draft is not None
    assert draft.answers == HALF_DONE


def test_a_draft_never_appears_among_the_audits(store: Store, rosa: Person) -> None:
    store.save_draft(rosa.id, HALF_DONE)

    assert store.audits(rosa.id) == []
    assert store.latest_audit(rosa.id) is None
    assert store.audit_on(rosa.id, dt.date(2025, 3, 1)) is None
    assert [(s.audit_count, s.latest) for s in store.people()] == [(0, None)]
    assert store.archive().audits == ()


def test_finishing_a_draft_stores_the_audit_and_drops_the_draft(store: Store, rosa: Person) -> None:
    store.save_draft(rosa.id, HALF_DONE)
    audit = strained_audit(rosa.id, dt.date(2025, 3, 1))

    assert store.finish_draft(audit) == audit

    assert store.audits(rosa.id) == [audit]
    assert store.draft(rosa.id) is None


def test_finishing_a_draft_onto_a_taken_date_keeps_the_draft(store: Store, rosa: Person) -> None:
    stored = store.add_audit(mutual_audit(rosa.id, dt.date(2025, 3, 1)))
    store.save_draft(rosa.id, HALF_DONE)

    with pytest.raises(DuplicateAuditError, match="Rosa"):
        store.finish_draft(strained_audit(rosa.id, dt.date(2025, 3, 1)))

    assert store.audits(rosa.id) == [stored]
    draft = store.draft(rosa.id)
    assert draft is not None
    assert draft.answers == HALF_DONE
