"""--help stays light: it must not load the store, the prompts or the table layout.

This checks what is imported, not how long it takes; the timing is a benchmark
(benchmarks/help_startup.py, figures in docs/performance.md).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from reciprocity.cli import main
code = main({argv!r})
# pydantic is left out: typer itself loads it to show some help pages.
heavy = ("sqlalchemy", "alembic", "questionary", "rich")
print(" ".join(m for m in heavy if m in sys.modules), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["person", "--help"]])
def test_help_loads_no_heavy_module(argv: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""
