"""Builders for the store tests: audits and seasons made through the core rules, archives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    ArchivedResponse,
    Audit,
    Dimension,
    DimensionRating,
    EarlierRevision,
    Lean,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    Season,
    SeasonKind,
    SelfCheck,
    Whose,
    make_audit,
    make_season,
)
from reciprocity.core.invitation import Invitation
from reciprocity.store import Store, new_id
from reciprocity.store.schema import metadata

# Every audit in these tests looks back from this day, never from the real clock.
TODAY = dt.date(2025, 6, 30)

# Timestamps in other zones than UTC, so a round trip must keep the instant, not the offset.
CEST = dt.timezone(dt.timedelta(hours=2))
EST = dt.timezone(dt.timedelta(hours=-5))


def mutual_audit(
    person_id: str, on: dt.date, *, audit_id: str | None = None, revision: int = 1
) -> Audit:
    """An audit where every dimension feels roughly mutual."""
    return make_audit(
        audit_id=audit_id or new_id(),
        person_id=person_id,
        on=on,
        today=TODAY,
        dimensions={
            Dimension.INITIATION: DimensionRating.rated(
                Dimension.INITIATION, 5, Lean.MUTUAL, "We take turns calling on Sundays."
            ),
            Dimension.DEPTH: DimensionRating.rated(
                Dimension.DEPTH, 5, Lean.MUTUAL, "She listened when I talked about Dad."
            ),
            Dimension.CRISIS: DimensionRating.without_example(Dimension.CRISIS, "a calm season"),
            Dimension.MAINTENANCE: DimensionRating.rated(
                Dimension.MAINTENANCE, 4, Lean.THEY_CARRY, "She remembered my exam date."
            ),
        },
        self_check=SelfCheck(4, 3, "I show up", "I find it hard to ask for help"),
        overall_score=None,
        revision=revision,
    )


def strained_audit(
    person_id: str,
    on: dt.date,
    *,
    audit_id: str | None = None,
    revision: int = 1,
    first_step: str = "Ask for a walk on Saturday.",
) -> Audit:
    """An audit of a relationship I mostly carry, rated 2, with the picture it asks for."""
    return make_audit(
        audit_id=audit_id or new_id(),
        person_id=person_id,
        on=on,
        today=TODAY,
        dimensions={
            Dimension.INITIATION: DimensionRating.rated(
                Dimension.INITIATION, 1, Lean.I_CARRY, "I started every chat since March."
            ),
            Dimension.DEPTH: DimensionRating.rated(
                Dimension.DEPTH, 3, Lean.I_CARRY, "He changed the subject when I was sad."
            ),
            Dimension.CRISIS: DimensionRating.rated(
                Dimension.CRISIS, 2, Lean.I_CARRY, "I drove him to the hospital; he did not call."
            ),
            Dimension.MAINTENANCE: DimensionRating.rated(
                Dimension.MAINTENANCE, 4, Lean.MUTUAL, "We both send birthday messages."
            ),
        },
        self_check=SelfCheck(5, 2),
        overall_score=2,
        overall_reason="mostly one way this spring",
        reflection=Reflection(
            ReflectionKind.PICTURE, "We each reach out about once a week.", first_step
        ),
        revision=revision,
    )


def season(
    person_id: str,
    start: dt.date,
    end: dt.date | None = None,
    *,
    whose: Whose = Whose.THEM,
    kind: SeasonKind = SeasonKind.GRIEF,
    note: str = "",
    season_id: str | None = None,
) -> Season:
    """A season made through the core's rules (their grief, unless told otherwise)."""
    return make_season(
        season_id=season_id or new_id(),
        person_id=person_id,
        whose=whose,
        kind=kind,
        start=start,
        end=end,
        today=TODAY,
        note=note,
    )


def row_counts(store: Store) -> dict[str, int]:
    """How many rows each table of the store holds."""
    with store.engine.connect() as connection:
        return {
            table.name: int(
                connection.execute(select(func.count()).select_from(table)).scalar_one()
            )
            for table in metadata.sorted_tables
        }


def sample_archive() -> Archive:
    """Two people, one audit edited twice, timestamps not in UTC, an ongoing and an ended season."""
    sam = Person(new_id(), "Sam", RelationshipKind.PARTNER)
    rosa = Person(new_id(), "Rosa", RelationshipKind.FRIEND)
    edited_id = new_id()
    first = strained_audit(sam.id, dt.date(2025, 3, 1), audit_id=edited_id, first_step="Call.")
    second = strained_audit(sam.id, dt.date(2025, 3, 1), audit_id=edited_id, revision=2)
    third = mutual_audit(sam.id, dt.date(2025, 3, 2), audit_id=edited_id, revision=3)
    created = dt.datetime(2025, 3, 1, 21, 15, 30, 123456, tzinfo=CEST)
    audits = (
        ArchivedAudit(
            third,
            created,
            dt.datetime(2025, 3, 9, 7, 0, tzinfo=EST),
            (
                EarlierRevision(1, created, first),
                EarlierRevision(2, dt.datetime(2025, 3, 2, 8, 0, 0, 1, tzinfo=dt.UTC), second),
            ),
        ),
        ArchivedAudit(
            mutual_audit(rosa.id, dt.date(2025, 4, 12)),
            dt.datetime(2025, 4, 12, 23, 59, tzinfo=EST),
            dt.datetime(2025, 4, 12, 23, 59, tzinfo=EST),
        ),
    )
    people = (
        ArchivedPerson(sam, dt.datetime(2025, 1, 5, 10, 0, tzinfo=CEST)),
        ArchivedPerson(rosa, dt.datetime(2025, 2, 5, 10, 0, tzinfo=dt.UTC)),
    )
    seasons = (
        season(sam.id, dt.date(2025, 2, 10), note="His father died in February."),
        season(
            rosa.id,
            dt.date(2024, 11, 1),
            dt.date(2025, 1, 31),
            whose=Whose.ME,
            kind=SeasonKind.MOVE,
            note="Umzug nach Köln",
        ),
    )
    return sorted_archive(people, audits, seasons)


def sorted_archive(
    people: tuple[ArchivedPerson, ...],
    audits: tuple[ArchivedAudit, ...],
    seasons: tuple[Season, ...] = (),
    *,
    invitations: tuple[Invitation, ...] = (),
    responses: tuple[ArchivedResponse, ...] = (),
) -> Archive:
    """An archive in the order the store gives it back: everything by id."""
    return Archive(
        people=tuple(sorted(people, key=lambda item: item.person.id)),
        audits=tuple(sorted(audits, key=lambda item: item.audit.id)),
        seasons=tuple(sorted(seasons, key=lambda item: item.id)),
        invitations=tuple(sorted(invitations, key=lambda item: item.id)),
        responses=tuple(sorted(responses, key=lambda item: item.id)),
    )
