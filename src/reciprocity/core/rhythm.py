"""The rhythm of audits: when each relationship's next audit is due."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reciprocity.core.model import Person

__all__ = [
    "DEFAULT_RHYTHM_MONTHS",
    "MAX_RHYTHM_MONTHS",
    "Due",
    "add_months",
    "audits_due",
    "next_due",
]

# Every three months: often enough to see a season come and go, rarely enough to live between.
DEFAULT_RHYTHM_MONTHS = 3
MAX_RHYTHM_MONTHS = 24


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day if it has no such day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    """When a relationship's next audit is due.

    ``last`` is ``None`` when there has been no audit yet (then it is due at once).
    """

    person_id: str
    due: dt.date
    last: dt.date | None
    every_months: int

    def days_until(self, today: dt.date) -> int:
        """Days until it is due; zero or less means it is due now."""
        return (self.due - today).days


def next_due(person_id: str, last: dt.date | None, every_months: int, today: dt.date) -> Due:
    """When the next audit of a relationship is due, from its last audit and rhythm."""
    due = today if last is None else add_months(last, every_months)
    return Due(person_id, due, last, every_months)


def audits_due(people: Iterable[tuple[Person, dt.date | None]], today: dt.date) -> list[Due]:
    """When each relationship's next audit is due, soonest first (then by name).

    Args:
        people: Each relationship with the date of its latest audit (``None``: none yet).
        today: The day it is.
    """
    entries = list(people)
    names = {person.id: person.name.casefold() for person, _ in entries}
    return sorted(
        (
            next_due(person.id, latest, person.rhythm_months or DEFAULT_RHYTHM_MONTHS, today)
            for person, latest in entries
        ),
        key=lambda d: (d.due, names[d.person_id]),
    )
