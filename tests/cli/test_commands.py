"""The CLI through main(argv): each command on a real database file, and every bad input."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from reciprocity import messages
from tests.conftest import TODAY, Cli

ANSWERS = """
date = {date}

[initiation]
score = 2
lean = "i-carry"
example = "I planned our last three evenings."

[depth]
score = 4
lean = "mutual"
example = "Sam listened properly when I talked about my brother."

[crisis]
no_recent_example = true

[maintenance]
score = 2
lean = "they-carry"
example = "Sam remembered every appointment I had this autumn."

[self]
giving = 4
receiving = 3
"""


def answers(tmp_path: Path, text: str = ANSWERS, *, date: str = "2026-01-15") -> Path:
    path = tmp_path / f"answers-{date}.toml"
    path.write_text(text.replace("{date}", date), encoding="utf-8")
    return path


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam", "--kind", "partner").code == 0
    return cli


def test_the_first_run_welcomes_and_suggests_three_relationships(cli: Cli) -> None:
    result = cli()
    assert result.code == 0
    assert messages.WELCOME in result.out
    assert "a partner, a close friend and someone in their family" in result.out


def test_people_are_added_listed_renamed_and_removed(cli: Cli) -> None:
    first = cli("person", "add", "Sam", "--kind", "partner")
    assert first.out.startswith("Added Sam (partner).")
    assert "Many people look at three relationships" in first.out  # the first one only
    assert first.out.rstrip().endswith("reciprocity audit Sam")
    second = cli("person", "add", "Alex")
    assert second.out.startswith("Added Alex (friend).")
    assert "reciprocity audit Alex" in second.out
    listing = cli("person", "list").out.splitlines()
    assert listing[0].split() == ["Name", "Kind", "Audits", "Latest"]
    assert [line.split()[:3] for line in listing[1:]] == [
        ["Alex", "friend", "0"],
        ["Sam", "partner", "0"],
    ]
    assert cli("person", "rename", "alex", "Alexandra").out.strip() == "Renamed Alex to Alexandra."
    assert (
        cli("person", "remove", "Sam", "--yes").out.strip()
        == "Removed Sam and everything kept about them (0 audits)."
    )
    assert [line.split()[0] for line in cli("person", "list").out.splitlines()[1:]] == ["Alexandra"]


def test_removing_asks_first_and_no_keeps_everything(
    sam: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    result = sam("person", "remove", "Sam")
    assert result.code == 0
    assert messages.NOTHING_REMOVED in result.out
    assert "Sam" in sam("person", "list").out


def test_usage_errors_read_like_every_other_error(cli: Cli) -> None:
    # Click's own "Error: Missing option" once stood beside our "error: ..." lines.
    missing = cli("evidence", "import", "chat.txt")
    assert missing.code == 2
    lines = missing.err.splitlines()
    assert lines[-1] == f"{messages.ERR_PREFIX}missing option '--person'."
    assert "Try 'reciprocity evidence import -h' for help." in lines
    no_value = cli("evidence", "import", "chat.txt", "--person", "Sam", "--me")
    assert no_value.code == 2
    assert no_value.err.strip() == f"{messages.ERR_PREFIX}option '--me' requires an argument."
    typo = cli("evidence", "imprt")
    assert typo.code == 2
    assert typo.err.splitlines()[-1].startswith(f"{messages.ERR_PREFIX}no such command 'imprt'")
    assert "Error:" not in missing.err + no_value.err + typo.err


def test_an_unknown_kind_is_refused_with_the_choices(cli: Cli) -> None:
    result = cli("person", "add", "Sam", "--kind", "lover")
    assert result.code == 2
    assert "partner" in result.err
    assert "Traceback" not in result.err


def test_a_taken_name_is_refused(sam: Cli) -> None:
    result = sam("person", "add", "sam")
    assert (result.code, result.err) == (1, "error: there is already a relationship called 'Sam'\n")


def test_an_audit_from_a_file_is_saved_shown_and_listed(sam: Cli, tmp_path: Path) -> None:
    saved = sam("audit", "Sam", "--answers", str(answers(tmp_path)))
    assert saved.code == 0, saved.err
    assert saved.out.strip() == "Saved the audit of Sam for 2026-01-15."
    shown = sam("show", "Sam")
    assert shown.out.startswith("Sam (partner), audit of 2026-01-15")
    assert "Crisis response  -" in shown.out
    assert "Proposed overall rating: 4 of 5." in shown.out
    assert "Another dimension leans the other way, which softens this" in shown.out
    document = json.loads(sam("show", "Sam", "--json").out)
    assert document["audit"]["initiation"] == {
        "score": 2,
        "lean": "i-carry",
        "example": "I planned our last three evenings.",
    }
    assert document["proposal"]["value"] == 4
    assert document["proposal"]["explanation"][0].startswith("Proposed overall rating")
    history = json.loads(sam("history", "Sam", "--json").out)
    assert [a["date"] for a in history["audits"]] == ["2026-01-15"]
    table = sam("history", "Sam").out.splitlines()
    assert table[2].split()[:4] == ["2026-01-15", "2", "I", "carry"]


def test_history_lists_audits_oldest_first(sam: Cli, tmp_path: Path) -> None:
    for date in ("2026-06-01", "2026-01-15", "2026-03-01"):
        assert sam("audit", "Sam", "-a", str(answers(tmp_path, date=date))).code == 0
    history = json.loads(sam("history", "Sam", "--json").out)
    assert [a["date"] for a in history["audits"]] == ["2026-01-15", "2026-03-01", "2026-06-01"]
    assert json.loads(sam("show", "Sam", "--json").out)["audit"]["date"] == "2026-06-01"
    assert json.loads(sam("show", "Sam", "--date", "2026-03-01", "--json").out)["audit"][
        "date"
    ] == ("2026-03-01")


def test_editing_an_audit_keeps_the_earlier_revision(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    changed = answers(tmp_path, "revision = 1\n" + ANSWERS.replace("score = 4", "score = 5"))
    result = sam("audit", "Sam", "-a", str(changed), "--edit", "2026-01-15")
    assert result.code == 0, result.err
    assert "revision 2" in result.out
    document = json.loads(sam("show", "Sam", "--json").out)
    assert document["audit"]["revision"] == 2
    assert document["audit"]["depth"]["score"] == 5
    assert [e["revision"] for e in document["earlier_revisions"]] == [1]
    exported = json.loads(sam("export").out)
    (earlier,) = exported["audits"][0]["earlier_revisions"]
    assert earlier["audit"]["depth"]["score"] == 4


def test_an_edit_must_say_which_revision_it_starts_from(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    result = sam("audit", "Sam", "-a", str(answers(tmp_path)), "--edit", "2026-01-15")
    assert result.code == 2
    assert "revision: to revise, add revision = 1 to the file" in result.err
    assert json.loads(sam("show", "Sam", "--json").out)["audit"]["revision"] == 1


def test_two_edits_from_the_same_revision_cannot_overwrite_each_other(
    sam: Cli, tmp_path: Path
) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    mine = answers(tmp_path, "revision = 1\n" + ANSWERS.replace("score = 4", "score = 5"))
    first = sam("audit", "Sam", "-a", str(mine), "--edit", "2026-01-15")
    assert first.code == 0, first.err
    theirs = tmp_path / "theirs.toml"
    theirs.write_text(
        "revision = 1\n"
        + ANSWERS.replace("{date}", "2026-01-15").replace(
            'score = 4\nlean = "mutual"', 'score = 3\nlean = "i-carry"'
        ),
        encoding="utf-8",
    )
    second = sam("audit", "Sam", "-a", str(theirs), "--edit", "2026-01-15")
    assert second.code == 1
    assert "changed elsewhere since you opened it" in second.err
    assert json.loads(sam("show", "Sam", "--json").out)["audit"]["depth"]["score"] == 5


def test_an_edit_keeps_the_audits_date_when_the_file_gives_none(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    undated = tmp_path / "undated.toml"
    undated.write_text("revision = 1\n" + ANSWERS.replace("date = {date}", ""), encoding="utf-8")
    result = sam("audit", "Sam", "-a", str(undated), "--edit", "2026-01-15")
    assert result.code == 0, result.err
    assert json.loads(sam("show", "Sam", "--json").out)["audit"]["date"] == "2026-01-15"


def test_an_edit_cannot_move_an_audit_to_another_date(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    moved = answers(tmp_path, "revision = 1\n" + ANSWERS, date="2026-01-20")
    result = sam("audit", "Sam", "-a", str(moved), "--edit", "2026-01-15")
    assert result.code == 2
    assert (
        "the file is dated 2026-01-20, but the audit being revised is of 2026-01-15" in result.err
    )


def test_showing_a_date_without_an_audit_lists_the_dates_there_are(
    sam: Cli, tmp_path: Path
) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    result = sam("show", "Sam", "--date", "2026-01-16")
    assert result.code == 1
    assert result.err == (
        "error: no audit of Sam on 2026-01-16; the latest audits are on 2026-01-15\n"
    )


def test_a_typo_in_the_kind_suggests_the_nearest(cli: Cli) -> None:
    result = cli("person", "add", "Priya", "--kind", "freind")
    assert result.code == 2
    assert result.err == (
        "error: --kind: unknown kind 'freind'; use one of partner, friend, family, colleague, "
        "other (did you mean friend?)\n"
    )
    assert cli("person", "add", "Priya", "--kind", "Friend").out.startswith("Added Priya (friend)")


def test_an_empty_database_path_is_refused_not_taken_for_the_default(cli: Cli) -> None:
    result = cli("--db", "", "person", "list", db=False)
    assert result.code == 2
    assert "the database path is empty" in result.err


def test_a_lock_timeout_that_is_not_a_number_is_explained(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECIPROCITY_LOCK_TIMEOUT", "abc")
    result = cli("person", "list")
    assert result.code == 2
    assert result.err == (
        "error: RECIPROCITY_LOCK_TIMEOUT: RECIPROCITY_LOCK_TIMEOUT must be a number of seconds "
        "(got 'abc')\n"
    )


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_an_export_to_a_place_that_cannot_be_written_is_explained(
    sam: Cli, tmp_path: Path, where: str
) -> None:
    target = tmp_path / "no" / "x.json" if where == "missing-folder" else tmp_path
    result = sam("export", "-o", str(target))
    assert result.code == 2
    assert result.err.startswith(f"error: {target}: cannot write the file: ")
    assert len(result.err.splitlines()) == 1


def test_importing_the_csv_export_explains_what_import_reads(sam: Cli, tmp_path: Path) -> None:
    out = tmp_path / "audits.csv"
    sam("export", "--format", "csv", "-o", str(out))
    result = sam("import", str(out))
    assert result.code == 2
    assert "import reads the JSON export; CSV is for spreadsheets" in result.err


def test_the_demo_does_not_replace_an_existing_file_unless_forced(cli: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    refused = cli("demo", "-o", str(notes))
    assert refused.code == 2
    assert "already exists; choose another file, or add --force" in refused.err
    assert notes.read_text(encoding="utf-8") == "my notes"
    demo = tmp_path / "demo.db"
    assert cli("demo", "-o", str(demo)).code == 0
    assert cli("demo", "-o", str(demo), "--force").code == 0
    assert "Mum" in Cli(demo, cli.capsys)("person", "list").out


def test_a_second_audit_on_the_same_day_points_to_edit(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    result = sam("audit", "Sam", "-a", str(answers(tmp_path)))
    assert result.code == 1
    assert "--edit 2026-01-15" in result.err


def test_accusatory_wording_gets_a_gentle_note_but_is_saved(sam: Cli, tmp_path: Path) -> None:
    text = ANSWERS.replace("I planned our last three evenings.", "You never plan anything.")
    result = sam("audit", "Sam", "-a", str(answers(tmp_path, text)))
    assert result.code == 0
    assert messages.PHRASING_NOTE_HEADER in result.err
    assert '"You never"' in result.err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('score = 2\nlean = "i-carry"', 'score = 7\nlean = "i-carry"'),
            ":5: initiation.score: must be",
        ),
        (('lean = "mutual"', 'lean = "sideways"'), ":11: depth.lean: unknown lean 'sideways'"),
        (("[self]", "[self"), ":22: not valid TOML"),
        (("receiving = 3", "receiving = 3\nmood = 2"), ":25: self.mood: unknown key"),
    ],
)
def test_bad_answers_get_one_located_line_and_nothing_is_saved(
    sam: Cli, tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    path = answers(tmp_path, ANSWERS.replace(*change))
    result = sam("audit", "Sam", "--answers", str(path))
    assert result.code == 2
    assert result.err == f"error: {path}{expected}" + result.err.split(expected, 1)[1]
    assert len(result.err.splitlines()) == 1
    assert json.loads(sam("history", "Sam", "--json").out)["audits"] == []


def test_an_unknown_person_is_named_in_the_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("audit", "Nobody", "-a", str(answers(tmp_path)))
    assert result.code == 1
    assert result.err == "error: no relationship called 'Nobody'; see `reciprocity person list`\n"


def test_a_missing_answers_file_is_reported(sam: Cli, tmp_path: Path) -> None:
    result = sam("audit", "Sam", "-a", str(tmp_path / "nope.toml"))
    assert result.code == 2
    assert result.err.startswith(f"error: {tmp_path / 'nope.toml'}: cannot read the file")


def test_export_then_import_elsewhere_round_trips_and_repeats_safely(
    sam: Cli, tmp_path: Path
) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    out = tmp_path / "export.json"
    result = sam("export", "-o", str(out))
    assert result.code == 0
    assert "Wrote 1 relationship and 1 audit" in result.err
    document = json.loads(out.read_text(encoding="utf-8"))
    assert (document["format"], document["schema_version"]) == ("reciprocity-export", 2)

    other = Cli(tmp_path / "other.db", sam.capsys)
    first = other("import", str(out))
    assert first.code == 0, first.err
    assert "1 relationship added" in first.out
    again = other("import", str(out))
    assert (
        "0 relationships added (1 already here); 0 audits added, 0 updated (1 already here); "
        "0 seasons added (0 already here)" in again.out
    )
    ours = json.loads(sam("export").out)
    theirs = json.loads(other("export").out)
    ours.pop("exported_at")
    theirs.pop("exported_at")
    assert ours == theirs


def test_csv_export_has_one_row_per_dimension(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    rows = list(csv.DictReader(io.StringIO(sam("export", "--format", "csv").out)))
    assert [r["dimension"] for r in rows] == ["initiation", "depth", "crisis", "maintenance"]
    assert rows[2]["no_recent_example"] == "true"
    assert rows[2]["score"] == ""
    assert {r["person"] for r in rows} == {"Sam"}


def test_a_bad_import_reports_every_problem_and_imports_nothing(sam: Cli, tmp_path: Path) -> None:
    sam("audit", "Sam", "-a", str(answers(tmp_path)))
    document = json.loads(sam("export").out)
    document["audits"][0]["depth"]["score"] = 9
    document["audits"][0]["person_id"] = "someone-else"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    target = Cli(tmp_path / "fresh.db", sam.capsys)
    result = target("import", str(bad))
    assert result.code == 2
    assert result.err.splitlines() == [
        f"error: {bad}: audits[0].person_id: refers to person id 'someone-else', "
        "which is not in the file",
        f"error: {bad}: audits[0].depth.score: must be a whole number from 1 to 5 (got 9)",
    ]
    assert target("person", "list").out.startswith(messages.NO_PEOPLE_YET)


def test_broken_json_says_the_line(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "reciprocity-export",\n  "people": [,]\n}', encoding="utf-8")
    result = cli("import", str(bad))
    assert result.code == 2
    assert result.err.startswith(f"error: {bad}:3: not valid JSON")


def test_an_export_from_a_newer_version_is_refused(cli: Cli, tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"format": "reciprocity-export", "schema_version": 99}), encoding="utf-8"
    )
    result = cli("import", str(newer))
    assert result.code == 2
    assert "schema_version: written by a newer version of reciprocity (schema 99" in result.err


def test_a_database_from_a_newer_version_is_refused_untouched(sam: Cli) -> None:
    with sqlite3.connect(sam.db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = sam.db.read_bytes()
    result = sam("person", "list")
    assert result.code == 1
    assert "written by a newer version of reciprocity (schema 9999_future)" in result.err
    assert "Traceback" not in result.err
    assert sam.db.read_bytes() == before


def test_a_file_that_is_not_a_database_is_named(cli: Cli) -> None:
    cli.db.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    result = cli("person", "list")
    assert result.code == 1
    assert result.err == f"error: {cli.db}: this file is not a reciprocity database\n"


def test_a_locked_database_says_so_and_changes_nothing(
    sam: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECIPROCITY_LOCK_TIMEOUT", "0.1")
    holder = sqlite3.connect(sam.db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = sam("person", "add", "Alex")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.code == 1
    assert result.err.startswith(f"error: {sam.db}: the database is busy")
    assert "Alex" not in sam("person", "list").out


def test_a_database_in_a_missing_folder_is_explained(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "r.db"
    result = cli("--db", str(missing), "person", "list", db=False)
    assert result.code == 1
    assert "the folder" in result.err
    assert "does not exist" in result.err


def test_a_folder_given_as_the_database_is_explained(cli: Cli, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path), "person", "list", db=False)
    assert result.code == 1
    assert result.err == (
        f"error: {tmp_path}: cannot open the database: that is a folder; give a file name\n"
    )


def test_an_unreachable_database_server_gets_one_line_without_the_password(cli: Cli) -> None:
    url = "postgresql+psycopg://someone:secret@127.0.0.1:1/nothing"
    result = cli("--db", url, "person", "list", db=False)
    assert result.code == 1
    assert len(result.err.splitlines()) == 1
    assert "secret" not in result.err
    assert result.err.startswith("error: postgresql+psycopg://someone:***@127.0.0.1:1/nothing: ")


def test_the_database_can_come_from_the_environment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "from-env.db"
    monkeypatch.setenv("RECIPROCITY_DB", str(chosen))
    assert cli("person", "add", "Sam", db=False).code == 0
    assert chosen.exists()
    assert not cli.db.exists()


def test_the_demo_goes_to_its_own_file(cli: Cli, tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    result = cli("demo", "-o", str(demo))
    assert result.code == 0, result.err
    assert f"--db {demo} show Mum" in result.out
    viewer = Cli(demo, cli.capsys)
    people = viewer("person", "list").out
    for name in ("Alex", "Mum", "Sam"):
        assert name in people
    history = json.loads(viewer("history", "Alex", "--json").out)
    assert len(history["audits"]) == 8
    assert history["audits"][-1]["date"] == TODAY.isoformat()
    assert not cli.db.exists()  # the person's own database was never touched


def test_the_demo_never_overwrites_the_persons_database(sam: Cli) -> None:
    result = sam("demo", "-o", str(sam.db))
    assert result.code == 2
    assert "would overwrite your own database" in result.err
    assert "Sam" in sam("person", "list").out


def test_an_audit_dated_in_the_future_is_refused(sam: Cli, tmp_path: Path) -> None:
    future = TODAY.replace(year=TODAY.year + 1).isoformat()
    result = sam("audit", "Sam", "-a", str(answers(tmp_path, date=future)))
    assert result.code == 2
    assert f"date: {future} is in the future" in result.err


def test_blame_without_a_rule_gets_the_second_opinion(sam: Cli, tmp_path: Path) -> None:
    text = ANSWERS.replace("I planned our last three evenings.", "You made it all about you again.")
    result = sam("audit", "Sam", "-a", str(answers(tmp_path, text)))
    assert result.code == 0
    assert messages.PHRASING_NOTE_HEADER in result.err
    assert messages.TONE_REFRAME in result.err
