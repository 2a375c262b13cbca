"""``reciprocity due``: which audits are due, and which dates and follow-ups come up soon."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

if TYPE_CHECKING:
    from reciprocity.core.memory import Upcoming
    from reciprocity.store import Store

__all__ = ["register", "remembered_due"]


def remembered_due(store: Store, today: dt.date, within: int) -> list[Upcoming]:
    """The important dates and follow-ups coming up within ``within`` days, soonest first."""
    from reciprocity.core.memory import upcoming

    return upcoming(store.important_dates(), store.shared_things(), today=today, within_days=within)


def _when(on: dt.date, today: dt.date) -> str:
    if on == today:
        return messages.DUE_TODAY
    if on < today:
        return messages.DUE_SINCE_DAY.format(date=on)
    return messages.DUE_IN_DAYS.format(days=messages.counted((on - today).days, "day"))


def _echo_remembered(items: list[Upcoming], names: dict[str, str], today: dt.date) -> None:
    from reciprocity.core.memory import ImportantDate

    for entry in items:
        name = names[entry.person_id]
        when = _when(entry.on, today)
        if isinstance(entry.item, ImportantDate):
            typer.echo(
                messages.DUE_DATE.format(
                    name=name, label=entry.item.label, date=entry.on, when=when
                )
            )
        else:
            typer.echo(messages.DUE_FOLLOW_UP.format(name=name, text=entry.item.text, when=when))


def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", min=0, help=messages.HELP_DUE_WITHIN)] = 14,
) -> None:
    """List the audits that are due, and the audits, dates and follow-ups coming up."""
    from reciprocity.core.rhythm import audits_due

    app_state = state(ctx)
    today = app_state.today()
    store = app_state.store()
    summaries = store.people()
    if not summaries:
        typer.echo(messages.DUE_NO_PEOPLE)
        return
    names = {s.person.id: s.person.name for s in summaries}
    upcoming = audits_due([(s.person, s.latest) for s in summaries], today)
    shown = [d for d in upcoming if d.days_until(today) <= within]
    for item in shown:
        name = names[item.person_id]
        if item.last is None:
            typer.echo(messages.DUE_FIRST.format(name=name))
        elif item.days_until(today) <= 0:
            since = messages.DUE_SINCE.format(date=item.due) if item.due < today else ""
            typer.echo(
                messages.DUE_NOW.format(
                    name=name, since=since, every=messages.every(item.every_months, "month")
                )
            )
        else:
            days = item.days_until(today)
            typer.echo(
                messages.DUE_SOON.format(
                    name=name, date=item.due, days=messages.counted(days, "day")
                )
            )
    remembered = remembered_due(store, today, within)
    _echo_remembered(remembered, names, today)
    if not shown and not remembered:
        first = upcoming[0]
        typer.echo(
            messages.DUE_NOTHING.format(days=within, name=names[first.person_id], date=first.due)
        )


def register(app: typer.Typer) -> None:
    """Add the due command to the app."""
    app.command("due", help=messages.HELP_CMD_DUE)(due)
