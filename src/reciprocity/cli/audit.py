"""``reciprocity audit NAME``: the guided audit, or the same audit from an answers file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reciprocity import messages
from reciprocity.cli.inputs import audit_on, parse_date, read_text, shell_quote
from reciprocity.cli.state import state
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem

if TYPE_CHECKING:
    from reciprocity.core import Audit

__all__ = ["register"]


def _phrasing_notes(texts: list[str]) -> None:
    from reciprocity import messages, phrasing_rules

    findings = [f for text in texts for f in phrasing_rules.check(text, second_opinion=True)]
    if findings:
        typer.echo(messages.PHRASING_NOTE_HEADER, err=True)
        for finding in findings:
            typer.echo(f"  - {finding.reframe}", err=True)


def audit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_AUDIT_NAME)],
    answers: Annotated[
        Path | None,
        typer.Option("--answers", "-a", metavar="FILE.toml", help=messages.HELP_ANSWERS),
    ] = None,
    edit: Annotated[
        str | None, typer.Option("--edit", metavar="DATE", help=messages.HELP_EDIT)
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help=messages.HELP_AUDIT_DATE)
    ] = None,
) -> None:
    """Audit one relationship, guided or from an answers file."""
    if answers is None:
        if edit is not None:
            raise typer.BadParameter(messages.ERR_EDIT_NEEDS_ANSWERS, param_hint="--edit")
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            # Said before the database is opened, so refusing never creates or migrates one.
            typer.echo(
                messages.ERR_PREFIX + messages.NEEDS_TERMINAL.format(name=shell_quote(name)),
                err=True,
            )
            raise typer.Exit(2)
        _guided(ctx, name, on)
    elif edit is not None:
        _revise_from_file(ctx, name, answers, edit)
    else:
        _add_from_file(ctx, name, answers, on)


def _texts(audit: Audit) -> list[str]:
    texts = [r.example for r in audit.dimensions]
    if audit.reflection:
        texts += [audit.reflection.text, audit.reflection.first_step]
    return texts


def _add_from_file(ctx: typer.Context, name: str, answers: Path, on: str | None) -> None:
    from reciprocity.formats.answers import parse_answers
    from reciprocity.store import new_id

    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    result, _ = parse_answers(
        read_text(answers),
        file=str(answers),
        audit_id=new_id(),
        person_id=person.id,
        today=app_state.today(),
        default_date=parse_date(on, "--date") if on else None,
    )
    store.add_audit(result)
    typer.echo(messages.AUDIT_SAVED.format(name=person.name, date=result.date))
    _phrasing_notes(_texts(result))


def _revise_from_file(ctx: typer.Context, name: str, answers: Path, edit: str) -> None:
    from reciprocity.formats.answers import parse_answers

    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    existing = audit_on(store, person, edit, "--edit")
    result, revision = parse_answers(
        read_text(answers),
        file=str(answers),
        audit_id=existing.id,
        person_id=person.id,
        today=app_state.today(),
        default_date=existing.date,
    )
    if revision is None:
        message = messages.ERR_EDIT_NEEDS_REVISION.format(
            current=existing.revision, name=shell_quote(person.name), date=existing.date
        )
        raise InvalidFileError([Problem(message, "revision")], file=str(answers))
    if result.date != existing.date:
        message = messages.ERR_EDIT_OTHER_DATE.format(found=result.date, date=existing.date)
        raise InvalidFileError([Problem(message, "date")], file=str(answers))
    saved = store.revise_audit(result, expected_revision=revision)
    typer.echo(
        messages.AUDIT_REVISED.format(revision=saved.revision, name=person.name, date=saved.date)
    )
    _phrasing_notes(_texts(saved))


def _guided(ctx: typer.Context, name: str, on: str | None) -> None:
    from reciprocity.cli.interview import interview
    from reciprocity.errors import DuplicateAuditError
    from reciprocity.store import new_id

    app_state = state(ctx)
    store = app_state.store()
    person = store.person(name)
    day = parse_date(on, "--date") if on else app_state.today()
    if day > app_state.today():
        # Refused at once rather than after every answer is given.
        problem = Problem(messages.ERR_DATE_IN_FUTURE.format(date=day), "--date")
        raise InvalidInputError([problem])
    if store.audit_on(person.id, day) is not None:
        # Said before the first question, so nobody answers everything to be refused.
        message = messages.ERR_GUIDED_DATE_TAKEN.format(name=person.name, date=day)
        raise DuplicateAuditError(message)
    try:
        result = interview(store, person, on=day, today=app_state.today(), audit_id=new_id())
    except (KeyboardInterrupt, EOFError):
        typer.echo("")
        kept = store.draft(person.id) is not None
        name_arg = shell_quote(person.name)
        typer.echo(
            messages.DRAFT_KEPT.format(name=name_arg)
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
