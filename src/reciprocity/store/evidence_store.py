"""The evidence part of the store: messages' derived facts, who is who, and each import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from reciprocity.core.evidence import EvidenceFacts, EvidenceImport, Role
from reciprocity.store.base import StoreBase
from reciprocity.store.schema import evidence_imports, evidence_messages, evidence_participants

__all__ = ["EvidenceRow", "EvidenceStore"]

EvidenceRow = (
    tuple[str, int, int, bool, int, bool, int] | tuple[str, int, int, bool, int, bool, int, str]
)
"""One message as stored: person_id, sent_at, key, from_me, length, media, signals, and
its text when the text is kept (all rows of one import alike)."""

_COLUMNS = 'person_id, sent_at, "key", from_me, length, media, signals, text'
# Driver-level SQL: executemany of plain tuples is several times faster than going
# through SQLAlchemy's per-row parameter handling, and speed is what an import needs.
# A message already stored (same key) is left alone, which makes imports idempotent.
# Without the text, rows bind seven values, not an eighth that is always NULL (a tenth
# of an insert's cost, measured).
_INSERT = {
    ("postgresql", True): (
        f"INSERT INTO evidence_messages ({_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,%s) "
        "ON CONFLICT DO NOTHING"
    ),
    ("postgresql", False): (
        f"INSERT INTO evidence_messages ({_COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s,NULL) "
        "ON CONFLICT DO NOTHING"
    ),
}
_WITHOUT_TEXT = 7
_FACTS = (
    "SELECT sent_at, from_me, length, signals FROM evidence_messages "
    'WHERE person_id = {mark} ORDER BY sent_at, "key"'
)
_MARK = {"sqlite": "?", "postgresql": "%s"}


# On SQLite, rows are inserted this many to a statement: SQLite's work per statement run
# (binding, stepping, resetting) is then paid once for them all, which took a third off
# the insert of a million messages (measured; 25 rows a statement gained less, 500 no
# more). The statements stay far below SQLite's limit of 32,766 values.
_ROWS_PER_INSERT = 100


@cache
def _sqlite_insert(width: int, rows: int) -> str:
    """``INSERT OR IGNORE`` of ``rows`` rows of ``width`` values (the text NULL if not given)."""
    marks = ",".join("?" * width) + (",NULL" if width == _WITHOUT_TEXT else "")
    values = ",".join([f"({marks})"] * rows)
    return f"INSERT OR IGNORE INTO evidence_messages ({_COLUMNS}) VALUES {values}"


def _insert_sqlite(connection: Connection, batch: Sequence[EvidenceRow]) -> None:
    """Insert a batch of rows, many to a statement."""
    width = len(batch[0])
    step = width * _ROWS_PER_INSERT
    values = list(chain.from_iterable(batch))
    whole = len(batch) // _ROWS_PER_INSERT * step
    if whole:
        sql = _sqlite_insert(width, _ROWS_PER_INSERT)
        connection.exec_driver_sql(
            sql, [tuple(values[at : at + step]) for at in range(0, whole, step)]
        )
    if whole < len(values):
        rest = values[whole:]
        connection.exec_driver_sql(_sqlite_insert(width, len(rest) // width), tuple(rest))


def _import_from_row(row: Any) -> EvidenceImport:
    return EvidenceImport(
        id=row.id,
        person_id=row.person_id,
        file_name=row.file_name,
        format=row.format,
        chat=row.chat,
        imported_at=row.imported_at,
        messages_read=row.messages_read,
        messages_added=row.messages_added,
        kept_text=row.kept_text,
        group_chat=row.group_chat,
        zone=row.zone,
    )


class EvidenceStore(StoreBase):
    """What the person imported from their own chats: derived facts, never a tally."""

    @staticmethod
    def _count(connection: Connection, person_id: str) -> int:
        query = select(func.count()).where(evidence_messages.c.person_id == person_id)
        return int(connection.execute(query).scalar_one())

    def add_evidence(
        self,
        person_id: str,
        batches: Iterable[Sequence[EvidenceRow]],
        *,
        roles: Mapping[str, Role],
        finish: Callable[[int, dt.datetime], EvidenceImport],
    ) -> EvidenceImport:
        """Store a stream of messages and the import they came from, all or nothing.

        The batches are consumed inside one transaction: if producing them fails
        (a broken line late in the file), nothing of this import is kept.

        Args:
            person_id: The relationship.
            batches: The messages, a batch at a time.
            roles: Who each participant is, remembered for the next import.
            finish: Given how many messages were new and the time, the import to remember.

        Raises:
            PersonNotFoundError: The relationship no longer exists.
        """
        with self._write() as connection:
            before = self._count(connection, person_id)
            dialect = connection.dialect.name
            for batch in batches:
                if not batch:
                    continue
                if dialect == "sqlite":
                    _insert_sqlite(connection, batch)
                else:
                    sql = _INSERT[dialect, len(batch[0]) > _WITHOUT_TEXT]
                    connection.exec_driver_sql(sql, list(batch))
            added = self._count(connection, person_id) - before
            record = finish(added, self._clock())
            self._remember_roles(connection, person_id, roles)
            connection.execute(
                insert(evidence_imports).values(
                    id=record.id,
                    person_id=record.person_id,
                    file_name=record.file_name,
                    format=record.format,
                    chat=record.chat,
                    imported_at=record.imported_at,
                    messages_read=record.messages_read,
                    messages_added=record.messages_added,
                    kept_text=record.kept_text,
                    group_chat=record.group_chat,
                    zone=record.zone,
                )
            )
        return record

    @staticmethod
    def _remember_roles(connection: Connection, person_id: str, roles: Mapping[str, Role]) -> None:
        table = evidence_participants
        for name, role in roles.items():
            changed = connection.execute(
                update(table)
                .where(table.c.person_id == person_id, table.c.name == name)
                .values(role=role.value)
            )
            if changed.rowcount == 0:
                connection.execute(
                    insert(table).values(person_id=person_id, name=name, role=role.value)
                )

    def participant_roles(self, person_id: str) -> dict[str, Role]:
        """Who each participant of this relationship's chat exports is, as last answered."""
        table = evidence_participants
        with self._read() as connection:
            rows = connection.execute(
                select(table.c.name, table.c.role).where(table.c.person_id == person_id)
            )
            return {row.name: Role(row.role) for row in rows}

    def evidence_imports(self, person_id: str) -> list[EvidenceImport]:
        """The imports into one relationship, oldest first."""
        query = (
            select(evidence_imports)
            .where(evidence_imports.c.person_id == person_id)
            .order_by(evidence_imports.c.imported_at, evidence_imports.c.id)
        )
        with self._read() as connection:
            return [_import_from_row(row) for row in connection.execute(query)]

    def count_evidence(self, person_id: str) -> int:
        """How many messages of a relationship are stored."""
        with self._read() as connection:
            return self._count(connection, person_id)

    def evidence_facts(self, person_id: str) -> EvidenceFacts:
        """The derived facts of a relationship's messages, oldest first, in compact columns."""
        facts = EvidenceFacts()
        with self._read() as connection:
            dialect = connection.dialect.name
            sql = _FACTS.format(mark=_MARK[dialect])
            # The driver's own cursor: plain tuples, without a result object per row.
            cursor = connection.connection.cursor()
            cursor.execute(sql, (person_id,))
            while rows := cursor.fetchmany(10_000):
                # A column at a time: a million rows load in a second, not several.
                sent_at, from_me, length, signals = zip(*rows, strict=True)
                facts.sent_at.extend(sent_at)
                facts.from_me.extend(int(f) for f in from_me)
                facts.length.extend(length)
                facts.signals.extend(signals)
            cursor.close()
        return facts

    def evidence_texts(self, person_id: str) -> list[tuple[int, bool, str]]:
        """The kept texts of a relationship's messages (sent_at, from_me, text), oldest first."""
        table = evidence_messages
        query = (
            select(table.c.sent_at, table.c.from_me, table.c.text)
            .where(table.c.person_id == person_id, table.c.text.is_not(None))
            .order_by(table.c.sent_at, table.c.key)
        )
        with self._read() as connection:
            return [(row.sent_at, bool(row.from_me), row.text) for row in connection.execute(query)]

    def remove_evidence(self, person_id: str) -> int:
        """Forget everything imported for a relationship; returns how many messages went."""
        with self._write() as connection:
            removed = connection.execute(
                delete(evidence_messages).where(evidence_messages.c.person_id == person_id)
            ).rowcount
            connection.execute(
                delete(evidence_imports).where(evidence_imports.c.person_id == person_id)
            )
            connection.execute(
                delete(evidence_participants).where(evidence_participants.c.person_id == person_id)
            )
        self._scrub()
        return int(removed)
