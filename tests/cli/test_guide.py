"""`reciprocity guide` through main(argv): text, Markdown, and a person with no reflection yet."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli

LOW = """
date = 2026-01-15
[initiation]
score = 1
lean = "i-carry"
example = "I make every plan."
[depth]
score = 2
lean = "i-carry"
example = "My news gets a short reply."
[crisis]
no_recent_example = true
[maintenance]
score = 2
lean = "i-carry"
example = "I keep the dates."
[self]
giving = 5
receiving = 2
[reflection]
kind = "picture"
text = "We take turns planning our Saturdays."
first_step = "Suggest that Sam picks the next one"
"""


def test_the_guide_is_built_from_the_latest_reflection(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam", "--kind", "partner")
    answers = tmp_path / "low.toml"
    answers.write_text(LOW, encoding="utf-8")
    assert cli("audit", "Sam", "--answers", str(answers)).code == 0
    shown = cli("guide", "Sam")
    assert shown.code == 0, shown.err
    assert shown.out.startswith("A conversation with Sam (from your audit of 2026-01-15)")
    assert "  We take turns planning our Saturdays." in shown.out
    assert "Your first step: Suggest that Sam picks the next one." in shown.out
    target = tmp_path / "sam.md"
    written = cli("guide", "Sam", "-o", str(target))
    assert written.out.strip() == f"Wrote the conversation guide for Sam to {target}."
    assert target.read_text(encoding="utf-8").startswith("# A conversation with Sam")


def test_without_a_reflection_the_guide_says_where_one_comes_from(cli: Cli) -> None:
    cli("person", "add", "Alex")
    result = cli("guide", "Alex")
    assert result.code == 0
    assert result.out.startswith("There is no picture or boundary for Alex yet.")
