"""A calendar made again reuses the events that did not change, time stamps and all."""

from __future__ import annotations

import datetime as dt

from ical.calendar_stream import IcsCalendarStream

from reciprocity.core.memory import ImportantDate, SharedThing
from reciprocity.core.rhythm import Due
from reciprocity.formats.calendar import CalendarFile, EventKey, build_calendar

TODAY = dt.date(2026, 12, 7)
FIRST = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 12, 7, 18, 30, tzinfo=dt.UTC)
NAMES = {"p1": "Sam", "p2": "Mum"}
DATES = [ImportantDate("d1", "p2", "birthday", dt.date(1950, 2, 28))]
AUDITS = [Due("p1", TODAY + dt.timedelta(days=10), TODAY, 3)]


def things(*texts: str) -> list[SharedThing]:
    return [
        SharedThing(f"t{i}", "p1", text, TODAY + dt.timedelta(days=5 + i))
        for i, text in enumerate(texts)
    ]


def make(
    texts: tuple[str, ...], stamp: dt.datetime, pieces: dict[EventKey, bytes] | None = None
) -> CalendarFile:
    return build_calendar(
        names=NAMES,
        audits=AUDITS,
        dates=DATES,
        things=things(*texts),
        today=TODAY,
        within=365,
        stamp=stamp,
        pieces=pieces,
    )


def stamps(data: bytes) -> dict[str, dt.date]:
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {event.uid or "": event.dtstamp for event in calendar.events}


def test_only_a_new_or_changed_event_gets_the_new_time_stamp() -> None:
    first = make(("the interview",), FIRST)

    again = make(("the interview went well", "the move"), LATER, first.pieces)

    assert first.events == 3
    assert again.events == 4
    assert stamps(again.data) == {
        "audit-p1@reciprocity": FIRST,
        "date-d1@reciprocity": FIRST,
        "followup-t0@reciprocity": LATER,
        "followup-t1@reciprocity": LATER,
    }
    # Events no longer in the calendar are not carried into the next build's pieces.
    assert len(again.pieces) == 4


def test_the_same_data_makes_the_same_file() -> None:
    first = make(("the interview",), FIRST)

    assert make(("the interview",), LATER, first.pieces).data == first.data
    assert make(("the interview",), FIRST).data == first.data
