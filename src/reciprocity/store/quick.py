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
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reciprocity import messages
from reciprocity.core.people import name_key
from reciprocity.errors import PersonNotFoundError
from reciprocity.store.basics import SCHEMA_HEAD
from reciprocity.store.decode import (
    AUDIT_COLUMNS,
    DIMENSION_COLUMNS,
    PERSON_COLUMNS,
    SEASON_COLUMNS,
    PersonSummary,
    audits_from_rows,
    day,
    pattern_settings_from,
    person_from_values,
    season_from_values,
    settings_from_rows,
)

if TYPE_CHECKING:
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
    while another program writes.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def _all(self, query: str, *parameters: Any) -> list[Any]:
        with closing(self._connection.cursor()) as cursor:
            cursor.execute("BEGIN")
            try:
                return cursor.execute(query, parameters).fetchall()
            finally:
                cursor.execute("COMMIT")

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
        with closing(self._connection.cursor()) as cursor:
            cursor.execute("BEGIN")
            try:
                audit_rows = cursor.execute(
                    f"SELECT {_columns(AUDIT_COLUMNS)} FROM audits ORDER BY person_id, audit_date"
                ).fetchall()
                dimension_rows = cursor.execute(
                    f"SELECT {_columns(DIMENSION_COLUMNS)} FROM audit_dimensions"
                ).fetchall()
            finally:
                cursor.execute("COMMIT")
        grouped: dict[str, list[Audit]] = {}
        for audit in audits_from_rows(audit_rows, dimension_rows):
            grouped.setdefault(audit.person_id, []).append(audit)
        return grouped

    def seasons_by_person(self) -> dict[str, list[Season]]:
        """Every season, grouped by relationship, earliest start first."""
        rows = self._all(f"SELECT {_columns(SEASON_COLUMNS)} FROM seasons ORDER BY start_date, id")
        grouped: dict[str, list[Season]] = {}
        for row in rows:
            season = season_from_values(row)
            grouped.setdefault(season.person_id, []).append(season)
        return grouped

    def close(self) -> None:
        """Release the file."""
        self._connection.close()


def open_quick(target: str) -> QuickReader | None:
    """A quick reader for a SQLite file at the current schema, or ``None`` to use the store.

    Nothing is created or changed: the file is opened read-only, and any surprise
    (not a file, not SQLite, not reciprocity's, not the current schema) gives ``None``.
    """
    if "://" in target:
        return None
    path = Path(target).expanduser()
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
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
