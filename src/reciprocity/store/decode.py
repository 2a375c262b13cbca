"""Turn stored rows (plain tuples, in a fixed column order) into core values.

No SQLAlchemy here: the store reads rows through SQLAlchemy, and the quick read path
(``store.quick``) reads the same columns straight from SQLite; both decode them here,
so a stored audit means the same thing whichever way it was read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reciprocity import messages
from reciprocity.core.memory import ImportantDate, SharedThing
from reciprocity.core.model import (
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    OverallRating,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    SelfCheck,
)
from reciprocity.core.patterns import SETTING_KEYS, PatternSettings, settings_from
from reciprocity.core.seasons import Season, SeasonKind, Whose
from reciprocity.errors import InvalidInputError, Problem

__all__ = [
    "AUDIT_COLUMNS",
    "DATE_COLUMNS",
    "DIMENSION_COLUMNS",
    "PERSON_COLUMNS",
    "SEASON_COLUMNS",
    "THING_COLUMNS",
    "PersonSummary",
    "audits_from_rows",
    "date_from_values",
    "day",
    "in_calendar_order",
    "pattern_settings_from",
    "person_from_values",
    "season_from_values",
    "settings_from_rows",
    "thing_from_values",
]


@dataclass(frozen=True)
class PersonSummary:
    """A relationship with how many audits it has and the date of the latest."""

    person: Person
    audit_count: int
    latest: dt.date | None


PERSON_COLUMNS = ("id", "name", "kind", "rhythm_months")

SEASON_COLUMNS = ("id", "person_id", "whose", "kind", "start_date", "end_date", "note")

AUDIT_COLUMNS = (
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

DIMENSION_COLUMNS = ("audit_id", "dimension", "score", "lean", "example", "no_recent_example")

DATE_COLUMNS = ("id", "person_id", "label", "day", "yearly")

THING_COLUMNS = ("id", "person_id", "text", "follow_up", "done")

_DIMENSIONS = {d.value: d for d in Dimension}
_LEANS = {lean.value: lean for lean in Lean}
_REFLECTION_KINDS = {kind.value: kind for kind in ReflectionKind}


def day(value: dt.date | str) -> dt.date:
    """A stored date: SQLAlchemy gives a date, SQLite read directly gives its ISO text."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def person_from_values(values: Sequence[Any]) -> Person:
    """The person of a row in ``PERSON_COLUMNS`` order."""
    person_id, name, kind, rhythm = values
    return Person(person_id, name, RelationshipKind(kind), rhythm)


def season_from_values(values: Sequence[Any]) -> Season:
    """The season of a row in ``SEASON_COLUMNS`` order."""
    season_id, person_id, whose, kind, start, end, note = values
    return Season(
        id=season_id,
        person_id=person_id,
        whose=Whose(whose),
        kind=SeasonKind(kind),
        start=day(start),
        end=None if end is None else day(end),
        note=note,
    )


def date_from_values(values: Sequence[Any]) -> ImportantDate:
    """The important date of a row in ``DATE_COLUMNS`` order."""
    item_id, person_id, label, on, yearly = values
    return ImportantDate(item_id, person_id, label, day(on), bool(yearly))


def in_calendar_order(dates: Iterable[ImportantDate]) -> list[ImportantDate]:
    """Important dates by month and day (then year and id), as every list of them is shown."""
    return sorted(dates, key=lambda d: (d.day.month, d.day.day, d.day.year, d.id))


def thing_from_values(values: Sequence[Any]) -> SharedThing:
    """The shared thing of a row in ``THING_COLUMNS`` order."""
    item_id, person_id, text, follow_up, done = values
    return SharedThing(
        item_id, person_id, text, None if follow_up is None else day(follow_up), bool(done)
    )


def audits_from_rows(
    audit_rows: Iterable[Sequence[Any]], dimension_rows: Iterable[Sequence[Any]]
) -> list[Audit]:
    """The audits of some rows (``AUDIT_COLUMNS`` order), in the same order.

    ``dimension_rows`` (``DIMENSION_COLUMNS`` order) must hold the four ratings of
    every audit; rows of other audits are ignored.
    """
    # Dictionary lookups rather than enum calls and one order for the four: this runs
    # for every stored audit when a whole history is read.
    ratings: dict[str, dict[Dimension, DimensionRating]] = {}
    for audit_id, name, score, lean, example, no_example in dimension_rows:
        dimension = _DIMENSIONS[name]
        ratings.setdefault(audit_id, {})[dimension] = DimensionRating(
            dimension, score, _LEANS[lean] if lean else None, example, bool(no_example)
        )
    order = tuple(Dimension)
    result = []
    for (
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
    ) in audit_rows:
        reflection = None
        if reflection_kind:
            reflection = Reflection(
                _REFLECTION_KINDS[reflection_kind], reflection_text or "", first_step or ""
            )
        found = ratings[audit_id]
        result.append(
            Audit(
                id=audit_id,
                person_id=person_id,
                date=day(audit_date),
                dimensions=tuple([found[d] for d in order]),
                self_check=SelfCheck(giving, receiving, giving_note, receiving_note),
                overall=OverallRating(score, proposed, reason),
                reflection=reflection,
                revision=revision,
            )
        )
    return result


def settings_from_rows(rows: Iterable[Sequence[Any]]) -> dict[str, object]:
    """The settings of ``(key, value)`` rows, each value stored as JSON.

    Raises:
        InvalidInputError: A stored value is not JSON (the file was changed by hand).
    """
    found = {}
    for key, value in rows:
        try:
            found[key] = json.loads(value)
        except ValueError:
            message = messages.ERR_SETTING_UNREADABLE.format(key=key)
            raise InvalidInputError([Problem(message, key)]) from None
    return found


def pattern_settings_from(stored: dict[str, object]) -> PatternSettings:
    """The thresholds of the pattern rules, from the stored settings (others are ignored)."""
    return settings_from({k: v for k, v in stored.items() if k in SETTING_KEYS})
