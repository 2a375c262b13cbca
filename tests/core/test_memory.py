"""What to remember about each person: when dates come up again, and what falls due."""

from __future__ import annotations

import datetime as dt

import pytest

from reciprocity.core.memory import (
    CareWay,
    ImportantDate,
    SharedThing,
    checked_text,
    next_occurrence,
    upcoming,
)
from reciprocity.errors import InvalidInputError


def birthday(day: dt.date, *, yearly: bool = True, item_id: str = "d1") -> ImportantDate:
    return ImportantDate(item_id, "p1", "birthday", day, yearly)


def test_a_yearly_date_comes_back_this_year_or_next() -> None:
    item = birthday(dt.date(1990, 6, 15))
    assert next_occurrence(item, dt.date(2026, 3, 1)) == dt.date(2026, 6, 15)
    assert next_occurrence(item, dt.date(2026, 6, 15)) == dt.date(2026, 6, 15)
    assert next_occurrence(item, dt.date(2026, 6, 16)) == dt.date(2027, 6, 15)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2027, 1, 10), dt.date(2027, 2, 28)),  # a common year: the 28th
        (dt.date(2028, 1, 10), dt.date(2028, 2, 29)),  # a leap year: the 29th itself
        (dt.date(2027, 3, 1), dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 1), dt.date(2027, 2, 28)),
        (dt.date(2027, 2, 28), dt.date(2027, 2, 28)),
    ],
)
def test_a_29_february_birthday_falls_on_28_february_in_common_years(
    today: dt.date, expected: dt.date
) -> None:
    assert next_occurrence(birthday(dt.date(2000, 2, 29)), today) == expected


def test_a_one_off_date_comes_once_and_not_after_it_passed() -> None:
    item = birthday(dt.date(2026, 9, 1), yearly=False)
    assert next_occurrence(item, dt.date(2026, 8, 1)) == dt.date(2026, 9, 1)
    assert next_occurrence(item, dt.date(2026, 9, 1)) == dt.date(2026, 9, 1)
    assert next_occurrence(item, dt.date(2026, 9, 2)) is None


def test_upcoming_lists_dates_and_open_follow_ups_soonest_first() -> None:
    today = dt.date(2026, 5, 1)
    dates = [
        birthday(dt.date(1990, 5, 10), item_id="soon"),
        birthday(dt.date(1990, 8, 1), item_id="later"),
        birthday(dt.date(2026, 4, 1), yearly=False, item_id="past"),
    ]
    things = [
        SharedThing("t1", "p1", "the job interview", dt.date(2026, 5, 3)),
        SharedThing("t2", "p1", "the move", dt.date(2026, 4, 20)),  # still waiting
        SharedThing("t3", "p1", "the exam", dt.date(2026, 5, 2), done=True),
        SharedThing("t4", "p1", "a worry, no date"),
    ]
    found = upcoming(dates, things, today=today, within_days=14)
    assert [(u.on, u.item.id) for u in found] == [
        (dt.date(2026, 4, 20), "t2"),
        (dt.date(2026, 5, 3), "t1"),
        (dt.date(2026, 5, 10), "soon"),
    ]
    assert all(u.person_id == "p1" for u in found)


def test_the_ways_of_receiving_care_are_the_six_of_the_design() -> None:
    assert [w.value for w in CareWay] == [
        "words",
        "time",
        "practical-help",
        "presence",
        "gifts",
        "touch",
    ]


def test_text_to_remember_is_trimmed_and_never_empty() -> None:
    assert checked_text("  her new job  ", "text") == "her new job"
    assert checked_text("", "note", required=False) == ""
    with pytest.raises(InvalidInputError) as caught:
        checked_text("   ", "text")
    assert caught.value.problems[0].field == "text"
    with pytest.raises(InvalidInputError):
        checked_text("a\x00b", "text")
