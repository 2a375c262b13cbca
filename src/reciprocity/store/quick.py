"""Read what the reading commands need straight from a current SQLite file.

``reciprocity status`` from a fresh process used to spend most of its time importing
SQLAlchemy before reading anything. When the database is a SQLite file already at the
current schema (the usual case), this reader answers with the standard library's
``sqlite3`` alone, through the same decoders as the store. Anything else (a server URL,
a missing file, an older or newer schema, a file it cannot open read-only) returns
``None`` from :func:`open_quick`, and the caller opens the full store, which migrates,
refuses and explains as usual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reciprocity import messages
from reciprocity.core.people import name_key
from reciprocity.errors import PersonNotFoundError
from reciprocity.store.basics import SCHEMA_HEAD
from reciprocity.store.decode import (
    AUDIT_COLUMNS,
    DATE_COLUMNS,
    DIMENSION_COLUMNS,
    PERSON_COLUMNS,
    SEASON_COLUMNS,
    THING_COLUMNS,
    PersonSummary,
    audits_from_rows,
    date_from_values,
    day,
    in_calendar_order,
    pattern_settings_from,
    person_from_values,
    season_from_values,
    settings_from_rows,
    thing_from_values,
)

if TYPE_CHECKING:
    from reciprocity.core.memory import ImportantDate, SharedThing
    from reciprocity.core.model import Audit, Person
    from reciprocity.core.patterns import PatternSettings
    from reciprocity.core.seasons import Season

__all__ = ["QuickReader", "Reader", "open_quick"]


class Reader(Protocol):
    """What the reading commands ask of a database (the store and the quick reader)."""

    def person(self, name: str) -> Person:
        """The relationship of that name."""
        ...

    def people(self) -> list[PersonSummary]:
        """Every relationship, with its audit count and latest audit date."""
        ...

    def pattern_settings(self) -> PatternSettings:
        """The thresholds of the pattern rules."""
        ...

    def audits_by_person(self) -> dict[str, list[Audit]]:
        """Every audit, grouped by relationship, oldest first."""
        ...

    def seasons_by_person(self) -> dict[str, list[Season]]:
        """Every season, grouped by relationship."""
        ...

    def close(self) -> None:
        """Release the database."""
        ...


def _columns(names: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(prefix + name for name in names)


class QuickReader:
    """Read-only access to a current SQLite database with the standard library only.

    Every method reads inside one transaction, so what it returns is consistent even
    while another program writes; several calls inside :meth:`consistent` share one.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._in_transaction = False

    @contextmanager
    def consistent(self) -> Iterator[None]:
        """Every read inside sees the database as it was at the first (one transaction)."""
        if self._in_transaction:
            yield
            return
        self._connection.execute("BEGIN")
        self._in_transaction = True
        try:
            yield
        finally:
            self._in_transaction = False
            self._connection.execute("COMMIT")

    def _all(self, query: str, *parameters: Any) -> list[Any]:
        with self.consistent(), closing(self._connection.cursor()) as cursor:
            return cursor.execute(query, parameters).fetchall()

    def data_version(self) -> int:
        """SQLite's count of changes committed by other connections (``PRAGMA data_version``).

        It changes whenever any other connection to the file commits, in this process
        or another, so a value seen before reading says whether what was read is current.
        """
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def person(self, name: str) -> Person:
        """The relationship of that name (case does not matter).

        Raises:
            PersonNotFoundError: No such relationship.
        """
        rows = self._all(
            f"SELECT {_columns(PERSON_COLUMNS)} FROM people WHERE name_key = ?", name_key(name)
        )
        if not rows:
            raise PersonNotFoundError(messages.ERR_UNKNOWN_PERSON.format(name=name))
        return person_from_values(rows[0])

    def people(self) -> list[PersonSummary]:
        """Every relationship, by name, with its number of audits and latest audit date."""
        rows = self._all(
            f"SELECT {_columns(PERSON_COLUMNS, 'p.')}, c.n, c.latest FROM people AS p"
            " LEFT JOIN (SELECT person_id, count(*) AS n, max(audit_date) AS latest"
            " FROM audits GROUP BY person_id) AS c ON c.person_id = p.id"
            " ORDER BY p.name_key"
        )
        width = len(PERSON_COLUMNS)
        return [
            PersonSummary(
                person_from_values(row[:width]),
                row[width] or 0,
                None if row[width + 1] is None else day(row[width + 1]),
            )
            for row in rows
        ]

    def pattern_settings(self) -> PatternSettings:
        """The thresholds of the pattern rules, with the person's changes."""
        return pattern_settings_from(
            settings_from_rows(self._all("SELECT key, value FROM settings"))
        )

    def audits_by_person(self) -> dict[str, list[Audit]]:
        """Every audit, grouped by relationship, oldest first."""
        return self._audits("", ())

    def audits_of(self, person_ids: Iterable[str]) -> dict[str, list[Audit]]:
        """The audits of some relationships, grouped by relationship, oldest first."""
        wanted = tuple(dict.fromkeys(person_ids))
        if not wanted:
            return {}
        return self._audits(f"person_id IN ({', '.join('?' * len(wanted))})", wanted)

    def _audits(self, where: str, parameters: tuple[str, ...]) -> dict[str, list[Audit]]:
        audits_where = f" WHERE {where}" if where else ""
        dimensions_where = f" WHERE audit_id IN (SELECT id FROM audits{audits_where})"
        with self.consistent(), closing(self._connection.cursor()) as cursor:
            audit_rows = cursor.execute(
                f"SELECT {_columns(AUDIT_COLUMNS)} FROM audits{audits_where}"
                " ORDER BY person_id, audit_date",
                parameters,
            ).fetchall()
            dimension_rows = cursor.execute(
                f"SELECT {_columns(DIMENSION_COLUMNS)} FROM audit_dimensions"
                + (dimensions_where if where else ""),
                parameters,
            ).fetchall()
        grouped: dict[str, list[Audit]] = {}
        for audit in audits_from_rows(audit_rows, dimension_rows):
            grouped.setdefault(audit.person_id, []).append(audit)
        return grouped

    def audit_versions(self, person_id: str | None = None) -> dict[str, str]:
        """What each relationship's audits are, in a few bytes: their ids and revisions.

        Storing an audit gives it a new id, and every change to a stored audit (an edit,
        or an import replacing it) a higher revision, so this text changes exactly when
        a relationship's audits do (or, rarely, when SQLite reads them in another order).
        """
        where = "" if person_id is None else " WHERE person_id = ?"
        rows = self._all(
            "SELECT person_id, group_concat(id || '@' || revision, ' ') FROM audits"
            f"{where} GROUP BY person_id",
            *(() if person_id is None else (person_id,)),
        )
        return dict(rows)

    def seasons_by_person(self, person_id: str | None = None) -> dict[str, list[Season]]:
        """Every season (or one relationship's), grouped by relationship, earliest start first."""
        where = "" if person_id is None else " WHERE person_id = ?"
        rows = self._all(
            f"SELECT {_columns(SEASON_COLUMNS)} FROM seasons{where} ORDER BY start_date, id",
            *(() if person_id is None else (person_id,)),
        )
        grouped: dict[str, list[Season]] = {}
        for row in rows:
            season = season_from_values(row)
            grouped.setdefault(season.person_id, []).append(season)
        return grouped

    def important_dates(self) -> list[ImportantDate]:
        """Every important date, by month and day."""
        rows = self._all(f"SELECT {_columns(DATE_COLUMNS)} FROM important_dates")
        return in_calendar_order(date_from_values(row) for row in rows)

    def shared_things(self) -> list[SharedThing]:
        """Every shared thing, in the order they were added."""
        rows = self._all(
            f"SELECT {_columns(THING_COLUMNS)} FROM shared_things ORDER BY created_at, id"
        )
        return [thing_from_values(row) for row in rows]

    def close(self) -> None:
        """Release the file."""
        self._connection.close()


def open_quick(target: str, *, any_thread: bool = False) -> QuickReader | None:
    """A quick reader for a SQLite file at the current schema, or ``None`` to use the store.

    Nothing is created or changed: the file is opened read-only, and any surprise
    (not a file, not SQLite, not reciprocity's, not the current schema) gives ``None``.
    With ``any_thread``, the reader may be used from any thread (one at a time: the
    caller holds a lock).
    """
    if "://" in target:
        return None
    path = Path(target).expanduser()
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=not any_thread,
        )
    except sqlite3.Error:
        return None
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        connection.close()
        return None
    if found != [(SCHEMA_HEAD,)]:
        connection.close()
        return None
    return QuickReader(connection)
