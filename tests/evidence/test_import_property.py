"""Importing a chat in overlapping pieces, in any order, stores what importing it once does."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.core import RelationshipKind
from reciprocity.evidence.importer import ChatSource, import_chat
from reciprocity.evidence.model import ChatMessage
from reciprocity.store import Store, open_store
from tests.evidence.chats import ME, ROLES, START, THEM

SOURCE = ChatSource("chat.txt", "test")
COUNTER = itertools.count()

MESSAGES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=5),  # minutes after the previous message
        st.sampled_from([ME, THEM]),
        st.sampled_from(["haha", "ok", "see you at 7", "I feel awful today", ""]),
        st.booleans(),
    ),
    max_size=40,
).map(
    lambda rows: [
        ChatMessage(START + dt.timedelta(minutes=sum(r[0] for r in rows[: i + 1])), *r[1:])
        for i, r in enumerate(rows)
    ]
)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(Path(tmp_path_factory.mktemp("property")) / "store.db")
    yield store
    store.close()


def stored(store: Store, messages: list[ChatMessage], pieces: list[tuple[int, int]]) -> list[int]:
    person = store.add_person(f"P{next(COUNTER)}", RelationshipKind.FRIEND).id
    for start, end in pieces:
        import_chat(store, person, messages[start:end], SOURCE, roles=ROLES)
    facts = store.evidence_facts(person)
    # Not the signals: an answer at the very start of an export has lost the hard news it
    # answers to the previous export, so it may be read with less context (docs/evidence.md).
    return [*facts.sent_at, *facts.from_me, *facts.length]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(messages=MESSAGES, data=st.data())
def test_overlapping_imports_store_what_one_import_stores(
    shared_store: Store, messages: list[ChatMessage], data: st.DataObject
) -> None:
    size = len(messages)
    # Exports end and begin at a moment, not between two messages sent in the same second.
    moments = [i for i in range(size + 1) if i in (0, size) or messages[i].at != messages[i - 1].at]
    cut = data.draw(st.sampled_from(moments))
    back = data.draw(st.sampled_from([m for m in moments if m <= cut]))
    pieces = data.draw(st.permutations([(0, cut), (back, size)]))
    whole = stored(shared_store, messages, [(0, size)])
    assert stored(shared_store, messages, list(pieces)) == whole
    assert stored(shared_store, messages, [(0, size), (0, size)]) == whole
