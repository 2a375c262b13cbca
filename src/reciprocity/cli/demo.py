"""``reciprocity demo``: write the demo data set to its own database file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import shell_quote
from reciprocity.cli.state import data_folder, state
from reciprocity.errors import InvalidInputError, Problem

__all__ = ["register"]


def _default_demo_path(database: str | None) -> Path:
    # Beside the database the person chose, or in the user data folder.
    if database and "://" not in database:
        return Path(database).expanduser().resolve().parent / "demo.db"
    return data_folder() / "demo.db"


def _write_demo(path: Path, today: dt.date) -> None:
    """Build the demo in a temporary file beside ``path``, then move it into place."""
    from reciprocity.demo import demo_archive
    from reciprocity.store import open_store

    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    temp.unlink()  # SQLite creates it afresh
    try:
        store = open_store(temp)
        try:
            store.import_archive(demo_archive(today), file="demo")
        finally:
            store.close()
        # An old write-ahead log beside the target would be replayed into the new file.
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)


def demo(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_DEMO_OUTPUT),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=messages.HELP_DEMO_FORCE)] = False,
) -> None:
    """Write a demo data set to a file of its own.

    Three relationships with two years of quarterly audits, never in your own database.
    """
    from reciprocity.store import database_url

    app_state = state(ctx)
    default = _default_demo_path(app_state.database)
    path = (output or default).expanduser().resolve()
    if database_url(path) == database_url(app_state.target):
        raise InvalidInputError([Problem(messages.ERR_DEMO_IS_USER_DB, "--output")])
    if path.is_dir():
        raise InvalidInputError([Problem(messages.DETAIL_IS_A_FOLDER, "--output")])
    if path.exists() and not force and path != default.resolve():
        message = messages.ERR_DEMO_WOULD_REPLACE.format(path=path)
        raise InvalidInputError([Problem(message, "--output")])
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_demo(path, app_state.today())
    typer.echo(messages.DEMO_WRITTEN.format(path=shell_quote(str(path)), name="Mum"))


def register(app: typer.Typer) -> None:
    """Add the demo command to the app."""
    app.command("demo", help=messages.HELP_CMD_DEMO)(demo)
