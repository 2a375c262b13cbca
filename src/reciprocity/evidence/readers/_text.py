"""What the line-based readers share: the errors of reading text, located."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

from reciprocity import messages
from reciprocity.errors import InvalidFileError, Problem

__all__ = ["first_undecodable_line", "not_utf8", "unreadable"]


def first_undecodable_line(lines: Iterable[bytes]) -> int | None:
    """The 1-based number of the first line that is not UTF-8, if any.

    Only called once reading has already failed, so its cost does not matter; it
    decodes incrementally so a character split across a chunk is not blamed.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    number = 0
    for number, raw in enumerate(lines, 1):
        try:
            decoder.decode(raw)
        except UnicodeDecodeError:
            return number
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return max(number, 1)
    return None


def not_utf8(path: Path, line: int | None) -> InvalidFileError:
    """The error for a file whose bytes stop being UTF-8 at ``line``."""
    return InvalidFileError([Problem(messages.ERR_NOT_UTF8, line=line)], file=str(path))


def unreadable(path: Path, error: OSError) -> InvalidFileError:
    """The error for a file the system would not let us read."""
    detail = error.strerror or str(error)
    return InvalidFileError(
        [Problem(messages.ERR_FILE_UNREADABLE.format(detail=detail))], file=str(path)
    )
