"""`reciprocity due` and `reciprocity person rhythm` through main(argv)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import TODAY, Cli

ANSWERS = """
date = {date}
[initiation]
score = 5
example = "We both reach out."
[depth]
score = 5
example = "We both listen."
[crisis]
no_recent_example = true
[maintenance]
score = 5
example = "We both remember."
[self]
giving = 4
receiving = 4
"""


def audit(cli: Cli, tmp_path: Path, name: str, on: dt.date) -> None:
    path = tmp_path / f"{name}-{on}.toml"
    path.write_text(ANSWERS.format(date=on.isoformat()), encoding="utf-8")
    assert cli("audit", name, "--answers", str(path)).code == 0


def test_due_lists_what_is_due_and_what_comes_up(cli: Cli, tmp_path: Path) -> None:
    for name in ("Alex", "Sam", "Jo"):
        cli("person", "add", name)
    audit(cli, tmp_path, "Alex", TODAY - dt.timedelta(days=120))  # overdue on a 3-month rhythm
    audit(cli, tmp_path, "Sam", TODAY - dt.timedelta(days=10))
    lines = cli("due").out.splitlines()
    assert lines[0].startswith("Alex: an audit is due since ")
    assert lines[1] == "Jo: no audit yet; the first one is whenever you are ready."
    assert len(lines) == 2  # Sam is not due for months
    later = cli("due", "--within", "100").out
    assert "Sam: the next audit is due on " in later


def test_a_monthly_rhythm_brings_the_next_audit_closer(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Mum", "--kind", "family")
    audit(cli, tmp_path, "Mum", TODAY - dt.timedelta(days=20))
    assert "Nothing due" in cli("due").out
    assert cli("person", "rhythm", "Mum", "1").out == "Mum will be due for an audit every month.\n"
    assert cli("due").out.startswith("Mum: the next audit is due on ")
    exported = json.loads(cli("export").out)
    assert exported["people"][0]["rhythm_months"] == 1
    assert cli("person", "rhythm", "Mum", "default").code == 0
    assert json.loads(cli("export").out)["people"][0]["rhythm_months"] is None


def test_a_rhythm_that_makes_no_sense_is_refused(cli: Cli) -> None:
    cli("person", "add", "Mum")
    for bad in ("0", "25", "often"):
        result = cli("person", "rhythm", "Mum", bad)
        assert result.code == 2
        assert result.err == "error: months: the rhythm is a whole number of months from 1 to 24\n"
