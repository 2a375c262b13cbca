"""The first half of an import: from a reader's messages to batches of derived facts.

Everything here needs only the stream and who is who, not the store nor the models:
which messages count (the chosen conversation, the pair's exchanges in a group chat),
their times in UTC seconds, keys, lengths, and which texts the models and the rules
will read (the word filter). So it can run in a helper process while the importing process
reads with the models and writes (see ``_helper``); run in the same process, it gives
the same batches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from reciprocity import messages
from reciprocity.core.evidence import Role
from reciprocity.core.people import name_key
from reciprocity.errors import SeveralChatsError, UnknownParticipantError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.reading import Reading, what_to_read
from reciprocity.evidence.zone import WallClock

__all__ = [
    "BATCH_SIZE",
    "LANGUAGE_SAMPLE",
    "REPLIES_READ",
    "Prepared",
    "Preparer",
    "Tally",
    "answers_due",
    "dedupe_key",
]

# Messages handled together: big enough that the signals and the database work in bulk
# (the few messages of a batch the models read are read in one call, whose fixed cost a
# batch of 5,000 paid about 1.3 us a message more, measured), small enough that memory
# stays flat however long the chat is.
BATCH_SIZE = 20_000
FIRST_BATCH_SIZE = 2_000
# How many of the other side's next messages count as the answer to something hard:
# the signals read them whatever words they use.
REPLIES_READ = 2
# The language of one message in this many (of those of four words or more) is checked,
# so the person can be told when the signals cannot read the chat.
LANGUAGE_SAMPLE = 32

_Item = tuple[int, bool, str, bool]
"""One message of the pair: UTC seconds, from me, text, media."""


# What stands between the time and the length in a key's data, for each
# (from me, media): their values as digits, each after a separator.
_MARKS = {
    (from_me, media): f"\x1f{int(from_me)}\x1f{int(media)}\x1f"
    for from_me in (False, True)
    for media in (False, True)
}


# Before a key's data: the keys of schema 0009 on, whose data cannot then be the data of
# an older key (a message "0" after another "0" in the same second would otherwise give
# the new key of one the old key of the other, and the migration's rekeying would clash).
_KEY_PREFIX = "k2\x1f"


def dedupe_key(sent_at: int, from_me: bool, length: int, media: bool, occurrence: int) -> int:
    """A message's identity across imports: a 64-bit hash of when, who, how long, which one.

    Not of the text: a hash of a short text ("ok", "love you") next to its time and
    length could be guessed back, and only the text the person asked to keep may be
    stored. ``occurrence`` tells apart messages alike in all of these (two "haha" in a
    row, or "ok" then "no" in the same second): the first is 0, the next 1, the same in
    every export that holds both.
    """
    data = f"{_KEY_PREFIX}{sent_at}{_MARKS[from_me, media]}{length}\x1f{occurrence}".encode()
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass
class Tally:
    """What the first half counted over the whole stream (final once it has ended).

    Attributes:
        read: Messages of the pair prepared.
        others: Messages by other people in a group chat.
        outside_exchanges: Messages of the pair not part of an exchange between them.
        sampled: Messages whose language was checked.
        not_english: Of those, the ones not in English.
        line: The file line of the last message prepared, when the format has lines.
        chat_seen: The conversation the messages named, in an export that names one.
        zoneless: Whether some time came without a zone (and was read in the zone given).
    """

    read: int = 0
    others: int = 0
    outside_exchanges: int = 0
    sampled: int = 0
    not_english: int = 0
    line: int | None = None
    chat_seen: str | None = None
    zoneless: bool = False


class Prepared(NamedTuple):
    """One batch of messages, column by column, ready for the models and the store.

    Attributes:
        sent_at: UTC seconds of each message.
        keys: Each message's key (:func:`dedupe_key`).
        from_me: Whether each message is the person's.
        lengths: How long each text is.
        media: Whether each message carried media.
        hard: The messages with a word of something hard, for the models.
        upkeep: The messages with a word of upkeep only, for the rules of check-ins
            and thanks.
        texts: The texts the models and rules may read: of ``hard`` and ``upkeep``, and
            of each message that may answer one of the hard ones (the other side's next
            ``REPLIES_READ``).
        all_texts: Every text, when the text is kept; else None.
    """

    sent_at: list[int]
    keys: list[int]
    from_me: list[bool]
    lengths: list[int]
    media: list[bool]
    hard: list[int]
    upkeep: list[int]
    texts: dict[int, str]
    all_texts: list[str] | None


def answers_due(
    from_me: list[bool], shared: list[int], due: dict[bool, int], skip: set[int]
) -> list[int]:
    """The messages that answer something hard, given the messages that share it.

    After a message in ``shared``, the other side's next ``REPLIES_READ`` messages are
    its answer. ``due`` carries what is still due on each side from one batch to the
    next, and is updated. Messages in ``skip`` (read already) are not returned.
    ``shared`` is in order; stretches where nothing is due are skipped, not walked.
    """
    answers: list[int] = []
    count, following = len(from_me), 0
    index = 0
    while index < count:
        if not (due[True] or due[False]):
            if following >= len(shared):
                break
            index = shared[following]
        side = from_me[index]
        if due[side]:
            due[side] -= 1
            if index not in skip:
                answers.append(index)
        if following < len(shared) and shared[following] == index:
            due[not side] = REPLIES_READ
            following += 1
        index += 1
    return answers


@dataclass
class Preparer:
    """The running state of the first half of one import over its stream."""

    file_name: str
    roles: Mapping[str, Role]
    keep_text: bool
    chat: str | None
    zone: dt.tzinfo
    tally: Tally = field(default_factory=Tally)
    # Messages alike (who, length, media) in the same second are told apart by their order.
    second: int | None = None
    same_second: dict[tuple[bool, int, bool], int] = field(default_factory=dict)
    first_of_second: tuple[bool, int, bool] = (False, 0, False)
    # Possible answers still due on each side (after any message with a hard word).
    due: dict[bool, int] = field(default_factory=lambda: {True: 0, False: 0})
    sides: dict[str, bool | None] = field(default_factory=dict)

    def _wanted(self, message: ChatMessage) -> bool:
        if message.chat is None:
            return True
        if self.chat is not None:
            return name_key(message.chat) == name_key(self.chat)
        seen = self.tally.chat_seen
        if seen is None:
            self.tally.chat_seen = message.chat
        elif message.chat != seen:
            text = messages.ERR_EVIDENCE_SEVERAL_CHATS.format(first=seen, second=message.chat)
            raise SeveralChatsError(text, file=self.file_name)
        return True

    def _side(self, sender: str) -> bool | None:
        """True for the person, False for the other, None for someone else in a group."""
        role = self.roles.get(sender)
        if role is None:
            text = messages.ERR_EVIDENCE_UNKNOWN_PARTICIPANT.format(participant=sender)
            raise UnknownParticipantError(text, sender, file=self.file_name)
        side = None if role is Role.OTHER else role is Role.ME
        self.sides[sender] = side
        return side

    def batches(self, stream: Iterable[ChatMessage]) -> Iterator[Prepared]:
        """The stream's messages of the pair, a batch at a time (in a group, their exchanges)."""
        group = any(role is Role.OTHER for role in self.roles.values())
        if group:
            items = self._exchanges(self._messages(stream, keep_others=True))
        else:
            # Without others kept, every message is one of the pair's (from_me is a bool).
            items = cast(Iterator[_Item], self._messages(stream, keep_others=False))
        pending: list[_Item] = []
        # The first batch is small, so the models and the database have work sooner
        # when another process is waiting for it.
        size = FIRST_BATCH_SIZE
        for item in items:
            pending.append(item)
            if len(pending) >= size:
                yield self._prepared(pending)
                pending, size = [], BATCH_SIZE
        if pending:
            yield self._prepared(pending)

    def _messages(
        self, stream: Iterable[ChatMessage], *, keep_others: bool
    ) -> Iterator[tuple[int, bool | None, str, bool]]:
        """Each message as (UTC seconds, from me, text, media); others' only as a placeholder."""
        sides, tally = self.sides, self.tally
        wall_clock = WallClock(self.zone)
        for message in stream:
            if message.chat is not None and not self._wanted(message):
                continue
            # The hot loop: a dictionary look-up, not an enum comparison, per message.
            from_me = sides.get(message.sender)
            if from_me is None:
                from_me = self._side(message.sender)
                if from_me is None:
                    tally.others += 1
                    if keep_others:
                        yield (0, None, "", False)
                    continue
            tally.line = message.line
            at = message.at
            if at.tzinfo is None:
                tally.zoneless = True
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
                    self.tally.outside_exchanges += len(run)
            before, side_of_run = side_of_run, side
            run = [] if side is None else [(item[0], side, item[2], item[3])]
        if side_of_run is not None:
            if before == (not side_of_run):
                yield from run
            else:
                self.tally.outside_exchanges += len(run)

    def _prepared(self, pending: list[_Item]) -> Prepared:
        from_me = [item[1] for item in pending]
        texts = [item[2] for item in pending]
        hard: list[int] = []
        upkeep: list[int] = []
        for index, text in enumerate(texts):
            how = what_to_read(text) if text else Reading.NONE
            if how == Reading.FULL:
                hard.append(index)
            elif how == Reading.UPKEEP:
                upkeep.append(index)
        # Any message with a hard word may turn out to share something hard, so the
        # other side's next replies may be its answer: their texts go along too.
        needed = hard + upkeep + answers_due(from_me, hard, self.due, set(hard))
        self._sample_language(texts)
        self.tally.read += len(pending)
        lengths = [len(text) for text in texts]
        return Prepared(
            [item[0] for item in pending],
            self._keys(pending, lengths),
            from_me,
            lengths,
            [item[3] for item in pending],
            hard,
            upkeep,
            {index: texts[index] for index in needed},
            texts if self.keep_text else None,
        )

    def _sample_language(self, texts: list[str]) -> None:
        from reciprocity.signals._language import looks_english

        tally = self.tally
        # One message in LANGUAGE_SAMPLE of the whole chat, wherever the batches break.
        for text in texts[-tally.read % LANGUAGE_SAMPLE :: LANGUAGE_SAMPLE]:
            if text.count(" ") >= 3:  # a few words: too little to tell otherwise
                tally.sampled += 1
                tally.not_english += not looks_english(text)

    def _keys(self, pending: list[_Item], lengths: list[int]) -> list[int]:
        """Each message's key: :func:`dedupe_key`, computed for a whole batch at once.

        The same hash, but the digests are turned into numbers all together
        (``int.from_bytes`` per message cost a third of the whole), and the count of
        messages alike in a second is kept only for seconds holding more than one.
        """
        blake2b, marks, prefix = hashlib.blake2b, _MARKS, _KEY_PREFIX
        digests: list[bytes] = []
        second, seen, first = self.second, self.same_second, self.first_of_second
        for (sent_at, from_me, _, media), length in zip(pending, lengths, strict=True):
            if sent_at != second:
                second, first, occurrence = sent_at, (from_me, length, media), 0
                seen = {}
            else:
                if not seen:
                    seen[first] = 1
                which = (from_me, length, media)
                occurrence = seen.get(which, 0)
                seen[which] = occurrence + 1
            data = f"{prefix}{sent_at}{marks[from_me, media]}{length}\x1f{occurrence}".encode()
            digests.append(blake2b(data, digest_size=8).digest())
        self.second, self.same_second, self.first_of_second = second, seen, first
        keys = array("q")
        keys.frombytes(b"".join(digests))
        if sys.byteorder == "little":
            keys.byteswap()  # the digests are read big-endian, as dedupe_key reads them
        return keys.tolist()
