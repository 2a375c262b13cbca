"""The calendar file meets the RFC 5545 rules calendar programs are strict about.

Two kinds of evidence, neither of them the ``icalendar`` library that writes the file:

- ``ical`` (the RFC 5545 parser behind Home Assistant's calendars) reads it back and
  expands its recurrences;
- the bytes themselves are checked against the rules programs refuse files over, which a
  lenient parser would let through: CRLF line endings, lines folded at 75 octets, VERSION
  and PRODID, a UID and a DTSTAMP on every event, all-day dates, stable UIDs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.exceptions import CalendarParseError

from tests.cli.test_commands import answers
from tests.conftest import TODAY, Cli

# A name and a shared thing long enough to be folded, with characters of two, three and
# four octets, and every character a TEXT value must escape (backslash, ; , and a newline).
NAME = "Zoë Ölmez-Çağlayan 李小龍"
SHARED = (
    "the move to Köln; her new flat, the 路路路 neighbours \\ the 🎉 party\n"
    "and the job interview on Thursday, which she was nervous about"
)
LEAP_DAY = dt.date(1992, 2, 29)
ANNIVERSARY = dt.date(2019, 7, 14)
ONCE = TODAY + dt.timedelta(days=40)
MAX_OCTETS = 75


@pytest.fixture
def zoe(cli: Cli) -> Cli:
    """Zoë with a 29 February birthday, a yearly anniversary, a one-off date and a follow-up."""
    assert cli("person", "add", NAME).code == 0
    for label, day, once in (
        ("birthday", LEAP_DAY, False),
        ("the day we met", ANNIVERSARY, False),
        ("her exhibition opens", ONCE, True),
    ):
        extra = ["--once"] if once else []
        result = cli("remember", "date", NAME, label, day.isoformat(), *extra)
        assert result.code == 0, result.err
    result = cli("remember", "shared", NAME, SHARED, "--follow-up", TODAY.isoformat())
    assert result.code == 0, result.err
    return cli


def write_calendar(cli: Cli, path: Path) -> bytes:
    result = cli("calendar", "-o", str(path))
    assert result.code == 0, result.err
    return path.read_bytes()


@dataclass
class Component:
    """One component of the file: its properties as (name, parameters, value), in order."""

    name: str
    properties: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def values(self, name: str) -> list[tuple[dict[str, str], str]]:
        return [(params, value) for n, params, value in self.properties if n == name]

    def one(self, name: str) -> tuple[dict[str, str], str]:
        (found,) = self.values(name)
        return found


CONTENT_LINE = re.compile(r"(?P<name>[A-Za-z0-9-]+)(?P<params>(?:;[^:;]+)*):(?P<value>.*)")


def content_lines(data: bytes) -> list[str]:
    """The file's content lines, unfolded as RFC 5545 section 3.1 says."""
    lines: list[str] = []
    for line in data.decode("utf-8").split("\r\n")[:-1]:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def components(data: bytes) -> Component:
    """The outermost component (VCALENDAR), read by a parser of our own."""
    stack = [Component("")]
    for line in content_lines(data):
        match = CONTENT_LINE.fullmatch(line)
        assert match is not None, line
        name, value = match["name"].upper(), match["value"]
        params = dict(p.split("=", 1) for p in match["params"].split(";")[1:])
        if name == "BEGIN":
            stack.append(Component(value))
        elif name == "END":
            done = stack.pop()
            assert done.name == value
            stack[-1].children.append(done)
        else:
            stack[-1].properties.append((name, params, value))
    (root,) = stack
    (calendar,) = root.children
    return calendar


def strictly_parsed(data: bytes) -> Calendar:
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def remembered_ids(cli: Cli) -> dict[str, str]:
    kept = json.loads(cli("remember", "list", NAME, "--json").out)
    ids = {d["label"]: d["id"] for d in kept["important_dates"]}
    (thing,) = kept["shared_things"]
    return {**ids, "follow-up": thing["id"], "person": thing["person_id"]}


def test_every_line_ends_in_crlf(zoe: Cli, tmp_path: Path) -> None:
    data = write_calendar(zoe, tmp_path / "zoe.ics")

    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character(
    zoe: Cli, tmp_path: Path
) -> None:
    data = write_calendar(zoe, tmp_path / "zoe.ics")
    lines = data.split(b"\r\n")[:-1]

    assert max(len(line) for line in lines) <= MAX_OCTETS
    folded = [line for line in lines if line.startswith(b" ")]
    assert len(folded) >= 3  # the name and the shared thing do need folding
    for line in lines:
        line.decode("utf-8")  # a fold in the middle of a character would not decode
    summaries = {str(event.summary) for event in strictly_parsed(data).events}
    assert f"Ask {NAME} about: {SHARED}" in summaries


def test_the_calendar_says_its_version_and_the_program_that_made_it(
    zoe: Cli, tmp_path: Path
) -> None:
    calendar = components(write_calendar(zoe, tmp_path / "zoe.ics"))

    assert calendar.name == "VCALENDAR"
    assert calendar.one("VERSION") == ({}, "2.0")
    _, prodid = calendar.one("PRODID")
    assert re.fullmatch(r"-//[^/]+//[^/]+//[A-Z]{2}", prodid)
    assert {child.name for child in calendar.children} == {"VEVENT"}


def test_every_event_has_one_uid_and_one_dtstamp_in_utc(zoe: Cli, tmp_path: Path) -> None:
    calendar = components(write_calendar(zoe, tmp_path / "zoe.ics"))

    uids = []
    for event in calendar.children:
        _, uid = event.one("UID")
        params, stamp = event.one("DTSTAMP")
        assert params == {}
        assert dt.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ") <= dt.datetime.now(dt.UTC).replace(
            tzinfo=None
        )
        uids.append(uid)
    assert len(uids) == 5
    assert len(set(uids)) == len(uids)


def test_all_day_events_are_dates_that_end_the_next_day(zoe: Cli, tmp_path: Path) -> None:
    calendar = components(write_calendar(zoe, tmp_path / "zoe.ics"))

    for event in calendar.children:
        start_params, start = event.one("DTSTART")
        assert start_params == {"VALUE": "DATE"}
        assert event.values("DURATION") == []
        ends = event.values("DTEND")
        if ends:
            ((end_params, end),) = ends
            assert end_params == {"VALUE": "DATE"}
            first = dt.datetime.strptime(start, "%Y%m%d").date()
            assert dt.datetime.strptime(end, "%Y%m%d").date() == first + dt.timedelta(days=1)


def test_the_strict_parser_reads_each_event_as_it_was_meant(zoe: Cli, tmp_path: Path) -> None:
    path = tmp_path / "zoe.ics"
    data = write_calendar(zoe, path)
    ids = remembered_ids(zoe)

    events = {event.uid: event for event in strictly_parsed(data).events}

    assert set(events) == {
        f"audit-{ids['person']}@reciprocity",
        f"date-{ids['birthday']}@reciprocity",
        f"date-{ids['the day we met']}@reciprocity",
        f"date-{ids['her exhibition opens']}@reciprocity",
        f"followup-{ids['follow-up']}@reciprocity",
    }
    starts = {uid.split("-")[0]: event.dtstart for uid, event in events.items()}
    assert starts["audit"] == starts["followup"] == TODAY  # due now: placed on today
    assert events[f"date-{ids['her exhibition opens']}@reciprocity"].dtstart == ONCE
    assert events[f"date-{ids['her exhibition opens']}@reciprocity"].rrule is None
    for event in events.values():
        start, end = event.dtstart, event.dtend
        assert start is not None
        assert end == start + dt.timedelta(days=1)


def occurrences(data: bytes, uid: str, years: range) -> list[dt.date]:
    """The days an event falls on in these years, as the strict parser expands its RRULE."""
    timeline = strictly_parsed(data).timeline_tz(dt.UTC)
    start, end = dt.date(years.start, 1, 1), dt.date(years.stop, 1, 1)
    found = [event.dtstart for event in timeline.overlapping(start, end) if event.uid == uid]
    assert all(type(day) is dt.date for day in found)
    return [day for day in found if isinstance(day, dt.date)]


def test_a_29_february_birthday_comes_round_on_the_last_day_of_february(
    zoe: Cli, tmp_path: Path
) -> None:
    data = write_calendar(zoe, tmp_path / "zoe.ics")
    uid = f"date-{remembered_ids(zoe)['birthday']}@reciprocity"
    (birthday,) = [e for e in components(data).children if e.one("UID") == ({}, uid)]

    _, rule = birthday.one("RRULE")
    assert set(rule.split(";")) == {"FREQ=YEARLY", "BYMONTH=2", "BYMONTHDAY=-1"}
    assert birthday.one("DTSTART") == ({"VALUE": "DATE"}, LEAP_DAY.strftime("%Y%m%d"))
    assert occurrences(data, uid, range(2027, 2030)) == [
        dt.date(2027, 2, 28),
        dt.date(2028, 2, 29),
        dt.date(2029, 2, 28),
    ]
    assert occurrences(data, uid, range(1992, 1993)) == [LEAP_DAY]


def test_a_yearly_date_comes_round_on_its_own_day(zoe: Cli, tmp_path: Path) -> None:
    data = write_calendar(zoe, tmp_path / "zoe.ics")
    uid = f"date-{remembered_ids(zoe)['the day we met']}@reciprocity"
    (event,) = [e for e in components(data).children if e.one("UID") == ({}, uid)]

    assert event.one("RRULE") == ({}, "FREQ=YEARLY")
    assert occurrences(data, uid, range(2027, 2030)) == [
        ANNIVERSARY.replace(year=year) for year in range(2027, 2030)
    ]


def without_dtstamp(data: bytes) -> bytes:
    return b"".join(line for line in data.splitlines(keepends=True) if b"DTSTAMP:" not in line)


def test_two_exports_differ_only_in_when_they_were_made(zoe: Cli, tmp_path: Path) -> None:
    first = write_calendar(zoe, tmp_path / "first.ics")
    second = write_calendar(zoe, tmp_path / "second.ics")

    assert without_dtstamp(first) == without_dtstamp(second)
    assert len(without_dtstamp(first)) < len(first)


def test_an_audit_done_since_moves_its_event_under_the_same_uid(zoe: Cli, tmp_path: Path) -> None:
    before = write_calendar(zoe, tmp_path / "before.ics")
    audit = zoe("audit", NAME, "--answers", str(answers(tmp_path, date=TODAY.isoformat())))
    assert audit.code == 0, audit.err
    after = write_calendar(zoe, tmp_path / "after.ics")
    uid = f"audit-{remembered_ids(zoe)['person']}@reciprocity"

    old = {e.uid: e for e in strictly_parsed(before).events}
    new = {e.uid: e for e in strictly_parsed(after).events}

    # A calendar program matches on the UID: the event is updated, not added a second time.
    assert set(new) == set(old)
    assert old[uid].dtstart == TODAY
    moved = new[uid].dtstart
    assert isinstance(moved, dt.date)
    assert not isinstance(moved, dt.datetime)
    assert moved > TODAY


BREAKAGES: dict[str, Callable[[str], str]] = {
    "a fold without its leading space": lambda text: text.replace("\r\n ", "\r\n", 1),
    "a day February does not have": lambda text: text.replace("0229\r\n", "0230\r\n", 1),
    "a rule with no frequency": lambda text: text.replace("FREQ=YEARLY;", "", 1),
}


@pytest.mark.parametrize("broken", BREAKAGES)
def test_the_strict_parser_refuses_what_a_calendar_program_would(
    zoe: Cli, tmp_path: Path, broken: str
) -> None:
    """A check that cannot fail is no evidence: the parser does refuse broken files."""
    text = write_calendar(zoe, tmp_path / "zoe.ics").decode("utf-8")
    changed = BREAKAGES[broken](text)
    assert changed != text, broken

    with pytest.raises(CalendarParseError):
        IcsCalendarStream.calendar_from_ics(changed)
