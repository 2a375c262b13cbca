"""``reciprocity audit NAME``: the guided audit, or the same audit from an answers file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state

__all__ = ["register"]


def parse_date(value: str, field: str = "date") -> dt.date:
    """Read a YYYY-MM-DD date given on the command line."""
    from reciprocity import messages
    from reciprocity.errors import InvalidInputError, Problem

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(
            [Problem(messages.ERR_DATE_FORMAT.format(value=value), field)]
        ) from None


def read_text(path: Path) -> str:
    """Read a file the person named, with a clear message when it cannot be read."""
    from reciprocity import messages
    from reciprocity.errors import InvalidFileError, Problem

    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        raise InvalidFileError(
            [Problem(messages.ERR_FILE_UNREADABLE.format(detail=detail))], file=str(path)
        ) from error


def _phrasing_notes(texts: list[str]) -> None:
    from reciprocity import messages, phrasing_rules

    findings = [f for text in texts for f in phrasing_rules.check(text)]
    if findings:
        typer.echo(messages.PHRASING_NOTE_HEADER, err=True)
        for finding in findings:
            typer.echo(f"  - {finding.reframe}", err=True)


def audit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_AUDIT_NAME)],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE.toml",
            help=messages.HELP_ANSWERS,
        ),
    ] = None,
    edit: Annotated[
        str | None,
        typer.Option(
            "--edit",
            metavar="DATE",
            help=messages.HELP_EDIT,
        ),
    ] = None,
) -> None:
    """Audit one relationship, guided or from an answers file.

    Four dimensions, a look at yourself, and an overall rating with its explanation.
    """
    from reciprocity import messages
    from reciprocity.errors import AuditNotFoundError
    from reciprocity.store import new_id

    if answers is None and edit is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Said before the database is opened, so refusing never creates or migrates one.
        typer.echo(messages.ERR_PREFIX + messages.NEEDS_TERMINAL.format(name=name), err=True)
        raise typer.Exit(2)
    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    today = app_state.today()

    if answers is not None:
        from reciprocity.formats.answers import parse_answers

        existing = None
        if edit is not None:
            existing = store.audit_on(person.id, parse_date(edit, "--edit"))
            if existing is None:
                raise AuditNotFoundError(
                    messages.ERR_NO_AUDIT_ON.format(name=person.name, date=edit)
                )
        result = parse_answers(
            read_text(answers),
            file=str(answers),
            audit_id=existing.id if existing else new_id(),
            person_id=person.id,
            today=today,
        )
        texts = [r.example for r in result.dimensions]
        if result.reflection:
            texts += [result.reflection.text, result.reflection.first_step]
        _phrasing_notes(texts)
        if existing is not None:
            saved = store.revise_audit(result, expected_revision=existing.revision)
            typer.echo(
                messages.AUDIT_REVISED.format(
                    revision=saved.revision, name=person.name, date=saved.date
                )
            )
            return
        store.add_audit(result)
        typer.echo(messages.AUDIT_SAVED.format(name=person.name, date=result.date))
        return

    if edit is not None:
        raise typer.BadParameter(messages.ERR_EDIT_NEEDS_ANSWERS, param_hint="--edit")
    from reciprocity.cli.interview import interview

    try:
        result = interview(store, person, today=today, audit_id=new_id())
    except KeyboardInterrupt:
        typer.echo("")
        kept = store.draft(person.id) is not None
        typer.echo(
            messages.DRAFT_KEPT.format(name=person.name)
            if kept
            else messages.PAUSED_BEFORE_FIRST_ANSWER
        )
        raise typer.Exit(130) from None
    store.finish_draft(result)
    typer.echo("")
    typer.echo(messages.AUDIT_SAVED.format(name=person.name, date=result.date))


def register(app: typer.Typer) -> None:
    """Add the audit command to the app."""
    app.command("audit", help=messages.HELP_CMD_AUDIT)(audit)
