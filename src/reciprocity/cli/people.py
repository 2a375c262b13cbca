"""``reciprocity person ...``: the relationships a person chooses to look at."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import confirmed, parse_kind, shell_quote
from reciprocity.cli.output import print_table
from reciprocity.cli.state import state
from reciprocity.core.model import RelationshipKind

__all__ = ["app"]

_KINDS = "|".join(k.value for k in RelationshipKind)

app = typer.Typer(help=messages.HELP_PERSON_GROUP, rich_markup_mode=None)


@app.command("add", help=messages.HELP_CMD_PERSON_ADD)
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_PERSON_NAME)],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", "-k", metavar=_KINDS, help=messages.HELP_PERSON_KIND, show_default=True
        ),
    ] = RelationshipKind.FRIEND.value,
) -> None:
    """Add a relationship to look at."""
    chosen = parse_kind(kind)
    store = state(ctx).store()
    first = not store.people()
    person = store.add_person(name, chosen)
    typer.echo(messages.PERSON_ADDED.format(name=person.name, kind=messages.KIND_LABELS[chosen]))
    quoted = shell_quote(person.name)
    if first:
        typer.echo(messages.FIRST_PERSON_ADDED.format(name=quoted))
    else:
        typer.echo(messages.PERSON_ADDED_NEXT.format(name=quoted))


@app.command("list", help=messages.HELP_CMD_PERSON_LIST)
def list_people(ctx: typer.Context) -> None:
    """List your relationships with their number of audits."""
    from rich.table import Table

    summaries = state(ctx).store().people()
    if not summaries:
        typer.echo(messages.NO_PEOPLE_YET)
        typer.echo(messages.FIRST_RUN_SUGGESTION)
        return
    table = Table(*messages.PEOPLE_HEADER, box=None, pad_edge=False)
    for summary in summaries:
        table.add_row(
            summary.person.name,
            messages.KIND_LABELS[summary.person.kind],
            str(summary.audit_count),
            summary.latest.isoformat() if summary.latest else "-",
        )
    print_table(table)


@app.command("rename", help=messages.HELP_CMD_PERSON_RENAME)
def rename(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_CURRENT_NAME)],
    new_name: Annotated[str, typer.Argument(help=messages.HELP_NEW_NAME)],
) -> None:
    """Rename a relationship; its audits stay with it."""
    store = state(ctx).store()
    old = store.person(name)
    person = store.rename_person(old.name, new_name)
    typer.echo(messages.PERSON_RENAMED.format(old=old.name, new=person.name))


@app.command("remove", help=messages.HELP_CMD_PERSON_REMOVE)
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_REMOVE_NAME)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=messages.HELP_YES)] = False,
) -> None:
    """Remove a relationship and all its audits, after confirmation."""
    store = state(ctx).store()
    person = store.person(name)
    count = store.count_audits(person.id)
    if not yes and not confirmed(
        messages.ASK_CONFIRM_REMOVE.format(
            name=person.name, audits=messages.counted(count, "audit")
        )
    ):
        typer.echo(messages.NOTHING_REMOVED)
        return
    removed = store.remove_person(person.name)
    typer.echo(
        messages.PERSON_REMOVED.format(name=person.name, audits=messages.counted(removed, "audit"))
    )


@app.command("rhythm", help=messages.HELP_CMD_PERSON_RHYTHM)
def rhythm(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    months: Annotated[str, typer.Argument(help=messages.HELP_RHYTHM_MONTHS)],
) -> None:
    """Set how often a relationship is audited."""
    from reciprocity.core.rhythm import DEFAULT_RHYTHM_MONTHS, MAX_RHYTHM_MONTHS
    from reciprocity.errors import InvalidInputError, Problem

    every: int | None = None
    if months.strip().lower() != "default":
        try:
            every = int(months)
        except ValueError:
            message = messages.ERR_RHYTHM.format(maximum=MAX_RHYTHM_MONTHS)
            raise InvalidInputError([Problem(message, "months")]) from None
    person = state(ctx).store().set_rhythm(name, every)
    if every is None:
        typer.echo(messages.RHYTHM_DEFAULT.format(name=person.name, months=DEFAULT_RHYTHM_MONTHS))
    else:
        typer.echo(
            messages.RHYTHM_SET.format(name=person.name, every=messages.every(every, "month"))
        )
