"""``reciprocity signals classify``: the language signals of each line of a file or of stdin."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity import messages
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem

if TYPE_CHECKING:
    from reciprocity.signals import Signal, Signals

__all__ = ["app", "read_messages"]

app = typer.Typer(help=messages.HELP_CMD_SIGNALS, rich_markup_mode=None, no_args_is_help=True)

OUTPUT_VERSION = 1
_LONG_LINE_NOTES = 3  # past this many, one summary line
_BAD_LINES_SHOWN = 5
STDIN_NAME = "<stdin>"


def read_messages(data: bytes, *, source: str) -> tuple[list[tuple[int, str]], int]:
    """Split input into numbered messages, refusing what is not text.

    Args:
        data: The raw input.
        source: Its name, for the messages (a path, or ``<stdin>``).

    Returns:
        The non-empty lines with their line numbers (from 1), and how many empty
        lines were left out.

    Raises:
        InvalidInputError: The input holds binary data or lines that are not UTF-8.
    """
    file = None if source == STDIN_NAME else source
    if b"\x00" in data:
        raise InvalidFileError([Problem(messages.ERR_SIGNALS_BINARY)], file=source)
    found: list[tuple[int, str]] = []
    bad: list[int] = []
    empty = 0
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            bad.append(number)
            continue
        if line.strip():
            found.append((number, line.strip()))
        else:
            empty += 1
    if bad:
        problems = [Problem(messages.ERR_SIGNALS_NOT_UTF8, line=n) for n in bad[:_BAD_LINES_SHOWN]]
        if len(bad) > _BAD_LINES_SHOWN:
            more = messages.ERR_SIGNALS_MORE_LINES.format(
                lines=messages.counted(len(bad) - _BAD_LINES_SHOWN, "line")
            )
            problems.append(Problem(more))
        if file is None:
            raise InvalidInputError(problems)
        raise InvalidFileError(problems, file=file)
    return found, empty


def _read_input(file: Path | None) -> tuple[bytes, str]:
    from reciprocity.cli.inputs import read_bytes

    if file is not None and str(file) != "-":
        return read_bytes(file), str(file)
    if sys.stdin.isatty():
        typer.echo(messages.SIGNALS_TYPE_HINT, err=True)
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")
    return data, STDIN_NAME


def _label(signal: Signal) -> str:
    name = messages.SIGNAL_NAMES[signal.name]
    if signal.kind is not None:
        name = f"{name} ({messages.SIGNAL_KIND_NAMES[signal.kind]})"
    return f"{name} {signal.confidence:.2f}"


def _text_line(number: int, width: int, signals: Signals, text: str) -> str:
    from reciprocity.signals import Language

    if signals.language is Language.UNSUPPORTED:
        labels = messages.SIGNALS_NOT_READ
    else:
        labels = ", ".join(_label(s) for s in signals.present()) or messages.SIGNALS_NONE
    preview = text if len(text) <= 60 else text[:57] + "..."
    return f"{number:>{width}}  {labels}\n{'':>{width}}  {preview}"


def _json_entry(number: int, text: str, signals: Signals) -> dict[str, object]:
    return {
        "line": number,
        "text": text,
        "language": signals.language.value,
        "signals": {
            s.name.value: {
                "present": s.present,
                "confidence": s.confidence,
                "kind": s.kind.value if s.kind else None,
                "by_rule": s.by_rule,
            }
            for s in signals.all()
        },
    }


@app.command("classify", help=messages.HELP_CMD_SIGNALS_CLASSIFY)
def classify(
    file: Annotated[
        Path | None, typer.Argument(metavar="[FILE]", help=messages.HELP_SIGNALS_FILE)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Read the signals of each message, one a line."""
    from reciprocity.signals import classify_many
    from reciprocity.signals._features import MAX_CHARS

    data, source = _read_input(file)
    found, empty = read_messages(data, source=source)
    long_lines = [(n, len(t)) for n, t in found if len(t) > MAX_CHARS]
    for number, length in long_lines[:_LONG_LINE_NOTES]:
        note = messages.SIGNALS_LONG_LINE.format(line=number, length=length, limit=MAX_CHARS)
        typer.echo(note, err=True)
    if len(long_lines) > _LONG_LINE_NOTES:
        typer.echo(
            messages.SIGNALS_LONG_LINES.format(count=len(long_lines), limit=MAX_CHARS), err=True
        )
    read = classify_many(text for _, text in found)
    if as_json:
        document = {
            "version": OUTPUT_VERSION,
            "messages": [_json_entry(n, t, s) for (n, t), s in zip(found, read, strict=True)],
            "empty_lines": empty,
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo(messages.SIGNALS_NOTHING_TO_READ, err=True)
        return
    width = len(str(found[-1][0]))
    for (number, text), signals in zip(found, read, strict=True):
        typer.echo(_text_line(number, width, signals, text))
    if empty:
        typer.echo(
            messages.SIGNALS_EMPTY_SKIPPED.format(lines=messages.counted(empty, "empty line")),
            err=True,
        )
    typer.echo(messages.SIGNALS_CAUTION, err=True)
