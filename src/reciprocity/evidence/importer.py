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
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import cast

from reciprocity import messages
from reciprocity.core.evidence import EvidenceImport, Role, SignalFlag
from reciprocity.core.people import name_key
from reciprocity.errors import SeveralChatsError, UnknownParticipantError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.reading import Reading, read_signals, read_upkeep, what_to_read
from reciprocity.evidence.zone import WallClock, local_zone, zone_name
from reciprocity.store.base import new_id
from reciprocity.store.evidence_store import EvidenceRow, EvidenceStore

__all__ = [
    "BATCH_SIZE",
    "ChatOutline",
    "ChatSource",
    "ImportOutcome",
    "dedupe_key",
    "import_chat",
    "outline_chat",
]

# Messages handled together: big enough that the signals and the database work in bulk
# (the few messages of a batch the models read are read in one call, whose fixed cost a
# batch of 5,000 paid about 1.3 us a message more, measured), small enough that memory
# stays flat however long the chat is.
BATCH_SIZE = 20_000
# How many of the other side's next messages count as the answer to something hard:
# the signals read them whatever words they use.
REPLIES_READ = 2
# The language of one message in this many (of those of four words or more) is checked,
# so the person can be told when the signals cannot read the chat; at least this many
# checked before saying so.
LANGUAGE_SAMPLE = 32
MIN_SAMPLED = 5
# Plain integers: the flags are tested once a message, and IntFlag's ``&`` is slow.
_HARD = int(SignalFlag.DISTRESS)  # hard news, as the depth indicator reads it
_DISCLOSURE = int(SignalFlag.DISCLOSURE)

_Item = tuple[int, bool, str, bool]
"""One message of the pair: UTC seconds, from me, text, media."""

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


def dedupe_key(sent_at: int, from_me: bool, text: str, media: bool, occurrence: int) -> int:
    """A message's identity across imports: a 64-bit hash of when, who, what, and which one.

    ``occurrence`` tells identical messages in the same second apart (two "haha" in
    a row): the first is 0, the next 1, the same in every export that holds both.
    """
    data = f"{sent_at}\x1f{int(from_me)}\x1f{int(media)}\x1f{occurrence}\x1f{text}".encode()
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass
class _Pass:
    """The running state of one import over its stream."""

    person_id: str
    source: ChatSource
    roles: Mapping[str, Role]
    keep_text: bool
    chat: str | None
    zone: dt.tzinfo
    progress: Progress | None
    read: int = 0
    others: int = 0
    outside_exchanges: int = 0
    by_models: int = 0
    by_rules: int = 0
    sampled: int = 0
    not_english: int = 0
    line: int | None = None
    chat_seen: str | None = None
    # Whether some time in the export gave no zone (and was read in ``zone``).
    zoneless: bool = False
    # Identical messages in the same second are told apart by their order.
    second: int | None = None
    same_second: dict[tuple[bool, str, bool], int] = field(default_factory=dict)
    # Replies still to be read after a message that may say something hard, per side.
    replies_due: dict[bool, int] = field(default_factory=lambda: {True: 0, False: 0})
    sides: dict[str, bool | None] = field(default_factory=dict)

    def _wanted(self, message: ChatMessage) -> bool:
        if message.chat is None:
            return True
        if self.chat is not None:
            return name_key(message.chat) == name_key(self.chat)
        if self.chat_seen is None:
            self.chat_seen = message.chat
        elif message.chat != self.chat_seen:
            text = messages.ERR_EVIDENCE_SEVERAL_CHATS.format(
                first=self.chat_seen, second=message.chat
            )
            raise SeveralChatsError(text, file=self.source.file_name)
        return True

    def _side(self, sender: str) -> bool | None:
        """True for the person, False for the other, None for someone else in a group."""
        role = self.roles.get(sender)
        if role is None:
            text = messages.ERR_EVIDENCE_UNKNOWN_PARTICIPANT.format(participant=sender)
            raise UnknownParticipantError(text, sender, file=self.source.file_name)
        side = None if role is Role.OTHER else role is Role.ME
        self.sides[sender] = side
        return side

    def batches(self, stream: Iterable[ChatMessage]) -> Iterator[list[EvidenceRow]]:
        """The rows to store, a batch at a time (in a group chat, only the pair's exchanges)."""
        group = any(role is Role.OTHER for role in self.roles.values())
        if group:
            items = self._exchanges(self._messages(stream, keep_others=True))
        else:
            # Without others kept, every message is one of the pair's (from_me is a bool).
            items = cast(Iterator[_Item], self._messages(stream, keep_others=False))
        pending: list[_Item] = []
        for item in items:
            pending.append(item)
            if len(pending) >= BATCH_SIZE:
                yield self._rows(pending)
                pending = []
        if pending:
            yield self._rows(pending)

    def _messages(
        self, stream: Iterable[ChatMessage], *, keep_others: bool
    ) -> Iterator[tuple[int, bool | None, str, bool]]:
        """Each message as (UTC seconds, from me, text, media); others' only as a placeholder."""
        sides = self.sides
        wall_clock = WallClock(self.zone)
        for message in stream:
            if message.chat is not None and not self._wanted(message):
                continue
            # The hot loop: a dictionary look-up, not an enum comparison, per message.
            from_me = sides.get(message.sender)
            if from_me is None:
                from_me = self._side(message.sender)
                if from_me is None:
                    self.others += 1
                    if keep_others:
                        yield (0, None, "", False)
                    continue
            self.line = message.line
            at = message.at
            if at.tzinfo is None:
                self.zoneless = True
                seconds = wall_clock.seconds(at)
            else:
                seconds = int(at.timestamp())
            yield (seconds, from_me, message.text, message.media)

    def _exchanges(self, items: Iterable[tuple[int, bool | None, str, bool]]) -> Iterator[_Item]:
        """In a group chat, the runs of messages one of the pair wrote next to the other's.

        A run (one person's messages with nobody else's between them) counts when the
        run just before or just after it is the other one's: one of them answering the
        other, or being answered. A run between other people's messages was meant for
        the group, and is left out.
        """
        before: bool | None = None
        side_of_run: bool | None = None
        run: list[_Item] = []
        for item in items:
            side = item[1]
            if side is not None and side == side_of_run:
                run.append((item[0], side, item[2], item[3]))
                continue
            if side_of_run is not None:
                if before == (not side_of_run) or side == (not side_of_run):
                    yield from run
                else:
                    self.outside_exchanges += len(run)
            before, side_of_run = side_of_run, side
            run = [] if side is None else [(item[0], side, item[2], item[3])]
        if side_of_run is not None:
            if before == (not side_of_run):
                yield from run
            else:
                self.outside_exchanges += len(run)

    @staticmethod
    def _read_fully(pending: list[_Item], indices: list[int], flags: list[int]) -> None:
        texts = [pending[i][2] for i in indices]
        for index, read in zip(indices, read_signals(texts), strict=True):
            flags[index] = read

    def _rows(self, pending: list[_Item]) -> list[EvidenceRow]:
        flags = [0] * len(pending)
        hard_words = []
        self._sample_language(pending)
        for index, (_, _from_me, text, _media) in enumerate(pending):
            how = what_to_read(text) if text else Reading.NONE
            if how == Reading.FULL:
                hard_words.append(index)
            elif how == Reading.UPKEEP:
                flags[index] = read_upkeep(text)
                self.by_rules += 1
        self._read_fully(pending, hard_words, flags)
        # Only once the models have said which messages share something hard are the
        # answers to those read: the answer matters, whatever words it uses.
        answers = []
        read_already = set(hard_words)
        due = self.replies_due
        for index, (_, from_me, text, _media) in enumerate(pending):
            if due[from_me]:
                due[from_me] -= 1
                if text and index not in read_already:
                    answers.append(index)
                    self.by_rules -= 1 if flags[index] else 0  # the models read it instead
            flag = flags[index]
            if flag & _DISCLOSURE and flag & _HARD:
                due[not from_me] = REPLIES_READ
        self._read_fully(pending, answers, flags)
        self.by_models += len(hard_words) + len(answers)
        self.read += len(pending)
        if self.progress is not None:
            self.progress(self.read, self.line)
        return self._keyed(pending, flags)

    def _sample_language(self, pending: list[_Item]) -> None:
        from reciprocity.signals._language import looks_english

        for _, _from_me, text, _media in pending[::LANGUAGE_SAMPLE]:
            if text.count(" ") >= 3:  # a few words: too little to tell otherwise
                self.sampled += 1
                self.not_english += not looks_english(text)

    def _keyed(self, pending: list[_Item], flags: list[int]) -> list[EvidenceRow]:
        """The rows to store, each with its key (see :func:`dedupe_key`)."""
        rows: list[EvidenceRow] = []
        person_id, keep_text, same_second = self.person_id, self.keep_text, self.same_second
        for (sent_at, from_me, text, media), signals in zip(pending, flags, strict=True):
            if sent_at != self.second:
                self.second = sent_at
                same_second.clear()
            occurrence = same_second.get((from_me, text, media), 0)
            same_second[(from_me, text, media)] = occurrence + 1
            key = dedupe_key(sent_at, from_me, text, media, occurrence)
            if keep_text:
                rows.append((person_id, sent_at, key, from_me, len(text), media, signals, text))
            else:
                rows.append((person_id, sent_at, key, from_me, len(text), media, signals))
        return rows


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
    run = _Pass(person_id, source, roles, keep_text, chat, zone or local_zone(), progress)

    def finish(added: int, now: dt.datetime) -> EvidenceImport:
        return EvidenceImport(
            id=new_id(),
            person_id=person_id,
            file_name=source.file_name,
            format=source.format,
            chat=chat if chat is not None else run.chat_seen,
            imported_at=now,
            messages_read=run.read,
            messages_added=added,
            kept_text=keep_text,
            group_chat=run.others > 0,
            zone=zone_name(run.zone) if run.zoneless else None,
        )

    record = store.add_evidence(person_id, run.batches(stream), roles=roles, finish=finish)
    return ImportOutcome(
        record,
        run.others,
        run.outside_exchanges,
        run.by_models,
        run.by_rules,
        run.sampled,
        run.not_english,
    )
