"""``reciprocity remember ...``: dates, things shared and how care lands, kept as a memory aid."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity import messages
from reciprocity.cli.inputs import parse_choice, parse_date, shell_quote
from reciprocity.cli.state import state
from reciprocity.core.memory import (
    CarePreferences,
    CareWay,
    ImportantDate,
    SharedThing,
    checked_text,
)
from reciprocity.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from reciprocity.core import Person

__all__ = ["app", "parse_ways"]

# How much of an id the list shows: enough to tell items apart, short to type.
_SHORT_ID = 8
_WAYS = ", ".join(way.value for way in CareWay)

app = typer.Typer(help=messages.HELP_REMEMBER_GROUP, rich_markup_mode=None)

_NAME_ARGUMENT = typer.Argument(help=messages.HELP_REMEMBER_NAME)
_ID_ARGUMENT = typer.Argument(metavar="ID", help=messages.HELP_REMEMBER_ID)


def parse_ways(value: str, option: str) -> frozenset[CareWay]:
    """Read a comma-separated choice of ways to receive care, in any case.

    Raises:
        InvalidInputError: A word is none of the ways (with the nearest as a hint).
    """
    words = [word for word in (part.strip() for part in value.split(",")) if word]
    return frozenset(
        parse_choice(word, CareWay, option, messages.ERR_UNKNOWN_CARE_WAY) for word in words
    )


@app.command("date", help=messages.HELP_CMD_REMEMBER_DATE)
def remember_date(
    ctx: typer.Context,
    name: Annotated[str, _NAME_ARGUMENT],
    label: Annotated[str, typer.Argument(help=messages.HELP_REMEMBER_LABEL)],
    day: Annotated[str, typer.Argument(metavar="DATE", help=messages.HELP_REMEMBER_DATE)],
    once: Annotated[bool, typer.Option("--once", help=messages.HELP_REMEMBER_ONCE)] = False,
) -> None:
    """Remember an important date of someone."""
    from reciprocity.store import new_id

    clean = checked_text(label, "LABEL")
    on = parse_date(day, "DATE")
    store = state(ctx).store()
    person = store.person(name)
    item = store.add_important_date(ImportantDate(new_id(), person.id, clean, on, not once))
    yearly = messages.REMEMBERED_YEARLY if item.yearly else ""
    typer.echo(
        messages.REMEMBERED_DATE.format(name=person.name, label=clean, day=on, yearly=yearly)
    )


@app.command("shared", help=messages.HELP_CMD_REMEMBER_SHARED)
def remember_shared(
    ctx: typer.Context,
    name: Annotated[str, _NAME_ARGUMENT],
    text: Annotated[str, typer.Argument(help=messages.HELP_REMEMBER_TEXT)],
    follow_up: Annotated[
        str | None,
        typer.Option("--follow-up", metavar="DATE", help=messages.HELP_REMEMBER_FOLLOW_UP),
    ] = None,
) -> None:
    """Remember something someone shared."""
    from reciprocity.store import new_id

    clean = checked_text(text, "TEXT")
    on = None if follow_up is None else parse_date(follow_up, "--follow-up")
    store = state(ctx).store()
    person = store.person(name)
    store.add_shared_thing(SharedThing(new_id(), person.id, clean, on))
    later = "" if on is None else messages.REMEMBERED_FOLLOW_UP.format(date=on)
    typer.echo(messages.REMEMBERED_SHARED.format(name=person.name, text=clean, follow_up=later))


@app.command("care", help=messages.HELP_CMD_REMEMBER_CARE)
def remember_care(
    ctx: typer.Context,
    name: Annotated[str, _NAME_ARGUMENT],
    theirs: Annotated[
        str | None,
        typer.Option(
            "--theirs", metavar="WAYS", help=messages.HELP_REMEMBER_THEIRS.format(ways=_WAYS)
        ),
    ] = None,
    mine: Annotated[
        str | None,
        typer.Option("--mine", metavar="WAYS", help=messages.HELP_REMEMBER_MINE.format(ways=_WAYS)),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help=messages.HELP_REMEMBER_NOTE)
    ] = None,
) -> None:
    """Note how someone likes to receive care, and how you do; what you leave out stays."""
    if theirs is None and mine is None and note is None:
        raise InvalidInputError([Problem(messages.ERR_REMEMBER_CARE_NOTHING)])
    their_ways = None if theirs is None else parse_ways(theirs, "--theirs")
    my_ways = None if mine is None else parse_ways(mine, "--mine")
    clean_note = None if note is None else checked_text(note, "--note", required=False)
    store = state(ctx).store()
    person = store.person(name)
    before = store.care_preferences(person.id)
    store.set_care_preferences(
        CarePreferences(
            person.id,
            before.theirs if their_ways is None else their_ways,
            before.mine if my_ways is None else my_ways,
            before.note if clean_note is None else clean_note,
        )
    )
    typer.echo(messages.REMEMBERED_CARE.format(name=person.name))


def _ways_text(ways: frozenset[CareWay]) -> str:
    chosen = [way.value for way in CareWay if way in ways]
    return ", ".join(chosen) if chosen else messages.REMEMBER_CARE_UNSET


def _print_remembered(
    person: Person,
    dates: list[ImportantDate],
    things: list[SharedThing],
    care: CarePreferences,
) -> None:
    if dates:
        typer.echo(messages.REMEMBER_HEAD_DATES)
        for item in dates:
            yearly = messages.REMEMBER_DATE_YEARLY if item.yearly else ""
            typer.echo(
                messages.REMEMBER_DATE_LINE.format(
                    id=item.id[:_SHORT_ID], day=item.day, label=item.label, yearly=yearly
                )
            )
    if things:
        typer.echo(messages.REMEMBER_HEAD_SHARED.format(name=person.name))
        for thing in things:
            later = (
                ""
                if thing.follow_up is None
                else messages.REMEMBER_SHARED_FOLLOW_UP.format(date=thing.follow_up)
            )
            done = messages.REMEMBER_SHARED_DONE if thing.done else ""
            typer.echo(
                messages.REMEMBER_SHARED_LINE.format(
                    id=thing.id[:_SHORT_ID], text=thing.text, follow_up=later, done=done
                )
            )
    if care.theirs or care.mine or care.note:
        typer.echo(messages.REMEMBER_HEAD_CARE)
        typer.echo(
            messages.REMEMBER_CARE_THEIRS.format(name=person.name, ways=_ways_text(care.theirs))
        )
        typer.echo(messages.REMEMBER_CARE_MINE.format(ways=_ways_text(care.mine)))
        if care.note:
            typer.echo(messages.REMEMBER_CARE_NOTE.format(note=care.note))


@app.command("list", help=messages.HELP_CMD_REMEMBER_LIST)
def list_remembered(
    ctx: typer.Context,
    name: Annotated[str, _NAME_ARGUMENT],
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Show the dates, shared things and care notes kept for someone."""
    store = state(ctx).store()
    person = store.person(name)
    dates = store.important_dates(person.id)
    things = store.shared_things(person.id)
    care = store.care_preferences(person.id)
    if as_json:
        from reciprocity.formats.exchange import (
            care_to_dict,
            important_date_to_dict,
            shared_thing_to_dict,
        )

        document: dict[str, Any] = {
            "person": person.name,
            "important_dates": [important_date_to_dict(d) for d in dates],
            "shared_things": [shared_thing_to_dict(t) for t in things],
            "care_preferences": care_to_dict(care),
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not (dates or things or care.theirs or care.mine or care.note):
        typer.echo(
            messages.NOTHING_REMEMBERED.format(name=person.name, quoted=shell_quote(person.name))
        )
        return
    _print_remembered(person, dates, things, care)


@app.command("done", help=messages.HELP_CMD_REMEMBER_DONE)
def done(ctx: typer.Context, item_id: Annotated[str, _ID_ARGUMENT]) -> None:
    """Mark the follow-up of something shared as done."""
    store = state(ctx).store()
    item = store.memory_item(item_id)
    if not isinstance(item, SharedThing):
        message = messages.ERR_NOT_A_FOLLOW_UP.format(id=item.id[:_SHORT_ID])
        raise InvalidInputError([Problem(message, "ID")])
    finished = store.complete_shared_thing(item.id)
    typer.echo(messages.FOLLOW_UP_DONE.format(text=finished.text))


@app.command("remove", help=messages.HELP_CMD_REMEMBER_REMOVE)
def remove(ctx: typer.Context, item_id: Annotated[str, _ID_ARGUMENT]) -> None:
    """Forget a remembered date or shared thing."""
    store = state(ctx).store()
    item = store.memory_item(item_id)
    store.remove_memory_item(item.id)
    what = item.label if isinstance(item, ImportantDate) else item.text
    typer.echo(messages.REMEMBERED_REMOVED.format(what=what))
