"""The overview's reading of every relationship, computed once per change of the data.

Reading the status of fifty relationships with ten years of audits each takes far
longer than a page may, so the overview keeps what it read and reads again only
when the database changed. A SQLite file says so itself: ``PRAGMA data_version``,
asked on a connection of our own, changes whenever any other connection (this
app's store, or the CLI in another window) commits. Other databases have no such
signal; there the reading is done for every overview.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from reciprocity.core.model import Person
from reciprocity.core.patterns import RelationshipStatus, relationship_status
from reciprocity.core.rhythm import Due
from reciprocity.core.status_text import overall_guidance
from reciprocity.store import PersonSummary, Store

__all__ = ["Overview", "Row", "Snapshots"]


@dataclass(frozen=True)
class Row:
    """One relationship on the overview."""

    person: Person
    audit_count: int
    latest: dt.date | None
    status: RelationshipStatus
    overall: tuple[tuple[dt.date, int], ...]


@dataclass(frozen=True)
class Overview:
    """Every relationship's reading, the guidance across them, and when each audit is due."""

    rows: tuple[Row, ...]
    guidance: tuple[str, ...]
    due: tuple[Due, ...]


class Snapshots:
    """The overview's cache, kept while the database does not change."""

    def __init__(self, store: Store, target: str) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._cached: tuple[tuple[int, dt.date], Overview] | None = None
        self._probe: sqlite3.Connection | None = None
        if "://" not in target and Path(target).is_file():
            self._probe = sqlite3.connect(target, check_same_thread=False)

    def _version(self) -> int | None:
        if self._probe is None:
            return None
        return int(self._probe.execute("PRAGMA data_version").fetchone()[0])

    def overview(self, today: dt.date) -> Overview:
        """The overview as of now (read again only if something changed)."""
        with self._lock:
            version = self._version()
            if version is not None and self._cached and self._cached[0] == (version, today):
                return self._cached[1]
            found = self._read(today)
            if version is not None:
                self._cached = ((version, today), found)
            return found

    def _read(self, today: dt.date) -> Overview:
        from reciprocity.cli.due import audits_due

        store = self._store
        summaries: list[PersonSummary] = store.people()
        settings = store.pattern_settings()
        audits = store.audits_by_person()
        seasons = store.seasons_by_person()
        rows = []
        for summary in summaries:
            pid = summary.person.id
            mine = audits.get(pid, [])
            rows.append(
                Row(
                    summary.person,
                    summary.audit_count,
                    summary.latest,
                    relationship_status(mine, seasons.get(pid, []), settings),
                    tuple((a.date, a.overall.score) for a in mine),
                )
            )
        guidance = overall_guidance([r.status for r in rows])
        return Overview(tuple(rows), tuple(guidance), tuple(audits_due(summaries, today)))

    def close(self) -> None:
        """Release the probe connection."""
        if self._probe is not None:
            self._probe.close()
            self._probe = None
