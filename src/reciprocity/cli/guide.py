"""``reciprocity guide NAME``: a conversation guide, from the person's picture or boundary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

__all__ = ["register"]


def guide(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help=messages.HELP_GUIDE_OUTPUT),
    ] = None,
) -> None:
    """Write the conversation guide for one relationship."""
    from reciprocity import phrasing_rules
    from reciprocity.cli.inputs import shell_quote, write_text
    from reciprocity.core.guide import build_guide, guide_markdown, guide_text

    store = state(ctx).store()
    person = store.person(name)
    # The latest audit that holds a picture or a boundary.
    source = next((a for a in reversed(store.audits(person.id)) if a.reflection), None)
    if source is None:
        typer.echo(messages.GUIDE_NO_REFLECTION.format(name=shell_quote(person.name)))
        return
    built = build_guide(person, source, phrasing_rules.default_rules())
    if output is None:
        typer.echo(guide_text(built), nl=False)
        return
    markdown = output.suffix.lower() in {".md", ".markdown"}
    write_text(output, guide_markdown(built) if markdown else guide_text(built))
    typer.echo(messages.GUIDE_WRITTEN.format(name=person.name, path=output))


def register(app: typer.Typer) -> None:
    """Add the guide command to the app."""
    app.command("guide", help=messages.HELP_CMD_GUIDE)(guide)
