"""Import a stream of chat messages into a relationship: derived facts only, idempotent, whole.

The import keeps what the indicators need (when, who, how long, whether media,
the language signals) and not what was written, unless asked. Each message gets
a key, a hash of when, who, what and how many identical ones came before it in the
same second, so importing the same or an overlapping export again adds only what
is new. Everything happens in one transaction: a broken line late in the file
leaves nothing of the import behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reciprocity.core.evidence import EvidenceImport, Role, SignalFlag
from reciprocity.core.people import name_key
from reciprocity.evidence._prepare import (
    BATCH_SIZE,
    LANGUAGE_SAMPLE,
    REPLIES_READ,
    Prepared,
    Preparer,
    Tally,
    answers_due,
    dedupe_key,
)
from reciprocity.evidence.model import ChatMessage, ChatReader

if TYPE_CHECKING:
    from reciprocity.evidence._helper import StartedHelper
from reciprocity.evidence.reading import load_models, read_signals, read_upkeep_many
from reciprocity.evidence.zone import local_zone, zone_name
from reciprocity.store.base import new_id
from reciprocity.store.evidence_store import EvidenceRow, EvidenceStore

__all__ = [
    "BATCH_SIZE",
    "HELPER_MIN_BYTES",
    "LANGUAGE_SAMPLE",
    "REPLIES_READ",
    "ChatOutline",
    "ChatSource",
    "ImportOutcome",
    "dedupe_key",
    "import_chat",
    "import_file",
    "outline_chat",
]

# Below this size a file is read in the importing process; from it up, in a helper
# process beside it (see ``_helper``), which costs about 0.15 s to start.
HELPER_MIN_BYTES = 4_000_000
# Whether most of the chat is in another language is said once at least this many
# messages were checked.
MIN_SAMPLED = 5
# Plain integers: the flags are tested once a message, and IntFlag's ``&`` is slow.
_HARD = int(SignalFlag.DISTRESS)  # hard news, as the depth indicator reads it
_DISCLOSURE = int(SignalFlag.DISCLOSURE)

Progress = Callable[[int, int | None], None]
"""Told, after each batch, how many messages were read and the file line reached."""


@dataclass(frozen=True)
class ChatSource:
    """Where a stream of messages comes from, as the import remembers it.

    Attributes:
        file_name: The file's name (shown in messages and remembered).
        format: The reader's short name.
    """

    file_name: str
    format: str


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did.

    Attributes:
        record: The import as remembered (messages read and added).
        others: Messages by other people in a group chat, left out.
        outside_exchanges: In a group chat, messages of the two that were not part of an
            exchange between them (written to the rest of the group), left out.
        by_models: Messages the signals' models read (hard words, and the answers).
        by_rules: Messages only the signals' rules for check-ins and thanks read.
        sampled: Messages whose language was checked (one in ``LANGUAGE_SAMPLE``
            of those with a few words).
        not_english: Of those, the ones the signals cannot read (not English).
    """

    record: EvidenceImport
    others: int
    outside_exchanges: int = 0
    by_models: int = 0
    by_rules: int = 0
    sampled: int = 0
    not_english: int = 0

    @property
    def mostly_not_english(self) -> bool:
        """Whether most of the chat is in a language the signals do not read."""
        return self.sampled >= MIN_SAMPLED and self.not_english * 2 > self.sampled

    @property
    def group_chat(self) -> bool:
        """Whether others wrote in the chat too."""
        return self.record.group_chat


@dataclass
class ChatOutline:
    """Who writes in an export, and which conversations it holds (from a quick first pass).

    Attributes:
        participants: Each sender's name with how many messages they sent, in order of
            first appearance.
        chats: The conversations named in the export, in order of first appearance.
    """

    participants: dict[str, int] = field(default_factory=dict)
    chats: dict[str, int] = field(default_factory=dict)


def outline_chat(stream: Iterable[ChatMessage], *, chat: str | None = None) -> ChatOutline:
    """Who writes in a stream of messages (in one chosen conversation, if given)."""
    outline = ChatOutline()
    wanted = None if chat is None else name_key(chat)
    for message in stream:
        if message.chat is not None:
            outline.chats[message.chat] = outline.chats.get(message.chat, 0) + 1
            if wanted is not None and name_key(message.chat) != wanted:
                continue
        outline.participants[message.sender] = outline.participants.get(message.sender, 0) + 1
    return outline


class _Batches(Protocol):
    """Prepared batches, and what the preparing counted so far."""

    @property
    def tally(self) -> Tally: ...

    def __iter__(self) -> Iterator[Prepared]: ...


class _InProcess:
    """The first half run here, on a stream, one batch at a time as the import asks."""

    def __init__(self, preparer: Preparer, stream: Iterable[ChatMessage]) -> None:
        self._preparer = preparer
        self._stream = stream

    @property
    def tally(self) -> Tally:
        return self._preparer.tally

    def __iter__(self) -> Iterator[Prepared]:
        return self._preparer.batches(self._stream)


@dataclass
class _Second:
    """The second half of an import: the models read what the first half set aside."""

    person_id: str
    batches: _Batches
    progress: Progress | None
    by_models: int = 0
    by_rules: int = 0
    # Answers still due on each side, after messages the models found sharing something hard.
    due: dict[bool, int] = field(default_factory=lambda: {True: 0, False: 0})

    def rows(self) -> Iterator[list[EvidenceRow]]:
        """The rows to store, a batch at a time."""
        for batch in self.batches:
            yield self._rows(batch)
            if self.progress is not None:
                tally = self.batches.tally
                self.progress(tally.read, tally.line)

    @staticmethod
    def _read_fully(indices: list[int], texts: dict[int, str], flags: list[int]) -> None:
        for index, read in zip(indices, read_signals([texts[i] for i in indices]), strict=True):
            flags[index] = read

    def _rows(self, batch: Prepared) -> list[EvidenceRow]:
        texts, hard = batch.texts, batch.hard
        flags = [0] * len(batch.keys)
        upkeep = batch.upkeep
        for index, read in zip(upkeep, read_upkeep_many([texts[i] for i in upkeep]), strict=True):
            flags[index] = read
        self._read_fully(hard, texts, flags)
        # Only once the models have said which messages share something hard are the
        # answers to those read: the answer matters, whatever words it uses.
        shared = [i for i in hard if flags[i] & _DISCLOSURE and flags[i] & _HARD]
        due = answers_due(batch.from_me, shared, self.due, set(hard))
        answers = [index for index in due if texts[index]]
        replaced = sum(1 for index in answers if flags[index])  # read by the rules already
        self._read_fully(answers, texts, flags)
        self.by_models += len(hard) + len(answers)
        self.by_rules += len(batch.upkeep) - replaced
        columns = (batch.sent_at, batch.keys, batch.from_me, batch.lengths, batch.media, flags)
        ids = repeat(self.person_id, len(flags))
        if batch.all_texts is not None:
            return list(zip(ids, *columns, batch.all_texts, strict=True))
        return list(zip(ids, *columns, strict=True))


def import_chat(
    store: EvidenceStore,
    person_id: str,
    stream: Iterable[ChatMessage],
    source: ChatSource,
    *,
    roles: Mapping[str, Role],
    keep_text: bool = False,
    chat: str | None = None,
    zone: dt.tzinfo | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Import a chat's messages into a relationship, all or nothing.

    Args:
        store: Where to keep them.
        person_id: The relationship they are evidence about.
        stream: The messages, in file order (read once, in constant memory).
        source: The file and format, remembered with the import.
        roles: Who each participant is; remembered for the next import.
        keep_text: Keep what was written, not only the derived facts.
        chat: In an export holding several conversations, the one to import.
        zone: The time zone of times the export gives without one (the machine's
            local zone if None); remembered with the import when some time needed it.
        progress: Told after each batch how far the import is.

    Returns:
        What was imported, and how many messages by others were left out.

    Raises:
        UnknownParticipantError: A sender is not in ``roles``; nothing is kept.
        SeveralChatsError: The export holds several conversations and ``chat`` is
            None; nothing is kept.
        InvalidFileError: The reader found the file broken; nothing is kept.
        PersonNotFoundError: The relationship no longer exists.
    """
    preparer = Preparer(source.file_name, roles, keep_text, chat, zone or local_zone())
    batches = _InProcess(preparer, stream)
    return _imported(store, person_id, batches, preparer=preparer, source=source, progress=progress)


def import_file(
    store: EvidenceStore,
    person_id: str,
    reader: ChatReader,
    path: Path,
    source: ChatSource,
    *,
    roles: Mapping[str, Role],
    keep_text: bool = False,
    chat: str | None = None,
    zone: dt.tzinfo | None = None,
    progress: Progress | None = None,
    helper: bool | None = None,
    started: StartedHelper | None = None,
) -> ImportOutcome:
    """Import a chat export file into a relationship, all or nothing.

    What :func:`import_chat` does with ``reader.read(path)`` as the stream, but a big
    file is read in a helper process beside this one, while this one runs the models
    and writes: with two cores or more, a million messages import 1.3 to 2.3 times as
    fast (docs/performance.md).

    Args:
        store: Where to keep the messages.
        person_id: The relationship they are evidence about.
        reader: The export's format.
        path: The export.
        source: The file and format, remembered with the import.
        roles: Who each participant is; remembered for the next import.
        keep_text: Keep what was written, not only the derived facts.
        chat: In an export holding several conversations, the one to import.
        zone: The time zone of times the export gives without one (the machine's
            local zone if None).
        progress: Told after each batch how far the import is.
        helper: Read in a helper process (True), here (False), or as the file's size
            suggests (None: from ``HELPER_MIN_BYTES`` up).
        started: A helper process started ahead (``_helper.helper_started``), used if
            the file is read in a helper and nothing took it yet.

    Returns:
        What was imported, as :func:`import_chat` tells it.

    Raises:
        The errors of :func:`import_chat`, whichever process found them.
    """
    if helper is None:
        helper = path.stat().st_size >= HELPER_MIN_BYTES
    if not helper:
        stream = reader.read(path)
        return import_chat(
            store,
            person_id,
            stream,
            source,
            roles=roles,
            keep_text=keep_text,
            chat=chat,
            zone=zone,
            progress=progress,
        )
    from reciprocity.evidence._helper import prepared_in_helper

    preparer = Preparer(source.file_name, roles, keep_text, chat, zone or local_zone())

    with prepared_in_helper(preparer, reader, path, started) as received:
        load_models()  # while the helper starts and reads its first batch
        return _imported(
            store, person_id, received, preparer=preparer, source=source, progress=progress
        )


def _imported(
    store: EvidenceStore,
    person_id: str,
    batches: _Batches,
    *,
    preparer: Preparer,
    source: ChatSource,
    progress: Progress | None,
) -> ImportOutcome:
    second = _Second(person_id, batches, progress)

    def finish(added: int, now: dt.datetime) -> EvidenceImport:
        tally = batches.tally
        return EvidenceImport(
            id=new_id(),
            person_id=person_id,
            file_name=source.file_name,
            format=source.format,
            chat=preparer.chat if preparer.chat is not None else tally.chat_seen,
            imported_at=now,
            messages_read=tally.read,
            messages_added=added,
            kept_text=preparer.keep_text and added > 0,  # text stored by this import
            group_chat=tally.others > 0,
            zone=zone_name(preparer.zone) if tally.zoneless else None,
        )

    record = store.add_evidence(person_id, second.rows(), roles=preparer.roles, finish=finish)
    tally = batches.tally
    return ImportOutcome(
        record,
        tally.others,
        tally.outside_exchanges,
        second.by_models,
        second.by_rules,
        tally.sampled,
        tally.not_english,
    )
