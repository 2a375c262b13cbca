"""`reciprocity compare` through main(argv): two views side by side, in the user's frame."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from reciprocity import messages
from tests.cli.test_invite import answers_as_the_page_builds_them, invite, write
from tests.conftest import TODAY, Cli

MINE = """
date = {date}
[initiation]
score = 2
lean = "they-carry"
example = "Sam texts first most weeks."
[depth]
score = 4
lean = "mutual"
example = "We talked it through on Sunday."
[crisis]
score = 2
lean = "i-carry"
example = "I drove Sam to the hospital."
[maintenance]
no_recent_example = true
[self]
giving = 4
receiving = 3
[overall]
score = 3
"""

# From Sam's side: "i-carry" means Sam carries it.
THEIRS = {
    # Sam carries it, as I see it too: one point apart, the same lean once turned round.
    "initiation": {"score": 3, "lean": "i-carry", "example": "I send the first message."},
    # Three points apart, both leaning nowhere: a difference of degree.
    "depth": {"score": 1, "lean": "they-carry", "example": "I listen more than I am heard."},
    # Sam thinks Sam carried it; I think I did: the leans differ.
    "crisis": {"score": 2, "lean": "i-carry", "example": "I was there every evening."},
    "maintenance": {"score": 4, "lean": "mutual", "example": "We both keep in touch."},
}


def set_up(cli: Cli, tmp_path: Path, *audit_dates: dt.date) -> None:
    cli("person", "add", "Sam", "--kind", "partner")
    for number, on in enumerate(audit_dates):
        answers = tmp_path / f"mine{number}.toml"
        answers.write_text(MINE.format(date=on.isoformat()), encoding="utf-8")
        saved = cli("audit", "Sam", "--answers", str(answers))
        assert saved.code == 0, saved.err
    data = answers_as_the_page_builds_them(invite(cli, tmp_path), **THEIRS)
    assert cli("import-response", str(write(tmp_path, data))).code == 0


def test_both_views_side_by_side_in_my_frame(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path, TODAY - dt.timedelta(days=5))
    result = cli("compare", "Sam")
    assert result.code == 0, result.err
    blocks = {b.splitlines()[0]: b for b in result.out.split("\n\n")[1:] if b.strip()}
    assert "  You: 2 of 5, they carry more of it" in blocks["Initiation"]
    assert "  Sam: 3 of 5, they carry more of it" in blocks["Initiation"]
    assert "  You agree." in blocks["Initiation"]
    assert "To talk about" not in blocks["Initiation"]
    assert "  Sam: 1 of 5, you carry more of it" in blocks["Depth"]
    assert "leaning a different way" in blocks["Depth"]
    assert messages.COMPARE_QUESTION_LEAN["depth"] in blocks["Depth"]
    assert "  Sam: 2 of 5, they carry more of it" in blocks["Crisis response"]
    assert messages.COMPARE_QUESTION_LEAN["crisis"] in blocks["Crisis response"]
    assert "  You: no recent example" in blocks["Maintenance"]
    assert messages.COMPARE_QUESTION_NO_EXAMPLE in blocks["Maintenance"]


def test_scores_apart_on_the_same_lean_become_a_question(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path, TODAY)
    data = json.loads(cli("compare", "Sam", "--json").out)
    assert data["person"] == "Sam"
    assert data["response_date"] == TODAY.isoformat()
    initiation = data["dimensions"]["initiation"]
    assert initiation["agreement"] == "agree"
    assert initiation["theirs"] == {"score": 3, "lean": "they-carry", "no_recent_example": False}
    assert initiation["question"] is None
    depth = data["dimensions"]["depth"]
    assert (depth["agreement"], depth["apart"], depth["same_lean"]) == ("differ", 3, False)
    assert data["dimensions"]["maintenance"]["agreement"] == "not-comparable"


def test_the_audit_closest_in_date_is_the_one_compared(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path, TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=10))
    data = json.loads(cli("compare", "Sam", "--json").out)
    assert data["audit_date"] == (TODAY - dt.timedelta(days=10)).isoformat()


def test_without_a_response_compare_says_how_to_invite(cli: Cli) -> None:
    cli("person", "add", "Alex")
    result = cli("compare", "Alex")
    assert result.code == 0
    assert result.out.startswith("No answers from Alex yet.")
    assert "reciprocity invite Alex -o invitation.html" in result.out


def test_without_an_audit_of_my_own_compare_says_so(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path)
    result = cli("compare", "Sam")
    assert result.code == 0
    assert result.out.startswith("There is no audit of your own for Sam yet")


def test_the_comparison_never_says_who_is_right(cli: Cli, tmp_path: Path) -> None:
    set_up(cli, tmp_path, TODAY)
    text = cli("compare", "Sam").out.lower()
    for word in ("wrong about", "you are right", "they are right", "owe", "debt", "balance"):
        assert not re.search(rf"\b{word}\b", text)
