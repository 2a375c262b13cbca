"""``reciprocity calendar -o FILE.ics``: due audits, important dates and follow-ups as a calendar.

The calendar itself is made by :mod:`reciprocity.formats.calendar` (the web app hands
out the same file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import write_text
from reciprocity.cli.state import state
from reciprocity.formats.calendar import DEFAULT_WITHIN_DAYS

__all__ = ["register"]


def calendar(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_CALENDAR_OUTPUT)
    ],
    within: Annotated[
        int, typer.Option("--within", min=0, metavar="DAYS", help=messages.HELP_CALENDAR_WITHIN)
    ] = DEFAULT_WITHIN_DAYS,
) -> None:
    """Write the reminders to an .ics file for the calendar you already use."""
    from reciprocity.core.rhythm import audits_due
    from reciprocity.formats.calendar import build_calendar

    app_state = state(ctx)
    today = app_state.today()
    store = app_state.store()
    summaries = store.people()
    built = build_calendar(
        names={s.person.id: s.person.name for s in summaries},
        audits=audits_due([(s.person, s.latest) for s in summaries], today),
        dates=store.important_dates(),
        things=store.shared_things(),
        today=today,
        within=within,
        stamp=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    write_text(output, built.data.decode("utf-8"))
    count = built.events
    typer.echo(
        messages.CALENDAR_WRITTEN.format(reminders=messages.counted(count, "reminder"), path=output)
    )


def register(app: typer.Typer) -> None:
    """Add the calendar command to the app."""
    app.command("calendar", help=messages.HELP_CMD_CALENDAR)(calendar)
