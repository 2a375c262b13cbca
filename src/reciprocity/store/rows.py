"""Map between stored rows and core values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table, func, insert, select

from reciprocity.core import (
    Audit,
    Dimension,
    DimensionRating,
    EarlierRevision,
    Lean,
    OverallRating,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    Season,
    SeasonKind,
    SelfCheck,
    Whose,
)
from reciprocity.core.memory import CarePreferences, CareWay, ImportantDate, SharedThing
from reciprocity.store.schema import audit_dimensions, audit_revisions

__all__ = [
    "audit_values",
    "care_from_row",
    "care_values",
    "date_from_row",
    "date_values",
    "find_by_id_or_prefix",
    "insert_dimensions",
    "insert_revision",
    "load_audits",
    "load_earlier",
    "person_from_row",
    "season_from_row",
    "season_values",
    "thing_from_row",
    "thing_values",
]


def person_from_row(row: Row[Any]) -> Person:
    """The person a ``people`` row holds."""
    return Person(row.id, row.name, RelationshipKind(row.kind), row.rhythm_months)


def season_from_row(row: Row[Any]) -> Season:
    """The season a ``seasons`` row holds."""
    return Season(
        id=row.id,
        person_id=row.person_id,
        whose=Whose(row.whose),
        kind=SeasonKind(row.kind),
        start=row.start_date,
        end=row.end_date,
        note=row.note,
    )


def season_values(season: Season) -> dict[str, Any]:
    """The ``seasons`` columns of a season (all but id and created_at)."""
    return {
        "person_id": season.person_id,
        "whose": season.whose.value,
        "kind": season.kind.value,
        "start_date": season.start,
        "end_date": season.end,
        "note": season.note,
    }


def audit_values(audit: Audit) -> dict[str, Any]:
    """The ``audits`` columns of an audit (all but id and timestamps)."""
    reflection = audit.reflection
    return {
        "person_id": audit.person_id,
        "audit_date": audit.date,
        "revision": audit.revision,
        "self_giving": audit.self_check.giving,
        "self_giving_note": audit.self_check.giving_note,
        "self_receiving": audit.self_check.receiving,
        "self_receiving_note": audit.self_check.receiving_note,
        "overall_score": audit.overall.score,
        "overall_proposed": audit.overall.proposed,
        "overall_reason": audit.overall.reason,
        "reflection_kind": reflection.kind.value if reflection else None,
        "reflection_text": reflection.text if reflection else None,
        "reflection_first_step": reflection.first_step if reflection else None,
    }


def insert_dimensions(connection: Connection, audit: Audit) -> None:
    """Write the four dimension rows of an audit."""
    connection.execute(
        insert(audit_dimensions),
        [
            {
                "audit_id": audit.id,
                "dimension": r.dimension.value,
                "score": r.score,
                "lean": r.lean.value if r.lean else None,
                "example": r.example,
                "no_recent_example": r.no_recent_example,
            }
            for r in audit.dimensions
        ],
    )


_DIMENSIONS = {d.value: d for d in Dimension}
_LEANS = {lean.value: lean for lean in Lean}
_AUDIT_COLUMNS = (
    "id",
    "person_id",
    "audit_date",
    "revision",
    "self_giving",
    "self_giving_note",
    "self_receiving",
    "self_receiving_note",
    "overall_score",
    "overall_proposed",
    "overall_reason",
    "reflection_kind",
    "reflection_text",
    "reflection_first_step",
)


def load_audits(connection: Connection, rows: Sequence[Row[Any]]) -> list[Audit]:
    """The audits of some ``audits`` rows, with their dimensions, in the same order."""
    if not rows:
        return []
    ids = [row.id for row in rows]
    ratings: dict[str, dict[Dimension, DimensionRating]] = {i: {} for i in ids}
    columns = audit_dimensions.c
    query = select(
        columns.audit_id,
        columns.dimension,
        columns.score,
        columns.lean,
        columns.example,
        columns.no_recent_example,
    ).where(columns.audit_id.in_(ids))
    # Plain tuples: reading thousands of rows by attribute name costs more than the query.
    for audit_id, name, score, lean, example, no_example in connection.execute(query):
        dimension = _DIMENSIONS[name]
        ratings[audit_id][dimension] = DimensionRating(
            dimension, score, _LEANS[lean] if lean else None, example, bool(no_example)
        )
    fields = rows[0]._fields
    at = {name: fields.index(name) for name in _AUDIT_COLUMNS}
    result = []
    for row in rows:
        (
            audit_id,
            person_id,
            audit_date,
            revision,
            giving,
            giving_note,
            receiving,
            receiving_note,
            score,
            proposed,
            reason,
            reflection_kind,
            reflection_text,
            first_step,
        ) = (row[at[name]] for name in _AUDIT_COLUMNS)
        reflection = None
        if reflection_kind:
            reflection = Reflection(
                ReflectionKind(reflection_kind), reflection_text or "", first_step or ""
            )
        found = ratings[audit_id]
        result.append(
            Audit(
                id=audit_id,
                person_id=person_id,
                date=audit_date,
                dimensions=tuple(found[d] for d in Dimension),
                self_check=SelfCheck(giving, receiving, giving_note, receiving_note),
                overall=OverallRating(score, proposed, reason),
                reflection=reflection,
                revision=revision,
            )
        )
    return result


def insert_revision(
    connection: Connection, audit: Audit, *, revision: int, saved_at: dt.datetime
) -> None:
    """Keep an earlier version of an audit, as the JSON of the answers-file shape."""
    from reciprocity.formats.codec import audit_to_dict  # pydantic loads only when needed

    connection.execute(
        insert(audit_revisions).values(
            audit_id=audit.id,
            revision=revision,
            saved_at=saved_at,
            content=json.dumps(audit_to_dict(audit), ensure_ascii=False),
        )
    )


def load_earlier(
    connection: Connection, loaded: Sequence[Audit]
) -> dict[str, tuple[EarlierRevision, ...]]:
    """The earlier revisions of some audits, oldest first, in one query."""
    from reciprocity.formats.codec import audit_from_stored  # pydantic loads only when needed

    by_id = {audit.id: audit for audit in loaded}
    found: dict[str, list[EarlierRevision]] = {audit.id: [] for audit in loaded}
    if not by_id:
        return {}
    query = (
        select(audit_revisions)
        .where(audit_revisions.c.audit_id.in_(list(by_id)))
        .order_by(audit_revisions.c.audit_id, audit_revisions.c.revision)
    )
    for row in connection.execute(query):
        audit = by_id[row.audit_id]
        old = audit_from_stored(
            json.loads(row.content),
            audit_id=audit.id,
            person_id=audit.person_id,
            revision=row.revision,
        )
        found[row.audit_id].append(EarlierRevision(row.revision, row.saved_at, old))
    return {audit_id: tuple(revisions) for audit_id, revisions in found.items()}


def date_from_row(row: Row[Any]) -> ImportantDate:
    """The important date an ``important_dates`` row holds."""
    return ImportantDate(row.id, row.person_id, row.label, row.day, bool(row.yearly))


def date_values(item: ImportantDate) -> dict[str, Any]:
    """The ``important_dates`` columns of a date (all but id and created_at)."""
    return {
        "person_id": item.person_id,
        "label": item.label,
        "day": item.day,
        "yearly": item.yearly,
    }


def thing_from_row(row: Row[Any]) -> SharedThing:
    """The shared thing a ``shared_things`` row holds."""
    return SharedThing(row.id, row.person_id, row.text, row.follow_up, bool(row.done))


def thing_values(item: SharedThing) -> dict[str, Any]:
    """The ``shared_things`` columns of a shared thing (all but id and created_at)."""
    return {
        "person_id": item.person_id,
        "text": item.text,
        "follow_up": item.follow_up,
        "done": item.done,
    }


def _ways(stored: str) -> frozenset[CareWay]:
    return frozenset(CareWay(word) for word in stored.split(",") if word)


def _stored_ways(ways: frozenset[CareWay]) -> str:
    # In the enum's order, so the same choice is always stored the same way.
    return ",".join(way.value for way in CareWay if way in ways)


def care_from_row(row: Row[Any]) -> CarePreferences:
    """The care preferences a ``care_preferences`` row holds."""
    return CarePreferences(row.person_id, _ways(row.theirs), _ways(row.mine), row.note)


def care_values(care: CarePreferences) -> dict[str, Any]:
    """The ``care_preferences`` columns (all but updated_at)."""
    return {
        "person_id": care.person_id,
        "theirs": _stored_ways(care.theirs),
        "mine": _stored_ways(care.mine),
        "note": care.note,
    }


T = TypeVar("T")


def find_by_id_or_prefix(
    connection: Connection,
    sources: Sequence[tuple[Table, Callable[[Row[Any]], T]]],
    wanted: str,
    minimum: int,
) -> list[T] | None:
    """What a short id typed by a person names.

    The item with that whole id, or else every item whose id starts with it, in any case.

    Returns ``None`` when no id is exactly ``wanted`` and it is shorter than
    ``minimum``, too short to be taken as a prefix.
    """
    for table, load in sources:
        exact = connection.execute(select(table).where(table.c.id == wanted)).first()
        if exact is not None:
            return [load(exact)]
    if len(wanted) < minimum:
        return None
    found: list[T] = []
    for table, load in sources:
        # Lower-cased on both sides, so SQLite and PostgreSQL find the same items;
        # two are enough to know a prefix is ambiguous.
        matching = func.lower(table.c.id).startswith(wanted.lower(), autoescape=True)
        found += [load(row) for row in connection.execute(select(table).where(matching).limit(2))]
    return found
