"""The README's examples are true: its Python snippet runs, its commands exist."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from reciprocity.cli import main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs_and_prints_what_it_says() -> None:
    (code,) = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().splitlines()[0] == "4"
    assert "Mutual flow is not identical flow" in out.getvalue()


def command_path(line: str) -> tuple[str, ...]:
    words = shlex.split(line, comments=True)[1:]
    if words[:1] == ["--db"]:
        words = words[2:]
    return tuple(words[:2]) if words[0] in {"person", "season"} else (words[0],)


COMMANDS = sorted(
    {command_path(line) for line in re.findall(r"^\$ (reciprocity .*)$", README, re.MULTILINE)}
)


def test_the_readme_shows_the_main_commands() -> None:
    shown = {path[0] for path in COMMANDS}
    assert {"person", "audit", "show", "history", "season", "export", "import", "demo"} <= shown


@pytest.mark.parametrize("path", COMMANDS)
def test_every_command_the_readme_shows_exists(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*path, "--help"]) == 0
    assert f"Usage: reciprocity {' '.join(path)}" in capsys.readouterr().out
