"""Dates and clocks written in a locale's own way, and how to tell which order a file's dates use.

Apps that write times for people (WhatsApp's chat headers, DiscordChatExporter's
CSV) use the date and clock of the phone's or computer's locale: ``12/01/2024``,
``1/12/24``, ``12.01.24``, ``2024-01-12``, a 24-hour clock or a 12-hour one with
a day-period marker ("PM", "p. m.", "午後"). This module holds the patterns for
those pieces and the inference of the date order, which the file never states.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from enum import Enum
from typing import Final

__all__ = [
    "AM_MARKERS",
    "BEFORE_TIME",
    "CLOCK",
    "DATE",
    "PM_MARKERS",
    "PM_OFFSET",
    "SP",
    "DateOrder",
    "OrderFinder",
    "decide_order",
    "decisive_order",
    "default_order",
    "marker_pair",
    "split_date",
    "to_ymd",
]

# The day-period markers of 12-hour locales, after the time (most languages) or
# before it (Japanese, Chinese, Korean), matched case-insensitively. Dotted markers
# are listed without spaces; after an inner dot the app may write a space, a
# no-break space (CLDR's "a.\u00a0m." for Spanish), a narrow one, or nothing, and
# every one of those is read (see ``_marker_pattern``).
AM_MARKERS: Final = ("am", "a.m.", "a.m", "vorm.", "午前", "上午", "오전", "ص", "π.μ.", "πμ")
PM_MARKERS: Final = ("pm", "p.m.", "p.m", "nachm.", "午後", "下午", "오후", "م", "μ.μ.", "μμ")
BEFORE_TIME: Final = ("午前", "午後", "上午", "下午", "오전", "오후")

# Space, no-break space or narrow no-break space (U+202F, iOS 16+ and recent Android).
SP: Final = "[ \u00a0\u202f]"
_INNER_SPACES: Final = ("", " ", "\u00a0", "\u202f")
_INNER_DOT: Final = re.compile(r"\.(?=\w)")

# Three numbers with "/", "." or "-" between them ("2024. 1. 12." in Korean and
# Hungarian, with spaces and a final dot).
DATE: Final = r"\d{1,4}[./-] ?\d{1,2}[./-] ?\d{1,4}\.?"


def _marker_pattern(marker: str) -> str:
    """``marker`` as a pattern, any of the spaces (or none) allowed after an inner dot."""
    return f"\\.{SP}?".join(re.escape(part) for part in _INNER_DOT.split(marker))


def _alternation(markers: Iterable[str]) -> str:
    # Longest first, so "a.m." wins over "a.m" and "am".
    return "|".join(_marker_pattern(m) for m in sorted(markers, key=len, reverse=True))


# Groups 1 to 5: the marker before the time, hours, minutes, seconds, the marker after.
# Hours and minutes are parted by ":", "." (Danish, Finnish) or " h " (Canadian French).
CLOCK: Final = (
    f"(?:({_alternation(BEFORE_TIME)}){SP}?)?"
    f"(\\d{{1,2}})(?:[:.]|{SP}h{SP})(\\d{{2}})(?:[:.](\\d{{2}}))?"
    f"(?:{SP}?({_alternation(AM_MARKERS + PM_MARKERS)}))?"
)


def _spaced(marker: str, space: str) -> str:
    """``marker`` with ``space`` written after each inner dot."""
    return _INNER_DOT.sub("." + space, marker)


def _spellings(marker: str) -> set[str]:
    """Every way ``marker`` is written: each inner spacing, in lower, upper and title case."""
    spaced = {_spaced(marker, space) for space in _INNER_SPACES}
    return {form for text in spaced for form in (text, text.upper(), text.title())}


# Hours to add for each marker as written: looked up as it stands in the hot path,
# so every spelling the apps use is a key (other letter cases are lowered first).
PM_OFFSET: Final[dict[str, int]] = {
    spelling: 12 if marker in PM_MARKERS else 0
    for marker in AM_MARKERS + PM_MARKERS
    for spelling in _spellings(marker)
}


def marker_pair(marker: str) -> str:
    """A pattern for the morning and afternoon markers of ``marker``'s language, in any case.

    Both are written with the space (or none) that ``marker`` has after its inner
    dots: one export writes them one way (the loose ``CLOCK`` takes every way).
    """
    bare = re.sub(SP, "", marker.lower())
    index = (AM_MARKERS if bare in AM_MARKERS else PM_MARKERS).index(bare)
    space = re.search(SP, marker)
    pair = [_spaced(m[index], space[0] if space else "") for m in (AM_MARKERS, PM_MARKERS)]
    return f"(?i:{'|'.join(re.escape(m) for m in sorted(pair, key=len, reverse=True))})"


class DateOrder(Enum):
    """Which field of a date is the day, the month and the year."""

    DMY = "d/m/y"
    MDY = "m/d/y"
    YMD = "y-m-d"


_NUMBERS: Final = re.compile(r"\d+")


def split_date(text: str) -> tuple[int, int, int] | None:
    """The three numbers of a date, as written."""
    numbers = _NUMBERS.findall(text)
    if len(numbers) != 3:
        return None
    return int(numbers[0]), int(numbers[1]), int(numbers[2])


def to_ymd(fields: tuple[int, int, int], order: DateOrder) -> tuple[int, int, int] | None:
    """Year, month and day of ``fields`` read in ``order``; None if that is no real date.

    Two-digit years are this century's (the apps read here are younger than 2000).
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


class OrderFinder:
    """A file's date order, found from its dates taken one by one in file order.

    The first date that settles the order on its own (and is a real date in that
    order) decides; until one does, the distinct dates are kept, up to a limit, so
    that ``best`` can weigh them all.
    """

    LIMIT: Final = 10_000

    def __init__(self) -> None:
        self.order: DateOrder | None = None
        self._dates: list[tuple[int, int, int]] = []

    def see(self, fields: tuple[int, int, int]) -> DateOrder | None:
        """Take the next date; the order, once one has settled it."""
        if self.order is not None:
            return self.order
        order = decisive_order(fields)
        if order is not None and to_ymd(fields, order) is not None:
            self.order = order
            return order
        dates = self._dates
        if (not dates or dates[-1] != fields) and len(dates) < self.LIMIT:
            dates.append(fields)
        return None

    def best(self, fallback: DateOrder) -> DateOrder:
        """The settled order, or else the one the dates seen fit best (see ``decide_order``)."""
        return self.order or decide_order(self._dates, fallback)
