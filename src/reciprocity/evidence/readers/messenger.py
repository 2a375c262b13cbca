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

Both are read as a stream, per message, so either layout (or a mix) is accepted.
Meta writes UTF-8 bytes as latin-1 escapes in the older layout; every string is repaired.
"""

from __future__ import annotations

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

__all__ = ["MessengerReader"]

# Older layout: which keys carry something other than words.
_OLD_MEDIA = ("photos", "videos", "audio_files", "files", "gifs", "sticker", "share")
# Older layout: the thread talking about itself (calls, people added or leaving).
_OLD_SYSTEM_TYPES = frozenset({"Call", "Subscribe", "Unsubscribe"})


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
        """Every message in file order (Meta writes the newest first); unsent ones skipped.

        Raises:
            InvalidFileError: The JSON is broken or a message lacks its sender or time.
        """
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


def _text(value: Any) -> str:
    return repair_mojibake(value) if isinstance(value, str) else ""
