"""--help stays light: it must not load the store, the prompts or the table layout.

This checks what is imported, not how long it takes; the timing is a benchmark
(benchmarks/help_startup.py, figures in docs/performance.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reciprocity.cli import main

PROBE = """
import sys
from reciprocity.cli import main
code = main({argv!r})
# pydantic is left out: typer itself loads it to show some help pages.
heavy = ("sqlalchemy", "alembic", "questionary", "rich", "numpy", "sklearn")
print(" ".join(m for m in heavy if m in sys.modules), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["person", "--help"],
        ["signals", "--help"],
        ["evidence", "--help"],
    ],
)
def test_help_loads_no_heavy_module(argv: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""


READ_PROBE = """
import sys
from reciprocity.cli import main
code = main({argv!r})
print(" ".join(m for m in ("sqlalchemy", "alembic") if m in sys.modules), file=sys.stderr)
sys.exit(code)
"""


def test_status_reads_a_current_sqlite_file_without_loading_sqlalchemy(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    assert main(["--db", str(db), "person", "add", "Sam", "--kind", "partner"]) == 0
    argv = ["--db", str(db), "status", "--json"]

    run = subprocess.run(
        [sys.executable, "-c", READ_PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""
    assert [r["person"]["name"] for r in json.loads(run.stdout)["relationships"]] == ["Sam"]
