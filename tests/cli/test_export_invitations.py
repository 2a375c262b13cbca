"""Invitations and responses through `reciprocity export` and `import`: a restore keeps them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reciprocity import messages
from reciprocity.store import open_store
from reciprocity.store.schema import invitations, people, responses
from tests.cli.test_invite import answers_as_the_page_builds_them, invite, write
from tests.conftest import TODAY, Cli


def counts(cli: Cli) -> tuple[int, int, int]:
    """How many relationships, invitations and responses the CLI's database holds."""
    store = open_store(cli.db)
    try:
        with store.engine.connect() as connection:
            found = [
                connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (people, invitations, responses)
            ]
    finally:
        store.close()
    return found[0], found[1], found[2]


@pytest.fixture
def invited(cli: Cli, tmp_path: Path) -> tuple[Cli, Path]:
    """Sam invited twice: the first invitation answered and imported, the second still open.

    Gives the CLI and the response file the second invitation will bring back.
    """
    assert cli("person", "add", "Sam", "--kind", "partner").code == 0
    first = write(tmp_path, answers_as_the_page_builds_them(invite(cli, tmp_path)), "first.json")
    assert cli("import-response", str(first)).code == 0
    later = answers_as_the_page_builds_them(invite(cli, tmp_path))
    return cli, write(tmp_path, later, "later.json")


def exported(cli: Cli) -> dict[str, Any]:
    result = cli("export")
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def test_export_import_export_gives_the_same_file(
    invited: tuple[Cli, Path], tmp_path: Path
) -> None:
    cli, _ = invited
    backup = tmp_path / "backup.json"
    assert cli("export", "-o", str(backup)).code == 0
    fresh = Cli(tmp_path / "fresh.db", cli.capsys)

    first = fresh("import", str(backup))
    again = fresh("import", str(backup))

    assert first.code == again.code == 0
    assert (
        messages.IMPORTED_CONVERSATION.format(
            invitations_added=2, invitations_unchanged=0, responses_added=1, responses_unchanged=0
        )
        in first.out.splitlines()
    )
    assert (
        messages.IMPORTED_CONVERSATION.format(
            invitations_added=0, invitations_unchanged=2, responses_added=0, responses_unchanged=1
        )
        in again.out.splitlines()
    )
    ours, theirs = exported(cli), exported(fresh)
    assert (len(ours["invitations"]), len(ours["responses"])) == (2, 1)
    ours.pop("exported_at")
    theirs.pop("exported_at")
    assert ours == theirs


def test_after_a_restore_the_answers_to_an_invitation_from_before_import(
    invited: tuple[Cli, Path], tmp_path: Path
) -> None:
    cli, later = invited
    backup = tmp_path / "backup.json"
    assert cli("export", "-o", str(backup)).code == 0
    restored = Cli(tmp_path / "new-laptop.db", cli.capsys)
    assert restored("import", str(backup)).code == 0

    result = restored("import-response", str(later))

    assert result.code == 0, result.err
    assert result.out.startswith(f"Imported Sam's answers of {TODAY}.")
    assert counts(restored) == (1, 2, 2)
    # The answers that came before the backup are in it, so they are already here.
    earlier = restored("import-response", str(tmp_path / "first.json"))
    assert earlier.out.strip() == messages.RESPONSE_ALREADY_HERE.format(name="Sam", date=TODAY)


def refused(cli: Cli, tmp_path: Path, document: dict[str, Any]) -> str:
    """Import a bad export into an empty database: one line, a non-zero exit, nothing written."""
    bad = write(tmp_path, document, "bad-backup.json")
    target = Cli(tmp_path / "target.db", cli.capsys)
    result = target("import", str(bad))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, lines
    assert counts(target) == (0, 0, 0)
    prefix = f"error: {bad}: "
    assert lines[0].startswith(prefix)
    return lines[0].removeprefix(prefix)


def test_a_tampered_response_is_refused_at_its_field(
    invited: tuple[Cli, Path], tmp_path: Path
) -> None:
    cli, _ = invited
    document = exported(cli)
    document["responses"][0]["depth"]["score"] = 9

    assert refused(cli, tmp_path, document) == (
        "responses[0].depth.score: " + messages.ERR_SCORE_RANGE.format(value=9)
    )


def test_a_response_whose_invitation_is_not_in_the_file_is_refused(
    invited: tuple[Cli, Path], tmp_path: Path
) -> None:
    cli, _ = invited
    document = exported(cli)
    wanted = document["responses"][0]["invitation_id"]
    document["invitations"] = [i for i in document["invitations"] if i["id"] != wanted]

    assert refused(cli, tmp_path, document) == (
        "responses[0].invitation_id: "
        + messages.ERR_UNKNOWN_INVITATION_ID.format(invitation_id=wanted)
    )


def test_a_response_naming_another_person_than_its_invitation_is_refused(
    invited: tuple[Cli, Path], tmp_path: Path
) -> None:
    cli, _ = invited
    assert cli("person", "add", "Alex").code == 0
    document = exported(cli)
    alex = next(p["id"] for p in document["people"] if p["name"] == "Alex")
    document["responses"][0]["person_id"] = alex

    assert refused(cli, tmp_path, document) == (
        "responses[0].person_id: "
        + messages.ERR_ARCHIVED_RESPONSE_PERSON.format(
            invitation_id=document["responses"][0]["invitation_id"]
        )
    )


def test_a_secret_changed_by_hand_is_refused(invited: tuple[Cli, Path], tmp_path: Path) -> None:
    cli, _ = invited
    document = exported(cli)
    document["invitations"][1]["secret"] = "my-own-secret"

    assert refused(cli, tmp_path, document) == (
        "invitations[1].secret: " + messages.ERR_SECRET_SHAPE
    )
