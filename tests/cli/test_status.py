"""`reciprocity status` and `reciprocity settings` through main(argv), on a real database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reciprocity import messages
from tests.conftest import TODAY, Cli

ANSWERS = """
date = {date}

[initiation]
score = {initiation}
lean = "i-carry"
example = "I started our last few conversations."

[depth]
score = 5
example = "We both went deep when Dad was ill."

[crisis]
no_recent_example = true

[maintenance]
score = 5
example = "We both keep the little rituals going."

[self]
giving = 4
receiving = {receiving}

[reflection]
kind = "picture"
text = "We take turns starting our weekly call."
first_step = "Ask Alex to call me on Sunday."
"""


def audit(cli: Cli, tmp_path: Path, on: dt.date, initiation: int, receiving: int = 4) -> None:
    path = tmp_path / f"{on}.toml"
    path.write_text(
        ANSWERS.format(date=on.isoformat(), initiation=initiation, receiving=receiving),
        encoding="utf-8",
    )
    result = cli("audit", "Alex", "--answers", str(path))
    assert result.code == 0, result.err


def quarters(count: int) -> list[dt.date]:
    return [TODAY - dt.timedelta(days=91 * (count - 1 - i)) for i in range(count)]


def test_status_reads_a_chronic_imbalance_with_its_reasons(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Alex")
    for on in quarters(4):
        audit(cli, tmp_path, on, initiation=2)
    result = cli("status", "Alex")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Alex (friend): ")
    assert "  Initiation: chronic imbalance, carried by you" in lines
    assert any("in 4 audits over 273 days, none of them explained" in line for line in lines)
    assert any("has leaned your way for a while" in line for line in lines)
    document = json.loads(cli("status", "--json").out)
    (alex,) = document["relationships"]
    assert alex["dimensions"]["initiation"]["state"] == "chronic-imbalance"
    assert alex["dimensions"]["initiation"]["carried_by"] == "i-carry"
    assert [a["score"] for a in alex["dimensions"]["initiation"]["audits"]] == [2, 2, 2, 2]
    assert alex["dimensions"]["crisis"]["state"] == "not-enough-history"


def test_a_season_turns_the_same_audits_into_temporary_asymmetry(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Alex")
    dates = quarters(4)
    for on in dates:
        audit(cli, tmp_path, on, initiation=2)
    start = dates[0].isoformat()
    added = cli("season", "add", "Alex", "--whose", "them", "--kind", "grief", "--from", start)
    assert added.code == 0, added.err
    document = json.loads(cli("status", "Alex", "--json").out)
    initiation = document["relationships"][0]["dimensions"]["initiation"]
    assert (initiation["state"], initiation["rule"]) == ("temporary-asymmetry", "in-season")
    assert "their grief season" in initiation["explanation"][0]


def test_settings_change_what_counts_as_chronic(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Alex")
    for on in quarters(4):
        audit(cli, tmp_path, on, initiation=2)
    assert cli("settings", "set", "patterns.chronic_min_days", "400").code == 0
    document = json.loads(cli("status", "Alex", "--json").out)
    assert document["relationships"][0]["dimensions"]["initiation"]["state"] == (
        "not-enough-history"
    )
    shown = json.loads(cli("settings", "--json").out)
    assert shown["patterns.chronic_min_days"] == {"value": 400, "default": 180}
    assert cli("settings", "reset", "patterns.chronic_min_days").code == 0
    assert json.loads(cli("settings", "--json").out)["patterns.chronic_min_days"]["value"] == 180


def test_a_bad_setting_is_refused_and_nothing_changes(cli: Cli) -> None:
    result = cli("settings", "set", "patterns.low_at_or_below", "9")
    assert result.code == 2
    assert result.err == ("error: patterns.low_at_or_below: must be a whole number from 1 to 5\n")
    unknown = cli("settings", "set", "patterns.nope", "3")
    assert unknown.code == 2
    assert unknown.err.startswith("error: patterns.nope: unknown setting; the settings are: ")
    assert json.loads(cli("settings", "--json").out)["patterns.low_at_or_below"]["value"] == 3


def test_someone_who_never_lets_themselves_receive_is_told_gently(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Alex")
    for on in quarters(3):
        audit(cli, tmp_path, on, initiation=4, receiving=1)
    out = cli("status", "Alex").out
    assert "openness to receiving 1, 1, 1 of 5" in out


def test_status_without_people_says_how_to_start(cli: Cli) -> None:
    assert cli("status").out.strip() == messages.STATUS_NO_PEOPLE


def test_status_of_an_unknown_person_is_one_line(cli: Cli) -> None:
    result = cli("status", "Nobody")
    assert result.code == 1
    assert result.err == "error: no relationship called 'Nobody'; see `reciprocity person list`\n"


def test_status_on_a_database_from_an_older_version_upgrades_it_and_answers(
    cli: Cli,
) -> None:
    from alembic import command

    from reciprocity.store import create_store_engine
    from reciprocity.store.engine import alembic_config

    engine = create_store_engine(f"sqlite:///{cli.db}")
    try:
        config = alembic_config()
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
            connection.exec_driver_sql(
                "INSERT INTO people (id, name, name_key, kind, created_at)"
                " VALUES ('p1', 'Sam', 'sam', 'partner', '2025-01-01 10:00:00')"
            )
    finally:
        engine.dispose()

    result = cli("status", "--json")

    assert result.code == 0, result.err
    assert [r["person"]["name"] for r in json.loads(result.out)["relationships"]] == ["Sam"]
    assert cli("invite", "Sam", "-o", str(cli.db.parent / "invite.html")).code == 0


def test_a_relationship_without_audits_is_said_once_with_how_to_start(cli: Cli) -> None:
    cli("person", "add", "O'Brien", "--kind", "friend")

    result = cli("status")

    assert result.code == 0
    assert result.out.splitlines() == [
        "O'Brien (friend): not enough history yet",
        "  No audits yet.",
        "  When you're ready: reciprocity audit \"O'Brien\"",
    ]
