"""``reciprocity demo``: write the demo data set to its own database file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

__all__ = ["register"]


def _default_demo_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("reciprocity", appauthor=False) / "demo.db"


def demo(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_DEMO_OUTPUT),
    ] = None,
) -> None:
    """Write a demo data set to a file of its own.

    Three relationships with two years of quarterly audits, never in your own database.
    """
    from reciprocity import messages
    from reciprocity.demo import demo_archive
    from reciprocity.errors import InvalidInputError, Problem
    from reciprocity.store import database_url, open_store

    app_state = state(ctx)
    path = (output or _default_demo_path()).expanduser()
    if database_url(path) == database_url(app_state.target):
        raise InvalidInputError([Problem(messages.ERR_DEMO_IS_USER_DB, "--output")])
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = open_store(path)
    try:
        store.import_archive(demo_archive(app_state.today()), file="demo")
    finally:
        store.close()
    shown = f'"{path}"' if " " in str(path) else str(path)
    typer.echo(messages.DEMO_WRITTEN.format(path=shown, name="Mum"))


def register(app: typer.Typer) -> None:
    """Add the demo command to the app."""
    app.command("demo", help=messages.HELP_CMD_DEMO)(demo)
