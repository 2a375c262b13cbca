"""``reciprocity export`` and ``import``: everything out as versioned JSON or CSV, and back in."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import read_text, write_text
from reciprocity.cli.state import state

__all__ = ["register"]


class ExportFormat(StrEnum):
    """The formats ``export`` writes."""

    JSON = "json"
    CSV = "csv"


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help=messages.HELP_EXPORT_FORMAT),
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_EXPORT_OUTPUT),
    ] = None,
) -> None:
    """Export everything as versioned JSON or as CSV.

    The formats are described in docs/export-format.md.
    """
    from reciprocity import messages
    from reciprocity.formats.exchange import archive_to_csv, archive_to_json

    archive = state(ctx).store().archive()
    if fmt is ExportFormat.JSON:
        text = archive_to_json(archive, exported_at=dt.datetime.now(dt.UTC))
    else:
        text = archive_to_csv(archive)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_text(output, text)
    typer.echo(
        messages.EXPORTED.format(
            people=messages.counted(len(archive.people), "relationship"),
            audits=messages.counted(len(archive.audits), "audit"),
            path=output,
        ),
        err=True,
    )


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_IMPORT_FILE)],
) -> None:
    """Import a JSON export, all or nothing.

    The whole file is checked first; importing the same file twice changes nothing.
    """
    from reciprocity.formats.exchange import parse_archive

    app_state = state(ctx)
    archive = parse_archive(read_text(file), file=str(file), today=app_state.today())
    report = app_state.store().import_archive(archive, file=str(file))
    for line in report.summary(str(file)):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the export and import commands to the app."""
    app.command("export", help=messages.HELP_CMD_EXPORT)(export)
    app.command("import", help=messages.HELP_CMD_IMPORT)(import_)
