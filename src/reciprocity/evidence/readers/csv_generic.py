"""The CSV reader: any table of messages with a timestamp, a sender and a text column.

The first row names the columns. Without a mapping the reader finds them by
their usual names (``timestamp``/``date``/``time``, ``sender``/``from``/``author``/
``name``, ``text``/``message``/``body``/``content``, in any case); a
``CsvColumns`` mapping names them for anything else. Commas, semicolons and
tabs are recognised as separators from the header row. Timestamps are ISO 8601
(naive without an offset, aware with one) or Unix seconds (aware, UTC). The rows
are given oldest first, whatever order the file has them in.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from reciprocity import messages
from reciprocity.errors import InvalidFileError, Problem
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._order import oldest_first
from reciprocity.evidence.readers._text import first_undecodable_line, not_utf8, unreadable

__all__ = ["CsvColumns", "CsvReader", "parse_timestamp"]

ROLES: Final = ("timestamp", "sender", "text")
# The header names each role answers to without a mapping, most specific first.
USUAL_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "timestamp": ("timestamp", "datetime", "date_time", "sent_at", "date", "time"),
    "sender": ("sender", "from", "author", "name"),
    "text": ("text", "message", "body", "content"),
}
_DELIMITERS: Final = (",", ";", "\t")
_LONGEST_NAME: Final = 30
_UNIX_SECONDS: Final = re.compile(r"-?\d+(?:\.\d+)?")
_NOT_CSV: Final = (b"PK\x03\x04", b"{", b"[", b"<", b"\x1f\x8b", b"SQLite format")


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which header names the reader takes each part of a message from.

    A part left as None is found by its usual names. Names are matched ignoring
    case and the spaces around them.

    Attributes:
        timestamp: The column with when the message was sent.
        sender: The column with who sent it.
        text: The column with what was written.
    """

    timestamp: str | None = None
    sender: str | None = None
    text: str | None = None


def parse_timestamp(value: str) -> datetime | None:
    """The moment ``value`` names: ISO 8601 or Unix seconds; None if it is neither.

    An all-digit value is read as Unix seconds (so ``20240112`` is a moment in
    1970, not a date): CSV exports that write numbers mean epoch seconds.
    """
    text = value.strip()
    if _UNIX_SECONDS.fullmatch(text):
        try:
            return datetime.fromtimestamp(float(text), tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


class CsvReader:
    """A CSV file of messages, one per row, with a header row."""

    name = "csv"
    label = messages.LABEL_CSV

    def __init__(self, columns: CsvColumns | None = None) -> None:
        """Read with ``columns`` naming the columns; by default, find them by name."""
        self.columns = columns or CsvColumns()

    def sniff(self, path: Path, head: bytes) -> bool:
        """Whether the first line is a header naming a timestamp, a sender and a text column."""
        if head.startswith(_NOT_CSV):
            return False
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
        first = text.split("\n", 1)[0].rstrip("\r")
        if not first.strip():
            return False
        header = _header(first)
        return header is not None and None not in self._columns(header).values()

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every row as a message, oldest first.

        A table made by any tool may be sorted newest first, or by sender, so the whole
        file is read before the first message is given, and sorted by time (a file
        written newest first is turned round as a whole, so rows with the same time
        stay in the order they were sent). Memory grows with the file's rows.

        Raises:
            InvalidFileError: The header lacks a column, or a row is short, has a bad
                timestamp or no sender; the error names the file, the line and the column.
        """
        try:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                held = list(self._rows(stream, str(path)))
        except UnicodeDecodeError:
            with path.open("rb") as raw:
                line = first_undecodable_line(raw) or 1
            raise not_utf8(path, line) from None
        except OSError as error:
            raise unreadable(path, error) from None
        yield from oldest_first(held)

    def _rows(self, stream: Iterator[str], file: str) -> Iterator[ChatMessage]:
        first = next(stream, None)
        if first is None or not first.strip():
            raise InvalidFileError([Problem(messages.ERR_CSV_EMPTY, line=1)], file=file)
        delimiter = _delimiter(first)
        header = _header(first)
        if header is None:
            detail = messages.ERR_CSV_UNREADABLE_LINE.format(detail="in the header")
            raise InvalidFileError([Problem(detail, line=1)], file=file)
        found = self._columns(header)
        indexes: list[int] = []
        for role, index in found.items():
            if index is None:
                raise InvalidFileError([self._missing(role, header)], file=file)
            indexes.append(index)
        at, sender, text = indexes
        columns = _Columns(at, sender, text, [header[i].strip() for i in indexes], len(header))
        rows = csv.reader(stream, delimiter=delimiter)
        end = 1  # the header's line; csv counts the lines a quoted field spans
        try:
            for row in rows:
                start, end = end + 1, rows.line_num + 1
                if row and row != [""]:
                    yield _message(row, start, columns, file)
        except csv.Error as error:
            detail = messages.ERR_CSV_UNREADABLE_LINE.format(detail=error)
            raise InvalidFileError([Problem(detail, line=rows.line_num + 1)], file=file) from None

    def unnamed_columns(self, head: bytes) -> tuple[list[str], list[str]] | None:
        """For a table whose header lacks a part: its column names and the parts missing.

        None when the first line is not a header of three or more columns (no
        table), or when it names all three parts.
        """
        if head.startswith(_NOT_CSV):
            return None
        first = head.decode("utf-8", errors="ignore").lstrip("\ufeff").split("\n", 1)[0]
        header = _header(first.rstrip("\r"))
        if header is None or len(header) < len(ROLES) or not all(map(_a_name, header)):
            return None
        missing = [role for role, index in self._columns(header).items() if index is None]
        return ([name.strip() for name in header], missing) if missing else None

    def _columns(self, header: list[str]) -> dict[str, int | None]:
        """Each role's column index, None where the header has none for it."""
        folded = [name.strip().lower() for name in header]
        found: dict[str, int | None] = {}
        for role in ROLES:
            wanted = getattr(self.columns, role)
            names = (wanted.strip().lower(),) if wanted is not None else USUAL_NAMES[role]
            usual = next((name for name in names if name in folded), None)
            found[role] = folded.index(usual) if usual is not None else None
        return found

    def _missing(self, role: str, header: list[str]) -> Problem:
        columns = ", ".join(repr(name.strip()) for name in header)
        wanted = getattr(self.columns, role)
        if wanted is not None:
            message = messages.ERR_CSV_UNKNOWN_COLUMN.format(name=wanted, columns=columns)
        else:
            message = messages.ERR_CSV_MISSING_COLUMN.format(role=role, columns=columns)
        return Problem(message, field=role, line=1)


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where a file keeps each part of a message, and how wide its header is."""

    at: int
    sender: int
    text: int
    names: list[str]
    width: int


def _a_name(cell: str) -> bool:
    """Whether a cell of a first row reads as a column's name, not as prose or a value."""
    name = cell.strip()
    return (
        0 < len(name) <= _LONGEST_NAME
        and len(name.split()) <= 3
        and (parse_timestamp(name) is None)
    )


def _header(first: str) -> list[str] | None:
    """The column names of the first line; None if it cannot be a header row."""
    try:
        return next(csv.reader([first.rstrip("\r\n")], delimiter=_delimiter(first)), [])
    except csv.Error:
        return None


def _delimiter(header: str) -> str:
    """The separator the header row uses the most (a comma when it has none)."""
    return max(_DELIMITERS, key=header.count)


def _message(row: list[str], line: int, columns: _Columns, file: str) -> ChatMessage:
    if len(row) <= max(columns.at, columns.sender, columns.text):
        message = messages.ERR_CSV_SHORT_ROW.format(found=len(row), expected=columns.width)
        raise InvalidFileError([Problem(message, line=line)], file=file)
    at = parse_timestamp(row[columns.at])
    if at is None:
        message = messages.ERR_CSV_BAD_TIMESTAMP.format(value=row[columns.at])
        raise InvalidFileError([Problem(message, field=columns.names[0], line=line)], file=file)
    sender = row[columns.sender].strip()
    if not sender:
        problem = Problem(messages.ERR_CSV_EMPTY_SENDER, field=columns.names[1], line=line)
        raise InvalidFileError([problem], file=file)
    return ChatMessage(at, sender, row[columns.text], False, None, line)
