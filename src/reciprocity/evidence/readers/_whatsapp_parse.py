"""The WhatsApp reader's inner loop: lines in, messages out, with as little work per line as it can.

Kept apart from the file handling so the hot path reads in one screen. Each line
is tried against the file's own tight pattern first; a line that fails it but
could be a header (it starts with a digit, "[" or a mark) gets the loose pattern
too, so a file that changes shape part way is still read. Dates are read once
per distinct date text; everything else is a few dictionary lookups.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Final

from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers._local_dates import PM_OFFSET, DateOrder, split_date, to_ymd

__all__ = ["LineReadError", "messages_of"]

_FAILURES: Final = (UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError)


class LineReadError(Exception):
    """Reading the lines failed at ``line``; the cause is the original error."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


# Media placeholders: Android writes a whole-line one, iOS "<kind> omitted" or
# "<attached: file>" after an invisible U+200E mark; with media included, Android
# writes "IMG-....jpg (file attached)".
MEDIA_LINES: Final = frozenset(
    {
        "<Media omitted>",
        "<Medien ausgeschlossen>",
        "<Multimedia omitido>",
        "<Multimedia omitidos>",
        "<Médias omis>",
        "<Mídia oculta>",
        "<Media omessi>",
        "<Media weggelaten>",
        "<メディアなし>",
        "<تم استبعاد الوسائط>",
        "<Медиафайл отсутствует>",
    }
)
MEDIA_SUFFIXES: Final = (
    " omitted",
    " weggelassen",
    " omitida",
    " omitido",
    " omis",
    " omise",
    " ocultada",
    " ocultado",
    " omesso",
    " omessa",
    "(file attached)",
    "(Datei angehängt)",
    "(archivo adjunto)",
    "(fichier joint)",
    "(arquivo anexado)",
    "省略されました",
)
MEDIA_PREFIXES: Final = (
    "<attached:",
    "<Anhang:",
    "<adjunto:",
    "<anexado:",
    "<pièce jointe",
    "<allegato:",
    "Location: ",
    "Standort: ",
    "Ubicación: ",
)
# What Android writes in a sender's name where no words of theirs are (English exports;
# iOS marks its own with U+200E instead): a deleted message is no message, a view-once
# photo ("null") is media, a message that never arrived has no text to read.
ANDROID_NOTICES: Final = {
    "This message was deleted": None,
    "You deleted this message": None,
    "null": "media",
    "Waiting for this message": "",
    "Waiting for this message. This may take a while.": "",
}
_ANDROID_EDITED: Final = " <This message was edited>"
_GENERATED: Final = "\u200e"  # iOS marks text WhatsApp wrote itself with U+200E
_EDITED: Final = "\u200e<"  # "text ‎<This message was edited>"
# Marks around names: bidi isolates around phone numbers, "~" before a group member
# who is not a contact, the spaces WhatsApp puts around them.
_NAME_MARKS: Final = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069~ \u00a0\u202f"
_QUOTES: Final = re.compile('["\u201c\u201e\u00ab]')
_MAY_BE_HEADER: Final = frozenset("0123456789[\u200e\u200f")
_NAMES_LIMIT: Final = 10_000
_UNSEEN: Final = (0, 0, 0)  # a sentinel: no real date is all zeros
_TWO_DIGITS: Final = {f"{n:02d}": n for n in range(100)} | {str(n): n for n in range(10)}


_DATES_LIMIT: Final = 4096  # distinct dates remembered: years of a chat, a few hundred KB


def _read_date(
    text: str, order: DateOrder, dates: dict[str, tuple[int, int, int] | None]
) -> tuple[int, int, int] | None:
    """Year, month and day of a date text, remembered: a chat has a few messages per day."""
    if len(dates) >= _DATES_LIMIT:
        dates.clear()
    fields = split_date(text)
    ymd = dates[text] = to_ymd(fields, order) if fields is not None else None
    return ymd


# A ChatMessage is a named tuple; building it straight from a tuple skips the
# keyword handling of its constructor, which matters at a million messages.
_new = tuple.__new__


def _message(at: datetime, sender: str, text: str, media: bool, line: int) -> ChatMessage:
    return _new(ChatMessage, (at, sender, text, media, None, line))


def messages_of(  # noqa: PLR0912, PLR0915 - one loop, inlined on purpose: it runs per line
    lines: Iterable[str],
    start: int,
    tight: re.Pattern[str],
    loose: re.Pattern[str],
    order: DateOrder,
) -> Iterator[ChatMessage]:
    """The messages in ``lines``, whose first is line ``start`` of the file and a header.

    Args:
        lines: The file's lines from its first header on, line ends included.
        start: The number of the first of them in the file.
        tight: The pattern of this file's headers (``tight_pattern``).
        loose: The loose pattern of its layout, for a header the tight one misses.
        order: The date order of the file.

    Raises:
        LineReadError: Reading the lines failed (bad bytes, a damaged zip), at its line.
    """
    match, match_loose = tight.match, loose.match
    dates: dict[str, tuple[int, int, int] | None] = {}
    names: dict[str, str] = {}
    two = _TWO_DIGITS
    pm_offset = PM_OFFSET
    may_be_header = _MAY_BE_HEADER
    notices = ANDROID_NOTICES
    new = _new
    # The message being read: it is given out when the next header comes.
    at: datetime | None = None
    sender = text = ""
    media = False
    first = number = start
    more: list[str] = []
    try:
        for number, line in enumerate(lines, start):
            found = match(line)
            if found is None and line[:1] in may_be_header:
                found = match_loose(line)
            if found is None:
                more.append(line.rstrip("\r\n"))  # the message goes on over this line
                continue
            date, before, hours, minutes, seconds, after, body = found.groups()
            try:
                hour = two[hours]
                marker = before or after
                if marker:
                    offset = pm_offset.get(marker)
                    if offset is None:
                        offset = pm_offset[marker.lower()]
                    hour = hour % 12 + offset if 0 < hour <= 12 else 99
                # An impossible date or time makes this a line of the message, not a header.
                ymd = dates.get(date, _UNSEEN)
                if ymd is _UNSEEN:
                    ymd = _read_date(date, order, dates)
                when = datetime(*ymd, hour, two[minutes], two[seconds] if seconds else 0)  # type: ignore[misc, call-arg]
            except (TypeError, KeyError, ValueError):
                more.append(line.rstrip("\r\n"))
                continue
            if at is not None:
                if more:
                    text = _joined(text, more)
                yield new(ChatMessage, (at, sender, text, media, None, first))
            if more:
                more = []
            first = number
            raw, colon, text = body.partition(": ")
            sender = names.get(raw, "") if colon else ""
            if (
                sender
                and text[:1] not in "\u200e<"
                and text[-1:] not in ")d>"
                and text not in notices
            ):
                at, media = when, False  # the common case, inline
            else:
                at, sender, text, media = _entry(when, body, names)
    except _FAILURES as error:
        raise LineReadError(number + 1) from error
    if at is not None:
        if more:
            text = _joined(text, more)
        yield _message(at, sender, text, media, first)


def _joined(text: str, more: list[str]) -> str:
    """A multi-line message's text; iOS marks an edit at the end of its last line."""
    last = more[-1]
    if last.endswith(">"):
        more[-1] = _unedited(last)
    return "\n".join([text, *more])


def _unedited(text: str) -> str:
    """The text without the mark of an edit at its end (iOS's, or Android's in English)."""
    if _EDITED in text:
        return text[: text.rindex(_EDITED)].rstrip()
    if text.endswith(_ANDROID_EDITED):
        return text[: -len(_ANDROID_EDITED)].rstrip()
    return text


def _entry(
    when: datetime, body: str, names: dict[str, str]
) -> tuple[datetime | None, str, str, bool]:
    """Time, sender, first line of text and media flag of a header; no time for a system line."""
    raw, colon, text = body.partition(": ")
    if not colon:
        return None, "", "", False  # "Sam joined", "Messages ... encrypted", ...
    sender = names.get(raw)
    if sender is None:
        if _QUOTES.search(raw):  # "Sam changed the subject from "Trip" to "Trip: Spain""
            return None, "", "", False
        if len(names) >= _NAMES_LIMIT:
            names.clear()
        sender = raw.strip(_NAME_MARKS)
        if not sender:
            return None, "", "", False  # ": text" names nobody; WhatsApp does not write it
        names[raw] = sender
    if text[:1] in "\u200e<" or text[-1:] in ")d>" or text in ANDROID_NOTICES:
        return _special(when, sender, text)
    return when, sender, text, False


def _special(when: datetime, sender: str, text: str) -> tuple[datetime | None, str, str, bool]:
    """The rarer bodies: media, edited messages and the notices iOS writes as the chat's."""
    generated = text.startswith(_GENERATED)
    if generated:
        text = text.lstrip("\u200e\u200f")
    if text in MEDIA_LINES or text.endswith(MEDIA_SUFFIXES) or text.startswith(MEDIA_PREFIXES):
        return when, sender, "", True
    if generated:
        # iOS writes its notices as if the chat had sent them ("Sam: ‎Messages and calls
        # are end-to-end encrypted", "‎This message was deleted"): nobody wrote them.
        return None, "", "", False
    if text in ANDROID_NOTICES:
        kind = ANDROID_NOTICES[text]
        if kind is None:
            return None, "", "", False
        return when, sender, "", kind == "media"
    if text.endswith(">"):
        text = _unedited(text)
    return when, sender, text, False
