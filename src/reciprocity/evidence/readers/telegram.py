"""Telegram Desktop's JSON export (``result.json``): one chat, or a whole account."""

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
    parsed_date,
    shown,
)
from reciprocity.evidence.readers._json_stream import JsonStream

__all__ = ["TelegramReader"]

# One chat exported from its menu keeps its messages at the top; "Export Telegram data"
# keeps every chat under chats.list (and the ones left behind under left_chats.list).
_ONE_CHAT = "messages.item"
_ACCOUNT_CHATS = ("chats.list.item", "left_chats.list.item")
_MESSAGE_PATHS = frozenset({_ONE_CHAT, *(f"{chat}.messages.item" for chat in _ACCOUNT_CHATS)})
_NAME_PATHS = frozenset(f"{chat}.name" for chat in _ACCOUNT_CHATS)
# Fields that mean something other than words was sent; their value is a path or a kind.
_MEDIA_FIELDS = (
    "photo",
    "file",
    "media_type",
    "sticker_emoji",
    "location_information",
    "contact_information",
    "poll",
)


class TelegramReader:
    """Telegram Desktop's "Export chat history" / "Export Telegram data" in JSON."""

    name = "telegram"
    label = messages.LABEL_TELEGRAM

    def sniff(self, path: Path, head: bytes) -> bool:
        """A JSON object whose first keys are Telegram's (``"type":"personal_chat"``...)."""
        keys = head_json_keys(head)
        if keys is None:
            return False
        # Exports before 2022 have no date_unixtime; their messages still open with an id.
        one_chat = '"type":"' in keys and (
            '"messages":[{"id":' in keys or '"date_unixtime":' in keys
        )
        account = '"personal_information":{' in keys or ('"chats":{' in keys and '"list":[' in keys)
        # Discord and Messenger also have "messages"; their telltale keys rule them out.
        foreign = '"guild":' in keys or '"participants":' in keys
        return (one_chat or account) and not foreign

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message of every chat in file order; service lines are skipped.

        Raises:
            InvalidFileError: The JSON is broken or a message lacks its date.
        """
        stream = JsonStream(path, items=_MESSAGE_PATHS, watch=_NAME_PATHS, label=self.label)
        chat: str | None = None
        for item in stream:
            if item.prefix in _NAME_PATHS:
                chat = item.value if isinstance(item.value, str) else None
                continue
            message = self._message(path, item.value, item.where)
            if message is not None:
                in_account = item.prefix != _ONE_CHAT
                yield message._replace(chat=chat) if in_account else message
        if not stream.arrays_seen:
            raise invalid(path, messages.ERR_JSON_NOT_EXPORT.format(label=self.label))

    def _message(self, path: Path, record: Mapping[str, Any], where: str) -> ChatMessage | None:
        # Joins, pins, calls, photo changes: Telegram marks them all "service".
        if record.get("type", "message") != "message":
            return None
        return ChatMessage(
            at=self._when(path, record, where),
            sender=_sender(record),
            text=_text(record.get("text", "")),
            media=any(record.get(field) for field in _MEDIA_FIELDS),
        )

    def _when(self, path: Path, record: Mapping[str, Any], where: str) -> datetime:
        # date_unixtime is the instant; date is the exporting computer's wall clock.
        if "date_unixtime" in record:
            seconds = record["date_unixtime"]
            if isinstance(seconds, str) and seconds.isdigit():
                return from_epoch_ms(path, int(seconds) * 1000, field=f"{where}.date_unixtime")
            raise invalid(
                path,
                messages.ERR_FIELD_WRONG.format(
                    field="date_unixtime", value=shown(seconds), expected="seconds since 1970"
                ),
                field=f"{where}.date_unixtime",
            )
        wall = record.get("date")
        if wall is None:
            raise invalid(
                path,
                messages.ERR_FIELD_MISSING.format(field="date", label=self.label),
                field=where,
            )
        return parsed_date(
            path,
            wall,
            lambda value: datetime.fromisoformat(str(value)),
            expected="2024-01-12T09:15:00",
            field=f"{where}.date",
        )


def _sender(record: Mapping[str, Any]) -> str:
    # A deleted account has "from": null but keeps its from_id (user123...).
    for key in ("from", "actor", "from_id"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    return messages.SENDER_UNKNOWN


def _text(value: Any) -> str:
    """The words of a message: a string, or a list of strings and formatted pieces."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(_text_piece(piece) for piece in value)
    return ""


def _text_piece(piece: Any) -> str:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, dict):
        text = piece.get("text", "")
        return text if isinstance(text, str) else ""
    return ""
