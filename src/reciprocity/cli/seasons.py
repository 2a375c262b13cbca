"""``reciprocity season ...``: the hard stretches in which a relationship leans for a while."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity import messages
from reciprocity.cli.inputs import confirmed, parse_choice, parse_date
from reciprocity.cli.output import print_table
from reciprocity.cli.state import state
from reciprocity.core.seasons import Season, SeasonKind, Whose, make_season
from reciprocity.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    import datetime as dt

    from reciprocity.store import Store

__all__ = ["app"]

_WHOSE = "|".join(w.value for w in Whose)
_KINDS = "|".join(k.value for k in SeasonKind)

# How much of a season's id the list shows: enough to tell seasons apart, short to type.
_SHORT_ID = 8

# The core names a season's fields as the export does; here they are the options typed.
_OPTIONS: Mapping[str, str] = {"from": "--from", "to": "--to", "note": "--note"}

app = typer.Typer(help=messages.HELP_SEASON_GROUP, rich_markup_mode=None)


def _parse_whose(value: str) -> Whose:
    return parse_choice(value, Whose, "--whose", messages.ERR_UNKNOWN_WHOSE)


def _parse_kind(value: str) -> SeasonKind:
    return parse_choice(value, SeasonKind, "--kind")


def _refuse_to_with_ongoing(end: str | None, ongoing: bool) -> None:
    if end is not None and ongoing:
        raise InvalidInputError([Problem(messages.ERR_SEASON_TO_AND_ONGOING, "--to")])


def _checked(draft: Season, *, today: dt.date, options: Mapping[str, str] = _OPTIONS) -> Season:
    """The season as the core's rules allow it, with each problem named by its option."""
    try:
        return make_season(
            season_id=draft.id,
            person_id=draft.person_id,
            whose=draft.whose,
            kind=draft.kind,
            start=draft.start,
            end=draft.end,
            today=today,
            note=draft.note,
        )
    except InvalidInputError as error:
        problems = [
            dataclasses.replace(p, field=options.get(p.field, p.field) if p.field else None)
            for p in error.problems
        ]
        raise InvalidInputError(problems) from None


def _described(season: Season, name: str) -> str:
    """Whose season, what it is and when, in words: "Sam's season, marked by grief (...)"."""
    if season.end is None:
        span = messages.SEASON_SPAN_ONGOING.format(start=season.start)
    else:
        span = messages.SEASON_SPAN.format(start=season.start, end=season.end)
    return messages.SEASON_DESCRIBED.format(
        owner=messages.SEASON_OWNERS[season.whose].format(name=name),
        kind=messages.SEASON_KIND_LABELS[season.kind],
        span=span,
    )


# Declared once for the commands that share them (Typer copies each); the default, or its
# absence, makes an option optional or required.
_ID_ARGUMENT = typer.Argument(metavar="ID", help=messages.HELP_SEASON_ID)
_WHOSE_OPTION = typer.Option("--whose", metavar=_WHOSE, help=messages.HELP_SEASON_WHOSE)
_KIND_OPTION = typer.Option("--kind", "-k", metavar=_KINDS, help=messages.HELP_SEASON_KIND)
_FROM_OPTION = typer.Option("--from", metavar="DATE", help=messages.HELP_SEASON_FROM)
_NOTE_OPTION = typer.Option("--note", metavar="TEXT", help=messages.HELP_SEASON_NOTE)


def _save(store: Store, season: Season, said: str) -> None:
    """Store a changed season and say so, describing it as it now is."""
    store.update_season(season)
    person = store.person_by_id(season.person_id)
    typer.echo(said.format(season=_described(season, person.name)))


@app.command("add", help=messages.HELP_CMD_SEASON_ADD)
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_SEASON_NAME)],
    *,
    whose: Annotated[str, _WHOSE_OPTION],
    kind: Annotated[str, _KIND_OPTION],
    start: Annotated[str, _FROM_OPTION],
    end: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help=messages.HELP_SEASON_TO)
    ] = None,
    ongoing: Annotated[bool, typer.Option("--ongoing", help=messages.HELP_SEASON_ONGOING)] = False,
    note: Annotated[str, _NOTE_OPTION] = "",
) -> None:
    """Mark a season in a relationship: whose it is, what, and since when."""
    from reciprocity.store import new_id

    _refuse_to_with_ongoing(end, ongoing)
    chosen_whose = _parse_whose(whose)
    chosen_kind = _parse_kind(kind)
    began = parse_date(start, "--from")
    ended = None if end is None else parse_date(end, "--to")
    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    draft = Season(new_id(), person.id, chosen_whose, chosen_kind, began, ended, note)
    season = store.add_season(_checked(draft, today=app_state.today()))
    typer.echo(
        messages.SEASON_ADDED.format(
            season=_described(season, person.name),
            reading=messages.SEASON_READING[season.whose].format(name=person.name),
        )
    )


@app.command("list", help=messages.HELP_CMD_SEASON_LIST)
def list_seasons(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help=messages.HELP_SEASON_LIST_NAME)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """List the seasons, earliest first."""
    from rich.table import Table

    store = state(ctx).store()
    person = None if name is None else store.person(name)
    if person is None:
        found = store.seasons()
        names = {summary.person.id: summary.person.name for summary in store.people()}
    else:
        found = store.seasons(person.id)
        names = {person.id: person.name}
    if as_json:
        from reciprocity.formats.exchange import season_to_dict

        document: dict[str, Any] = {
            "seasons": [
                {**season_to_dict(season), "person": names[season.person_id]} for season in found
            ]
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not found:
        if person is None:
            typer.echo(messages.NO_SEASONS_YET)
        else:
            typer.echo(messages.NO_SEASONS_FOR.format(name=person.name))
        return
    table = Table(*messages.SEASONS_HEADER, box=None, pad_edge=False)
    for season in found:
        table.add_row(
            names[season.person_id],
            season.id[:_SHORT_ID],
            messages.WHOSE_LABELS[season.whose],
            season.kind.value,
            season.start.isoformat(),
            season.end.isoformat() if season.end else messages.SEASON_ONGOING,
            season.note,
        )
    print_table(table)


@app.command("end", help=messages.HELP_CMD_SEASON_END)
def end(
    ctx: typer.Context,
    season_id: Annotated[str, _ID_ARGUMENT],
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help=messages.HELP_SEASON_END_ON)
    ] = None,
) -> None:
    """Say that an ongoing season has ended."""
    app_state = state(ctx)
    today = app_state.today()
    ended_on = today if on is None else parse_date(on, "--on")
    store = app_state.store()
    season = store.season(season_id)
    if season.end is not None:
        message = messages.ERR_SEASON_ALREADY_ENDED.format(end=season.end, id=season.id[:_SHORT_ID])
        raise InvalidInputError([Problem(message)])
    ended = _checked(
        dataclasses.replace(season, end=ended_on), today=today, options={**_OPTIONS, "to": "--on"}
    )
    _save(store, ended, messages.SEASON_ENDED)


@app.command("edit", help=messages.HELP_CMD_SEASON_EDIT)
def edit(
    ctx: typer.Context,
    season_id: Annotated[str, _ID_ARGUMENT],
    *,
    whose: Annotated[str | None, _WHOSE_OPTION] = None,
    kind: Annotated[str | None, _KIND_OPTION] = None,
    start: Annotated[str | None, _FROM_OPTION] = None,
    end: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help=messages.HELP_SEASON_EDIT_TO)
    ] = None,
    ongoing: Annotated[
        bool, typer.Option("--ongoing", help=messages.HELP_SEASON_EDIT_ONGOING)
    ] = False,
    note: Annotated[str | None, _NOTE_OPTION] = None,
) -> None:
    """Change a season; only what you give changes."""
    _refuse_to_with_ongoing(end, ongoing)
    changes: dict[str, Any] = {}
    if whose is not None:
        changes["whose"] = _parse_whose(whose)
    if kind is not None:
        changes["kind"] = _parse_kind(kind)
    if start is not None:
        changes["start"] = parse_date(start, "--from")
    if end is not None:
        changes["end"] = parse_date(end, "--to")
    if ongoing:
        changes["end"] = None
    if note is not None:
        changes["note"] = note
    if not changes:
        raise InvalidInputError([Problem(messages.ERR_SEASON_NOTHING_TO_EDIT)])
    app_state = state(ctx)
    store = app_state.store()
    season = store.season(season_id)
    changed = _checked(dataclasses.replace(season, **changes), today=app_state.today())
    _save(store, changed, messages.SEASON_CHANGED)


@app.command("remove", help=messages.HELP_CMD_SEASON_REMOVE)
def remove(
    ctx: typer.Context,
    season_id: Annotated[str, _ID_ARGUMENT],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=messages.HELP_YES)] = False,
) -> None:
    """Remove a season, after confirmation."""
    store = state(ctx).store()
    season = store.season(season_id)
    described = _described(season, store.person_by_id(season.person_id).name)
    if not yes and not confirmed(messages.ASK_CONFIRM_REMOVE_SEASON.format(season=described)):
        typer.echo(messages.NOTHING_REMOVED)
        return
    store.remove_season(season.id)
    typer.echo(messages.SEASON_REMOVED.format(season=described))
