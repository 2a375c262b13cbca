"""The repository the faces use: one ``Store`` over people, audits, drafts, import and export.

Seasons, what to remember, settings, invitations and evidence from chats each live in
their own part (``season_store``, ``memory_store``, ``settings_store``,
``invitation_store``, ``evidence_store``);
``Store`` brings them together, so the faces see one object.

Every change is one transaction. Audits are edited with optimistic concurrency:
a revision names the version it replaces, and a stale one is refused.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from reciprocity import messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Audit,
    EarlierRevision,
    Person,
    RelationshipKind,
)
from reciprocity.core.people import clean_name, name_key
from reciprocity.core.rhythm import MAX_RHYTHM_MONTHS
from reciprocity.errors import (
    AuditNotFoundError,
    DuplicateAuditError,
    DuplicatePersonError,
    InvalidFileError,
    InvalidInputError,
    PersonNotFoundError,
    Problem,
    StaleEditError,
)
from reciprocity.store.base import SEASON_ID_PREFIX_MIN, Clock, new_id, utc_now
from reciprocity.store.decode import PersonSummary
from reciprocity.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    create_store_engine,
    database_url,
    describe_target,
    migrate,
)
from reciprocity.store.evidence_store import EvidenceStore
from reciprocity.store.importer import ImportReport, apply_import, plan_import
from reciprocity.store.invitation_store import InvitationStore
from reciprocity.store.invitations import archived_invitations, archived_responses
from reciprocity.store.memory_store import MemoryStore
from reciprocity.store.rows import (
    audit_values,
    care_from_row,
    date_from_row,
    insert_dimensions,
    insert_revision,
    load_audits,
    load_earlier,
    person_from_row,
    season_from_row,
    thing_from_row,
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
from reciprocity.store.season_store import SeasonStore
from reciprocity.store.settings_store import SettingsStore

__all__ = [
    "SEASON_ID_PREFIX_MIN",
    "Draft",
    "ImportReport",
    "PersonSummary",
    "Store",
    "new_id",
    "open_store",
]


@dataclass(frozen=True)
class Draft:
    """An unfinished guided audit: the answers given so far, as the interview keeps them."""

    person_id: str
    updated_at: dt.datetime
    answers: dict[str, Any]


class Store(SeasonStore, MemoryStore, SettingsStore, InvitationStore, EvidenceStore):
    """The stored relationships and audits of one person, on SQLite or PostgreSQL.

    Seasons, what to remember, settings and invitations come from the parts it is made of.
    """

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
        self._scrub()
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
        with self._write() as connection:
            self._ensure_draft(connection, person_id)
            self._write_draft(connection, person_id, answers)

    def update_draft(
        self, person_id: str, change: Callable[[dict[str, Any]], None]
    ) -> dict[str, Any]:
        """Change the draft as it is now, in one transaction; the answers it then holds.

        Two windows (or a page's autosave racing its own submit) each change the
        latest draft, so one never writes back a copy read before the other saved.
        """
        with self._write() as connection:
            self._ensure_draft(connection, person_id)
            row = connection.execute(
                select(drafts.c.content).where(drafts.c.person_id == person_id).with_for_update()
            ).one()
            answers: dict[str, Any] = json.loads(row.content)
            change(answers)
            self._write_draft(connection, person_id, answers)
        return answers

    def _ensure_draft(self, connection: Connection, person_id: str) -> None:
        """An empty draft if there is none, so the row exists to be locked and updated.

        FOR UPDATE locks nothing that is not there (PostgreSQL), and two first saves
        that each inserted would collide on the key.
        """
        dialect_insert = (
            postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        )
        connection.execute(
            dialect_insert(drafts)
            .values(person_id=person_id, updated_at=self._clock(), content="{}")
            .on_conflict_do_nothing(index_elements=["person_id"])
        )

    def _write_draft(self, connection: Connection, person_id: str, answers: dict[str, Any]) -> None:
        values = {"updated_at": self._clock(), "content": json.dumps(answers, ensure_ascii=False)}
        connection.execute(update(drafts).where(drafts.c.person_id == person_id).values(**values))

    def people_with_drafts(self) -> set[str]:
        """The relationships that have an unfinished audit."""
        with self._read() as connection:
            return set(connection.execute(select(drafts.c.person_id)).scalars())

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
                invitations=archived_invitations(connection),
                responses=archived_responses(connection),
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
    target: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT, clock: Clock = utc_now
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
