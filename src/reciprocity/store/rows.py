"""Map between stored rows and core values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table, func, insert, select

from reciprocity.core import (
    Audit,
    EarlierRevision,
    Person,
    Season,
)
from reciprocity.core.memory import CarePreferences, CareWay, ImportantDate, SharedThing
from reciprocity.store.decode import (
    AUDIT_COLUMNS,
    DATE_COLUMNS,
    DIMENSION_COLUMNS,
    PERSON_COLUMNS,
    SEASON_COLUMNS,
    THING_COLUMNS,
    audits_from_rows,
    date_from_values,
    person_from_values,
    season_from_values,
    thing_from_values,
)
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
    return person_from_values([getattr(row, name) for name in PERSON_COLUMNS])


def season_from_row(row: Row[Any]) -> Season:
    """The season a ``seasons`` row holds."""
    return season_from_values([getattr(row, name) for name in SEASON_COLUMNS])


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


def load_audits(connection: Connection, rows: Sequence[Row[Any]]) -> list[Audit]:
    """The audits of some ``audits`` rows, with their dimensions, in the same order."""
    if not rows:
        return []
    columns = audit_dimensions.c
    query = select(*(columns[name] for name in DIMENSION_COLUMNS)).where(
        columns.audit_id.in_([row.id for row in rows])
    )
    fields = rows[0]._fields
    at = [fields.index(name) for name in AUDIT_COLUMNS]
    # Plain tuples: reading thousands of rows by attribute name costs more than the query.
    ordered = [[row[i] for i in at] for row in rows]
    return audits_from_rows(ordered, connection.execute(query))


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
    return date_from_values([getattr(row, name) for name in DATE_COLUMNS])


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
    return thing_from_values([getattr(row, name) for name in THING_COLUMNS])


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
