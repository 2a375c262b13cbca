"""The answers file: the documented example works; every problem is located by line and field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reciprocity.core import Audit, Dimension, Lean, ReflectionKind
from reciprocity.errors import InvalidFileError
from reciprocity.formats.answers import locate_toml_line, parse_answers

DOC = Path(__file__).parents[2] / "docs" / "answers-format.md"
TODAY = dt.date(2026, 11, 23)


def documented_example() -> str:
    found = re.search(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert found, "docs/answers-format.md has a toml example"
    return found.group(1)


def parse(text: str) -> Audit:
    audit, _ = parse_answers(text, file="alex.toml", audit_id="a1", person_id="p1", today=TODAY)
    return audit


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidFileError) as error:
        parse(text)
    return error.value.lines()


def test_the_documented_example_is_a_valid_audit() -> None:
    audit = parse(documented_example())
    assert audit.date == dt.date(2026, 11, 1)
    assert audit.rating(Dimension.INITIATION).lean is Lean.I_CARRY
    assert audit.rating(Dimension.CRISIS).no_recent_example
    assert audit.self_check.receiving == 2
    assert audit.overall.score == 2
    assert audit.overall.proposed == 3
    assert audit.reflection is not None
    assert audit.reflection.kind is ReflectionKind.PICTURE


def test_the_documented_error_lines_are_what_a_person_sees() -> None:
    text = documented_example().replace("score = 2  ", "score = 7  ", 1)
    text = text.replace('lean = "mutual"', 'lean = "sideways"', 1)
    doc = DOC.read_text(encoding="utf-8")
    for line in problems(text):
        assert f"error: {line}" in doc


def test_leaving_out_overall_accepts_the_proposal() -> None:
    text = re.sub(r"\[overall\].*?(?=\[reflection\])", "", documented_example(), flags=re.DOTALL)
    audit = parse(text)
    assert audit.overall.score == audit.overall.proposed == 3


def test_the_date_defaults_to_today() -> None:
    text = documented_example().replace("date = 2026-11-01", "")
    assert parse(text).date == TODAY
    on = dt.date(2026, 3, 1)
    audit, _ = parse_answers(
        text, file="f.toml", audit_id="a", person_id="p", today=TODAY, default_date=on
    )
    assert audit.date == on


def test_the_revision_an_edit_starts_from_is_read() -> None:
    _, revision = parse_answers(
        "revision = 3\n" + documented_example(),
        file="f.toml",
        audit_id="a",
        person_id="p",
        today=TODAY,
    )
    assert revision == 3
    (line,) = problems('revision = "3"\n' + documented_example())
    assert line == "alex.toml:1: revision: must be a whole number"


def test_a_syntax_error_says_the_line() -> None:
    text = documented_example().replace('lean = "i-carry"', 'lean = "i-carry', 1)
    (line,) = problems(text)
    assert line.startswith("alex.toml:6: not valid TOML")


def test_every_problem_is_reported_at_once() -> None:
    text = """
[initiation]
score = 9
lean = "i-carry"
example = "x"

[depth]
score = 3
example = "x"

[crisis]
no_recent_example = true
score = 2

[self]
giving = 3
recieving = 3
"""
    # A broken self table does not hide the problems of the other tables.
    assert problems(text) == [
        "alex.toml:3: initiation.score: must be a whole number from 1 to 5 (got 9)",
        "alex.toml:7: depth.lean: a score of 3 leans one way; say which: 'i-carry' or 'they-carry'",
        "alex.toml:11: crisis: no_recent_example = true cannot have a score or lean; "
        "remove one or the other",
        "alex.toml:15: self.receiving: is missing",
        "alex.toml:17: self.recieving: unknown key "
        "(check the spelling; see docs/answers-format.md)",
        "alex.toml: maintenance: missing: "
        "give score, lean and example, or no_recent_example = true",
    ]


def test_an_empty_file_names_every_missing_table() -> None:
    missing = "missing: give score, lean and example, or no_recent_example = true"
    assert problems("") == [
        "alex.toml: self: is missing",
        *(f"alex.toml: {d.value}: {missing}" for d in Dimension),
    ]


def test_shape_errors_are_said_in_plain_words() -> None:
    text = documented_example().replace("date = 2026-11-01", 'date = "2026-11-31"')
    text = text.replace("no_recent_example = true", 'no_recent_example = "yes"')
    assert problems(text) == [
        "alex.toml:2: date: must be a date like 2026-11-01",
        "alex.toml:15: crisis.no_recent_example: must be true or false",
    ]


def test_a_score_given_as_text_is_refused_not_guessed() -> None:
    text = documented_example().replace("score = 2  ", 'score = "2"', 1)
    (line,) = problems(text)
    assert line == "alex.toml:5: initiation.score: must be a whole number"


def test_an_unknown_reflection_kind_is_refused() -> None:
    text = documented_example().replace('kind = "picture"', 'kind = "complaint"')
    (line,) = problems(text)
    assert "reflection.kind: unknown kind 'complaint'" in line


def test_an_empty_reflection_kind_asks_which_one_it_is() -> None:
    text = documented_example().replace('kind = "picture"', 'kind = ""')
    (line,) = problems(text)
    assert line.endswith("reflection.kind: say whether this is a picture or a boundary")


def test_a_low_rating_without_a_reflection_is_refused() -> None:
    text = documented_example().split("[reflection]")[0]
    (line,) = problems(text)
    assert "reflection: an overall rating of 2 asks for a reflection" in line


@pytest.mark.parametrize(
    ("field", "line"),
    [("initiation.score", 3), ("self", 6), ("self.giving", 7), ("depth.lean", None), (None, None)],
)
def test_fields_are_found_on_their_lines(field: str | None, line: int | None) -> None:
    text = "date = 2026-01-01\n[initiation]\nscore = 1\n\n# a comment\n[self]\ngiving = 2\n"
    assert locate_toml_line(text, field) == line
