"""Due audits, important dates and follow-ups as an RFC 5545 calendar, for any face to hand out.

The file is RFC 5545 (made with the ``icalendar`` library) so any calendar program
takes it. Every event has a UID derived from what it is about, so importing a new
file again updates the events already there instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reciprocity import messages
from reciprocity.formats.shell import shell_quote

if TYPE_CHECKING:
    from reciprocity.core.memory import ImportantDate, SharedThing
    from reciprocity.core.rhythm import Due

__all__ = [
    "DEFAULT_WITHIN_DAYS",
    "PRODID",
    "UID_DOMAIN",
    "CalendarFile",
    "EventKey",
    "build_calendar",
]

PRODID = "-//reciprocity//memory aid//EN"
UID_DOMAIN = "reciprocity"
# Long enough to catch every audit on a rhythm of up to a year, and a year of follow-ups.
DEFAULT_WITHIN_DAYS = 365


# What one event says; two events that say the same thing are written the same way.
EventKey = tuple[str, dt.date, str, str, str]


@dataclass(frozen=True)
class CalendarFile:
    """A calendar as the bytes of an .ics file.

    Attributes:
        data: The file, RFC 5545.
        events: How many events it holds.
        pieces: Each event's bytes by what it says: hand them to the next build, and
            only events that changed are made again.
    """

    data: bytes
    events: int
    pieces: dict[EventKey, bytes] = field(repr=False)


def _event(key: EventKey, stamp: dt.datetime) -> bytes:
    from icalendar import Event

    uid, day, summary, description, repeat = key
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    # All-day reminders should not block time in anyone's day.
    event.add("transp", "TRANSPARENT")
    if repeat == _LAST_OF_FEBRUARY:
        # The last day of February: the 29th in leap years, the 28th in the others.
        event.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
    elif repeat == _YEARLY:
        event.add("rrule", {"freq": "yearly"})
    return bytes(event.to_ical())


_ONCE, _YEARLY, _LAST_OF_FEBRUARY = "", "yearly", "last-of-february"


def _date_key(item: ImportantDate, name: str) -> EventKey:
    repeat = _ONCE
    if item.yearly:
        leap_day = item.day.month == 2 and item.day.day == 29
        repeat = _LAST_OF_FEBRUARY if leap_day else _YEARLY
    return (
        f"date-{item.id}",
        item.day,
        messages.CAL_DATE_SUMMARY.format(name=name, label=item.label),
        messages.CAL_DATE_DESCRIPTION.format(name=name),
        repeat,
    )


def _follow_up_key(thing: SharedThing, on: dt.date, name: str) -> EventKey:
    return (
        f"followup-{thing.id}",
        on,
        messages.CAL_FOLLOW_UP_SUMMARY.format(name=name, text=thing.text),
        messages.CAL_FOLLOW_UP_DESCRIPTION.format(name=name, id=thing.id[:8]),
        _ONCE,
    )


def _audit_key(item: Due, on: dt.date, name: str) -> EventKey:
    return (
        f"audit-{item.person_id}",
        on,
        messages.CAL_AUDIT_SUMMARY.format(name=name),
        messages.CAL_AUDIT_DESCRIPTION.format(name=name, quoted=shell_quote(name)),
        _ONCE,
    )


def build_calendar(
    *,
    names: dict[str, str],
    audits: list[Due],
    dates: list[ImportantDate],
    things: list[SharedThing],
    today: dt.date,
    within: int,
    stamp: dt.datetime,
    pieces: Mapping[EventKey, bytes] | None = None,
) -> CalendarFile:
    """The calendar of what comes up: audits and follow-ups within ``within`` days, and dates.

    Overdue audits and follow-ups are placed on ``today`` (a reminder in the past is
    one nobody sees); yearly dates recur, one-off dates already past are left out;
    follow-ups already done are left out.

    ``pieces`` are the events of an earlier build: an event that says the same as
    then is reused as it was, time stamp included, which is what RFC 5545 asks of
    DTSTAMP (when the event's information last changed). Only new or changed events
    get ``stamp``.
    """
    from icalendar import Calendar

    horizon = today + dt.timedelta(days=within)
    keys = [
        _audit_key(item, max(item.due, today), names[item.person_id])
        for item in audits
        if item.due <= horizon
    ]
    keys += [
        _date_key(item, names[item.person_id]) for item in dates if item.yearly or item.day >= today
    ]
    keys += [
        _follow_up_key(thing, max(thing.follow_up, today), names[thing.person_id])
        for thing in things
        if not thing.done and thing.follow_up is not None and thing.follow_up <= horizon
    ]
    earlier = pieces or {}
    made = {key: earlier.get(key) or _event(key, stamp) for key in keys}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", messages.CALENDAR_NAME)
    envelope = bytes(calendar.to_ical())
    end = envelope.rindex(b"END:VCALENDAR")
    data = envelope[:end] + b"".join(made[key] for key in keys) + envelope[end:]
    return CalendarFile(data, len(keys), made)
