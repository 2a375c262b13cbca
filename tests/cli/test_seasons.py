"""``reciprocity season ...`` through main(argv): each command, and every bad input refused."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from reciprocity import messages
from tests.conftest import TODAY, Cli


@pytest.fixture
def mum(cli: Cli) -> Cli:
    assert cli("person", "add", "Mum", "--kind", "family").code == 0
    return cli


def seasons(cli: Cli, *name: str) -> list[dict[str, Any]]:
    result = cli("season", "list", *name, "--json")
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)["seasons"]
    return found


def stored(cli: Cli) -> dict[str, Any]:
    """Everything in the database, as the export has it (without the moment of export)."""
    document: dict[str, Any] = json.loads(cli("export").out)
    document.pop("exported_at")
    return document


def add_illness(cli: Cli, *extra: str) -> dict[str, Any]:
    args = ("--whose", "them", "--kind", "illness", "--from", "2026-09-01", *extra)
    result = cli("season", "add", "Mum", *args)
    assert result.code == 0, result.err
    return seasons(cli)[-1]


# --- add -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("whose", "expected"),
    [
        (
            "them",
            "Added Mum's season, marked by illness (from 2026-09-01, ongoing). While it lasts, "
            "low scores where you carry more will be read as temporary, not as a problem to fix.",
        ),
        (
            "me",
            "Added your season with Mum, marked by illness (from 2026-09-01, ongoing). While it "
            "lasts, low scores where Mum carries more will be read as temporary, not as a "
            "problem to fix.",
        ),
        (
            "both",
            "Added the season you and Mum share, marked by illness (from 2026-09-01, ongoing). "
            "While it lasts, low scores leaning either way will be read as temporary, not as a "
            "problem to fix.",
        ),
    ],
)
def test_adding_a_season_says_whose_it_is_and_how_it_is_read(
    mum: Cli, whose: str, expected: str
) -> None:
    result = mum(
        "season", "add", "mum", "--whose", whose, "--kind", "illness", "--from", "2026-09-01"
    )

    assert result.code == 0, result.err
    assert result.out == expected + "\n"


def test_a_season_without_an_end_is_ongoing_and_one_with_an_end_keeps_it(mum: Cli) -> None:
    ongoing = add_illness(mum, "--note", "Her hip operation")
    ended = mum(
        "season",
        "add",
        "Mum",
        "--whose",
        "ME",
        "--kind",
        "New-Baby",
        "--from",
        "2025-03-01",
        "--to",
        "2025-09-01",
    )

    assert ended.code == 0, ended.err
    assert "marked by a new baby (from 2025-03-01 to 2025-09-01)" in ended.out
    assert {k: ongoing[k] for k in ("person", "whose", "kind", "from", "to", "note")} == {
        "person": "Mum",
        "whose": "them",
        "kind": "illness",
        "from": "2026-09-01",
        "to": None,
        "note": "Her hip operation",
    }
    assert [(s["kind"], s["to"]) for s in seasons(mum)] == [
        ("new-baby", "2025-09-01"),
        ("illness", None),
    ]


def test_an_explicitly_ongoing_season_is_the_same_as_one_without_an_end(mum: Cli) -> None:
    assert add_illness(mum, "--ongoing")["to"] is None


# --- list ----------------------------------------------------------------------------------


def test_the_list_shows_each_season_earliest_first_with_a_short_id(mum: Cli) -> None:
    mum("person", "add", "Alex")
    add_illness(mum, "--note", "Her hip operation")
    mum(
        "season",
        "add",
        "Alex",
        "--whose",
        "me",
        "--kind",
        "job-loss",
        "--from",
        "2026-02-01",
        "--to",
        "2026-05-31",
    )
    ids = [s["id"] for s in seasons(mum)]

    lines = mum("season", "list").out.splitlines()

    assert lines[0].split() == ["Person", "Id", "Whose", "Kind", "From", "To", "Note"]
    assert lines[1].split() == ["Alex", ids[0][:8], "yours", "job-loss", "2026-02-01", "2026-05-31"]
    assert lines[2].split() == [
        "Mum",
        ids[1][:8],
        "theirs",
        "illness",
        "2026-09-01",
        "ongoing",
        "Her",
        "hip",
        "operation",
    ]
    only_alex = mum("season", "list", "alex").out.splitlines()
    assert [line.split()[0] for line in only_alex] == ["Person", "Alex"]
    assert [s["person"] for s in seasons(mum, "Mum")] == ["Mum"]


def test_an_empty_list_says_so_kindly(mum: Cli) -> None:
    everyone = mum("season", "list")
    assert (everyone.code, everyone.out) == (0, messages.NO_SEASONS_YET + "\n")
    assert mum("season", "list", "mum").out == "No seasons marked for Mum.\n"
    assert seasons(mum) == []


# --- end, edit, remove ---------------------------------------------------------------------


def test_ending_a_season_today_or_on_a_given_day(mum: Cli) -> None:
    first = add_illness(mum)
    mum("season", "add", "Mum", "--whose", "me", "--kind", "grief", "--from", "2026-01-01")
    second = seasons(mum)[0]

    today = mum("season", "end", first["id"][:6])
    on_a_day = mum("season", "end", second["id"], "--on", "2026-04-30")

    assert today.out == f"Ended Mum's season, marked by illness (from 2026-09-01 to {TODAY}).\n"
    assert on_a_day.out == (
        "Ended your season with Mum, marked by grief (from 2026-01-01 to 2026-04-30).\n"
    )
    assert [s["to"] for s in seasons(mum)] == ["2026-04-30", TODAY.isoformat()]


def test_editing_changes_only_what_is_given(mum: Cli) -> None:
    season = add_illness(mum, "--note", "Her hip operation")

    result = mum("season", "edit", season["id"][:8], "--kind", "caregiving", "--to", "2026-10-15")

    assert result.code == 0, result.err
    assert result.out == (
        "Updated Mum's season, marked by caregiving (from 2026-09-01 to 2026-10-15).\n"
    )
    (changed,) = seasons(mum)
    assert changed == {**season, "kind": "caregiving", "to": "2026-10-15"}
    mum("season", "edit", season["id"], "--ongoing", "--whose", "both", "--note", "")
    assert seasons(mum) == [{**season, "kind": "caregiving", "whose": "both", "note": ""}]


def test_removing_a_season_asks_first(mum: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    season = add_illness(mum)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))

    kept = mum("season", "remove", season["id"][:8])

    assert kept.code == 0
    assert "Remove Mum's season, marked by illness (from 2026-09-01, ongoing)?" in kept.out
    assert kept.out.rstrip().endswith(messages.NOTHING_REMOVED)
    assert seasons(mum) == [season]
    removed = mum("season", "remove", season["id"][:8], "--yes")
    assert removed.out == "Removed Mum's season, marked by illness (from 2026-09-01, ongoing).\n"
    assert seasons(mum) == []


def test_seasons_travel_with_an_export(mum: Cli, tmp_path: Path) -> None:
    add_illness(mum, "--note", "Her hip operation")
    backup = tmp_path / "backup.json"
    mum("export", "-o", str(backup))

    other = Cli(tmp_path / "other.db", mum.capsys)
    first = other("import", str(backup))
    again = other("import", str(backup))

    assert "; 1 season added (0 already here)." in first.out
    assert "; 0 seasons added (1 already here)." in again.out
    assert seasons(other) == seasons(mum)


# --- bad input -----------------------------------------------------------------------------

FUTURE = (TODAY + dt.timedelta(days=3)).isoformat()
ADD = ("season", "add", "Mum", "--whose", "them", "--kind", "illness")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            (*ADD, "--from", "2026-03-01", "--to", "2026-01-01"),
            "error: --to: the season cannot end (2026-01-01) before it starts (2026-03-01)",
        ),
        (
            ("season", "add", "Mum", "--whose", "them", "--kind", "greif", "--from", "2026-03-01"),
            "error: --kind: unknown kind 'greif'; use one of illness, grief, caregiving, "
            "new-baby, move, job-loss, other (did you mean grief?)",
        ),
        (
            ("season", "add", "Mum", "--whose", "they", "--kind", "grief", "--from", "2026-03-01"),
            "error: --whose: unknown 'they'; say whose season it is with one of me, them, both "
            "(did you mean them?)",
        ),
        (
            ("season", "add", "Nobody", "--whose", "me", "--kind", "move", "--from", "2026-03-01"),
            "error: no relationship called 'Nobody'; see `reciprocity person list`",
        ),
        (
            (*ADD, "--from", FUTURE),
            f"error: --from: {FUTURE} is in the future; add a season once it has begun "
            "(it can be ongoing)",
        ),
        (
            (*ADD, "--from", "2026-03-01", "--to", "2026-04-01", "--ongoing"),
            "error: --to: give either --to DATE or --ongoing, not both",
        ),
        (
            (*ADD, "--from", "1 March"),
            "error: --from: '1 March' is not a date; use YYYY-MM-DD",
        ),
        (
            ("season", "list", "Nobody"),
            "error: no relationship called 'Nobody'; see `reciprocity person list`",
        ),
        (
            ("season", "end", "0000dead"),
            "error: no season with an id starting '0000dead'; see `reciprocity season list`",
        ),
        (
            ("season", "edit", "abc", "--note", "x"),
            "error: give at least 4 characters of the season's id (got 'abc'); "
            "see `reciprocity season list`",
        ),
        (
            ("season", "remove", "0000dead", "--yes"),
            "error: no season with an id starting '0000dead'; see `reciprocity season list`",
        ),
    ],
)
def test_bad_input_gets_one_line_and_changes_nothing(
    mum: Cli, args: tuple[str, ...], error: str
) -> None:
    add_illness(mum)
    before = stored(mum)

    result = mum(*args)

    assert result.code != 0
    assert result.err == error + "\n"
    assert "Traceback" not in result.err
    assert stored(mum) == before


def test_a_season_cannot_end_twice_or_before_it_began(mum: Cli) -> None:
    season = add_illness(mum)
    before_start = mum("season", "end", season["id"][:8], "--on", "2026-08-31")
    assert (before_start.code, before_start.err) == (
        2,
        "error: --on: the season cannot end (2026-08-31) before it starts (2026-09-01)\n",
    )
    assert seasons(mum) == [season]

    assert mum("season", "end", season["id"][:8], "--on", "2026-10-01").code == 0
    ended = seasons(mum)
    again = mum("season", "end", season["id"][:8])

    assert again.code == 2
    assert again.err == (
        "error: this season already ended on 2026-10-01; to change when it ended, use "
        f"`reciprocity season edit {season['id'][:8]} --to DATE`\n"
    )
    assert seasons(mum) == ended


def test_an_edit_is_checked_by_the_same_rules(mum: Cli) -> None:
    season = add_illness(mum)
    cases = [
        (("--to", "2026-01-01"), "error: --to: the season cannot end (2026-01-01) before"),
        (("--from", FUTURE), f"error: --from: {FUTURE} is in the future"),
        (("--kind", "flu"), "error: --kind: unknown kind 'flu'"),
        (("--to", "2026-10-01", "--ongoing"), "error: --to: give either --to DATE or --ongoing"),
        ((), "error: nothing to change; give one or more of --whose, --kind"),
    ]
    for options, error in cases:
        result = mum("season", "edit", season["id"][:8], *options)
        assert result.code == 2, options
        assert result.err.startswith(error), result.err
        assert len(result.err.splitlines()) == 1
    assert seasons(mum) == [season]


def test_an_id_two_seasons_share_is_ambiguous(mum: Cli, tmp_path: Path) -> None:
    document = stored(mum)
    person_id = document["people"][0]["id"]
    document["seasons"] = [
        {
            "id": f"abcd000{n}",
            "person_id": person_id,
            "whose": "me",
            "kind": "move",
            "from": "2026-01-0" + str(n),
            "to": None,
            "note": "",
        }
        for n in (1, 2)
    ]
    shared = tmp_path / "shared.json"
    shared.write_text(json.dumps(document), encoding="utf-8")
    assert mum("import", str(shared)).code == 0
    before = stored(mum)

    result = mum("season", "remove", "ABCD", "--yes")

    assert result.code == 1
    assert result.err == (
        "error: more than one season has an id starting 'ABCD'; give more of it "
        "(see `reciprocity season list`)\n"
    )
    assert stored(mum) == before
    assert mum("season", "remove", "abcd0002", "--yes").code == 0
    assert [s["id"] for s in seasons(mum)] == ["abcd0001"]
