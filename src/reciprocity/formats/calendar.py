"""Due audits, important dates and follow-ups as an RFC 5545 calendar, for any face to hand out.

The file is RFC 5545 (made with the ``icalendar`` library) so any calendar program
takes it. Every event has a UID derived from what it is about, so importing a new
file again updates the events already there instead of adding them twice.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reciprocity import messages
from reciprocity.formats.shell import shell_quote

if TYPE_CHECKING:
    from icalendar import Calendar, Event

    from reciprocity.core.memory import ImportantDate, SharedThing
    from reciprocity.core.rhythm import Due

__all__ = ["DEFAULT_WITHIN_DAYS", "PRODID", "UID_DOMAIN", "build_calendar"]

PRODID = "-//reciprocity//memory aid//EN"
UID_DOMAIN = "reciprocity"
# Long enough to catch every audit on a rhythm of up to a year, and a year of follow-ups.
DEFAULT_WITHIN_DAYS = 365


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    # All-day reminders should not block time in anyone's day.
    event.add("transp", "TRANSPARENT")
    return event


def _date_event(item: ImportantDate, name: str, stamp: dt.datetime) -> Event:
    event = _event(
        f"date-{item.id}",
        item.day,
        messages.CAL_DATE_SUMMARY.format(name=name, label=item.label),
        messages.CAL_DATE_DESCRIPTION.format(name=name),
        stamp,
    )
    if item.yearly:
        if item.day.month == 2 and item.day.day == 29:
            # The last day of February: the 29th in leap years, the 28th in the others.
            event.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
        else:
            event.add("rrule", {"freq": "yearly"})
    return event


def _follow_up_event(thing: SharedThing, on: dt.date, name: str, stamp: dt.datetime) -> Event:
    return _event(
        f"followup-{thing.id}",
        on,
        messages.CAL_FOLLOW_UP_SUMMARY.format(name=name, text=thing.text),
        messages.CAL_FOLLOW_UP_DESCRIPTION.format(name=name, id=thing.id[:8]),
        stamp,
    )


def _audit_event(item: Due, on: dt.date, name: str, stamp: dt.datetime) -> Event:
    return _event(
        f"audit-{item.person_id}",
        on,
        messages.CAL_AUDIT_SUMMARY.format(name=name),
        messages.CAL_AUDIT_DESCRIPTION.format(name=name, quoted=shell_quote(name)),
        stamp,
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
) -> Calendar:
    """The calendar of what comes up: audits and follow-ups within ``within`` days, and dates.

    Overdue audits and follow-ups are placed on ``today`` (a reminder in the past is
    one nobody sees); yearly dates recur, one-off dates already past are left out;
    follow-ups already done are left out.
    """
    from icalendar import Calendar

    horizon = today + dt.timedelta(days=within)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", messages.CALENDAR_NAME)
    for item in audits:
        if item.due <= horizon:
            calendar.add_component(
                _audit_event(item, max(item.due, today), names[item.person_id], stamp)
            )
    for date_item in dates:
        if date_item.yearly or date_item.day >= today:
            calendar.add_component(_date_event(date_item, names[date_item.person_id], stamp))
    for thing in things:
        if not thing.done and thing.follow_up is not None and thing.follow_up <= horizon:
            on = max(thing.follow_up, today)
            calendar.add_component(_follow_up_event(thing, on, names[thing.person_id], stamp))
    return calendar
