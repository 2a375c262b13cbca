"""How a WhatsApp export writes its message headers: dates, clocks, markers, layouts.

WhatsApp writes each message as ``<date><sep><time> - Name: text`` (Android) or
``[<date><sep><time>] Name: text`` (iOS), with the date and clock of the phone's
locale. This module holds the patterns for both layouts and the date-order
inference; the reader (``whatsapp.py``) drives them over the file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from enum import Enum
from typing import Final

__all__ = [
    "ANDROID",
    "IOS",
    "PM_OFFSET",
    "DateOrder",
    "decide_order",
    "decisive_order",
    "default_order",
    "layout_of",
    "split_date",
    "tight_pattern",
    "to_ymd",
]

# The day-period markers WhatsApp writes in 12-hour locales, after the time (most
# languages) or before it (Japanese, Chinese, Korean). Matched case-insensitively.
AM_MARKERS: Final = (
    "am",
    "a.m.",
    "a. m.",
    "a.m",
    "vorm.",
    "午前",
    "上午",
    "오전",
    "ص",
    "π.μ.",
    "πμ",
)
PM_MARKERS: Final = (
    "pm",
    "p.m.",
    "p. m.",
    "p.m",
    "nachm.",
    "午後",
    "下午",
    "오후",
    "م",
    "μ.μ.",
    "μμ",
)
_BEFORE_TIME: Final = ("午前", "午後", "上午", "下午", "오전", "오후")


def _alternation(markers: Iterable[str]) -> str:
    # Longest first, so "a. m." wins over "a.m" and "am".
    return "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))


# Space, no-break space or narrow no-break space (U+202F, iOS 16+ and recent Android).
_SP: Final = "[ \u00a0\u202f]"
_DATE: Final = r"\d{1,4}[./-] ?\d{1,2}[./-] ?\d{1,4}\.?"
# Between the date and the clock: ", " (most), " " (ja, zh, sv), " à " (fr), "um" (de, rare).
_DATE_TIME_SEP: Final = f",?{_SP}(?:à{_SP}|um{_SP}|kl\\.{_SP}|klo{_SP})?"
# Groups 2 to 6: the marker before the time, hours, minutes, seconds, the marker after.
_TIME: Final = (
    f"(?:({_alternation(_BEFORE_TIME)}){_SP}?)?"
    r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?"
    f"(?:{_SP}?({_alternation(AM_MARKERS + PM_MARKERS)}))?"
)
_MARKS: Final = "[\u200e\u200f]?"

# The two layouts, as loose patterns that fit every locale. Groups: 1 the date,
# 2-6 the clock (see _TIME), 7 the rest of the line ("Name: text" or a notice).
IOS: Final = re.compile(f"{_MARKS}\\[({_DATE}){_DATE_TIME_SEP}{_TIME}\\]{_SP}(.*)", re.IGNORECASE)
ANDROID: Final = re.compile(
    f"{_MARKS}({_DATE}){_DATE_TIME_SEP}{_TIME}{_SP}-{_SP}(.*)", re.IGNORECASE
)
_NUMBERS: Final = re.compile(r"\d+")

# Hours to add for each marker, in the cases seen in exports.
PM_OFFSET: Final[dict[str, int]] = {
    variant: 12 if marker in PM_MARKERS else 0
    for marker in AM_MARKERS + PM_MARKERS
    for variant in (marker, marker.upper(), marker.title())
}


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
        parts += [between(1, 2), f"({_marker_pair(first[2])})", between(2, 3)]
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
        parts += [between(last, 6), f"({_marker_pair(first[6])})"]
        last = 6
    else:
        parts.append("()")
    parts += [between(last, 7), "(.*)"]
    return re.compile("".join(parts))


def _marker_pair(marker: str) -> str:
    """The morning and afternoon markers of ``marker``'s language, in any case."""
    lowered = marker.lower()
    markers = AM_MARKERS if lowered in AM_MARKERS else PM_MARKERS
    index = markers.index(lowered)
    return f"(?i:{_alternation((AM_MARKERS[index], PM_MARKERS[index]))})"


class DateOrder(Enum):
    """Which field of a date is the day, the month and the year."""

    DMY = "d/m/y"
    MDY = "m/d/y"
    YMD = "y-m-d"


def split_date(text: str) -> tuple[int, int, int] | None:
    """The three numbers of a header's date, as written."""
    numbers = _NUMBERS.findall(text)
    if len(numbers) != 3:
        return None
    return int(numbers[0]), int(numbers[1]), int(numbers[2])


def to_ymd(fields: tuple[int, int, int], order: DateOrder) -> tuple[int, int, int] | None:
    """Year, month and day of ``fields`` read in ``order``; None if that is no real date.

    Two-digit years are this century's (WhatsApp was released in 2009).
    """
    a, b, c = fields
    if order is DateOrder.YMD:
        year, month, day = a, b, c
    elif order is DateOrder.DMY:
        day, month, year = a, b, c
    else:
        month, day, year = a, b, c
    if year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month) and 1 <= year <= 9999):
        return None
    return year, month, day


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def decisive_order(fields: tuple[int, int, int]) -> DateOrder | None:
    """The order one date settles on its own: a year first, or a day above 12."""
    a, b, _ = fields
    if a > 31:
        return DateOrder.YMD
    if a > 12 and b <= 12:
        return DateOrder.DMY
    if b > 12 and a <= 12:
        return DateOrder.MDY
    return None


def default_order(date_text: str, twelve_hour: bool) -> DateOrder:
    """The order to assume when every date in the file fits more than one.

    A four-digit first field is a year; slashes with a 12-hour clock are the US
    style (m/d/y); anything else is day first, as most of the world writes it.
    """
    fields = _NUMBERS.findall(date_text)
    if fields and len(fields[0]) == 4:
        return DateOrder.YMD
    if "/" in date_text and twelve_hour:
        return DateOrder.MDY
    return DateOrder.DMY


def decide_order(dates: list[tuple[int, int, int]], fallback: DateOrder) -> DateOrder:
    """The order that reads every date as a real one and keeps them in time order.

    Used only when no single date settled it. An export is in time order, so among
    the orders under which every date exists, the one with the fewest steps back
    in time wins; ``fallback`` breaks ties.
    """
    best: tuple[int, int] | None = None
    chosen = fallback
    for rank, order in enumerate([fallback, *(o for o in DateOrder if o is not fallback)]):
        read = [to_ymd(fields, order) for fields in dates]
        if any(ymd is None for ymd in read):
            continue
        steps_back = sum(
            1 for x, y in itertools.pairwise(read) if y is not None and x is not None and y < x
        )
        if best is None or (steps_back, rank) < best:
            best, chosen = (steps_back, rank), order
    return chosen
