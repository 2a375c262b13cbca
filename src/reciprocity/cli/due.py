"""``reciprocity due``: which audits are due, and which come up soon."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

__all__ = ["register"]


def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", min=0, help=messages.HELP_DUE_WITHIN)] = 14,
) -> None:
    """List the audits that are due, and those coming up."""
    from reciprocity.core.rhythm import DEFAULT_RHYTHM_MONTHS, next_due

    app_state = state(ctx)
    today = app_state.today()
    summaries = app_state.store().people()
    if not summaries:
        typer.echo(messages.DUE_NO_PEOPLE)
        return
    names = {s.person.id: s.person.name for s in summaries}
    upcoming = sorted(
        (
            next_due(s.person.id, s.latest, s.person.rhythm_months or DEFAULT_RHYTHM_MONTHS, today)
            for s in summaries
        ),
        key=lambda d: (d.due, names[d.person_id].casefold()),
    )
    shown = [d for d in upcoming if d.days_until(today) <= within]
    for item in shown:
        name = names[item.person_id]
        if item.last is None:
            typer.echo(messages.DUE_FIRST.format(name=name))
        elif item.days_until(today) <= 0:
            since = messages.DUE_SINCE.format(date=item.due) if item.due < today else ""
            typer.echo(messages.DUE_NOW.format(name=name, since=since, months=item.every_months))
        else:
            days = item.days_until(today)
            typer.echo(messages.DUE_SOON.format(name=name, date=item.due, days=days))
    if not shown:
        first = upcoming[0]
        typer.echo(
            messages.DUE_NOTHING.format(days=within, name=names[first.person_id], date=first.due)
        )


def register(app: typer.Typer) -> None:
    """Add the due command to the app."""
    app.command("due", help=messages.HELP_CMD_DUE)(due)
