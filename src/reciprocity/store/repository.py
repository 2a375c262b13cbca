"""The repository the faces use: people, audits, drafts, seasons, what to remember, import, export.

Every change is one transaction. Audits are edited with optimistic concurrency:
a revision names the version it replaces, and a stale one is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, Table, delete, func, insert, select, update

from reciprocity import messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Audit,
    EarlierRevision,
    Person,
    RelationshipKind,
    Season,
)
from reciprocity.core.invitation import Invitation, Response
from reciprocity.core.memory import CarePreferences, ImportantDate, SharedThing
from reciprocity.core.patterns import (
    PatternSettings,
    settings_from,
    unknown_setting,
)
from reciprocity.core.people import clean_name, name_key
from reciprocity.core.rhythm import MAX_RHYTHM_MONTHS
from reciprocity.errors import (
    AuditNotFoundError,
    DuplicateAuditError,
    DuplicatePersonError,
    InvalidFileError,
    InvalidInputError,
    MemoryNotFoundError,
    PersonNotFoundError,
    Problem,
    SeasonNotFoundError,
    StaleEditError,
)
from reciprocity.store.decode import (
    PersonSummary,
    in_calendar_order,
    pattern_settings_from,
    settings_from_rows,
)
from reciprocity.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    create_store_engine,
    database_url,
    describe_target,
    migrate,
    translate_errors,
)
from reciprocity.store.importer import ImportReport, apply_import, plan_import
from reciprocity.store.invitations import attach_response, insert_invitation, latest_response
from reciprocity.store.rows import (
    audit_values,
    care_from_row,
    care_values,
    date_from_row,
    date_values,
    find_by_id_or_prefix,
    insert_dimensions,
    insert_revision,
    load_audits,
    load_earlier,
    person_from_row,
    season_from_row,
    season_values,
    thing_from_row,
    thing_values,
)
from reciprocity.store.schema import (
    audit_dimensions,
    audits,
    care_preferences,
    drafts,
    important_dates,
    people,
    seasons,
    shared_things,
)
from reciprocity.store.schema import settings as settings_table

__all__ = [
    "SEASON_ID_PREFIX_MIN",
    "Draft",
    "ImportReport",
    "PersonSummary",
    "Store",
    "new_id",
    "open_store",
]

Clock = Callable[[], dt.datetime]

# The fewest characters of a season's id that find it: short enough to type, long enough
# that two seasons rarely share them.
SEASON_ID_PREFIX_MIN = 4


def new_id() -> str:
    """A fresh stable id for a person, an audit or a season."""
    return str(uuid.uuid4())


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Draft:
    """An unfinished guided audit: the answers given so far, as the interview keeps them."""

    person_id: str
    updated_at: dt.datetime
    answers: dict[str, Any]


class Store:
    """The stored relationships and audits of one person, on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine, *, where: str, clock: Clock = _utc_now) -> None:
        self.engine = engine
        self.where = where
        self._clock = clock

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translate_errors(self.where), self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with translate_errors(self.where), self.engine.connect() as plain:
            connection = plain.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                yield connection

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- people ---------------------------------------------------------------------------

    @staticmethod
    def _name_of(connection: Connection, person_id: str) -> str:
        row = connection.execute(select(people.c.name).where(people.c.id == person_id)).first()
        return row.name if row else person_id

    def _find_person(self, connection: Connection, name: str) -> Person:
        row = connection.execute(select(people).where(people.c.name_key == name_key(name))).first()
        if row is None:
            raise PersonNotFoundError(messages.ERR_UNKNOWN_PERSON.format(name=name))
        return person_from_row(row)

    def add_person(self, name: str, kind: RelationshipKind) -> Person:
        """Add a relationship.

        Raises:
            InvalidInputError: The name is empty.
            DuplicatePersonError: A relationship of that name (in any case) exists.
        """
        clean = clean_name(name)
        person = Person(new_id(), clean, kind)
        with self._write() as connection:
            taken = connection.execute(
                select(people.c.name).where(people.c.name_key == name_key(clean))
            ).first()
            if taken:
                raise DuplicatePersonError(messages.ERR_DUPLICATE_PERSON.format(name=taken.name))
            connection.execute(
                insert(people).values(
                    id=person.id,
                    name=person.name,
                    name_key=name_key(clean),
                    kind=kind.value,
                    created_at=self._clock(),
                )
            )
        return person

    def person(self, name: str) -> Person:
        """The relationship of that name (case does not matter).

        Raises:
            PersonNotFoundError: No such relationship.
        """
        with self._read() as connection:
            return self._find_person(connection, name)

    def person_by_id(self, person_id: str) -> Person:
        """The relationship with this id.

        Raises:
            PersonNotFoundError: No such relationship (it was removed).
        """
        with self._read() as connection:
            row = connection.execute(select(people).where(people.c.id == person_id)).first()
        if row is None:
            raise PersonNotFoundError(messages.ERR_PERSON_GONE)
        return person_from_row(row)

    def people(self) -> list[PersonSummary]:
        """Every relationship, by name, with its number of audits and latest audit date."""
        counts = (
            select(
                audits.c.person_id,
                func.count().label("n"),
                func.max(audits.c.audit_date).label("latest"),
            )
            .group_by(audits.c.person_id)
            .subquery()
        )
        query = (
            select(people, counts.c.n, counts.c.latest)
            .outerjoin(counts, counts.c.person_id == people.c.id)
            .order_by(people.c.name_key)
        )
        with self._read() as connection:
            return [
                PersonSummary(person_from_row(row), row.n or 0, row.latest)
                for row in connection.execute(query)
            ]

    def rename_person(self, name: str, new_name: str) -> Person:
        """Rename a relationship.

        Raises:
            PersonNotFoundError: No such relationship.
            DuplicatePersonError: The new name is taken by another relationship.
        """
        clean = clean_name(new_name, "new_name")
        with self._write() as connection:
            person = self._find_person(connection, name)
            taken = connection.execute(
                select(people.c.id).where(
                    people.c.name_key == name_key(clean), people.c.id != person.id
                )
            ).first()
            if taken:
                raise DuplicatePersonError(messages.ERR_DUPLICATE_PERSON.format(name=clean))
            connection.execute(
                update(people)
                .where(people.c.id == person.id)
                .values(name=clean, name_key=name_key(clean))
            )
        return Person(person.id, clean, person.kind, person.rhythm_months)

    def set_rhythm(self, name: str, every_months: int | None) -> Person:
        """Set how often a relationship is audited (``None``: back to the default).

        Raises:
            PersonNotFoundError: No such relationship.
            InvalidInputError: Not a whole number of months from 1 to 24.
        """
        if every_months is not None and not 1 <= every_months <= MAX_RHYTHM_MONTHS:
            message = messages.ERR_RHYTHM.format(maximum=MAX_RHYTHM_MONTHS)
            raise InvalidInputError([Problem(message, "months")])
        with self._write() as connection:
            person = self._find_person(connection, name)
            connection.execute(
                update(people).where(people.c.id == person.id).values(rhythm_months=every_months)
            )
        return Person(person.id, person.name, person.kind, every_months)

    def remove_person(self, name: str) -> int:
        """Remove a relationship with its audits and draft; returns how many audits went."""
        with self._write() as connection:
            person = self._find_person(connection, name)
            count = self._count_audits(connection, person.id)
            connection.execute(delete(people).where(people.c.id == person.id))
        return count

    @staticmethod
    def _count_audits(connection: Connection, person_id: str) -> int:
        query = select(func.count()).select_from(audits).where(audits.c.person_id == person_id)
        return int(connection.execute(query).scalar_one())

    def count_audits(self, person_id: str) -> int:
        """How many audits a relationship has."""
        with self._read() as connection:
            return self._count_audits(connection, person_id)

    # -- audits ---------------------------------------------------------------------------

    def _audit_on(self, connection: Connection, person_id: str, on: dt.date) -> Audit | None:
        rows = connection.execute(
            select(audits).where(audits.c.person_id == person_id, audits.c.audit_date == on)
        ).all()
        found = load_audits(connection, rows)
        return found[0] if found else None

    def _insert_new(self, connection: Connection, audit: Audit) -> None:
        if self._audit_on(connection, audit.person_id, audit.date):
            name = self._name_of(connection, audit.person_id)
            raise DuplicateAuditError(
                messages.ERR_DUPLICATE_AUDIT.format(name=name, date=audit.date)
            )
        now = self._clock()
        connection.execute(
            insert(audits).values(
                id=audit.id, created_at=now, updated_at=now, **audit_values(audit)
            )
        )
        insert_dimensions(connection, audit)

    def add_audit(self, audit: Audit) -> Audit:
        """Store a new audit as revision 1.

        Raises:
            DuplicateAuditError: The relationship already has an audit on that date.
        """
        with self._write() as connection:
            self._insert_new(connection, audit)
        return audit

    def revise_audit(self, audit: Audit, *, expected_revision: int) -> Audit:
        """Replace an audit with a new revision, keeping the one it replaces.

        Args:
            audit: The new content; its ``id`` names the audit to revise.
            expected_revision: The revision the edit started from.

        Returns:
            The audit as stored, with its new revision number.

        Raises:
            AuditNotFoundError: No audit with that id.
            StaleEditError: The audit changed since ``expected_revision``.
        """
        now = self._clock()
        with self._write() as connection:
            rows = connection.execute(select(audits).where(audits.c.id == audit.id)).all()
            if not rows:
                raise AuditNotFoundError(messages.ERR_NO_AUDIT_ID.format(audit_id=audit.id))
            current = load_audits(connection, rows)[0]
            moved_onto = self._audit_on(connection, current.person_id, audit.date)
            if moved_onto is not None and moved_onto.id != current.id:
                name = self._name_of(connection, current.person_id)
                raise DuplicateAuditError(
                    messages.ERR_DUPLICATE_AUDIT.format(name=name, date=audit.date)
                )
            if current.revision != expected_revision:
                raise StaleEditError(
                    messages.ERR_STALE.format(current=current.revision, expected=expected_revision)
                )
            revised = Audit(
                id=current.id,
                person_id=current.person_id,
                date=audit.date,
                dimensions=audit.dimensions,
                self_check=audit.self_check,
                overall=audit.overall,
                reflection=audit.reflection,
                revision=current.revision + 1,
            )
            insert_revision(
                connection, current, revision=current.revision, saved_at=rows[0].updated_at
            )
            # The WHERE on revision makes the check and the write one step, even on a
            # server where another session could slip in between.
            result = connection.execute(
                update(audits)
                .where(audits.c.id == current.id, audits.c.revision == current.revision)
                .values(updated_at=now, **audit_values(revised))
            )
            if result.rowcount != 1:
                raise StaleEditError(
                    messages.ERR_STALE.format(current="newer", expected=expected_revision)
                )
            connection.execute(
                delete(audit_dimensions).where(audit_dimensions.c.audit_id == current.id)
            )
            insert_dimensions(connection, revised)
        return revised

    def audits(self, person_id: str) -> list[Audit]:
        """All audits of a relationship, oldest first."""
        with self._read() as connection:
            rows = connection.execute(
                select(audits).where(audits.c.person_id == person_id).order_by(audits.c.audit_date)
            ).all()
            return load_audits(connection, rows)

    def audits_by_person(self) -> dict[str, list[Audit]]:
        """Every audit, grouped by relationship, oldest first (two queries in all)."""
        with self._read() as connection:
            rows = connection.execute(
                select(audits).order_by(audits.c.person_id, audits.c.audit_date)
            ).all()
            grouped: dict[str, list[Audit]] = {}
            for audit in load_audits(connection, rows):
                grouped.setdefault(audit.person_id, []).append(audit)
            return grouped

    def latest_audit(self, person_id: str) -> Audit | None:
        """The most recent audit of a relationship, if any."""
        with self._read() as connection:
            rows = connection.execute(
                select(audits)
                .where(audits.c.person_id == person_id)
                .order_by(audits.c.audit_date.desc())
                .limit(1)
            ).all()
            found = load_audits(connection, rows)
        return found[0] if found else None

    def audit_on(self, person_id: str, on: dt.date) -> Audit | None:
        """The audit of a relationship on a date, if there is one."""
        with self._read() as connection:
            return self._audit_on(connection, person_id, on)

    def earlier_revisions(self, audit: Audit) -> tuple[EarlierRevision, ...]:
        """The versions an audit had before its edits, oldest first."""
        with self._read() as connection:
            return load_earlier(connection, [audit]).get(audit.id, ())

    # -- drafts ---------------------------------------------------------------------------

    def save_draft(self, person_id: str, answers: dict[str, Any]) -> None:
        """Keep the answers of an unfinished audit (one draft per relationship)."""
        values = {"updated_at": self._clock(), "content": json.dumps(answers, ensure_ascii=False)}
        with self._write() as connection:
            changed = connection.execute(
                update(drafts).where(drafts.c.person_id == person_id).values(**values)
            )
            if changed.rowcount == 0:
                connection.execute(insert(drafts).values(person_id=person_id, **values))

    def draft(self, person_id: str) -> Draft | None:
        """The unfinished audit of a relationship, if any."""
        with self._read() as connection:
            row = connection.execute(select(drafts).where(drafts.c.person_id == person_id)).first()
        if row is None:
            return None
        return Draft(person_id, row.updated_at, json.loads(row.content))

    def discard_draft(self, person_id: str) -> None:
        """Forget the unfinished audit of a relationship."""
        with self._write() as connection:
            connection.execute(delete(drafts).where(drafts.c.person_id == person_id))

    def finish_draft(self, audit: Audit) -> Audit:
        """Store a finished audit and drop its draft, in one transaction."""
        with self._write() as connection:
            self._insert_new(connection, audit)
            connection.execute(delete(drafts).where(drafts.c.person_id == audit.person_id))
        return audit

    # -- seasons --------------------------------------------------------------------------

    def add_season(self, season: Season) -> Season:
        """Store a new season of a relationship.

        Raises:
            PersonNotFoundError: The relationship no longer exists.
        """
        with self._write() as connection:
            connection.execute(
                insert(seasons).values(
                    id=season.id, created_at=self._clock(), **season_values(season)
                )
            )
        return season

    def seasons(self, person_id: str | None = None) -> list[Season]:
        """The seasons of one relationship (or of all), earliest start first."""
        query = select(seasons).order_by(seasons.c.start_date, seasons.c.id)
        if person_id is not None:
            query = query.where(seasons.c.person_id == person_id)
        with self._read() as connection:
            return [season_from_row(row) for row in connection.execute(query)]

    def seasons_by_person(self) -> dict[str, list[Season]]:
        """Every season, grouped by relationship, earliest start first."""
        grouped: dict[str, list[Season]] = {}
        for season in self.seasons():
            grouped.setdefault(season.person_id, []).append(season)
        return grouped

    def season(self, id_or_prefix: str) -> Season:
        """The season with this id, or the only one whose id starts with it.

        A prefix needs at least ``SEASON_ID_PREFIX_MIN`` characters and is matched
        regardless of case; a whole id always finds its season.

        Raises:
            SeasonNotFoundError: No season matches, the prefix is too short, or
                more than one season starts with it.
        """
        wanted = id_or_prefix.strip()
        with self._read() as connection:
            found = find_by_id_or_prefix(
                connection, [(seasons, season_from_row)], wanted, SEASON_ID_PREFIX_MIN
            )
        if found is None:
            message = messages.ERR_SEASON_ID_SHORT.format(
                prefix=wanted, minimum=SEASON_ID_PREFIX_MIN
            )
            raise SeasonNotFoundError(message)
        if not found:
            raise SeasonNotFoundError(messages.ERR_NO_SEASON.format(prefix=wanted))
        if len(found) > 1:
            raise SeasonNotFoundError(messages.ERR_SEASON_AMBIGUOUS.format(prefix=wanted))
        return found[0]

    def update_season(self, season: Season) -> Season:
        """Replace what is stored about a season (its id says which).

        Raises:
            SeasonNotFoundError: The season no longer exists.
            PersonNotFoundError: The relationship it names no longer exists.
        """
        with self._write() as connection:
            changed = connection.execute(
                update(seasons).where(seasons.c.id == season.id).values(**season_values(season))
            )
            if changed.rowcount != 1:
                raise SeasonNotFoundError(messages.ERR_NO_SEASON.format(prefix=season.id))
        return season

    def remove_season(self, season_id: str) -> None:
        """Forget a season.

        Raises:
            SeasonNotFoundError: No season has that id.
        """
        with self._write() as connection:
            removed = connection.execute(delete(seasons).where(seasons.c.id == season_id))
            if removed.rowcount != 1:
                raise SeasonNotFoundError(messages.ERR_NO_SEASON.format(prefix=season_id))

    # -- what to remember ----------------------------------------------------------------

    def add_important_date(self, item: ImportantDate) -> ImportantDate:
        """Remember an important date of a relationship.

        Raises:
            PersonNotFoundError: The relationship no longer exists.
        """
        with self._write() as connection:
            connection.execute(
                insert(important_dates).values(
                    id=item.id, created_at=self._clock(), **date_values(item)
                )
            )
        return item

    def important_dates(self, person_id: str | None = None) -> list[ImportantDate]:
        """The important dates of one relationship (or of all), by month and day."""
        query = select(important_dates).order_by(important_dates.c.day, important_dates.c.id)
        if person_id is not None:
            query = query.where(important_dates.c.person_id == person_id)
        with self._read() as connection:
            return in_calendar_order(date_from_row(row) for row in connection.execute(query))

    def add_shared_thing(self, item: SharedThing) -> SharedThing:
        """Remember something a person shared, with its follow-up date if any.

        Raises:
            PersonNotFoundError: The relationship no longer exists.
        """
        with self._write() as connection:
            connection.execute(
                insert(shared_things).values(
                    id=item.id, created_at=self._clock(), **thing_values(item)
                )
            )
        return item

    def shared_things(self, person_id: str | None = None) -> list[SharedThing]:
        """The things shared with one relationship (or all), in the order they were added."""
        query = select(shared_things).order_by(shared_things.c.created_at, shared_things.c.id)
        if person_id is not None:
            query = query.where(shared_things.c.person_id == person_id)
        with self._read() as connection:
            return [thing_from_row(row) for row in connection.execute(query)]

    def memory_item(self, id_or_prefix: str) -> ImportantDate | SharedThing:
        """The remembered date or shared thing with this id, or the only one it starts.

        A prefix needs at least ``SEASON_ID_PREFIX_MIN`` characters, as for seasons.

        Raises:
            MemoryNotFoundError: Nothing matches, the prefix is too short, or more
                than one item starts with it.
        """
        wanted = id_or_prefix.strip()
        sources: list[tuple[Table, Callable[[Row[Any]], ImportantDate | SharedThing]]] = [
            (important_dates, date_from_row),
            (shared_things, thing_from_row),
        ]
        with self._read() as connection:
            found = find_by_id_or_prefix(connection, sources, wanted, SEASON_ID_PREFIX_MIN)
        if found is None:
            message = messages.ERR_MEMORY_ID_SHORT.format(
                prefix=wanted, minimum=SEASON_ID_PREFIX_MIN
            )
            raise MemoryNotFoundError(message)
        if not found:
            raise MemoryNotFoundError(messages.ERR_NO_MEMORY.format(prefix=wanted))
        if len(found) > 1:
            raise MemoryNotFoundError(messages.ERR_MEMORY_AMBIGUOUS.format(prefix=wanted))
        return found[0]

    def complete_shared_thing(self, thing_id: str) -> SharedThing:
        """Mark the follow-up of a shared thing as done.

        Raises:
            MemoryNotFoundError: No shared thing has that id.
        """
        with self._write() as connection:
            row = connection.execute(
                select(shared_things).where(shared_things.c.id == thing_id)
            ).first()
            if row is None:
                raise MemoryNotFoundError(messages.ERR_NO_MEMORY.format(prefix=thing_id))
            connection.execute(
                update(shared_things).where(shared_things.c.id == thing_id).values(done=True)
            )
        return SharedThing(row.id, row.person_id, row.text, row.follow_up, True)

    def remove_memory_item(self, item_id: str) -> None:
        """Forget a remembered date or shared thing.

        Raises:
            MemoryNotFoundError: Nothing has that id.
        """
        with self._write() as connection:
            removed = connection.execute(
                delete(important_dates).where(important_dates.c.id == item_id)
            ).rowcount
            removed += connection.execute(
                delete(shared_things).where(shared_things.c.id == item_id)
            ).rowcount
            if removed != 1:
                raise MemoryNotFoundError(messages.ERR_NO_MEMORY.format(prefix=item_id))

    def set_care_preferences(self, care: CarePreferences) -> CarePreferences:
        """Replace how a relationship's two people like to receive care.

        Raises:
            PersonNotFoundError: The relationship no longer exists.
        """
        values = {**care_values(care), "updated_at": self._clock()}
        with self._write() as connection:
            changed = connection.execute(
                update(care_preferences)
                .where(care_preferences.c.person_id == care.person_id)
                .values(**values)
            )
            if changed.rowcount == 0:
                connection.execute(insert(care_preferences).values(**values))
        return care

    def care_preferences(self, person_id: str) -> CarePreferences:
        """How the two like to receive care (nothing chosen yet, if never set)."""
        with self._read() as connection:
            row = connection.execute(
                select(care_preferences).where(care_preferences.c.person_id == person_id)
            ).first()
        return CarePreferences(person_id) if row is None else care_from_row(row)

    # -- invitations and responses -------------------------------------------------------

    def add_invitation(self, person_id: str) -> Invitation:
        """Make and store a new invitation (with its own secret) for a relationship."""
        invitation = Invitation(new_id(), person_id, self._clock(), secrets.token_hex(32))
        with self._write() as connection:
            insert_invitation(connection, invitation)
        return invitation

    def import_response(self, response: Response, code: str, *, file: str) -> bool:
        """Store a response to an invitation made here; ``False`` if it was already here.

        Raises:
            InvalidFileError: It answers no invitation here, the code does not
                match, or different answers to that invitation are stored.
        """
        with self._write() as connection:
            return attach_response(
                connection, response, code, response_id=new_id(), now=self._clock(), file=file
            )

    def latest_response(self, person_id: str) -> Response | None:
        """The most recent answers the other person of a relationship sent back."""
        with self._read() as connection:
            return latest_response(connection, person_id)

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> dict[str, object]:
        """The settings the person changed, by key (those not here have their defaults)."""
        with self._read() as connection:
            return self._settings(connection)

    @staticmethod
    def _settings(connection: Connection) -> dict[str, object]:
        return settings_from_rows(
            connection.execute(select(settings_table.c.key, settings_table.c.value))
        )

    def pattern_settings(self) -> PatternSettings:
        """The thresholds of the pattern rules, with the person's changes."""
        return pattern_settings_from(self.settings())

    def set_setting(self, key: str, value: object) -> None:
        """Change one setting (checked first: nothing is saved if the value is refused)."""
        settings_from({**self.settings(), key: value})
        values = {"value": json.dumps(value), "updated_at": self._clock()}
        with self._write() as connection:
            changed = connection.execute(
                update(settings_table).where(settings_table.c.key == key).values(**values)
            )
            if changed.rowcount == 0:
                connection.execute(insert(settings_table).values(key=key, **values))

    def reset_setting(self, key: str) -> None:
        """Put one setting back to its default."""
        if problem := unknown_setting(key):
            raise InvalidInputError([problem])
        with self._write() as connection:
            connection.execute(delete(settings_table).where(settings_table.c.key == key))

    # -- export and import ----------------------------------------------------------------

    def archive(self) -> Archive:
        """Everything stored, as values (what an export writes)."""
        with self._read() as connection:
            person_rows = connection.execute(select(people).order_by(people.c.id)).all()
            audit_rows = connection.execute(select(audits).order_by(audits.c.id)).all()
            loaded = load_audits(connection, audit_rows)
            earlier = load_earlier(connection, loaded)
            season_rows = connection.execute(select(seasons).order_by(seasons.c.id)).all()
            date_rows = connection.execute(
                select(important_dates).order_by(important_dates.c.id)
            ).all()
            thing_rows = connection.execute(
                select(shared_things).order_by(shared_things.c.id)
            ).all()
            care_rows = connection.execute(
                select(care_preferences).order_by(care_preferences.c.person_id)
            ).all()
            return Archive(
                people=tuple(ArchivedPerson(person_from_row(r), r.created_at) for r in person_rows),
                audits=tuple(
                    ArchivedAudit(audit, row.created_at, row.updated_at, earlier[audit.id])
                    for audit, row in zip(loaded, audit_rows, strict=True)
                ),
                seasons=tuple(season_from_row(row) for row in season_rows),
                settings=self._settings(connection),
                important_dates=tuple(date_from_row(row) for row in date_rows),
                shared_things=tuple(thing_from_row(row) for row in thing_rows),
                care_preferences=tuple(care_from_row(row) for row in care_rows),
            )

    def import_archive(self, archive: Archive, *, file: str) -> ImportReport:
        """Add what an archive holds, all or nothing (see :mod:`reciprocity.store.importer`).

        Raises:
            InvalidFileError: Every conflict with what is stored; nothing is written.
        """
        with self._write() as connection:
            plan = plan_import(connection, archive)
            if plan.problems:
                raise InvalidFileError(plan.problems, file=file)
            apply_import(connection, plan, now=self._clock())
        return plan.report()


def open_store(
    target: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, clock: Clock = _utc_now
) -> Store:
    """Open (creating and migrating if needed) the database at a path or URL.

    Raises:
        DatabaseError: The file cannot be opened, is not a reciprocity
            database, is locked, or was written by a newer version.
    """
    url = database_url(target)
    where = describe_target(url)
    engine = create_store_engine(url, lock_timeout=lock_timeout)
    try:
        migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where=where, clock=clock)
