"""The Messages database of a Mac (``~/Library/Messages/chat.db``), opened read-only.

The file is opened through an SQLite URI with ``mode=ro`` and ``immutable=1``: SQLite
then takes no lock, writes nothing (not even a ``-wal`` or ``-shm`` file) and leaves
the person's database exactly as it was. ``immutable`` also means it does not read
``chat.db-wal``, so messages Messages has not yet moved into the main file are not
seen; quitting Messages first (or copying the three files) avoids that.

Times are counted from 2001-01-01 UTC, in nanoseconds since macOS 10.13 and in
seconds before. Tapbacks (``associated_message_type``) and group events
(``item_type``: renames, people added) are skipped. Since macOS 13 the ``text``
column is often NULL and the words live only in ``attributedBody``, an
NSAttributedString archived as an NSArchiver *typedstream*; see
``attributed_body_text`` for how much of that format is read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reciprocity import messages
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._common import invalid

__all__ = ["IMessageReader", "attributed_body_text"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_TABLES = ("message", "handle", "chat", "chat_message_join")
_APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
# A date this large cannot be seconds (it would be past the year 5000): nanoseconds.
_NANOSECOND_DATES = 100_000_000_000
# Where an attachment sat in the text, Messages leaves U+FFFC OBJECT REPLACEMENT CHARACTER.
_ATTACHMENT_MARK = "\ufffc"
# In a typedstream, "+" is the type of the raw bytes an NSString archives itself as;
# 0x84 introduces a new type string and 0x01 is its length.
_STRING_BYTES = b"\x84\x01+"
_INT16, _INT32 = 0x81, 0x82


def attributed_body_text(blob: bytes) -> str | None:
    """The plain text inside an archived NSAttributedString, or None if it is not found.

    An NSAttributedString archives, in order: its class chain, then the NSString it
    holds (class ``NSString`` or ``NSMutableString``), whose contents are written as
    the type ``+`` followed by a length and that many UTF-8 bytes; then the
    attribute runs, which we ignore. So we find the first ``NSString`` class name,
    the first ``+`` type after it, and read the typedstream integer that follows:
    one byte below 0x80, or 0x81 and two little-endian bytes, or 0x82 and four.
    That is all of the format we need; anything else makes the answer None.
    """
    start = blob.find(b"NSString")
    if start < 0:
        return None
    marker = blob.find(_STRING_BYTES, start)
    if marker < 0:
        return None
    sized = _typedstream_int(blob, marker + len(_STRING_BYTES))
    if sized is None or sized[1] + sized[0] > len(blob):
        return None
    size, at = sized
    try:
        return blob[at : at + size].decode("utf-8")
    except UnicodeDecodeError:
        return None


def _typedstream_int(blob: bytes, at: int) -> tuple[int, int] | None:
    """The non-negative integer at ``at`` and where its end is, or None."""
    if at >= len(blob):
        return None
    tag = blob[at]
    if tag == _INT16 and at + 3 <= len(blob):
        return int.from_bytes(blob[at + 1 : at + 3], "little"), at + 3
    if tag == _INT32 and at + 5 <= len(blob):
        return int.from_bytes(blob[at + 1 : at + 5], "little"), at + 5
    if tag < 0x80:
        return tag, at + 1
    return None


def apple_time(value: int) -> datetime:
    """A Messages date (seconds or nanoseconds since 2001-01-01 UTC) as an aware datetime."""
    if abs(value) >= _NANOSECOND_DATES:
        return _APPLE_EPOCH + timedelta(microseconds=value // 1000)
    return _APPLE_EPOCH + timedelta(seconds=value)


class IMessageReader:
    """macOS Messages' ``chat.db``: iMessage and SMS relayed through the iPhone."""

    name = "imessage"
    label = messages.LABEL_IMESSAGE

    def sniff(self, path: Path, head: bytes) -> bool:
        """An SQLite file holding Messages' tables (other SQLite files are not ours)."""
        if not head.startswith(_SQLITE_MAGIC):
            return False
        try:
            # closing(): a Connection used as a context manager commits but stays open.
            with closing(_connect(path)) as connection:
                return not _missing_tables(connection)
        except sqlite3.Error:
            return False

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message, oldest first (by when it was sent); the person's own are from "me".

        Raises:
            InvalidFileError: The file is not a readable Messages database.
        """
        try:
            connection = _connect(path)
        except sqlite3.Error as error:
            raise invalid(path, messages.ERR_DATABASE_UNREADABLE.format(detail=error)) from None
        try:
            missing = _missing_tables(connection)
            if missing:
                raise invalid(path, messages.ERR_DATABASE_NOT_MESSAGES.format(table=missing[0]))
            rows = connection.execute(_query(connection))
            for row in rows:
                message = _message(row)
                if message is not None:
                    yield message
        except sqlite3.Error as error:
            raise invalid(path, messages.ERR_DATABASE_UNREADABLE.format(detail=error)) from None
        finally:
            connection.close()


def _connect(path: Path) -> sqlite3.Connection:
    # as_uri percent-escapes the path, so names with "?" or "#" stay names.
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _missing_tables(connection: sqlite3.Connection) -> list[str]:
    found = {
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    return [table for table in _TABLES if table not in found]


def _query(connection: sqlite3.Connection) -> str:
    columns = {row[1] for row in connection.execute("PRAGMA table_info(message)")}
    # Older databases lack some columns; a filter on a column that is not there is moot.
    kept = [
        f"m.{column} = 0"
        for column in ("associated_message_type", "item_type")
        if column in columns
    ]
    body = "m.attributedBody" if "attributedBody" in columns else "NULL"
    attached = "m.cache_has_attachments" if "cache_has_attachments" in columns else "0"
    where = f"WHERE {' AND '.join(kept)}" if kept else ""
    # A message sits in one chat; the subquery keeps a rare second join from doubling it.
    # Oldest first by the time sent, not by ROWID: messages that arrive later (synced
    # from iCloud, restored from a backup) get new rows whatever their date. Dates are
    # compared in nanoseconds, as apple_time reads them, whichever unit a row is in.
    return f"""
        SELECT m.text, {body}, m.date, m.is_from_me, h.id,
               (SELECT c.chat_identifier FROM chat_message_join AS j
                JOIN chat AS c ON c.ROWID = j.chat_id
                WHERE j.message_id = m.ROWID ORDER BY j.chat_id LIMIT 1),
               {attached}
        FROM message AS m LEFT JOIN handle AS h ON h.ROWID = m.handle_id
        {where}
        ORDER BY CASE WHEN abs(m.date) >= {_NANOSECOND_DATES} THEN m.date
                      ELSE m.date * 1000000000 END,
                 m.ROWID
    """


def _message(row: tuple[object, ...]) -> ChatMessage | None:
    text, body, date, mine, handle, chat, attached = row
    if not isinstance(text, str) or not text:
        text = attributed_body_text(body) if isinstance(body, bytes) else None
    words = (text or "").replace(_ATTACHMENT_MARK, "").strip()
    media = bool(attached) or _ATTACHMENT_MARK in (text or "")
    # Nothing to show: an edit trace, a retracted message, a blob we cannot read.
    if (not words and not media) or not isinstance(date, int):
        return None
    if mine:
        sender = messages.SENDER_ME
    else:
        sender = handle if isinstance(handle, str) and handle else messages.SENDER_UNKNOWN
    return ChatMessage(
        at=apple_time(date),
        sender=sender,
        text=words,
        media=media,
        chat=chat if isinstance(chat, str) else None,
    )
