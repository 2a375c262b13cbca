"""The repository the faces use: people, audits with their revisions, drafts, import and export.

Every change is one transaction. Audits are edited with optimistic concurrency:
a revision names the version it replaces, and a stale one is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, insert, select, update

from reciprocity import messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
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
    SelfCheck,
)
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
from reciprocity.formats.codec import AuditIn, audit_from_model, audit_to_dict
from reciprocity.store.engine import (
    DEFAULT_LOCK_TIMEOUT,
    create_store_engine,
    database_url,
    describe_target,
    migrate,
    translate_errors,
)
from reciprocity.store.schema import audit_dimensions, audit_revisions, audits, drafts, people

__all__ = ["Draft", "ImportReport", "PersonSummary", "Store", "new_id", "open_store"]

Clock = Callable[[], dt.datetime]


def new_id() -> str:
    """A fresh stable id for a person or an audit."""
    return str(uuid.uuid4())


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class PersonSummary:
    """A relationship with how many audits it has and the date of the latest."""

    person: Person
    audit_count: int
    latest: dt.date | None


@dataclass(frozen=True)
class Draft:
    """An unfinished guided audit: the answers given so far, as the interview keeps them."""

    person_id: str
    updated_at: dt.datetime
    answers: dict[str, Any]


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    people_added: int
    people_updated: int
    audits_added: int
    audits_updated: int
    unchanged: int


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


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
        with translate_errors(self.where), self.engine.connect() as connection:
            connection = connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                yield connection

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- people ---------------------------------------------------------------------------

    @staticmethod
    def _person(row: Row[Any]) -> Person:
        return Person(row.id, row.name, RelationshipKind(row.kind))

    def _find_person(self, connection: Connection, name: str) -> Person:
        row = connection.execute(select(people).where(people.c.name_key == _name_key(name))).first()
        if row is None:
            raise PersonNotFoundError(messages.ERR_UNKNOWN_PERSON.format(name=name))
        return self._person(row)

    def add_person(self, name: str, kind: RelationshipKind) -> Person:
        """Add a relationship.

        Raises:
            InvalidInputError: The name is empty.
            DuplicatePersonError: A relationship of that name (in any case) exists.
        """
        clean = " ".join(name.split())
        if not clean:
            raise InvalidInputError([Problem(messages.ERR_EMPTY_NAME, "name")])
        person = Person(new_id(), clean, kind)
        with self._write() as connection:
            taken = connection.execute(
                select(people.c.id).where(people.c.name_key == _name_key(clean))
            ).first()
            if taken:
                raise DuplicatePersonError(messages.ERR_DUPLICATE_PERSON.format(name=clean))
            connection.execute(
                insert(people).values(
                    id=person.id,
                    name=person.name,
                    name_key=_name_key(clean),
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
                PersonSummary(self._person(row), row.n or 0, row.latest)
                for row in connection.execute(query)
            ]

    def rename_person(self, name: str, new_name: str) -> Person:
        """Rename a relationship.

        Raises:
            PersonNotFoundError: No such relationship.
            DuplicatePersonError: The new name is taken by another relationship.
        """
        clean = " ".join(new_name.split())
        if not clean:
            raise InvalidInputError([Problem(messages.ERR_EMPTY_NAME, "new_name")])
        with self._write() as connection:
            person = self._find_person(connection, name)
            taken = connection.execute(
                select(people.c.id).where(
                    people.c.name_key == _name_key(clean), people.c.id != person.id
                )
            ).first()
            if taken:
                raise DuplicatePersonError(messages.ERR_DUPLICATE_PERSON.format(name=clean))
            connection.execute(
                update(people)
                .where(people.c.id == person.id)
                .values(name=clean, name_key=_name_key(clean))
            )
        return Person(person.id, clean, person.kind)

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

    @staticmethod
    def _audit_values(audit: Audit) -> dict[str, Any]:
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

    @staticmethod
    def _insert_dimensions(connection: Connection, audit: Audit) -> None:
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

    def _load_audits(self, connection: Connection, rows: Sequence[Row[Any]]) -> list[Audit]:
        if not rows:
            return []
        ids = [row.id for row in rows]
        ratings: dict[str, dict[Dimension, DimensionRating]] = {i: {} for i in ids}
        query = select(audit_dimensions).where(audit_dimensions.c.audit_id.in_(ids))
        for d in connection.execute(query):
            dimension = Dimension(d.dimension)
            ratings[d.audit_id][dimension] = DimensionRating(
                dimension,
                d.score,
                Lean(d.lean) if d.lean else None,
                d.example,
                bool(d.no_recent_example),
            )
        result = []
        for row in rows:
            reflection = None
            if row.reflection_kind:
                reflection = Reflection(
                    ReflectionKind(row.reflection_kind),
                    row.reflection_text or "",
                    row.reflection_first_step or "",
                )
            result.append(
                Audit(
                    id=row.id,
                    person_id=row.person_id,
                    date=row.audit_date,
                    dimensions=tuple(ratings[row.id][d] for d in Dimension),
                    self_check=SelfCheck(
                        row.self_giving,
                        row.self_receiving,
                        row.self_giving_note,
                        row.self_receiving_note,
                    ),
                    overall=OverallRating(
                        row.overall_score, row.overall_proposed, row.overall_reason
                    ),
                    reflection=reflection,
                    revision=row.revision,
                )
            )
        return result

    def _audit_on(self, connection: Connection, person_id: str, on: dt.date) -> Audit | None:
        rows = connection.execute(
            select(audits).where(audits.c.person_id == person_id, audits.c.audit_date == on)
        ).all()
        found = self._load_audits(connection, rows)
        return found[0] if found else None

    def _insert_new(self, connection: Connection, audit: Audit, person_name: str) -> None:
        if self._audit_on(connection, audit.person_id, audit.date):
            name = person_name or audit.person_id
            raise DuplicateAuditError(messages.ERR_DUPLICATE_AUDIT.format(name=name, date=audit.date))
        now = self._clock()
        connection.execute(
            insert(audits).values(
                id=audit.id, created_at=now, updated_at=now, **self._audit_values(audit)
            )
        )
        self._insert_dimensions(connection, audit)

    def add_audit(self, audit: Audit, *, person_name: str = "") -> Audit:
        """Store a new audit as revision 1.

        Raises:
            DuplicateAuditError: The relationship already has an audit on that date.
        """
        with self._write() as connection:
            self._insert_new(connection, audit, person_name)
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
                raise AuditNotFoundError(f"no audit with id {audit.id}")
            current = self._load_audits(connection, rows)[0]
            if current.revision != expected_revision:
                raise StaleEditError(
                    messages.ERR_STALE.format(
                        current=current.revision, expected=expected_revision
                    )
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
            connection.execute(
                insert(audit_revisions).values(
                    audit_id=current.id,
                    revision=current.revision,
                    saved_at=rows[0].updated_at,
                    content=json.dumps(audit_to_dict(current), ensure_ascii=False),
                )
            )
            # The WHERE on revision makes the check and the write one step, even on a
            # server where another session could slip in between.
            result = connection.execute(
                update(audits)
                .where(audits.c.id == current.id, audits.c.revision == current.revision)
                .values(updated_at=now, **self._audit_values(revised))
            )
            if result.rowcount != 1:
                raise StaleEditError(
                    messages.ERR_STALE.format(current="newer", expected=expected_revision)
                )
            connection.execute(delete(audit_dimensions).where(audit_dimensions.c.audit_id == current.id))
            self._insert_dimensions(connection, revised)
        return revised

    def audits(self, person_id: str) -> list[Audit]:
        """All audits of a relationship, oldest first."""
        with self._read() as connection:
            rows = connection.execute(
                select(audits).where(audits.c.person_id == person_id).order_by(audits.c.audit_date)
            ).all()
            return self._load_audits(connection, rows)

    def latest_audit(self, person_id: str) -> Audit | None:
        """The most recent audit of a relationship, if any."""
        with self._read() as connection:
            rows = connection.execute(
                select(audits)
                .where(audits.c.person_id == person_id)
                .order_by(audits.c.audit_date.desc())
                .limit(1)
            ).all()
            found = self._load_audits(connection, rows)
        return found[0] if found else None

    def audit_on(self, person_id: str, on: dt.date) -> Audit | None:
        """The audit of a relationship on a date, if there is one."""
        with self._read() as connection:
            return self._audit_on(connection, person_id, on)

    def _earlier(self, connection: Connection, audit: Audit) -> tuple[EarlierRevision, ...]:
        rows = connection.execute(
            select(audit_revisions)
            .where(audit_revisions.c.audit_id == audit.id)
            .order_by(audit_revisions.c.revision)
        ).all()
        return tuple(
            EarlierRevision(
                row.revision,
                row.saved_at,
                audit_from_model(
                    AuditIn.model_validate(json.loads(row.content)),
                    audit_id=audit.id,
                    person_id=audit.person_id,
                    today=dt.date.max,
                    revision=row.revision,
                ),
            )
            for row in rows
        )

    def earlier_revisions(self, audit: Audit) -> tuple[EarlierRevision, ...]:
        """The versions an audit had before its edits, oldest first."""
        with self._read() as connection:
            return self._earlier(connection, audit)

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

    def finish_draft(self, audit: Audit, *, person_name: str = "") -> Audit:
        """Store a finished audit and drop its draft, in one transaction."""
        with self._write() as connection:
            self._insert_new(connection, audit, person_name)
            connection.execute(delete(drafts).where(drafts.c.person_id == audit.person_id))
        return audit

    # -- export and import ----------------------------------------------------------------

    def archive(self) -> Archive:
        """Everything stored, as values (what an export writes)."""
        with self._read() as connection:
            person_rows = connection.execute(select(people).order_by(people.c.id)).all()
            audit_rows = connection.execute(select(audits).order_by(audits.c.id)).all()
            loaded = self._load_audits(connection, audit_rows)
            return Archive(
                people=tuple(ArchivedPerson(self._person(r), r.created_at) for r in person_rows),
                audits=tuple(
                    ArchivedAudit(audit, row.created_at, row.updated_at, self._earlier(connection, audit))
                    for audit, row in zip(loaded, audit_rows, strict=True)
                ),
            )

    def import_archive(self, archive: Archive, *, file: str) -> ImportReport:
        """Add what an archive holds, all or nothing.

        People and audits are matched by id, so importing the same archive twice
        changes nothing. An audit already stored at a lower revision is replaced
        (its earlier revisions come from the archive); at the same revision with
        different answers it is a conflict.

        Raises:
            InvalidFileError: Every conflict with what is stored; nothing is written.
        """
        with self._write() as connection:
            problems, plan = self._plan_import(connection, archive)
            if problems:
                raise InvalidFileError(problems, file=file)
            for person in plan.new_people:
                connection.execute(
                    insert(people).values(
                        id=person.person.id,
                        name=person.person.name,
                        name_key=_name_key(person.person.name),
                        kind=person.person.kind.value,
                        created_at=person.created_at,
                    )
                )
            for person in plan.changed_people:
                connection.execute(
                    update(people)
                    .where(people.c.id == person.person.id)
                    .values(
                        name=person.person.name,
                        name_key=_name_key(person.person.name),
                        kind=person.person.kind.value,
                    )
                )
            for item in plan.replaced_audits:
                connection.execute(delete(audits).where(audits.c.id == item.audit.id))
            for item in [*plan.new_audits, *plan.replaced_audits]:
                self._insert_archived(connection, item)
        return ImportReport(
            people_added=len(plan.new_people),
            people_updated=len(plan.changed_people),
            audits_added=len(plan.new_audits),
            audits_updated=len(plan.replaced_audits),
            unchanged=plan.unchanged,
        )

    def _insert_archived(self, connection: Connection, item: ArchivedAudit) -> None:
        audit = item.audit
        connection.execute(
            insert(audits).values(
                id=audit.id,
                created_at=item.created_at,
                updated_at=item.updated_at,
                **self._audit_values(audit),
            )
        )
        self._insert_dimensions(connection, audit)
        if item.earlier:
            connection.execute(
                insert(audit_revisions),
                [
                    {
                        "audit_id": audit.id,
                        "revision": old.revision,
                        "saved_at": old.saved_at,
                        "content": json.dumps(audit_to_dict(old.audit), ensure_ascii=False),
                    }
                    for old in item.earlier
                ],
            )

    def _plan_import(self, connection: Connection, archive: Archive) -> tuple[list[Problem], _Plan]:
        plan = _Plan()
        problems: list[Problem] = []
        stored_people = {row.id: row for row in connection.execute(select(people))}
        by_key = {row.name_key: row.id for row in stored_people.values()}
        for index, item in enumerate(archive.people):
            person = item.person
            holder = by_key.get(_name_key(person.name))
            if holder is not None and holder != person.id:
                problems.append(
                    Problem(messages.ERR_NAME_TAKEN.format(name=person.name), f"people[{index}].name")
                )
            stored = stored_people.get(person.id)
            if stored is None:
                plan.new_people.append(item)
            elif (stored.name, stored.kind) != (person.name, person.kind.value):
                plan.changed_people.append(item)
            else:
                plan.unchanged += 1
        stored_audits = {
            row.id: row for row in connection.execute(select(audits.c.id, audits.c.revision))
        }
        taken_dates = {
            (row.person_id, row.audit_date): row.id
            for row in connection.execute(select(audits.c.id, audits.c.person_id, audits.c.audit_date))
        }
        for index, item in enumerate(archive.audits):
            audit = item.audit
            holder = taken_dates.get((audit.person_id, audit.date))
            if holder is not None and holder != audit.id:
                problems.append(
                    Problem(
                        messages.ERR_DUPLICATE_AUDIT.format(name=audit.person_id, date=audit.date),
                        f"audits[{index}].date",
                    )
                )
                continue
            stored = stored_audits.get(audit.id)
            if stored is None:
                plan.new_audits.append(item)
            elif stored.revision < audit.revision:
                plan.replaced_audits.append(item)
            elif stored.revision == audit.revision:
                rows = connection.execute(select(audits).where(audits.c.id == audit.id)).all()
                if self._load_audits(connection, rows)[0] != audit:
                    problems.append(
                        Problem(messages.ERR_AUDIT_CONFLICT.format(audit_id=audit.id), f"audits[{index}]")
                    )
                else:
                    plan.unchanged += 1
            else:
                plan.unchanged += 1  # what is stored is newer than the file
        return problems, plan


@dataclass
class _Plan:
    new_people: list[ArchivedPerson]
    changed_people: list[ArchivedPerson]
    new_audits: list[ArchivedAudit]
    replaced_audits: list[ArchivedAudit]
    unchanged: int

    def __init__(self) -> None:
        self.new_people, self.changed_people = [], []
        self.new_audits, self.replaced_audits = [], []
        self.unchanged = 0


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
