"""The rhythm of audits: month arithmetic and when the next audit is due."""

from __future__ import annotations

import datetime as dt

import pytest

from reciprocity.core.rhythm import add_months, next_due

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 15), 3, D(2026, 4, 15)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 12, 31), 1, D(2027, 1, 31)),
        (D(2026, 5, 10), 24, D(2028, 5, 10)),
    ],
)
def test_months_are_added_like_a_calendar_does(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_a_relationship_never_audited_is_due_now() -> None:
    due = next_due("p", None, 3, D(2026, 11, 23))
    assert due.due == D(2026, 11, 23)
    assert due.days_until(D(2026, 11, 23)) == 0


def test_the_next_audit_follows_the_last_by_the_rhythm() -> None:
    due = next_due("p", D(2026, 9, 1), 3, D(2026, 11, 23))
    assert due.due == D(2026, 12, 1)
    assert due.days_until(D(2026, 11, 23)) == 8
    overdue = next_due("p", D(2026, 6, 1), 3, D(2026, 11, 23))
    assert overdue.days_until(D(2026, 11, 23)) < 0
