"""Printing tables: rich lays them out, and the lines go out without trailing padding."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["print_table"]


def print_table(table: Table) -> None:
    """Print a rich table as plain text lines (the width of the terminal, or 100)."""
    from rich.console import Console

    console = Console(highlight=False, width=None if typer.get_terminal_size()[0] > 40 else 100)
    with console.capture() as captured:
        console.print(table)
    for line in captured.get().splitlines():
        typer.echo(line.rstrip())
