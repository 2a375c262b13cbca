"""``reciprocity show`` and ``reciprocity history``: the latest audit explained, and all of them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity import messages
from reciprocity.cli.inputs import audit_on, shell_quote
from reciprocity.cli.output import print_table
from reciprocity.cli.state import state

if TYPE_CHECKING:
    from reciprocity.core import Audit, DimensionRating, EarlierRevision, Person
    from reciprocity.store import Store

__all__ = ["register"]


def _no_audits_yet(store: Store, person: Person) -> None:
    name = shell_quote(person.name)
    typer.echo(messages.NO_AUDITS_YET.format(name=person.name, arg=name))
    if store.draft(person.id) is not None:
        typer.echo(messages.NO_AUDITS_DRAFT_WAITING.format(name=name))


def _person_json(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "kind": person.kind.value}


def _audit_json(audit: Audit) -> dict[str, Any]:
    from reciprocity.formats.codec import audit_to_dict

    return {"id": audit.id, "revision": audit.revision, **audit_to_dict(audit)}


def _cell(rating: DimensionRating) -> str:
    from reciprocity import messages

    if rating.no_recent_example or rating.score is None:
        return "-"
    lean = messages.LEAN_SHORT[rating.lean] if rating.lean else ""
    return f"{rating.score} {lean}".strip()


def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help=messages.HELP_SHOW_DATE)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Show the latest audit and how its rating was proposed."""
    from reciprocity.core import explain_proposal, propose_overall_rating

    store = state(ctx).store()
    person = store.person(name)
    if date is None:
        audit = store.latest_audit(person.id)
    else:
        audit = audit_on(store, person, date, "--date")
    if audit is None:
        if as_json:
            typer.echo(json.dumps({"person": _person_json(person), "audit": None}, indent=2))
        else:
            _no_audits_yet(store, person)
        return
    proposal = propose_overall_rating(audit.dimensions)
    explanation = explain_proposal(proposal)
    earlier = store.earlier_revisions(audit)
    if as_json:
        document = {
            "person": _person_json(person),
            "audit": _audit_json(audit),
            "proposal": {
                "value": proposal.value,
                "exact": proposal.exact,
                "leans": proposal.leans.value,
                "explanation": explanation,
            },
            "earlier_revisions": [
                {"revision": e.revision, "saved_at": e.saved_at.isoformat()} for e in earlier
            ],
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    _show_text(person, audit, explanation, earlier)


def _show_text(
    person: Person, audit: Audit, explanation: list[str], earlier: tuple[EarlierRevision, ...]
) -> None:
    from rich.table import Table

    from reciprocity import messages

    title = messages.SHOW_TITLE.format(
        name=person.name, kind=messages.KIND_LABELS[person.kind], date=audit.date
    )
    if audit.revision > 1:
        title += f" ({messages.SHOW_REVISION.format(revision=audit.revision)})"
    typer.echo(title)
    typer.echo("")
    table = Table(box=None, show_header=False, pad_edge=False)
    for rating in audit.dimensions:
        example = rating.example
        if rating.no_recent_example:
            example = messages.SHOW_NO_EXAMPLE + (f" ({example})" if example else "")
        table.add_row(messages.DIMENSION_NAMES[rating.dimension], _cell(rating), example)
    print_table(table)
    typer.echo("")
    check = audit.self_check
    typer.echo(messages.SHOW_SELF.format(giving=check.giving, receiving=check.receiving))
    for note in (check.giving_note, check.receiving_note):
        if note:
            typer.echo(f"  {note}")
    overall = audit.overall
    if overall.overridden:
        typer.echo(
            messages.SHOW_OVERALL_OVERRIDDEN.format(score=overall.score, proposed=overall.proposed)
        )
    else:
        typer.echo(messages.SHOW_OVERALL.format(score=overall.score))
    if overall.reason:
        typer.echo(messages.SHOW_REASON.format(reason=overall.reason))
    if audit.reflection:
        typer.echo("")
        typer.echo(
            messages.SHOW_REFLECTION[audit.reflection.kind].format(text=audit.reflection.text)
        )
        typer.echo(messages.SHOW_FIRST_STEP.format(text=audit.reflection.first_step))
    typer.echo("")
    typer.echo(messages.SHOW_HOW_PROPOSED)
    for line in explanation:
        typer.echo(f"  {line}")
    if earlier:
        typer.echo("")
        typer.echo(messages.SHOW_EARLIER.format(count=len(earlier)))


def history(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=messages.HELP_RELATIONSHIP)],
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """List every audit of a relationship, oldest first."""
    from rich.table import Table

    from reciprocity import messages
    from reciprocity.core import Dimension

    store = state(ctx).store()
    person = store.person(name)
    audits = store.audits(person.id)
    if as_json:
        document = {"person": _person_json(person), "audits": [_audit_json(a) for a in audits]}
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not audits:
        _no_audits_yet(store, person)
        return
    table = Table(*messages.HISTORY_HEADER, box=None, pad_edge=False)
    for audit in audits:
        overall = str(audit.overall.score)
        if audit.overall.overridden:
            overall += f" ({audit.overall.proposed})"
        table.add_row(
            audit.date.isoformat(),
            *(_cell(audit.rating(d)) for d in Dimension),
            overall,
            str(audit.revision),
        )
    typer.echo(f"{person.name} ({messages.KIND_LABELS[person.kind]})")
    print_table(table)
    typer.echo("")
    typer.echo(messages.HISTORY_KEY)


def register(app: typer.Typer) -> None:
    """Add the show and history commands to the app."""
    app.command("show", help=messages.HELP_CMD_SHOW)(show)
    app.command("history", help=messages.HELP_CMD_HISTORY)(history)
