"""DiscordChatExporter's JSON and CSV exports of one Discord channel or direct message."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import (
    head_json_keys,
    head_text,
    invalid,
    open_export_text,
    parsed_date,
)
from reciprocity.evidence.readers._json_stream import JsonStream

__all__ = ["DiscordCsvReader", "DiscordJsonReader"]

# Discord's message types that are people writing; the rest (joins, pins, calls,
# boosts, renames) are the channel talking about itself.
# How DiscordChatExporter writes a moment, quoted when a date cannot be read.
_DATE_FORM = "2024-01-12T09:15:00.000+00:00"
_SPOKEN_TYPES = frozenset({"Default", "Reply", "ThreadStarterMessage"})
CSV_HEADER = ("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions")
# Older DiscordChatExporter versions wrote the CSV date in its default display format.
_OLD_CSV_DATES = ("%d-%b-%y %I:%M %p", "%m/%d/%Y %I:%M %p")


def parse_discord_date(value: str) -> datetime:
    """An exported timestamp: ISO 8601 with offset (JSON, newer CSV) or the old display form.

    Raises:
        ValueError: The text is neither.
    """
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    for layout in _OLD_CSV_DATES:
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            continue
    raise ValueError(value)


class DiscordJsonReader:
    """DiscordChatExporter's JSON: ``{guild, channel, messages: [...]}``, streamed."""

    name = "discord"
    label = messages.LABEL_DISCORD_JSON

    def sniff(self, path: Path, head: bytes) -> bool:
        """A JSON object that opens with a ``guild`` and a ``channel``."""
        keys = head_json_keys(head)
        return keys is not None and '"guild":{' in keys and '"channel":{' in keys

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message people wrote, in file order; joins, pins and calls are skipped.

        Raises:
            InvalidFileError: The JSON is broken or a message lacks its time or author.
        """
        stream = JsonStream(path, items=("messages.item",), label=self.label)
        for item in stream:
            message = self._message(path, item.value, item.where)
            if message is not None:
                yield message
        if not stream.arrays_seen:
            raise invalid(path, messages.ERR_JSON_NOT_EXPORT.format(label=self.label))

    def _message(self, path: Path, record: Mapping[str, Any], where: str) -> ChatMessage | None:
        kind = record.get("type", "Default")
        if not isinstance(kind, str) or kind not in _SPOKEN_TYPES:
            return None
        at = parsed_date(
            path,
            record.get("timestamp"),
            lambda stamp: parse_discord_date(stamp) if isinstance(stamp, str) else None,
            expected=_DATE_FORM,
            field=f"{where}.timestamp",
        )
        content = record.get("content", "")
        return ChatMessage(
            at=at,
            sender=self._author(path, record.get("author"), where),
            text=content if isinstance(content, str) else "",
            media=bool(record.get("attachments")) or bool(record.get("stickers")),
        )

    def _author(self, path: Path, author: Any, where: str) -> str:
        # The nickname is the name people know each other by in that server;
        # DiscordChatExporter writes the same one on every message.
        if isinstance(author, Mapping):
            for key in ("nickname", "name"):
                value = author.get(key)
                if isinstance(value, str) and value:
                    return value
        raise invalid(
            path,
            messages.ERR_FIELD_MISSING.format(field="author name", label=self.label),
            field=f"{where}.author",
        )


class DiscordCsvReader:
    """DiscordChatExporter's CSV: ``AuthorID,Author,Date,Content,Attachments,Reactions``."""

    name = "discord-csv"
    label = messages.LABEL_DISCORD_CSV

    def sniff(self, path: Path, head: bytes) -> bool:
        """The first line is DiscordChatExporter's header, quoted or not."""
        first = head_text(head).split("\n", 1)[0].strip()
        return tuple(cell.strip('"') for cell in first.split(",")) == CSV_HEADER

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every row as a message; a row with attachments counts as media.

        Raises:
            InvalidFileError: The header, a row's columns or its date are not the format's.
        """
        with open_export_text(path, newline="") as handle:
            rows = csv.reader(handle, strict=True)
            try:
                yield from self._rows(path, rows)
            except csv.Error as error:
                raise invalid(
                    path, messages.ERR_CSV_BROKEN.format(detail=error), line=rows.line_num
                ) from None
            except UnicodeDecodeError:
                raise invalid(path, messages.ERR_EXPORT_NOT_UTF8, line=rows.line_num + 1) from None

    def _rows(self, path: Path, rows: Any) -> Iterator[ChatMessage]:
        header = next(rows, None)
        if header is None or tuple(header) != CSV_HEADER:
            raise invalid(
                path,
                messages.ERR_CSV_HEADER.format(
                    expected=",".join(CSV_HEADER), found=",".join(header or ())
                ),
                line=1,
            )
        ended = rows.line_num
        for row in rows:
            # Content may span lines: a row starts just after the previous one ended.
            line, ended = ended + 1, rows.line_num
            if not row:
                continue
            if len(row) != len(CSV_HEADER):
                raise invalid(
                    path,
                    messages.ERR_CSV_COLUMNS.format(found=len(row), expected=len(CSV_HEADER)),
                    line=line,
                )
            _, author, date, content, attachments, _ = row
            at = parsed_date(
                path, date, parse_discord_date, expected=_DATE_FORM, line=line, field="Date"
            )
            yield ChatMessage(
                at=at,
                sender=author,
                text=content,
                media=bool(attachments.strip()),
                line=line,
            )
