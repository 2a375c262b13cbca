"""How a WhatsApp export writes its message headers: the two layouts and their patterns.

WhatsApp writes each message as ``<date><sep><time> - Name: text`` (Android) or
``[<date><sep><time>] Name: text`` (iOS), with the date and clock of the phone's
locale. This module holds the patterns for both layouts; the date and clock
pieces and the date-order inference are ``_local_dates``'s, and the reader
(``whatsapp.py``) drives them over the file.
"""

from __future__ import annotations

import re
from typing import Final

from reciprocity.evidence.readers._local_dates import CLOCK, DATE, SP, marker_pair

__all__ = ["ANDROID", "IOS", "layout_of", "tight_pattern"]

# Between the date and the clock: ", " (most), " " (ja, zh, sv), " à " (fr), "um" (de, rare).
_DATE_TIME_SEP: Final = f",?{SP}(?:à{SP}|um{SP}|kl\\.{SP}|klo{SP})?"
_MARKS: Final = "[\u200e\u200f]?"

# The two layouts, as loose patterns that fit every locale. Groups: 1 the date,
# 2-6 the clock (see CLOCK), 7 the rest of the line ("Name: text" or a notice).
IOS: Final = re.compile(f"{_MARKS}\\[({DATE}){_DATE_TIME_SEP}{CLOCK}\\]{SP}(.*)", re.IGNORECASE)
ANDROID: Final = re.compile(f"{_MARKS}({DATE}){_DATE_TIME_SEP}{CLOCK}{SP}-{SP}(.*)", re.IGNORECASE)
_NUMBERS: Final = re.compile(r"\d+")


def layout_of(line: str) -> re.Match[str] | None:
    """The header that starts ``line`` in either layout, if any (iOS is tried first)."""
    return IOS.match(line) or ANDROID.match(line)


def tight_pattern(first: re.Match[str]) -> re.Pattern[str]:
    """A pattern for this file's headers alone, built from its first header.

    One phone writes one export, so every header has the same separators, clock
    and marker language; matching exactly those is several times faster than the
    loose pattern. The groups are the loose pattern's (an unused one matches "").
    """
    line = first.string

    def between(end_group: int, start_group: int) -> str:
        return re.escape(line[first.end(end_group) : first.start(start_group)])

    prefix = re.escape(line[first.start() : first.start(1)].lstrip("\u200e\u200f"))
    date = _NUMBERS.sub(lambda _: r"\d{1,4}", re.escape(first[1]))
    parts = [_MARKS, prefix, f"({date})"]
    if first[2]:
        parts += [between(1, 2), f"({marker_pair(first[2])})", between(2, 3)]
    else:
        parts += [between(1, 3), "()"]
    parts += [r"(\d{1,2})", between(3, 4), r"(\d\d)"]
    last = 4
    if first[5]:
        parts += [between(4, 5), r"(\d\d)"]
        last = 5
    else:
        parts.append("()")
    if first[6]:
        parts += [between(last, 6), f"({marker_pair(first[6])})"]
        last = 6
    else:
        parts.append("()")
    parts += [between(last, 7), "(.*)"]
    return re.compile("".join(parts))
