"""Facebook Messenger and Instagram JSON: the older per-thread files and the newer E2EE ones.

Older layout ("Download your information", JSON), one folder per conversation with
``message_1.json``, ``message_2.json``...::

    {"participants": [{"name": "..."}], "messages": [{"sender_name": "...",
     "timestamp_ms": 1705050900000, "content": "...", "photos": [...], ...}], "title": ...}

Newer layout (Messenger's end-to-end encrypted chats, downloaded from the secure
storage page). We assume, from exports people have shared, this shape::

    {"participants": ["...", "..."], "threadName": "...", "messages": [{"senderName":
     "...", "timestamp": 1705050900000, "text": "...", "media": [...], "isUnsent": false,
     "type": "..."}]}

Both are read per message, so either layout (or a mix) is accepted. Meta writes UTF-8
bytes as latin-1 escapes in the older layout; every string is repaired.

Meta writes the newest message first, and in the older layout ``message_1.json`` holds
the newest messages, ``message_2.json`` the ones before, and so on. The import needs
them oldest first (which replies answer hard news is decided from the order), so
given any ``message_<n>.json`` the reader reads every numbered file of that folder,
from the highest number (the oldest) down, and each file's messages are held in
memory and turned round (then sorted by time, which mends anything out of place: the
newer layout's order is known only from exports people have shared). Memory therefore
grows with one file's messages (kept as bare ``ChatMessage`` tuples), not with the
whole conversation, which Meta splits into several files when it is long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import (
    from_epoch_ms,
    head_json_keys,
    invalid,
    repair_mojibake,
    shown,
)
from reciprocity.evidence.readers._json_stream import JsonStream
from reciprocity.evidence.readers._order import oldest_first

__all__ = ["MessengerReader", "conversation_files"]

# Older layout: which keys carry something other than words.
_OLD_MEDIA = ("photos", "videos", "audio_files", "files", "gifs", "sticker", "share")
# Older layout: the thread talking about itself (calls, people added or leaving).
_OLD_SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe"})
# Older layout: one of a conversation's files; the highest number holds the oldest messages.
_PART = re.compile(r"message_([0-9]{1,9})\.json")


class MessengerReader:
    """Facebook Messenger and Instagram message files, older and end-to-end encrypted."""

    name = "messenger"
    label = messages.LABEL_MESSENGER

    def sniff(self, path: Path, head: bytes) -> bool:
        """A JSON object whose messages carry Meta's sender key (``sender_name``/``senderName``)."""
        keys = head_json_keys(head)
        if keys is None or '"messages":[' not in keys or '"guild":' in keys:
            return False
        older = '"participants":[' in keys and '"sender_name":' in keys
        # The newer layout's key order is not known to us, so participants may come later.
        newer = '"senderName":' in keys and ('"isUnsent":' in keys or '"timestamp":' in keys)
        return older or newer

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message, oldest first; unsent ones skipped.

        Given ``message_<n>.json``, the conversation's other numbered files beside it
        are read too, from the oldest.

        Raises:
            InvalidFileError: One of the files is broken or not an export, or a message
                lacks its sender or time; the error names that file and the message.
        """
        for part in conversation_files(path):
            yield from oldest_first(list(self._file(part)), newest_first=True)

    def _file(self, path: Path) -> Iterator[ChatMessage]:
        """One file's messages in the order Meta wrote them."""
        stream = JsonStream(path, items=("messages.item",), label=self.label)
        for item in stream:
            record = item.value
            newer = "senderName" in record
            message = (
                self._newer(path, record, item.where)
                if newer
                else self._older(path, record, item.where)
            )
            # A message with neither words nor media is a trace of something else
            # (a removed message, a call notice, a reaction on its own).
            if message is not None and (message.text or message.media):
                yield message
        if not stream.arrays_seen:
            raise invalid(path, messages.ERR_JSON_NOT_EXPORT.format(label=self.label))

    def _older(self, path: Path, record: Mapping[str, Any], where: str) -> ChatMessage | None:
        kind = record.get("type")
        if record.get("is_unsent") or (isinstance(kind, str) and kind in _OLD_SYSTEM_TYPES):
            return None
        return ChatMessage(
            at=self._at(path, record, "timestamp_ms", where),
            sender=self._sender(path, record, "sender_name", where),
            text=_text(record.get("content")),
            media=any(record.get(key) for key in _OLD_MEDIA),
        )

    def _newer(self, path: Path, record: Mapping[str, Any], where: str) -> ChatMessage | None:
        if record.get("isUnsent"):
            return None
        return ChatMessage(
            at=self._at(path, record, "timestamp", where),
            sender=self._sender(path, record, "senderName", where),
            text=_text(record.get("text")),
            media=bool(record.get("media")),
        )

    def _at(self, path: Path, record: Mapping[str, Any], key: str, where: str) -> datetime:
        if key not in record:
            raise invalid(
                path,
                messages.ERR_FIELD_MISSING.format(field=key, label=self.label),
                field=where,
            )
        return from_epoch_ms(path, record[key], field=f"{where}.{key}")

    def _sender(self, path: Path, record: Mapping[str, Any], key: str, where: str) -> str:
        value = record.get(key)
        if isinstance(value, str) and value:
            return repair_mojibake(value)
        # Meta leaves the name out for an account that was deleted since.
        if key not in record or value in ("", None):
            return messages.SENDER_UNKNOWN
        raise invalid(
            path,
            messages.ERR_FIELD_WRONG.format(field=key, value=shown(value), expected="a name"),
            field=f"{where}.{key}",
        )


def conversation_files(path: Path) -> list[Path]:
    """The files of the conversation ``path`` belongs to, oldest first.

    For ``message_<n>.json``, every ``message_<k>.json`` in its folder, highest number
    first; any other file is a conversation of its own.
    """
    given = _PART.fullmatch(path.name)
    if given is None:
        return [path]
    numbered = {int(given[1]): path}
    try:
        beside = list(path.parent.iterdir())
    except OSError:
        beside = []  # the given file's own error says what is wrong
    for other in beside:
        found = _PART.fullmatch(other.name)
        if found is not None and other.is_file():
            numbered.setdefault(int(found[1]), other)
    return [numbered[number] for number in sorted(numbered, reverse=True)]


def _text(value: Any) -> str:
    return repair_mojibake(value) if isinstance(value, str) else ""
