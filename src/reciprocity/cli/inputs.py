"""Reading what a person types on the command line or names as a file, with clear refusals."""

from __future__ import annotations

import datetime as dt
import difflib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reciprocity import messages
from reciprocity.core.model import RelationshipKind
from reciprocity.errors import AuditNotFoundError, InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.shell import shell_quote

if TYPE_CHECKING:
    from reciprocity.core import Audit, Person
    from reciprocity.store import Store

__all__ = [
    "audit_on",
    "confirmed",
    "parse_choice",
    "parse_date",
    "parse_kind",
    "read_bytes",
    "read_text",
    "shell_quote",
    "write_text",
]

Choice = TypeVar("Choice", bound=StrEnum)


def parse_date(value: str, field: str = "date") -> dt.date:
    """Read a YYYY-MM-DD date given on the command line."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = messages.ERR_DATE_FORMAT.format(value=value)
        raise InvalidInputError([Problem(message, field)]) from None


def parse_choice(
    value: str, choices: type[Choice], option: str, template: str = messages.ERR_UNKNOWN_KIND
) -> Choice:
    """Read one of an enum's values, in any case, suggesting the nearest on a typo.

    Args:
        value: What was typed.
        choices: The enum whose values are accepted.
        option: The option it was given as, to locate the problem (``--kind``).
        template: The refusal, with ``{value}`` and ``{choices}``.

    Raises:
        InvalidInputError: ``value`` is none of the choices.
    """
    wanted = value.strip().lower()
    try:
        return choices(wanted)
    except ValueError:
        words = [choice.value for choice in choices]
        near = difflib.get_close_matches(wanted, words, n=1)
        hint = messages.HINT_DID_YOU_MEAN.format(word=near[0]) if near else ""
        message = template.format(value=value, choices=", ".join(words))
        raise InvalidInputError([Problem(message + hint, option)]) from None


def parse_kind(value: str) -> RelationshipKind:
    """Read a relationship kind, in any case, suggesting the nearest on a typo."""
    return parse_choice(value, RelationshipKind, "--kind")


def read_bytes(path: Path) -> bytes:
    """Read a file the person named as bytes, with a clear message when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        problem = Problem(messages.ERR_FILE_UNREADABLE.format(detail=detail))
        raise InvalidFileError([problem], file=str(path)) from error


def read_text(path: Path) -> str:
    """Read a file the person named, with a clear message when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        problem = Problem(messages.ERR_FILE_UNREADABLE.format(detail=detail))
        raise InvalidFileError([problem], file=str(path)) from error


def write_text(path: Path, text: str) -> None:
    """Write a file atomically, with a clear message when it cannot be written."""
    from reciprocity.atomic import write_atomically

    if path.is_dir():
        detail = messages.DETAIL_IS_A_FOLDER
    elif not path.parent.is_dir():
        detail = messages.DETAIL_NO_FOLDER.format(folder=path.parent)
    else:
        try:
            write_atomically(path, text)
        except OSError as error:
            detail = error.strerror or str(error)
        else:
            return
    problem = Problem(messages.ERR_FILE_UNWRITABLE.format(detail=detail))
    raise InvalidFileError([problem], file=str(path))


def audit_on(store: Store, person: Person, value: str, option: str) -> Audit:
    """The audit of a relationship on a date given as ``option``, or a message listing its dates."""
    on = parse_date(value, option)
    found = store.audit_on(person.id, on)
    if found is not None:
        return found
    dates = [a.date.isoformat() for a in store.audits(person.id)][-5:]
    hint = messages.HINT_AUDIT_DATES.format(dates=", ".join(dates)) if dates else ""
    raise AuditNotFoundError(messages.ERR_NO_AUDIT_ON.format(name=person.name, date=on) + hint)


def confirmed(question: str) -> bool:
    """A yes-or-no question before something is removed, no by default.

    Answered from a pipe too (``echo y | ...``). When the input ends with no answer
    and it is not a terminal (a script that did not pass ``--yes``), that is refused
    in words, at ``--yes``, rather than taken as a Ctrl-C.

    Raises:
        InvalidInputError: No answer came and no terminal could give one.
    """
    import sys

    import typer

    try:
        return typer.confirm(question, default=False)
    except typer.Abort:
        if sys.stdin is None or not sys.stdin.isatty():
            problem = Problem(messages.ERR_NO_ANSWER_NEEDS_YES, "--yes")
            raise InvalidInputError([problem]) from None
        raise
