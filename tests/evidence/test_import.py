"""Importing a chat: only derived facts by default, idempotent, all or nothing, group chats."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest

from reciprocity.core import RelationshipKind
from reciprocity.core.evidence import Role, SignalFlag
from reciprocity.errors import (
    InvalidFileError,
    PersonNotFoundError,
    Problem,
    SeveralChatsError,
    UnknownParticipantError,
)
from reciprocity.evidence.importer import ChatSource, import_chat, outline_chat
from reciprocity.evidence.model import ChatMessage
from reciprocity.store import Store, open_store
from tests.evidence.chats import ME, ROLES, START, THEM, chat, everyday

SOURCE = ChatSource("chat.txt", "test")


def sam(store: Store) -> str:
    return store.add_person("Sam", RelationshipKind.FRIEND).id


def test_an_import_keeps_when_who_and_how_long_but_not_the_text(store: Store) -> None:
    person = sam(store)
    outcome = import_chat(store, person, everyday(3), SOURCE, roles=ROLES)

    assert outcome.record.messages_read == 12
    assert outcome.record.messages_added == 12
    assert not outcome.record.kept_text
    facts = store.evidence_facts(person)
    assert len(facts) == 12
    assert facts.sent_at[0] == int(START.timestamp())
    assert list(facts.from_me[:4]) == [0, 1, 0, 1]
    assert facts.length[0] == len("morning! coffee later?")
    assert store.evidence_texts(person) == []


def test_keeping_the_text_is_a_choice(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(1), SOURCE, roles=ROLES, keep_text=True)
    texts = store.evidence_texts(person)
    assert [text for _, _, text in texts][:2] == [
        "morning! coffee later?",
        "yes, 11 at the usual place",
    ]


def test_importing_the_same_export_twice_adds_nothing_the_second_time(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(5), SOURCE, roles=ROLES)
    again = import_chat(store, person, everyday(5), SOURCE, roles=ROLES)
    assert again.record.messages_read == 20
    assert again.record.messages_added == 0
    assert store.count_evidence(person) == 20
    assert len(store.evidence_imports(person)) == 2


def test_an_overlapping_export_adds_only_the_new_days(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(5), SOURCE, roles=ROLES)
    later = list(everyday(8))[8:]  # days 3 to 8: two already imported, three new
    outcome = import_chat(store, person, later, SOURCE, roles=ROLES)
    assert outcome.record.messages_added == 12
    assert store.count_evidence(person) == 32


def test_identical_messages_in_the_same_minute_are_both_kept(store: Store) -> None:
    person = sam(store)
    messages = chat([(0, THEM, "haha"), (0, THEM, "haha"), (0, ME, "haha")])
    assert import_chat(store, person, messages, SOURCE, roles=ROLES).record.messages_added == 3
    assert import_chat(store, person, messages, SOURCE, roles=ROLES).record.messages_added == 0


def broken_after(count: int) -> Iterator[ChatMessage]:
    yield from list(everyday(count))
    raise InvalidFileError([Problem("not a message", line=count * 4 + 1)], file="chat.txt")


def test_a_file_broken_late_leaves_nothing_half_written(store: Store) -> None:
    person = sam(store)
    with pytest.raises(InvalidFileError):
        import_chat(store, person, broken_after(3000), SOURCE, roles=ROLES)
    assert store.count_evidence(person) == 0
    assert store.evidence_imports(person) == []
    assert store.participant_roles(person) == {}


def test_the_roles_are_remembered_for_the_next_import(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(1), SOURCE, roles=ROLES)
    assert store.participant_roles(person) == ROLES


def test_a_participant_nobody_named_stops_the_import_and_keeps_nothing(store: Store) -> None:
    person = sam(store)
    messages = [*everyday(2), ChatMessage(START + dt.timedelta(days=3), "Jo", "hi all")]
    with pytest.raises(UnknownParticipantError) as raised:
        import_chat(store, person, messages, SOURCE, roles=ROLES)
    assert raised.value.participant == "Jo"
    assert store.count_evidence(person) == 0


def test_in_a_group_chat_only_the_two_count(store: Store) -> None:
    person = sam(store)
    messages = chat(
        [(0, "Jo", "hi all"), (0.1, THEM, "hey"), (0.2, ME, "hello"), (0.3, "Jo", ":)")]
    )
    roles = {**ROLES, "Jo": Role.OTHER}
    outcome = import_chat(store, person, messages, SOURCE, roles=roles)
    assert outcome.group_chat
    assert outcome.others == 2
    assert outcome.record.messages_added == 2


def test_in_a_group_chat_what_the_two_say_to_the_others_is_left_out(store: Store) -> None:
    person = sam(store)
    messages = chat(
        [
            (0, "Jo", "who's coming on Friday?"),
            (0.1, ME, "me!"),  # to Jo, and nobody answers from the pair
            (0.2, "Jo", "great"),
            (0.3, THEM, "me too"),  # to Jo too
            (4, "Jo", "see you all then"),
            (5, THEM, "Alex, did you get my message?"),
            (5.1, THEM, "the one about Sunday"),
            (5.2, ME, "yes! sorry, Sunday works"),
            (5.3, "Jo", "what's Sunday?"),
        ]
    )
    roles = {**ROLES, "Jo": Role.OTHER}
    outcome = import_chat(store, person, messages, SOURCE, roles=roles)
    assert outcome.record.messages_added == 3
    assert outcome.outside_exchanges == 2
    assert list(store.evidence_facts(person).from_me) == [0, 0, 1]


def test_an_export_of_several_chats_needs_one_chosen(store: Store) -> None:
    person = sam(store)
    messages = [
        ChatMessage(START, THEM, "hi", chat="Sam"),
        ChatMessage(START, ME, "hi", chat="Work"),
    ]
    with pytest.raises(SeveralChatsError):
        import_chat(store, person, messages, SOURCE, roles=ROLES)
    chosen = import_chat(store, person, messages, SOURCE, roles=ROLES, chat="sam")
    assert chosen.record.messages_added == 1
    assert outline_chat(messages).chats == {"Sam": 1, "Work": 1}


def test_naive_times_are_the_wall_clock_of_the_zone_given(store: Store) -> None:
    person = sam(store)
    naive = [ChatMessage(dt.datetime(2026, 7, 1, 12, 0), THEM, "hi")]
    london = zoneinfo.ZoneInfo("Europe/London")
    import_chat(store, person, naive, SOURCE, roles=ROLES, zone=london)
    expected = dt.datetime(2026, 7, 1, 11, 0, tzinfo=dt.UTC)
    assert store.evidence_facts(person).sent_at[0] == int(expected.timestamp())


def test_hard_news_and_the_reply_to_it_are_read_by_the_signals(store: Store) -> None:
    person = sam(store)
    messages = chat(
        [
            (0, ME, "on my way"),
            (1, THEM, "my mum died last night. I can't stop crying"),
            (1.1, ME, "oh Sam, I'm so sorry. I'm coming over"),
        ]
    )
    import_chat(store, person, messages, SOURCE, roles=ROLES)
    flags = [SignalFlag(f) for f in store.evidence_facts(person).signals]
    assert SignalFlag.READ not in flags[0]  # nothing in it the indicators could use
    assert SignalFlag.DISTRESS in flags[1]
    assert SignalFlag.DISCLOSURE in flags[1]
    assert SignalFlag.SUPPORT in flags[2]


def test_removing_forgets_every_message_import_and_role(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(3), SOURCE, roles=ROLES)
    assert store.remove_evidence(person) == 12
    assert store.count_evidence(person) == 0
    assert store.evidence_imports(person) == []
    assert store.participant_roles(person) == {}


def test_removing_the_relationship_removes_its_evidence(store: Store) -> None:
    person = sam(store)
    import_chat(store, person, everyday(1), SOURCE, roles=ROLES)
    store.remove_person("Sam")
    assert store.count_evidence(person) == 0


def test_importing_for_a_relationship_that_is_gone_is_refused(store: Store) -> None:
    with pytest.raises(PersonNotFoundError):
        import_chat(store, "no-such-id", everyday(1), SOURCE, roles=ROLES)


def test_forgotten_text_is_gone_from_the_file_on_disk(tmp_path: Path) -> None:
    # Forgetting is more than hiding: the words must not stay readable in free pages
    # of the database file or in its write-ahead log.
    secret = "zebra-umbrella-4711 the thing only Sam knows"
    path = tmp_path / "store.db"
    store = open_store(path)
    try:
        person = sam(store)
        said = [ChatMessage(START + dt.timedelta(minutes=i), THEM, secret) for i in range(50)]
        import_chat(store, person, said, SOURCE, roles=ROLES, keep_text=True)
        on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("store.db*"))
        assert secret.encode() in on_disk

        store.remove_evidence(person)
    finally:
        store.close()

    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("store.db*"))
    assert secret.encode() not in on_disk
