"""``reciprocity settings``: show and change the person's settings (the pattern thresholds)."""

from __future__ import annotations

import contextlib
import json
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.output import print_table
from reciprocity.cli.state import state

__all__ = ["app"]

app = typer.Typer(help=messages.HELP_CMD_SETTINGS, rich_markup_mode=None)


def _default(key: str) -> object:
    from reciprocity.core.patterns import DEFAULT_SETTINGS, SETTING_KEYS

    return getattr(DEFAULT_SETTINGS, SETTING_KEYS[key][0])


@app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Show every setting, its value and its default."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from reciprocity.core.patterns import SETTING_KEYS

    current = state(ctx).store().pattern_settings()
    values = {key: getattr(current, name) for key, (name, *_) in SETTING_KEYS.items()}
    if as_json:
        document = {k: {"value": v, "default": _default(k)} for k, v in values.items()}
        typer.echo(json.dumps(document, indent=2))
        return
    table = Table(*messages.SETTINGS_HEADER, box=None, pad_edge=False)
    for key, value in values.items():
        table.add_row(key, f"{value:g}", f"{_default(key):g}")
    print_table(table)


@app.command("set", help=messages.HELP_CMD_SETTINGS)
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=messages.HELP_SETTING_KEY)],
    value: Annotated[str, typer.Argument(help=messages.HELP_SETTING_VALUE)],
) -> None:
    """Change one setting."""
    store = state(ctx).store()
    number: object = value
    with contextlib.suppress(ValueError):  # if it is no number, the check says so
        number = json.loads(value)
    store.set_setting(key, number)
    current = getattr(store.pattern_settings(), key.split(".", 1)[1])
    typer.echo(messages.SETTING_SAVED.format(key=key, value=current, default=_default(key)))


@app.command("reset", help=messages.HELP_CMD_SETTINGS)
def reset(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=messages.HELP_SETTING_KEY)],
) -> None:
    """Put one setting back to its default."""
    state(ctx).store().reset_setting(key)
    typer.echo(messages.SETTING_RESET.format(key=key, default=_default(key)))
