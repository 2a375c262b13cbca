"""What to remember about each person: important dates, things they shared, how they like care.

A memory aid, not a log of debts: nothing here counts, balances or compares what
either person did. The functions only say when something comes up again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reciprocity import messages
from reciprocity.errors import InvalidInputError, Problem

__all__ = [
    "CarePreferences",
    "CareWay",
    "ImportantDate",
    "SharedThing",
    "Upcoming",
    "checked_text",
    "next_occurrence",
    "upcoming",
]


class CareWay(StrEnum):
    """The ways someone may like to receive care (a conversation aid, not a personality test)."""

    WORDS = "words"
    TIME = "time"
    PRACTICAL_HELP = "practical-help"
    PRESENCE = "presence"
    GIFTS = "gifts"
    TOUCH = "touch"


@dataclass(frozen=True)
class ImportantDate:
    """A date worth remembering about someone: a birthday, an anniversary, a first day.

    ``yearly`` dates come back every year on the same day; others happen once.
    """

    id: str
    person_id: str
    label: str
    day: dt.date
    yearly: bool = True


@dataclass(frozen=True)
class SharedThing:
    """Something a person shared that deserves a follow-up (an interview, a worry, a plan)."""

    id: str
    person_id: str
    text: str
    follow_up: dt.date | None = None
    done: bool = False


@dataclass(frozen=True)
class CarePreferences:
    """How the other person likes to receive care, how I do, and free notes."""

    person_id: str
    theirs: frozenset[CareWay] = frozenset()
    mine: frozenset[CareWay] = frozenset()
    note: str = ""


@dataclass(frozen=True)
class Upcoming:
    """Something that comes up on ``on``: an important date or a follow-up."""

    on: dt.date
    item: ImportantDate | SharedThing

    @property
    def person_id(self) -> str:
        """Whose it is."""
        return self.item.person_id


def checked_text(text: str, field: str, *, required: bool = True) -> str:
    """The text of a label, a shared thing or a note, trimmed, or why it cannot be kept.

    Args:
        text: What was given.
        field: Where it was given, to locate a problem.
        required: Whether empty text is refused (a note may be empty).

    Raises:
        InvalidInputError: The text is empty when required, or holds a NUL character.
    """
    clean = text.strip()
    if not clean and required:
        raise InvalidInputError([Problem(messages.ERR_MEMORY_TEXT_EMPTY, field)])
    if "\x00" in clean:
        raise InvalidInputError([Problem(messages.ERR_TEXT_CONTROL, field)])
    return clean


def _in_year(day: dt.date, year: int) -> dt.date:
    # 29 February is kept on the last day of February in common years.
    if day.month == 2 and day.day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return day.replace(year=year)


def next_occurrence(date_item: ImportantDate, today: dt.date) -> dt.date | None:
    """The next time an important date comes up, today included.

    A yearly date comes up every year (29 February on 28 February in common
    years); a one-off date comes up once, and not at all once it has passed.
    """
    if not date_item.yearly:
        return date_item.day if date_item.day >= today else None
    if date_item.day >= today:
        return date_item.day
    this_year = _in_year(date_item.day, today.year)
    return this_year if this_year >= today else _in_year(date_item.day, today.year + 1)


def upcoming(
    dates: Iterable[ImportantDate],
    things: Iterable[SharedThing],
    *,
    today: dt.date,
    within_days: int,
) -> list[Upcoming]:
    """What comes up from today to ``within_days`` days ahead, soonest first.

    Follow-ups not yet done whose date has passed are included (they still wait);
    done ones and those without a date are not.
    """
    horizon = today + dt.timedelta(days=within_days)
    found = []
    for item in dates:
        on = next_occurrence(item, today)
        if on is not None and on <= horizon:
            found.append(Upcoming(on, item))
    for thing in things:
        if not thing.done and thing.follow_up is not None and thing.follow_up <= horizon:
            found.append(Upcoming(thing.follow_up, thing))
    return sorted(found, key=lambda u: (u.on, u.item.id))
