"""What the readers share: located errors, timestamps, and the repair of Meta's mojibake."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from reciprocity import messages
from reciprocity.errors import InvalidFileError, Problem

__all__ = [
    "first_json_line",
    "from_epoch_ms",
    "head_json_keys",
    "head_text",
    "invalid",
    "open_export",
    "open_export_text",
    "parsed_date",
    "repair_mojibake",
    "shown",
]

# A millisecond epoch past this is a year beyond 9999: garbage, not a date.
_MAX_EPOCH_MS = 253_402_300_799_999
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# A web page's opening, after any byte order mark and spaces.
_HTML = re.compile(rb"\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes open a web page (an app's HTML export, a viewer's page)."""
    return _HTML.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def shown(value: object) -> str:
    """A value as an error message quotes it: its repr, cut short when long."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def invalid(
    path: Path, message: str, *, line: int | None = None, field: str | None = None
) -> InvalidFileError:
    """The error for a file that claims a format but is broken, located as well as known."""
    return InvalidFileError([Problem(message, field=field, line=line)], file=str(path))


def parsed_date(
    path: Path,
    value: object,
    parse: Callable[[Any], datetime | None],
    *,
    expected: str,
    line: int | None = None,
    field: str | None = None,
) -> datetime:
    """The date ``parse`` reads in ``value``, or the error quoting it and the form expected.

    ``parse`` raises ValueError, or returns None, for a value it cannot read.
    """
    try:
        at = parse(value)
    except ValueError:
        at = None
    if at is None:
        message = messages.ERR_DATE_UNREADABLE.format(value=shown(value), expected=expected)
        raise invalid(path, message, line=line, field=field)
    return at


def open_export(path: Path) -> BinaryIO:
    """The export opened for reading bytes; a file that cannot be opened is refused.

    Raises:
        InvalidFileError: The file is missing, a folder, or not readable.
    """
    try:
        return path.open("rb")
    except OSError as error:
        raise invalid(path, messages.ERR_EXPORT_UNREADABLE.format(detail=error.strerror)) from None


def open_export_text(path: Path, *, newline: str) -> TextIO:
    """The export opened as UTF-8 text (a byte order mark is dropped); see ``open_export``."""
    try:
        return path.open(encoding="utf-8-sig", newline=newline)
    except OSError as error:
        raise invalid(path, messages.ERR_EXPORT_UNREADABLE.format(detail=error.strerror)) from None


def from_epoch_ms(path: Path, value: object, *, field: str, line: int | None = None) -> datetime:
    """A timezone-aware instant from milliseconds since 1970 (int, float or digit string).

    Raises:
        InvalidFileError: The value is not a number of milliseconds in years 1..9999.
    """
    try:
        millis = int(value) if isinstance(value, str) else value
    except ValueError:
        millis = None
    # bool is an int to Python, but never a timestamp in an export.
    if isinstance(millis, bool) or not isinstance(millis, int | float):
        raise invalid(
            path,
            messages.ERR_FIELD_WRONG.format(
                field=field, value=shown(value), expected="a time in milliseconds"
            ),
            line=line,
            field=field,
        )
    if not -62_135_596_800_000 <= millis <= _MAX_EPOCH_MS:
        raise invalid(
            path,
            messages.ERR_FIELD_WRONG.format(
                field=field, value=shown(value), expected="a possible date"
            ),
            line=line,
            field=field,
        )
    # Adding a timedelta stays exact to the millisecond, where dividing by 1000 can drift.
    return _EPOCH + timedelta(milliseconds=millis)


def repair_mojibake(text: str) -> str:
    r"""Undo the Facebook/Instagram export's encoding mistake, leaving good text alone.

    Meta's exports write each UTF-8 byte as its own ``\u00XX`` escape, so "é" arrives
    as "Ã©". Every such character is below U+0100, so the string encodes to latin-1
    and those bytes decode as UTF-8. Text that was never garbled either holds a
    character above U+00FF or does not form valid UTF-8, and is returned unchanged.
    """
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def head_text(head: bytes) -> str:
    """The first bytes as text for sniffing; a byte order mark and a cut character are dropped."""
    return head.decode("utf-8-sig", errors="replace")


def head_json_keys(head: bytes) -> str | None:
    """The opening of a JSON object with whitespace squeezed out, or None if not an object.

    Sniffs look for key names near the start (``"messages":``); squeezing makes
    pretty-printed and compact files look the same.
    """
    text = head_text(head).lstrip()
    if not text.startswith("{"):
        return None
    return "".join(text.split())


def first_json_line(head: bytes) -> Mapping[str, Any] | None:
    """The first line of a JSON-lines head as an object, or None if it is not one."""
    line = head_text(head).split("\n", 1)[0].strip()
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
