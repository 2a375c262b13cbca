"""A big export is read in a helper process: the import is the same as reading it in one.

``import_file`` reads a file from ``HELPER_MIN_BYTES`` up in a second process, which
prepares the messages while the importing one runs the models and writes. These
tests import the same real files both ways and compare everything kept, and check
that what goes wrong in the helper reaches the caller as the same named error, with
nothing kept.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.core import RelationshipKind
from reciprocity.core.evidence import Role
from reciprocity.errors import (
    InvalidFileError,
    InvalidInputError,
    PersonNotFoundError,
    Problem,
    ReciprocityError,
    SeveralChatsError,
    UnknownParticipantError,
)
from reciprocity.evidence import _helper, _prepare, importer
from reciprocity.evidence._helper import HelperStoppedError, helper_started
from reciprocity.evidence.importer import (
    HELPER_MIN_BYTES,
    ChatSource,
    ImportOutcome,
    import_chat,
    import_file,
)
from reciprocity.evidence.model import ChatMessage, ChatReader
from reciprocity.evidence.readers import READERS
from reciprocity.evidence.readers.telegram import TelegramReader
from reciprocity.evidence.readers.whatsapp import WhatsAppReader
from reciprocity.store import Store
from tests.conftest import Cli
from tests.evidence.chats import ME, THEM
from tests.evidence.exports import LOCALES
from tests.evidence.test_reader_telegram import one_chat, telegram_message, write_export

LONDON = zoneinfo.ZoneInfo("Europe/London")
ROLES = {ME: Role.ME, THEM: Role.THEM}
LINES = [
    "on my way",
    "haha",
    "haha",
    "thank you so much for yesterday x",
    "how did the interview go?",
    "I feel awful, my dad is back in hospital and I can't stop crying",
    "oh no, I'm so sorry. do you want me to come over?",
    "ok",
    "I'm not ok tbh",
    "see you at 7",
]


def a_chat(count: int, senders: tuple[str, ...] = (ME, THEM), seed: int = 3) -> list[ChatMessage]:
    """Messages a minute or a day apart (several in one minute), media now and then."""
    randomly = random.Random(seed)
    at = dt.datetime(2024, 3, 1, 8, 0)
    messages = []
    for _ in range(count):
        at += dt.timedelta(minutes=randomly.choice((0, 0, 1, 3, 600, 1500)))
        media = randomly.random() < 0.05
        text = "" if media else randomly.choice(LINES)
        messages.append(ChatMessage(at, randomly.choice(senders), text, media))
    return messages


def whatsapp(path: Path, messages: list[ChatMessage]) -> Path:
    path.write_bytes(LOCALES["android-en-GB"].render(messages))
    return path


def both_ways(
    store: Store,
    path: Path,
    reader: ChatReader,
    *,
    roles: dict[str, Role] = ROLES,
    keep_text: bool = False,
    chat: str | None = None,
) -> tuple[ImportOutcome, ImportOutcome, str, str]:
    """Import ``path`` for two relationships: read here, and read in a helper."""
    here = store.add_person("Sam here", RelationshipKind.FRIEND).id
    helped = store.add_person("Sam helped", RelationshipKind.FRIEND).id
    outcomes = [
        import_file(
            store,
            person,
            reader,
            path,
            ChatSource(path.name, reader.name),
            roles=roles,
            keep_text=keep_text,
            chat=chat,
            zone=LONDON,
            helper=helper,
        )
        for person, helper in ((here, False), (helped, True))
    ]
    return outcomes[0], outcomes[1], here, helped


def kept(store: Store, person: str) -> tuple[object, ...]:
    facts = store.evidence_facts(person)
    return (
        facts.sent_at.tolist(),
        facts.from_me.tolist(),
        facts.length.tolist(),
        facts.signals.tolist(),
        store.evidence_texts(person),
    )


def counted(outcome: ImportOutcome) -> tuple[object, ...]:
    record = outcome.record
    return (
        outcome.others,
        outcome.outside_exchanges,
        outcome.by_models,
        outcome.by_rules,
        outcome.sampled,
        outcome.not_english,
        record.messages_read,
        record.messages_added,
        record.group_chat,
        record.zone,
        record.chat,
        record.kept_text,
    )


def test_a_whatsapp_export_of_several_batches_imports_the_same_in_a_helper(
    store: Store, tmp_path: Path
) -> None:
    # More than two batches, so what carries from one batch to the next (answers due,
    # identical messages in one minute) crosses the pipe too.
    path = whatsapp(tmp_path / "chat.txt", a_chat(2 * _prepare.BATCH_SIZE + 500))
    here, helped, first, second = both_ways(store, path, WhatsAppReader())
    assert counted(helped) == counted(here)
    assert kept(store, second) == kept(store, first)
    assert here.by_models > 0
    assert here.by_rules > 0
    assert here.record.messages_added == 2 * _prepare.BATCH_SIZE + 500


def test_a_group_chat_with_its_text_kept_imports_the_same_in_a_helper(
    store: Store, tmp_path: Path
) -> None:
    path = whatsapp(tmp_path / "group.txt", a_chat(3000, senders=(ME, THEM, "Kim")))
    roles = {**ROLES, "Kim": Role.OTHER}
    here, helped, first, second = both_ways(
        store, path, WhatsAppReader(), roles=roles, keep_text=True
    )
    assert counted(helped) == counted(here)
    assert kept(store, second) == kept(store, first)
    assert here.others > 0
    assert here.outside_exchanges > 0
    assert store.evidence_texts(second)  # the text came through the pipe


def test_one_chat_of_a_whole_telegram_account_imports_the_same_in_a_helper(
    store: Store, tmp_path: Path
) -> None:
    start = dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC)
    lines = [
        telegram_message(n, start + dt.timedelta(minutes=7 * n), (ME, THEM)[n % 2], LINES[n % 10])
        for n in range(400)
    ]
    other = [telegram_message(1000, start, "Kim", "hi")]
    account = {
        "chats": {
            "list": [one_chat(THEM, lines), {**one_chat("Kim", other), "id": 7}],
        }
    }
    path = write_export(tmp_path / "result.json", account)
    here, helped, first, second = both_ways(store, path, TelegramReader(), chat=THEM)
    assert counted(helped) == counted(here)
    assert kept(store, second) == kept(store, first)
    assert here.record.messages_added == 400


def test_a_broken_line_found_by_the_helper_is_named_and_nothing_is_kept(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "chat.txt"
    good = LOCALES["android-en-GB"].render(a_chat(30_000))
    path.write_bytes(good + b"\xff\xfe not text\n")  # broken bytes near the end
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    source = ChatSource(path.name, "whatsapp")
    with pytest.raises(InvalidFileError) as caught:
        import_file(store, person, WhatsAppReader(), path, source, roles=ROLES, helper=True)
    assert caught.value.file == str(path)
    assert caught.value.problems[0].line == 30_002  # the notice, then one line a message
    assert store.count_evidence(person) == 0
    assert store.evidence_imports(person) == []


def test_a_participant_nobody_named_stops_the_helper_and_keeps_nothing(
    store: Store, tmp_path: Path
) -> None:
    path = whatsapp(tmp_path / "chat.txt", [*a_chat(500), *a_chat(3, senders=("Kim",))])
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    source = ChatSource(path.name, "whatsapp")
    with pytest.raises(UnknownParticipantError) as caught:
        import_file(store, person, WhatsAppReader(), path, source, roles=ROLES, helper=True)
    assert caught.value.participant == "Kim"
    assert caught.value.file == "chat.txt"
    assert store.count_evidence(person) == 0


def test_several_chats_found_by_the_helper_ask_for_one(store: Store, tmp_path: Path) -> None:
    start = dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC)
    account = {
        "chats": {
            "list": [
                one_chat(THEM, [telegram_message(1, start, THEM, "hi")]),
                {**one_chat("Kim", [telegram_message(2, start, ME, "hey")]), "id": 7},
            ]
        }
    }
    path = write_export(tmp_path / "result.json", account)
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    source = ChatSource(path.name, "telegram")
    roles = {**ROLES, "Kim": Role.OTHER}
    with pytest.raises(SeveralChatsError):
        import_file(store, person, TelegramReader(), path, source, roles=roles, helper=True)
    assert store.count_evidence(person) == 0


def helpers_running() -> list[str]:
    """This process's child processes (the helpers it started and has not reaped)."""
    children = []
    for task in Path("/proc/self/task").iterdir():
        children += (task / "children").read_text().split()
    return children


def test_a_failing_import_stops_its_helper_at_once_and_quietly(
    store: Store, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Big enough that the helper is still reading when the first insert fails.
    path = whatsapp(tmp_path / "chat.txt", a_chat(3 * _prepare.BATCH_SIZE))
    source = ChatSource(path.name, "whatsapp")
    with pytest.raises(PersonNotFoundError):
        import_file(store, "no-such-id", WhatsAppReader(), path, source, roles=ROLES, helper=True)
    assert helpers_running() == []
    assert capfd.readouterr().err == ""  # no traceback, no broken pipe


class StoppingReader(WhatsAppReader):
    """A WhatsApp reader whose process is stopped, as the system stops one, mid-file."""

    def read(self, path: Path) -> Iterator[ChatMessage]:
        for number, message in enumerate(super().read(path)):
            if number == _prepare.BATCH_SIZE + 10:
                os._exit(9)
            yield message


class BrokenReader(WhatsAppReader):
    """A WhatsApp reader with a bug."""

    def read(self, path: Path) -> Iterator[ChatMessage]:
        yield from super().read(path)
        raise ValueError("a bug in a reader")


def test_a_helper_stopped_by_the_system_is_said_and_nothing_is_kept(
    store: Store, tmp_path: Path
) -> None:
    path = whatsapp(tmp_path / "chat.txt", a_chat(_prepare.BATCH_SIZE + 100))
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    source = ChatSource(path.name, "whatsapp")
    with pytest.raises(HelperStoppedError, match="exit code 9"):
        import_file(store, person, StoppingReader(), path, source, roles=ROLES, helper=True)
    assert store.count_evidence(person) == 0
    assert helpers_running() == []


def test_a_helper_started_ahead_imports_the_same_and_is_used_once(
    store: Store, tmp_path: Path
) -> None:
    path = whatsapp(tmp_path / "chat.txt", a_chat(_prepare.BATCH_SIZE + 500))
    here, helped = (store.add_person(n, RelationshipKind.FRIEND).id for n in ("Here", "Ahead"))
    source = ChatSource(path.name, "whatsapp")
    alone = import_file(store, here, WhatsAppReader(), path, source, roles=ROLES, helper=False)
    with helper_started() as started:
        ahead = import_file(
            store,
            helped,
            WhatsAppReader(),
            path,
            source,
            roles=ROLES,
            helper=True,
            started=started,
        )
        assert started.take() is None  # taken by the import, not to be used twice
    assert counted(ahead) == counted(alone)
    assert kept(store, helped) == kept(store, here)
    assert helpers_running() == []


def test_a_helper_started_ahead_and_never_used_is_stopped(tmp_path: Path) -> None:
    with helper_started() as started:
        assert len(helpers_running()) == 1
    assert helpers_running() == []
    assert started.take() is None


def test_a_bug_in_the_helper_comes_back_with_its_traceback(store: Store, tmp_path: Path) -> None:
    path = whatsapp(tmp_path / "chat.txt", a_chat(50))
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    source = ChatSource(path.name, "whatsapp")
    with pytest.raises(RuntimeError, match="ValueError: a bug in a reader"):
        import_file(store, person, BrokenReader(), path, source, roles=ROLES, helper=True)
    assert store.count_evidence(person) == 0


def test_a_file_is_read_in_a_helper_from_a_size_on_unless_told(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Told by where the file is read: the reader's call is counted in this process only.
    read_here: list[Path] = []
    original = WhatsAppReader.read

    def counting(self: WhatsAppReader, path: Path) -> Iterator[ChatMessage]:
        read_here.append(path)
        return original(self, path)

    monkeypatch.setattr(WhatsAppReader, "read", counting)
    path = whatsapp(tmp_path / "chat.txt", a_chat(50))
    size = path.stat().st_size
    assert size < HELPER_MIN_BYTES

    def imported(name: str, helper: bool | None = None) -> int:
        person = store.add_person(name, RelationshipKind.FRIEND).id
        source = ChatSource("chat.txt", "whatsapp")
        outcome = import_file(
            store, person, WhatsAppReader(), path, source, roles=ROLES, helper=helper
        )
        return outcome.record.messages_added

    assert imported("Small") == 50
    assert read_here == [path]  # a small file: read here
    monkeypatch.setattr(importer, "HELPER_MIN_BYTES", size)
    assert imported("Big enough") == 50
    assert read_here == [path]  # as big as the threshold: read in a helper
    assert imported("Told", helper=False) == 50
    assert read_here == [path, path]


def test_the_import_reads_what_it_read_before_it_was_split_in_two(store: Store) -> None:
    # Measured with the importer of one process (commit a0bf635) on this chat and the
    # shipped models: a retrained model may change the first figure.
    person = store.add_person("Sam", RelationshipKind.FRIEND).id
    outcome = import_chat(
        store, person, a_chat(3000), ChatSource("c", "t"), roles=ROLES, zone=LONDON
    )
    assert (outcome.by_models, outcome.by_rules, outcome.sampled) == (1479, 218, 48)
    # The keys as stored since schema 0009 (a migration rekeys older databases to these).
    assert _prepare.dedupe_key(1_700_000_000, True, 4, False, 0) == -735618974781683623
    key = _prepare.dedupe_key(1_700_000_000, False, 6, True, 2)
    assert key == 4377517422607750550


def test_batches_of_any_size_give_the_same_import(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = a_chat(400)
    whole = store.add_person("Whole", RelationshipKind.FRIEND).id
    outcome = import_chat(store, whole, messages, ChatSource("c", "t"), roles=ROLES, zone=LONDON)
    # Sizes below, at and above the rows SQLite takes in one statement (100).
    for size in (1, 2, 7, 64, 100, 250):
        monkeypatch.setattr(_prepare, "FIRST_BATCH_SIZE", max(1, size // 2))
        monkeypatch.setattr(_prepare, "BATCH_SIZE", size)
        person = store.add_person(f"In batches of {size}", RelationshipKind.FRIEND).id
        again = import_chat(store, person, messages, ChatSource("c", "t"), roles=ROLES, zone=LONDON)
        assert counted(again) == counted(outcome)
        assert kept(store, person) == kept(store, whole)


def naive_answers(
    from_me: list[bool], shared: set[int], due: dict[bool, int], skip: set[int]
) -> list[int]:
    """Message by message: after each shared one, the other side's next two answer it."""
    answers = []
    for index, side in enumerate(from_me):
        if due[side]:
            due[side] -= 1
            if index not in skip:
                answers.append(index)
        if index in shared:
            due[not side] = _prepare.REPLIES_READ
    return answers


@given(
    st.lists(st.booleans(), max_size=60),
    st.data(),
    st.integers(0, 2),
    st.integers(0, 2),
)
def test_answers_found_skipping_the_quiet_stretches_are_those_found_one_by_one(
    from_me: list[bool], data: st.DataObject, due_me: int, due_them: int
) -> None:
    indices = st.sets(st.integers(0, max(len(from_me) - 1, 0))) if from_me else st.just(set())
    shared = data.draw(indices)
    skip = data.draw(indices)
    expected_due = {True: due_me, False: due_them}
    expected = naive_answers(from_me, shared, expected_due, skip)
    due = {True: due_me, False: due_them}
    assert _prepare.answers_due(from_me, sorted(shared), due, skip) == expected
    assert due == expected_due


@given(
    st.lists(
        st.tuples(
            st.integers(0, 2),
            st.booleans(),
            st.sampled_from(["haha", "ok", "no", "", "café ☕"]),
            st.booleans(),
        ),
        max_size=80,
    ),
    st.integers(1, 9),
)
def test_keys_made_a_batch_at_a_time_are_the_documented_keys(
    steps: list[tuple[int, bool, str, bool]], batch: int
) -> None:
    items, second = [], 1_700_000_000
    for step, from_me, text, media in steps:
        second += step
        items.append((second, from_me, text, media))
    preparer = _prepare.Preparer("chat.txt", ROLES, False, None, LONDON)
    lengths = [len(item[2]) for item in items]
    made = [
        key
        for i in range(0, len(items), batch)
        for key in preparer._keys(items[i : i + batch], lengths[i : i + batch])
    ]
    expected: list[int] = []
    seen: dict[tuple[bool, int, bool], int] = {}
    last = None
    for at, from_me, text, media in items:
        if at != last:
            last, seen = at, {}
        occurrence = seen.get((from_me, len(text), media), 0)
        seen[from_me, len(text), media] = occurrence + 1
        expected.append(_prepare.dedupe_key(at, from_me, len(text), media, occurrence))
    assert made == expected


@pytest.mark.parametrize(
    "error",
    [
        InvalidFileError([Problem("not a chat", line=7)], file="chat.txt"),
        UnknownParticipantError("who is Kim?", "Kim", file="chat.txt"),
        SeveralChatsError("two chats", file="result.json"),
        InvalidInputError([Problem("bad", "--me")]),
        PersonNotFoundError("Sam"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_an_error_crosses_between_processes_whole(error: ReciprocityError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert again.lines() == error.lines()
    assert again.__dict__ == error.__dict__
    assert again.exit_code == error.exit_code


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: type(reader).__name__)
def test_every_reader_can_be_sent_to_a_helper(reader: ChatReader) -> None:
    again = pickle.loads(pickle.dumps(reader))
    assert type(again) is type(reader)
    assert (again.name, again.label) == (reader.name, reader.label)


def test_the_command_starts_its_helper_ahead_and_leaves_none_behind(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spawned: list[object] = []
    spawn = _helper._spawn

    def counted_spawn() -> object:
        spawned.append(process := spawn())
        return process

    monkeypatch.setattr(_helper, "_spawn", counted_spawn)
    monkeypatch.setattr(importer, "HELPER_MIN_BYTES", 0)  # every file is big
    path = whatsapp(tmp_path / "chat.txt", a_chat(3000))
    assert cli("person", "add", "Sam").code == 0
    command = ("evidence", "import", str(path), "--person", "Sam")

    done = cli(*command, "--me", ME)
    assert done.code == 0, done.err
    assert len(spawned) == 1  # the one started ahead did the reading
    # A mistake found before the import: the helper started ahead is stopped.
    refused = cli(*command, "--me", "Nobody")
    assert refused.code == 2
    assert len(spawned) == 2
    assert helpers_running() == []
