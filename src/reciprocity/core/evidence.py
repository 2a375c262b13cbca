"""The facts kept from each chat message: when, who, how long, and the signals read from it.

These are all the indicators need (:mod:`reciprocity.core.indicators`); the text of
a message is not one of them, and is kept only when the person asks.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, field
from enum import IntFlag, StrEnum

__all__ = ["EvidenceFacts", "EvidenceImport", "Role", "SignalFlag"]


class Role(StrEnum):
    """Who a participant of a chat export is, from the person's side."""

    ME = "me"
    THEM = "them"
    OTHER = "other"
    """Someone else in a group chat: their messages are not kept."""


class SignalFlag(IntFlag):
    """The language signals of one message, as stored (one small integer a message).

    ``READ`` says the signals looked at the message at all: most messages are
    never read by the models (a cheap word filter passes only those that could
    show a signal the indicators use), and an unread message shows nothing.
    """

    NONE = 0
    READ = 1
    DISCLOSURE = 2
    EMOTIONAL = 4
    """The disclosure is about the writer's own feelings (not only personal facts)."""
    SUPPORT = 8
    SHALLOW = 16
    CHECK_IN = 32
    GRATITUDE = 64
    DISTRESS = 128


@dataclass
class EvidenceFacts:
    """The facts of one relationship's messages, oldest first, one column each.

    Columns rather than one object a message: a million messages take about 15 MB
    this way, against several hundred as Python objects.

    Attributes:
        sent_at: Seconds since 1970-01-01 UTC.
        from_me: 1 when the person wrote it, 0 when the other did.
        length: Characters of text.
        signals: The :class:`SignalFlag` bits.
    """

    sent_at: array[int] = field(default_factory=lambda: array("q"))
    from_me: array[int] = field(default_factory=lambda: array("b"))
    length: array[int] = field(default_factory=lambda: array("l"))
    signals: array[int] = field(default_factory=lambda: array("H"))

    def append(self, sent_at: int, from_me: bool, length: int, signals: int) -> None:
        """Add one message (the caller keeps them in time order)."""
        self.sent_at.append(sent_at)
        self.from_me.append(1 if from_me else 0)
        self.length.append(length)
        self.signals.append(signals)

    def __len__(self) -> int:
        return len(self.sent_at)


@dataclass(frozen=True)
class EvidenceImport:
    """One import of a chat export into a relationship, as remembered afterwards.

    Attributes:
        id: Stable id of the import.
        person_id: The relationship it belongs to.
        file_name: The file's name (not its folder: that says nothing about the pair).
        format: The reader's short name (``whatsapp``).
        chat: The conversation chosen in an export that holds several, if any.
        imported_at: When it was imported.
        messages_read: The messages of the two in the file.
        messages_added: Those not already stored from an earlier import.
        kept_text: Whether the text of the messages this import added was kept.
        group_chat: Whether others wrote in the chat too (their messages are not kept).
        zone: The time zone the export's times were read in where they gave none (an
            IANA name such as ``Europe/London``); None when every time gave its own.
    """

    id: str
    person_id: str
    file_name: str
    format: str
    chat: str | None
    imported_at: dt.datetime
    messages_read: int
    messages_added: int
    kept_text: bool
    group_chat: bool
    zone: str | None = None
