"""``reciprocity status [NAME]``: the state of each relationship and dimension, with its reasons."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reciprocity import messages
from reciprocity.cli.state import state

if TYPE_CHECKING:
    from reciprocity.core import Person
    from reciprocity.core.patterns import Point, Reading, RelationshipStatus

__all__ = ["register"]


def _point_json(point: Point) -> dict[str, Any]:
    return {
        "audit_id": point.audit_id,
        "date": point.date.isoformat(),
        "score": point.score,
        "lean": point.lean.value if point.lean else None,
        "seasons": [s.id for s in point.seasons],
    }


def _reading_json(reading: Reading) -> dict[str, Any]:
    from reciprocity.core.status_text import explain_reading

    return {
        "state": reading.state.value,
        "rule": reading.rule.value,
        "carried_by": reading.carried_by.value if reading.carried_by else None,
        "audits": [_point_json(p) for p in reading.points],
        "seasons": [s.id for s in reading.seasons],
        "explanation": explain_reading(reading),
    }


def _status_json(person: Person, status: RelationshipStatus) -> dict[str, Any]:
    from reciprocity.core.status_text import guidance

    return {
        "person": {"id": person.id, "name": person.name, "kind": person.kind.value},
        "overall": _reading_json(status.overall),
        "dimensions": {d.value: _reading_json(r) for d, r in status.dimensions},
        "role": None
        if status.role is None
        else {
            "giver": status.role.giver.value,
            "dimensions": [d.value for d in status.role.dimensions],
        },
        "receiving_low": [
            {"date": a.date.isoformat(), "receiving": a.self_check.receiving}
            for a in status.receiving_low
        ],
        "guidance": guidance(status),
    }


def _print_status(person: Person, status: RelationshipStatus) -> None:
    from reciprocity.core.patterns import Rule
    from reciprocity.core.status_text import explain_reading, guidance, state_label
    from reciprocity.formats.shell import shell_quote

    kind = messages.KIND_LABELS[person.kind]
    typer.echo(
        messages.STATUS_HEADLINE.format(
            name=person.name, kind=kind, state=state_label(status.overall, status.role)
        )
    )
    for line in explain_reading(status.overall):
        typer.echo(f"  {line}")
    if status.overall.rule is Rule.NO_AUDITS:
        # Four dimensions each saying "no audits yet" would only repeat it.
        typer.echo(f"  {messages.STATUS_FIRST_AUDIT.format(name=shell_quote(person.name))}")
        return
    for dimension, reading in status.dimensions:
        name = messages.DIMENSION_NAMES[dimension]
        typer.echo(
            messages.STATUS_DIMENSION.format(dimension=f"  {name}", state=state_label(reading))
        )
        for line in explain_reading(reading):
            typer.echo(f"    {line}")
    lines = guidance(status)
    if lines:
        typer.echo(f"  {messages.STATUS_GUIDANCE}")
        for line in lines:
            typer.echo(f"  - {line}")


def status(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help=messages.HELP_STATUS_NAME, show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=messages.HELP_JSON)] = False,
) -> None:
    """Show where each relationship stands over time, and why."""
    from reciprocity.core.patterns import relationship_status
    from reciprocity.core.status_text import overall_guidance

    store = state(ctx).reader()
    people = [store.person(name)] if name else [s.person for s in store.people()]
    settings = store.pattern_settings()
    audits = store.audits_by_person()
    seasons = store.seasons_by_person()
    results = [
        (p, relationship_status(audits.get(p.id, []), seasons.get(p.id, []), settings))
        for p in people
    ]
    together = overall_guidance([s for _, s in results]) if name is None else []
    if as_json:
        document = {
            "relationships": [_status_json(p, s) for p, s in results],
            "guidance": together,
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if not results:
        typer.echo(messages.STATUS_NO_PEOPLE)
        return
    for index, (person, result) in enumerate(results):
        if index:
            typer.echo("")
        _print_status(person, result)
    for line in together:
        typer.echo("")
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the status command to the app."""
    app.command("status", help=messages.HELP_CMD_STATUS)(status)
