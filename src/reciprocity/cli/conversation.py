"""``reciprocity invite``, ``import-response`` and ``compare``: the other person's view too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

__all__ = ["register"]


def invite(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_INVITE_OUTPUT),
    ],
) -> None:
    """Write an invitation page for the other person of a relationship."""
    from reciprocity.cli.inputs import write_text
    from reciprocity.formats.invitation_page import invitation_html

    store = state(ctx).store()
    person = store.person(name)
    if output.is_dir() or not output.parent.is_dir():
        # Refused before the invitation is stored, so a typo leaves nothing behind.
        write_text(output, "")
    invitation = store.add_invitation(person.id)
    write_text(output, invitation_html(invitation))
    typer.echo(messages.INVITE_WRITTEN.format(name=person.name, path=output))


def import_response(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=messages.HELP_RESPONSE_FILE)],
) -> None:
    """Import the response file the other person sent back."""
    from reciprocity.cli.inputs import read_text, shell_quote
    from reciprocity.formats.response import parse_response

    app_state = state(ctx)
    received = parse_response(read_text(file), file=str(file), today=app_state.today())
    store = app_state.store()
    added = store.import_response(received.response, received.code, file=str(file))
    person = store.person_by_id(received.response.person_id)
    date = received.response.date
    if added:
        quoted = shell_quote(person.name)
        typer.echo(messages.RESPONSE_IMPORTED.format(name=person.name, date=date, quoted=quoted))
    else:
        typer.echo(messages.RESPONSE_ALREADY_HERE.format(name=person.name, date=date))


def compare(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Set the other person's latest answers beside your audit closest in date."""
    from reciprocity.cli.inputs import shell_quote
    from reciprocity.core.comparison import (
        closest_audit,
        compare,
        comparison_text,
        comparison_to_dict,
    )

    store = state(ctx).store()
    person = store.person(name)
    quoted = shell_quote(person.name)
    response = store.latest_response(person.id)
    if response is None:
        typer.echo(messages.COMPARE_NO_RESPONSE.format(name=person.name, quoted=quoted))
        return
    audit = closest_audit(store.audits(person.id), response.date)
    if audit is None:
        typer.echo(messages.COMPARE_NO_AUDIT.format(name=person.name, quoted=quoted))
        return
    comparison = compare(person, audit, response)
    if as_json:
        typer.echo(json.dumps(comparison_to_dict(comparison), indent=2, ensure_ascii=False))
    else:
        typer.echo(comparison_text(comparison), nl=False)


def register(app: typer.Typer) -> None:
    """Add the invitation, response and comparison commands to the app."""
    app.command("invite", help=messages.HELP_CMD_INVITE)(invite)
    app.command("import-response", help=messages.HELP_CMD_IMPORT_RESPONSE)(import_response)
    app.command("compare", help=messages.HELP_CMD_COMPARE)(compare)
