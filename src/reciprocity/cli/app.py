"""The root command: global options, the first-run welcome, and the command groups."""

from __future__ import annotations

from typing import Annotated

import typer

from reciprocity import __version__, messages
from reciprocity.cli import (
    audit,
    calendar,
    conversation,
    demo,
    due,
    evidence,
    exchange,
    guide,
    memory,
    people,
    seasons,
    serve,
    settings,
    signals,
    status,
    views,
)
from reciprocity.cli.state import DB_ENV, state
from reciprocity.errors import InvalidInputError, Problem

__all__ = ["app"]

app = typer.Typer(
    name="reciprocity",
    help=messages.HELP_APP,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: loading rich for --help alone would cost more than the whole start-up budget.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reciprocity {__version__}")
        raise typer.Exit


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar=DB_ENV,
            metavar="PATH",
            help=messages.HELP_DB,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=messages.HELP_VERSION),
    ] = False,
) -> None:
    """See whether your closest relationships flow both ways."""
    app_state = state(ctx)
    if db is not None and not db.strip():
        raise InvalidInputError([Problem(messages.ERR_EMPTY_DATABASE, "--db")])
    app_state.database = db
    ctx.call_on_close(app_state.close)
    if ctx.invoked_subcommand is None:
        typer.echo(messages.WELCOME)
        if not app_state.store().people():
            typer.echo("")
            typer.echo(messages.FIRST_RUN_SUGGESTION)
        typer.echo("")
        typer.echo(messages.SEE_ALL_COMMANDS)


app.add_typer(people.app, name="person")
app.add_typer(seasons.app, name="season")
app.add_typer(memory.app, name="remember")
audit.register(app)
views.register(app)
status.register(app)
due.register(app)
calendar.register(app)
guide.register(app)
conversation.register(app)
exchange.register(app)
demo.register(app)
serve.register(app)
app.add_typer(settings.app, name="settings")
app.add_typer(signals.app, name="signals")
app.add_typer(evidence.app, name="evidence")
