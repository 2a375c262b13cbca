"""The WhatsApp reader: chat exports from Android and iOS, as .txt or the .zip the app makes.

The file is read as a stream, line by line, in constant memory; a zip is read
member by member without extracting anything to disk. The date order (d/m/y,
m/d/y, y-m-d) is not written in the file, so it is inferred: a first look at the
head (up to ``HEAD_LINES`` lines, kept in memory and then parsed) usually finds a
date that settles it (a first field above 12 is a day, a second field above 12
is a day, a four-digit first field is a year). Only when the head settles
nothing does the reader scan on through the dates alone and then read the file
a second time; see docs/evidence.md.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Final, TypeVar

from reciprocity import messages
from reciprocity.errors import InvalidFileError, Problem
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._local_dates import (
    DateOrder,
    OrderFinder,
    default_order,
    split_date,
)
from reciprocity.evidence.readers._text import first_undecodable_line, not_utf8, unreadable
from reciprocity.evidence.readers._whatsapp_layout import layout_of, tight_pattern
from reciprocity.evidence.readers._whatsapp_parse import LineReadError, messages_of

__all__ = ["WhatsAppReader"]

_T = TypeVar("_T")

HEAD_LINES: Final = 4096
"""Lines looked at (and held) to settle the date order before parsing starts."""

_ZIP_MAGIC: Final = b"PK\x03\x04"
# The chat inside the zip: _chat.txt (iOS) or "WhatsApp Chat with Sam.txt" (Android,
# in the phone's language: "WhatsApp Chat mit", "Chat de WhatsApp con", ...).
_CHAT_MEMBER: Final = re.compile(r"(?:^|/)(?:_chat\.txt|[^/]*WhatsApp[^/]*\.txt)$", re.IGNORECASE)
_CHAT_MEMBER_BYTES: Final = re.compile(rb"_chat\.txt|WhatsApp[^\x00/]{0,200}?\.txt", re.IGNORECASE)


class WhatsAppReader:
    """WhatsApp chat exports (Android and iOS, any locale the app writes)."""

    name = "whatsapp"
    label = messages.LABEL_WHATSAPP

    def sniff(self, path: Path, head: bytes) -> bool:
        """Whether the file is a chat export: its first line is a WhatsApp header.

        A zip counts when it names a chat text file (read from its first bytes, or
        from its directory when the chat is not the first member).
        """
        if head.startswith(_ZIP_MAGIC):
            if _CHAT_MEMBER_BYTES.search(head):
                return True
            try:
                return _chat_member(path) is not None
            except (OSError, zipfile.BadZipFile, ValueError):
                return False
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
        for line in text.split("\n"):
            if line.strip():
                return layout_of(line) is not None
        return False

    def read(self, path: Path) -> Iterator[ChatMessage]:
        """Every message in the export, in file order; system lines are left out.

        Raises:
            InvalidFileError: The file is not a chat export, is not UTF-8 text, or is
                a zip that is damaged or holds no chat.
        """
        source = _Source(path)
        with source.text() as stream:
            lines = _Counted(stream)
            head = source.guarded(lambda: _survey(lines, path), lines)
            if head.order is not None:
                try:
                    yield from _parse(stream, head, head.order)
                except LineReadError as failure:
                    raise source.failure(failure) from None
                return
            order = source.guarded(lambda: _scan_for_order(lines, head), lines)
        with source.text() as again:
            lines = _Counted(again)
            head = source.guarded(lambda: _survey(lines, path), lines)
            try:
                yield from _parse(again, head, order)
            except LineReadError as failure:
                raise source.failure(failure) from None


class _Counted:
    """A line iterator that knows how many lines it has given, for error locations."""

    def __init__(self, stream: IO[str]) -> None:
        self._lines = iter(stream)
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for self.count, line in enumerate(self._lines, self.count + 1):  # noqa: B020
            yield line


class _Source:
    """The chat text of a .txt or a .zip, which can be opened more than once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.member: str | None = None
        try:
            with path.open("rb") as probe:
                is_zip = probe.read(4) == _ZIP_MAGIC
        except OSError as error:
            raise unreadable(path, error) from None
        if is_zip:
            try:
                self.member = _chat_member(path)
            except (zipfile.BadZipFile, ValueError, OSError) as error:
                raise self._damaged(error, None) from None
            if self.member is None:
                problem = Problem(messages.ERR_WHATSAPP_ZIP_NO_CHAT)
                raise InvalidFileError([problem], file=str(path))

    @contextlib.contextmanager
    def binary(self) -> Iterator[IO[bytes]]:
        """The chat's bytes."""
        if self.member is None:
            with self.path.open("rb") as raw:
                yield raw
            return
        with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as raw:
            yield raw

    @contextlib.contextmanager
    def text(self) -> Iterator[IO[str]]:
        """The chat as text: UTF-8, the BOM dropped, CRLF read as one line end."""
        try:
            with self.binary() as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline=None)
        except (zipfile.BadZipFile, ValueError, zlib.error, EOFError) as error:
            raise self._damaged(error, None) from None
        except OSError as error:
            raise unreadable(self.path, error) from None

    def guarded(self, step: Callable[[], _T], lines: _Counted) -> _T:
        """What ``step`` returns, with failures while reading turned into located errors."""
        try:
            return step()
        except (UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise self._failure(error, lines.count + 1) from None

    def failure(self, failure: LineReadError) -> InvalidFileError:
        """The located error for a failure while reading the lines."""
        cause = failure.__cause__
        assert isinstance(cause, Exception)
        return self._failure(cause, failure.line)

    def _failure(self, error: Exception, reached: int) -> InvalidFileError:
        if isinstance(error, UnicodeDecodeError):
            with self.binary() as raw:
                line = first_undecodable_line(raw)
            return not_utf8(self.path, line or reached)
        return self._damaged(error, reached)

    def _damaged(self, error: Exception, line: int | None) -> InvalidFileError:
        detail = str(error) or type(error).__name__
        problem = Problem(messages.ERR_WHATSAPP_ZIP_DAMAGED.format(detail=detail), line=line)
        return InvalidFileError([problem], file=str(self.path))


def _chat_member(path: Path) -> str | None:
    """The name of the chat text file in the zip at ``path``, if it holds one."""
    with zipfile.ZipFile(path) as archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
    chats = sorted((name for name in names if _CHAT_MEMBER.search(name)), key=len)
    if chats:
        return chats[0]
    texts = [name for name in names if name.lower().endswith(".txt") and "/" not in name]
    return texts[0] if len(texts) == 1 else None


class _Head:
    """What the first look at a file found: its lines so far, first header and date order."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.header: re.Match[str] | None = None
        self.header_line = 0
        self.order: DateOrder | None = None
        self.finder = OrderFinder()


def _survey(lines: Iterable[str], path: Path) -> _Head:
    """Read the head: check it is a chat, and settle the date order if it can.

    The order stays None when the head did not settle it and the file goes on.
    """
    head = _Head()
    loose = None
    for line in lines:
        head.lines.append(line)
        if head.header is None:
            if not line.strip():
                continue
            head.header = layout_of(line)
            if head.header is None:
                problem = Problem(messages.ERR_WHATSAPP_NOT_A_CHAT, line=len(head.lines))
                raise InvalidFileError([problem], file=str(path))
            head.header_line = len(head.lines)
            loose = head.header.re
        found = loose.match(line) if loose is not None else None
        if found is not None and (fields := split_date(found[1])) is not None:
            head.order = head.finder.see(fields)
            if head.order is not None:
                return head
        if len(head.lines) >= HEAD_LINES:
            return head
    if head.header is not None:
        head.order = head.finder.best(_habit(head.header))
    else:
        head.order = DateOrder.DMY  # no header at all: an empty file, no messages
    return head


def _scan_for_order(lines: Iterable[str], head: _Head) -> DateOrder:
    """Read on through the dates alone until one settles the order (the rare slow path)."""
    first = head.header
    assert first is not None  # the order is open only after a header
    loose = first.re
    for line in lines:
        found = loose.match(line)
        if found is None or (fields := split_date(found[1])) is None:
            continue
        order = head.finder.see(fields)
        if order is not None:
            return order
    return head.finder.best(_habit(first))


def _habit(header: re.Match[str]) -> DateOrder:
    """The order the phone's habit suggests, from the file's first header."""
    return default_order(header[1], twelve_hour=bool(header[2] or header[6]))


def _parse(lines: Iterable[str], head: _Head, order: DateOrder) -> Iterator[ChatMessage]:
    """The messages of the file whose head is ``head``, its other lines ``lines``."""
    header = head.header
    if header is None:
        return iter(())
    start = head.header_line
    rest = itertools.chain(head.lines[start - 1 :], lines)
    return messages_of(rest, start, tight_pattern(header), header.re, order)
