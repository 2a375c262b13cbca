"""What the pages read about every relationship, kept while the database does not change.

Reading the status of fifty relationships with ten years of audits each takes far
longer than a page may, so the app keeps what it read and reads again only when the
database changed. A SQLite file says so itself: ``PRAGMA data_version``, asked on a
connection of our own, changes whenever any other connection (this app's store, or
the CLI in another window) commits. The version is taken before reading, so what is
kept under a version is never older than it.

When the database did change, only what changed is read again. Each relationship's
audits, seasons and reading are kept with a key: its audits' ids and revisions (a new
audit has a new id, and every change to a stored one, an edit or an import, gives it
a higher revision), its seasons and the settings. A change to one relationship, or to
something the readings do not use (a shared thing, a draft), reads one or no
relationship again instead of all of them.

The reading goes through the quick read path (``store.quick``: the standard library's
``sqlite3``, read-only, through the same decoders as the store). Other databases have
no change signal; there everything is read from the store every time.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, cast

from reciprocity.core.memory import ImportantDate, SharedThing
from reciprocity.core.model import Audit, Person
from reciprocity.core.patterns import PatternSettings, RelationshipStatus, relationship_status
from reciprocity.core.rhythm import Due, audits_due
from reciprocity.core.seasons import Season
from reciprocity.core.status_text import overall_guidance
from reciprocity.store import PersonSummary, Store
from reciprocity.store.quick import QuickReader, open_quick

__all__ = ["Overview", "Relationship", "Remembered", "Row", "Snapshots"]

T = TypeVar("T")

# How many things drawn from one reading are kept at most.
_DERIVED_MAX = 8


@dataclass(frozen=True)
class Relationship:
    """One relationship's audits (oldest first), its seasons and the reading of both.

    ``overall`` is each audit's day and overall rating, oldest first.
    """

    audits: tuple[Audit, ...]
    seasons: tuple[Season, ...]
    status: RelationshipStatus
    overall: tuple[tuple[dt.date, int], ...]
    _derived: dict[Hashable, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def read(
        cls, audits: Sequence[Audit], seasons: Sequence[Season], settings: PatternSettings
    ) -> Relationship:
        """The reading of these audits and seasons."""
        return cls(
            tuple(audits),
            tuple(seasons),
            relationship_status(audits, seasons, settings),
            tuple((a.date, a.overall.score) for a in audits),
        )

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` draws from this reading (a chart), made once for each ``key``.

        Kept with the reading itself, so it goes when the reading does; ``key`` must
        hold everything else ``make`` depends on (the day, a name).
        """
        if key not in self._derived:
            if len(self._derived) >= _DERIVED_MAX:
                self._derived.clear()  # a new day, a new name: the old ones are done
            self._derived[key] = make()
        return cast("T", self._derived[key])


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


@dataclass(frozen=True)
class Remembered:
    """Every important date (by month and day) and shared thing (in the order added)."""

    dates: tuple[ImportantDate, ...]
    things: tuple[SharedThing, ...]


# What a relationship's reading depends on: its audits' versions, its seasons, the settings.
_Key = tuple[str, tuple[Season, ...], PatternSettings]


@dataclass(frozen=True)
class _Kept:
    key: _Key
    relationship: Relationship
    version: int  # the data version at which the key was last found current


class Snapshots:
    """The readings the pages share, kept while the database does not change."""

    def __init__(self, store: Store, target: str) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._quick: QuickReader | None = open_quick(target, any_thread=True)
        self._kept: dict[str, _Kept] = {}
        self._overview: tuple[tuple[int, dt.date], Overview] | None = None
        self._made: dict[str, tuple[tuple[int, dt.date], object]] = {}

    def overview(self, today: dt.date) -> Overview:
        """The overview as of now (only what changed is read again)."""
        with self._lock:
            if self._quick is None:
                return self._overview_from_store(today)
            version = self._quick.data_version()
            if self._overview is not None and self._overview[0] == (version, today):
                return self._overview[1]
            found = self._read_overview(self._quick, version, today)
            self._overview = ((version, today), found)
            return found

    def relationship(self, person_id: str) -> Relationship:
        """One relationship's audits, seasons and reading, as of now."""
        with self._lock:
            quick = self._quick
            if quick is None:
                store = self._store
                return Relationship.read(
                    store.audits(person_id), store.seasons(person_id), store.pattern_settings()
                )
            version = quick.data_version()
            kept = self._kept.get(person_id)
            if kept is not None and kept.version == version:
                return kept.relationship
            with quick.consistent():
                settings = quick.pattern_settings()
                seasons = quick.seasons_by_person(person_id)
                versions = quick.audit_versions(person_id)
                key = _key(person_id, versions, seasons, settings)
                if kept is not None and kept.key == key:
                    found = kept.relationship
                else:
                    audits = quick.audits_of([person_id]).get(person_id, [])
                    found = Relationship.read(audits, key[1], settings)
            self._kept[person_id] = _Kept(key, found, version)
            return found

    def remembered(self) -> Remembered:
        """Every important date and shared thing, as of now."""
        if self._quick is None:
            return Remembered(
                tuple(self._store.important_dates()), tuple(self._store.shared_things())
            )
        return self.made("remembered", dt.date.min, self._read_remembered)

    def _read_remembered(self) -> Remembered:
        with self._lock:
            quick = self._quick
            if quick is None:  # closed meanwhile
                return Remembered((), ())
            with quick.consistent():
                return Remembered(tuple(quick.important_dates()), tuple(quick.shared_things()))

    def made(self, name: str, today: dt.date, make: Callable[[], T]) -> T:
        """What ``make`` gives, made again only when the database (or the day) changed.

        ``make`` must depend on nothing but what is stored, ``today`` and the moment
        it runs (a calendar file's time stamp, say).
        """
        with self._lock:
            version = None if self._quick is None else self._quick.data_version()
            kept = self._made.get(name)
            if version is not None and kept is not None and kept[0] == (version, today):
                return cast("T", kept[1])
        # Made outside the lock: ``make`` may ask for the overview or what is remembered
        # (which take the lock themselves).
        found = make()
        if version is not None:
            with self._lock:
                self._made[name] = ((version, today), found)
        return found

    def last_made(self, name: str) -> object | None:
        """The last thing :meth:`made` kept under ``name``, current or not."""
        with self._lock:
            kept = self._made.get(name)
        return None if kept is None else kept[1]

    def _read_overview(self, quick: QuickReader, version: int, today: dt.date) -> Overview:
        with quick.consistent():
            summaries = quick.people()
            settings = quick.pattern_settings()
            seasons = quick.seasons_by_person()
            versions = quick.audit_versions()
            keys = {s.person.id: _key(s.person.id, versions, seasons, settings) for s in summaries}
            stale = {
                pid
                for pid, key in keys.items()
                if pid not in self._kept or self._kept[pid].key != key
            }
            # Past half of them, one query for all costs less than picking them out.
            loaded = (
                quick.audits_by_person() if 2 * len(stale) > len(keys) else quick.audits_of(stale)
            )
        kept = {
            pid: _Kept(key, self._kept[pid].relationship, version)
            if pid not in stale
            else _Kept(key, Relationship.read(loaded.get(pid, []), key[1], settings), version)
            for pid, key in keys.items()
        }
        self._kept = kept  # relationships removed meanwhile are dropped here
        return _overview(summaries, {pid: k.relationship for pid, k in kept.items()}, today)

    def _overview_from_store(self, today: dt.date) -> Overview:
        store = self._store
        summaries = store.people()
        settings = store.pattern_settings()
        audits = store.audits_by_person()
        seasons = store.seasons_by_person()
        found = {
            s.person.id: Relationship.read(
                audits.get(s.person.id, []), seasons.get(s.person.id, []), settings
            )
            for s in summaries
        }
        return _overview(summaries, found, today)

    def close(self) -> None:
        """Release the quick reader's connection."""
        with self._lock:
            if self._quick is not None:
                self._quick.close()
                self._quick = None


def _key(
    person_id: str,
    versions: dict[str, str],
    seasons: dict[str, list[Season]],
    settings: PatternSettings,
) -> _Key:
    return (versions.get(person_id, ""), tuple(seasons.get(person_id, ())), settings)


def _overview(
    summaries: list[PersonSummary], found: dict[str, Relationship], today: dt.date
) -> Overview:
    rows = []
    for summary in summaries:
        relationship = found[summary.person.id]
        rows.append(
            Row(
                summary.person,
                summary.audit_count,
                summary.latest,
                relationship.status,
                relationship.overall,
            )
        )
    guidance = overall_guidance([r.status for r in rows])
    due = audits_due([(s.person, s.latest) for s in summaries], today)
    return Overview(tuple(rows), tuple(guidance), tuple(due))
