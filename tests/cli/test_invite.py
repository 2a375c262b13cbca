"""`reciprocity invite` and `import-response` through main(argv): the page, and every refusal."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from reciprocity.store import open_store
from reciprocity.store.schema import responses
from tests.conftest import TODAY, Cli


def invite(cli: Cli, tmp_path: Path, name: str = "Sam") -> str:
    target = tmp_path / f"{name.lower()}.html"
    result = cli("invite", name, "-o", str(target))
    assert result.code == 0, result.err
    return target.read_text(encoding="utf-8")


def page_data(html: str) -> dict[str, str]:
    """The data-* attributes of the form, as the page's script reads them (form.dataset)."""
    form = re.search(r"<form [^>]*>", html)
    assert form is not None
    return {k: unescape(v) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', form.group())}


def answers_as_the_page_builds_them(html: str, **dimensions: Any) -> dict[str, Any]:
    """What the script downloads: the same keys, from the same data attributes."""
    data = page_data(html)
    return {
        "format": data["format"],
        "version": int(data["version"]),
        "invitation": data["invitation"],
        "person": data["person"],
        "code": data["code"],
        "date": TODAY.isoformat(),
        "dimensions": dimensions
        or {
            "initiation": {"score": 2, "lean": "they-carry", "example": "I wait for your texts."},
            "depth": {"score": 4, "lean": "mutual", "example": "We talked for hours last week."},
            "crisis": {"no_recent_example": True, "example": ""},
            "maintenance": {"score": 5, "lean": "mutual", "example": "We both remember."},
        },
    }


def write(tmp_path: Path, data: object, name: str = "response.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def stored_responses(cli: Cli) -> int:
    store = open_store(cli.db)
    try:
        with store.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(responses)).scalar_one()
    finally:
        store.close()


def test_the_page_is_self_contained_and_shows_nothing_of_my_answers(
    cli: Cli, tmp_path: Path
) -> None:
    cli("person", "add", "Sam", "--kind", "partner")
    answers = tmp_path / "mine.toml"
    answers.write_text(
        '[initiation]\nscore = 1\nlean = "i-carry"\nexample = "A SECRET OF MINE"\n'
        "[depth]\nno_recent_example = true\n[crisis]\nno_recent_example = true\n"
        "[maintenance]\nno_recent_example = true\n[self]\ngiving = 5\nreceiving = 3\n"
        "[overall]\nscore = 3\n",
        encoding="utf-8",
    )
    assert cli("audit", "Sam", "--answers", str(answers)).code == 0
    html = invite(cli, tmp_path)
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"https?:|//[a-z]", html, re.IGNORECASE)
    assert not re.search(r"\b(?:src|href|action)\s*=\s*[\"']", html, re.IGNORECASE)
    assert not re.search(r"@import|url\(|fetch\(|XMLHttpRequest|WebSocket", html)
    assert html.count("<script") == 1
    assert "A SECRET OF MINE" not in html
    assert "Sam" not in html
    assert "Blob" in html
    assert ".download" in html


def test_a_response_built_as_the_page_builds_it_imports_once(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam", "--kind", "partner")
    html = invite(cli, tmp_path)
    path = write(tmp_path, answers_as_the_page_builds_them(html))
    first = cli("import-response", str(path))
    assert first.code == 0, first.err
    assert first.out.startswith(f"Imported Sam's answers of {TODAY}.")
    again = cli("import-response", str(path))
    assert again.code == 0, again.err
    assert again.out.strip() == f"Sam's answers of {TODAY} are already here; nothing changed."
    assert stored_responses(cli) == 1


def refusal(cli: Cli, path: Path) -> str:
    result = cli("import-response", str(path))
    assert result.code == 2, result.out
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert stored_responses(cli) == 0
    return lines[0]


def test_a_tampered_code_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    data = answers_as_the_page_builds_them(invite(cli, tmp_path))
    data["code"] = "0" * 64
    path = write(tmp_path, data)
    assert refusal(cli, path) == (
        f"error: {path}: code: the integrity code does not match the invitation: the file was "
        "changed, or it belongs to another invitation; nothing was imported"
    )


def test_a_response_for_another_invitation_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    cli("person", "add", "Alex")
    sams = answers_as_the_page_builds_them(invite(cli, tmp_path, "Sam"))
    alexs = page_data(invite(cli, tmp_path, "Alex"))
    # Alex's invitation, with the code of Sam's.
    path = write(tmp_path, {**sams, "invitation": alexs["invitation"]})
    assert "code: the integrity code does not match" in refusal(cli, path)


def test_a_response_to_an_invitation_made_elsewhere_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    data = answers_as_the_page_builds_them(invite(cli, tmp_path))
    path = write(tmp_path, {**data, "invitation": "00000000-made-by-hand"})
    assert "invitation: this answers an invitation that is not in this database" in refusal(
        cli, path
    )


def test_a_malformed_file_is_refused_with_its_line(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    path = write(tmp_path, '{"format": "reciprocity-response",\n  "version": 1,,\n}')
    assert refusal(cli, path).startswith(f"error: {path}:2: not valid JSON")


def test_a_file_that_is_not_a_response_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    path = write(tmp_path, {"format": "reciprocity-export", "schema_version": 2})
    assert "format: not a reciprocity response file" in refusal(cli, path)


def test_a_score_of_nine_is_refused_at_its_field(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    data = answers_as_the_page_builds_them(invite(cli, tmp_path))
    data["dimensions"]["depth"] = {"score": 9, "lean": "mutual", "example": "Long talks."}
    path = write(tmp_path, data)
    assert refusal(cli, path) == (
        f"error: {path}: dimensions.depth.score: must be a whole number from 1 to 5 (got 9)"
    )


def test_a_date_after_tomorrow_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    data = answers_as_the_page_builds_them(invite(cli, tmp_path))
    later = TODAY + dt.timedelta(days=3)
    path = write(tmp_path, {**data, "date": later.isoformat()})
    assert refusal(cli, path) == f"error: {path}: date: {later} is after today"


def test_different_answers_to_the_same_invitation_are_refused(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam")
    html = invite(cli, tmp_path)
    data = answers_as_the_page_builds_them(html)
    assert cli("import-response", str(write(tmp_path, data))).code == 0
    data["dimensions"]["initiation"] = {"score": 3, "lean": "i-carry", "example": "Changed."}
    second = cli("import-response", str(write(tmp_path, data, "second.json")))
    assert second.code == 2
    assert "different answers to this invitation are already here" in second.err
    assert stored_responses(cli) == 1


def test_an_invitation_for_someone_unknown_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "nobody.html"
    result = cli("invite", "Nobody", "-o", str(target))
    assert result.code == 1
    assert not target.exists()
