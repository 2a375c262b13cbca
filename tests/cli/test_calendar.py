"""``reciprocity calendar -o FILE.ics``: a calendar any program accepts, with stable UIDs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import TODAY, Cli


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam").code == 0
    cli("remember", "date", "Sam", "birthday", "1992-02-29")
    cli("remember", "date", "Sam", "first day at the new job", "2099-09-01", "--once")
    cli("remember", "date", "Sam", "graduation", "2001-06-20", "--once")  # long past
    cli("remember", "shared", "Sam", "the interview", "--follow-up", TODAY.isoformat())
    return cli


def remembered(cli: Cli) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(cli("remember", "list", "Sam", "--json").out)
    return document


def events(path: Path) -> dict[str, Any]:
    parsed = Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in parsed.walk("VEVENT")}


def test_the_calendar_has_audits_dates_and_follow_ups(sam: Cli, tmp_path: Path) -> None:
    path = tmp_path / "reminders.ics"
    result = sam("calendar", "-o", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith(f"Wrote 4 reminders to {path}.")
    kept = remembered(sam)
    person_id = kept["shared_things"][0]["person_id"]
    ids = {d["label"]: d["id"] for d in kept["important_dates"]}
    birthday, job = ids["birthday"], ids["first day at the new job"]
    found = events(path)
    assert set(found) == {
        f"audit-{person_id}@reciprocity",
        f"date-{birthday}@reciprocity",
        f"date-{job}@reciprocity",
        f"followup-{kept['shared_things'][0]['id']}@reciprocity",
    }
    leap = found[f"date-{birthday}@reciprocity"]
    assert leap.decoded("dtstart") == dt.date(1992, 2, 29)
    assert leap["rrule"].to_ical() in (
        b"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
        b"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2",
    )
    assert "rrule" not in found[f"date-{job}@reciprocity"]
    audit = found[f"audit-{person_id}@reciprocity"]
    assert audit.decoded("dtstart") == TODAY  # the first audit is due at once
    assert str(audit["summary"]) == "A moment to reflect on your relationship with Sam"
    text = path.read_text(encoding="utf-8")
    for ledger in ("owe", "debt", "balance", "pay back"):
        assert ledger not in text.lower()


def test_exporting_again_gives_the_same_uids(sam: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    sam("calendar", "-o", str(first))
    sam("remember", "shared", "Sam", "the move", "--follow-up", TODAY.isoformat())
    sam("calendar", "-o", str(second))
    assert set(events(first)) < set(events(second))
    assert len(events(second)) == len(events(first)) + 1


def test_a_follow_up_done_leaves_the_calendar(sam: Cli, tmp_path: Path) -> None:
    thing = remembered(sam)["shared_things"][0]
    sam("remember", "done", thing["id"][:8])
    path = tmp_path / "reminders.ics"
    sam("calendar", "-o", str(path), "--within", "0")
    assert f"followup-{thing['id']}@reciprocity" not in events(path)


def test_a_bad_place_to_write_is_one_line_and_writes_nothing(sam: Cli, tmp_path: Path) -> None:
    path = tmp_path / "missing" / "reminders.ics"
    result = sam("calendar", "-o", str(path))
    assert result.code != 0
    assert result.err.count("\n") == 1
    assert str(path) in result.err
    assert not path.exists()
