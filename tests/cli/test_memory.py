"""``reciprocity remember ...`` and the reminders in ``due``, through main(argv)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.conftest import TODAY, Cli


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam", "--kind", "friend").code == 0
    return cli


def remembered(cli: Cli, name: str = "Sam") -> dict[str, Any]:
    result = cli("remember", "list", name, "--json")
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def stored(cli: Cli) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(cli("export").out)
    document.pop("exported_at")
    return document


def test_a_birthday_is_remembered_every_year_by_default(sam: Cli) -> None:
    result = sam("remember", "date", "sam", "birthday", "1992-02-29")
    assert result.code == 0, result.err
    assert result.out == "Remembered for Sam: birthday on 1992-02-29, every year.\n"
    once = sam("remember", "date", "Sam", "moving day", "2030-08-15", "--once")
    assert once.out == "Remembered for Sam: moving day on 2030-08-15.\n"
    dates = remembered(sam)["important_dates"]
    assert [(d["label"], d["day"], d["yearly"]) for d in dates] == [
        ("birthday", "1992-02-29", True),
        ("moving day", "2030-08-15", False),
    ]


def test_something_shared_is_kept_with_its_follow_up_and_marked_done(sam: Cli) -> None:
    result = sam("remember", "shared", "Sam", "the job interview", "--follow-up", "2030-07-03")
    assert result.out == (
        "Remembered for Sam: the job interview (to come back to on 2030-07-03).\n"
    )
    thing = remembered(sam)["shared_things"][0]
    assert (thing["follow_up"], thing["done"]) == ("2030-07-03", False)

    done = sam("remember", "done", thing["id"][:6])
    assert done.out == "Marked as followed up: the job interview.\n"
    assert remembered(sam)["shared_things"][0]["done"] is True

    text = sam("remember", "list", "Sam").out
    assert f"{thing['id'][:8]}  the job interview (follow up on 2030-07-03) (followed up)" in text


def test_care_preferences_are_a_case_insensitive_multi_select(sam: Cli) -> None:
    result = sam("remember", "care", "Sam", "--theirs", "Words, TIME", "--mine", "presence")
    assert result.code == 0, result.err
    sam("remember", "care", "Sam", "--note", "tea after hard days")
    care = remembered(sam)["care_preferences"]
    assert care == {
        "person_id": care["person_id"],
        "theirs": ["words", "time"],
        "mine": ["presence"],
        "note": "tea after hard days",
    }
    text = sam("remember", "list", "Sam").out
    assert "  Sam: words, time\n  You: presence\n  Note: tea after hard days\n" in text


def test_an_empty_list_says_how_to_begin(sam: Cli) -> None:
    assert sam("remember", "list", "Sam").out == (
        "Nothing kept for Sam yet. Try: reciprocity remember date Sam birthday YYYY-MM-DD\n"
    )


def test_an_item_is_forgotten_by_its_short_id(sam: Cli) -> None:
    sam("remember", "date", "Sam", "birthday", "1992-05-01")
    item = remembered(sam)["important_dates"][0]
    result = sam("remember", "remove", item["id"][:8])
    assert result.out == "Forgotten: birthday.\n"
    assert remembered(sam)["important_dates"] == []


def test_due_lists_dates_and_follow_ups_coming_up(sam: Cli) -> None:
    soon = TODAY + dt.timedelta(days=3)
    sam("remember", "date", "Sam", "birthday", soon.replace(year=soon.year - 30).isoformat())
    sam("remember", "shared", "Sam", "the exam", "--follow-up", TODAY.isoformat())
    sam("remember", "shared", "Sam", "the trip", "--follow-up", "2099-01-01")
    lines = sam("due").out.splitlines()
    assert lines == [
        "Sam: no audit yet; the first one is whenever you are ready.",
        "Sam: a follow-up on what they shared, 'the exam', today.",
        f"Sam: birthday on {soon}, in 3 days.",
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("remember", "care", "Sam", "--theirs", "words,tiem"),
            "error: --theirs: unknown way of receiving care 'tiem'; use one of words, time, "
            "practical-help, presence, gifts, touch (did you mean time?)",
        ),
        (
            ("remember", "date", "Sam", "birthday", "1992-13-01"),
            "error: DATE: '1992-13-01' is not a date; use YYYY-MM-DD",
        ),
        (
            ("remember", "shared", "Sam", "the move", "--follow-up", "soon"),
            "error: --follow-up: 'soon' is not a date; use YYYY-MM-DD",
        ),
        (
            ("remember", "date", "Kim", "birthday", "1992-01-01"),
            "error: no relationship called 'Kim'",
        ),
        (
            ("remember", "shared", "Sam", "   "),
            "error: TEXT: cannot be empty; say in a few words what to remember",
        ),
        (
            ("remember", "done", "0000dead"),
            "error: nothing remembered with an id starting '0000dead'; "
            "see `reciprocity remember list NAME`",
        ),
        (
            ("remember", "remove", "ab"),
            "error: give at least 4 characters of the id (got 'ab'); "
            "see `reciprocity remember list NAME`",
        ),
        (
            ("remember", "care", "Sam"),
            "error: give --theirs, --mine or --note to say what to keep",
        ),
    ],
)
def test_bad_input_gets_one_line_and_changes_nothing(
    sam: Cli, args: tuple[str, ...], error: str
) -> None:
    sam("remember", "date", "Sam", "birthday", "1992-05-01")
    sam("remember", "care", "Sam", "--theirs", "gifts")
    before = stored(sam)

    result = sam(*args)

    assert result.code != 0
    assert result.err.startswith(error), result.err
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert stored(sam) == before


def test_a_date_cannot_be_marked_done(sam: Cli) -> None:
    sam("remember", "date", "Sam", "birthday", "1992-05-01")
    item = remembered(sam)["important_dates"][0]
    result = sam("remember", "done", item["id"][:8])
    assert result.code == 2
    assert result.err == (
        f"error: ID: {item['id'][:8]} is an important date, not a follow-up; "
        "only things shared can be marked done\n"
    )
