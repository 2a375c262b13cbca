"""DiscordChatExporter's JSON and CSV exports of one Discord channel or direct message."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import (
    head_json_keys,
    head_text,
    invalid,
    open_export_text,
    parsed_date,
    shown,
)
from reciprocity.evidence.readers._json_stream import JsonStream
from reciprocity.evidence.readers._local_dates import (
    CLOCK,
    DATE,
    PM_OFFSET,
    SP,
    DateOrder,
    OrderFinder,
    default_order,
    split_date,
    to_ymd,
)

__all__ = ["DiscordCsvReader", "DiscordJsonReader"]

# How DiscordChatExporter writes a moment in JSON, quoted when a date cannot be read.
_DATE_FORM = "2024-01-12T09:15:00.000+00:00"
# Discord's message types that are people writing; the rest (joins, pins, calls,
# boosts, renames) are the channel talking about itself.
_SPOKEN_TYPES = frozenset({"Default", "Reply", "ThreadStarterMessage"})
CSV_HEADER = ("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions")
# The CSV's Date is .NET's general short date and time ("g") in the locale chosen in
# the exporter (its --locale, else the computer's), on the computer's clock (or UTC
# with --utc), no zone written: "1/12/2024 9:15 AM" (en-US), "12/01/2024 09:15"
# (en-GB), "12.01.2024 09:15" (de), "2024-01-12 09:15" (sv), "2024/01/12 9:15" (ja),
# "2024. 1. 12. 오전 9:15" (ko), "2024-01-12 09 h 15" (fr-CA). Groups: 1 the date,
# 2-6 the clock (see CLOCK).
_LOCAL_DATE: Final = re.compile(f"({DATE}){SP}{CLOCK}", re.IGNORECASE)
# Arabic locales mark the writing direction inside the date.
_NO_BIDI_MARKS: Final = str.maketrans("", "", "\u200e\u200f\u061c")
# Discord opened in 2015; a year far from its time is another calendar's.
_DISCORD_YEARS: Final = (2015, 2199)
# Versions before the locale setting wrote their --dateformat, by default this one.
_OLD_CSV_DATE: Final = "%d-%b-%y %I:%M %p"


def parse_discord_date(value: str) -> datetime:
    """A timestamp in ISO 8601, with its offset as the JSON writes it or without one.

    Raises:
        ValueError: The text is not ISO 8601.
    """
    return datetime.fromisoformat(value)


def _local_date(value: str) -> re.Match[str] | None:
    """The date and clock of a CSV Date written in the exporter's locale, if it is one."""
    return _LOCAL_DATE.fullmatch(value.translate(_NO_BIDI_MARKS).strip())


def _clock_time(found: re.Match[str], ymd: tuple[int, int, int]) -> datetime:
    """The moment of a local date on day ``ymd``, read on the 12- or 24-hour clock.

    Raises:
        ValueError: The time does not exist (25:00, 13 PM, 9:75).
    """
    _, before, hours, minutes, seconds, after = found.groups()
    hour = int(hours)
    marker = before or after
    if marker:
        if not 1 <= hour <= 12:
            raise ValueError(hours)
        hour = hour % 12 + PM_OFFSET[marker.lower()]
    return datetime(*ymd, hour, int(minutes), int(seconds or 0))


def _old_csv_date(value: str) -> datetime:
    """A CSV Date in ISO 8601 or the old versions' default form.

    Raises:
        ValueError: It is neither.
    """
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return datetime.strptime(value, _OLD_CSV_DATE)


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

        The Date column does not say whether ``03/04/2024`` is the 3rd of April or
        the 4th of March, so a first look through the dates settles it for the
        file, as for WhatsApp (see ``OrderFinder``): usually within a few rows.

        Raises:
            InvalidFileError: The header, a row's columns or its date are not the format's.
        """
        order = _date_order(path)
        with open_export_text(path, newline="") as handle:
            rows = csv.reader(handle, strict=True)
            try:
                yield from self._rows(path, rows, order)
            except csv.Error as error:
                raise invalid(
                    path, messages.ERR_CSV_BROKEN.format(detail=error), line=rows.line_num
                ) from None
            except UnicodeDecodeError:
                raise invalid(path, messages.ERR_EXPORT_NOT_UTF8, line=rows.line_num + 1) from None

    def _rows(self, path: Path, rows: Any, order: DateOrder) -> Iterator[ChatMessage]:
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
            yield ChatMessage(
                at=_row_date(path, date, order, line),
                sender=author,
                text=content,
                media=bool(attachments.strip()),
                line=line,
            )


def _row_date(path: Path, value: str, order: DateOrder, line: int) -> datetime:
    """The moment in a row's Date, or the error naming the line and what is wrong."""
    expected = messages.DISCORD_CSV_DATES
    found = _local_date(value)
    if found is None:
        return parsed_date(path, value, _old_csv_date, expected=expected, line=line, field="Date")
    fields = split_date(found[1])
    ymd = to_ymd(fields, order) if fields is not None else None
    if ymd is None:
        name = messages.DATE_ORDER_NAMES[order.value]
        message = messages.ERR_DATE_NOT_IN_ORDER.format(value=shown(value), order=name)
        raise invalid(path, message, line=line, field="Date")
    if not _DISCORD_YEARS[0] <= ymd[0] <= _DISCORD_YEARS[1]:
        # Thai (2567), Persian (1402) and Hijri (1445) calendars write other years.
        message = messages.ERR_DATE_NOT_DISCORD_YEAR.format(value=shown(value), year=ymd[0])
        raise invalid(path, message, line=line, field="Date")
    return parsed_date(
        path, value, lambda _: _clock_time(found, ymd), expected=expected, line=line, field="Date"
    )


def _date_order(path: Path) -> DateOrder:
    """The order of the day, month and year in the file's Date column.

    Read ahead through the rows until a date settles it (or the file ends); rows
    that do not fit the format are passed over here and reported by the reading.
    """
    finder = OrderFinder()
    first: re.Match[str] | None = None
    with open_export_text(path, newline="") as handle:
        rows = csv.reader(handle, strict=True)
        try:
            next(rows, None)
            for row in rows:
                if len(row) != len(CSV_HEADER):
                    continue
                found = _local_date(row[2])
                if found is None:
                    break  # ISO or the old form: one export writes one form
                first = first or found
                fields = split_date(found[1])
                if fields is not None and finder.see(fields) is not None:
                    break
        except (csv.Error, UnicodeDecodeError):
            pass
    if first is None:
        return DateOrder.DMY
    return finder.best(default_order(first[1], twelve_hour=bool(first[2] or first[6])))
