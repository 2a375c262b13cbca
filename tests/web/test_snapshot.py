"""The readings the pages share: never older than the file, and only what changed is read again.

Every change here is made through another connection to the same file (a second store,
or the CLI), as the CLI in another window would, and must be seen at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reciprocity.core import EarlierRevision, RelationshipKind, Whose
from reciprocity.core.memory import SharedThing
from reciprocity.core.patterns import State
from reciprocity.store import Store, new_id, open_store
from reciprocity.web.snapshot import Overview, Snapshots
from tests.conftest import Cli, pg_store
from tests.store.helpers import TODAY, mutual_audit, sample_archive, season, strained_audit
from tests.web.conftest import TODAY as APP_TODAY
from tests.web.conftest import make_client


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A file with Sam (an edited audit, an ongoing season) and Rosa (one audit)."""
    path = tmp_path / "web.db"
    store = open_store(path)
    try:
        store.import_archive(sample_archive(), file="sample")
    finally:
        store.close()
    return path


def _opened(db: Path) -> Iterator[Store]:
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def app_store(db: Path) -> Iterator[Store]:
    """The store the app itself writes through."""
    yield from _opened(db)


@pytest.fixture
def snapshots(app_store: Store, db: Path) -> Iterator[Snapshots]:
    """The app's readings over the file."""
    found = Snapshots(app_store, str(db))
    try:
        yield found
    finally:
        found.close()


@pytest.fixture
def other(db: Path) -> Iterator[Store]:
    """Another connection to the same file, as the CLI in another window has."""
    yield from _opened(db)


def _fresh(store: Store, db: Path) -> Overview:
    """The overview read from nothing, to compare the kept one with."""
    fresh = Snapshots(store, str(db))
    try:
        return fresh.overview(TODAY)
    finally:
        fresh.close()


def _state(overview: Overview, name: str) -> State:
    return next(r.status.overall.state for r in overview.rows if r.person.name == name)


def test_a_new_audit_from_another_connection_is_seen_at_once(
    snapshots: Snapshots, other: Store
) -> None:
    rosa = other.person("Rosa")
    assert _state(snapshots.overview(TODAY), "Rosa") is State.NOT_ENOUGH_HISTORY
    assert len(snapshots.relationship(rosa.id).audits) == 1

    for day in (dt.date(2025, 5, 1), dt.date(2025, 6, 1)):
        other.add_audit(mutual_audit(rosa.id, day))

    assert _state(snapshots.overview(TODAY), "Rosa") is State.MUTUAL
    assert len(snapshots.relationship(rosa.id).audits) == 3


def test_nothing_is_read_again_while_the_file_is_unchanged(
    snapshots: Snapshots, other: Store
) -> None:
    sam = other.person("Sam")
    first = snapshots.overview(TODAY)
    kept = snapshots.relationship(sam.id)

    assert snapshots.overview(TODAY) is first
    assert snapshots.relationship(sam.id) is kept


def test_a_change_to_one_relationship_reads_only_that_one_again(
    snapshots: Snapshots, other: Store
) -> None:
    sam, rosa = other.person("Sam"), other.person("Rosa")
    snapshots.overview(TODAY)
    sams, rosas = snapshots.relationship(sam.id), snapshots.relationship(rosa.id)

    other.add_shared_thing(SharedThing(new_id(), sam.id, "the exam"))
    other.save_draft(rosa.id, {"date": "2025-06-01"})
    snapshots.overview(TODAY)
    assert snapshots.relationship(sam.id) is sams
    assert snapshots.relationship(rosa.id) is rosas

    other.add_season(season(rosa.id, dt.date(2025, 4, 1), whose=Whose.ME))
    snapshots.overview(TODAY)
    assert snapshots.relationship(sam.id) is sams
    changed = snapshots.relationship(rosa.id)
    assert changed is not rosas
    assert len(changed.seasons) == len(rosas.seasons) + 1


def test_an_edited_audit_is_seen(snapshots: Snapshots, other: Store, db: Path) -> None:
    sam = other.person("Sam")
    before = snapshots.relationship(sam.id)
    latest = before.audits[-1]

    revised = other.revise_audit(
        strained_audit(sam.id, latest.date, audit_id=latest.id), expected_revision=latest.revision
    )

    after = snapshots.relationship(sam.id)
    assert after.audits[-1].revision == revised.revision
    assert after.audits[-1].overall.score == 2
    assert snapshots.overview(TODAY) == _fresh(other, db)


def test_an_import_replacing_an_audit_is_seen(snapshots: Snapshots, other: Store) -> None:
    rosa = other.person("Rosa")
    snapshots.overview(TODAY)
    archive = other.archive()
    item = next(a for a in archive.audits if a.audit.person_id == rosa.id)
    newer = strained_audit(
        rosa.id, item.audit.date, audit_id=item.audit.id, revision=item.audit.revision + 1
    )
    earlier = (EarlierRevision(item.audit.revision, item.updated_at, item.audit),)
    grown = replace(archive, audits=(replace(item, audit=newer, earlier=earlier),))

    other.import_archive(grown, file="grown.json")

    assert snapshots.relationship(rosa.id).audits == (newer,)
    row = next(r for r in snapshots.overview(TODAY).rows if r.person.id == rosa.id)
    assert row.overall == ((newer.date, 2),)


def test_a_changed_setting_reads_every_relationship_again(
    snapshots: Snapshots, other: Store, db: Path
) -> None:
    sam = other.person("Sam")
    before = snapshots.relationship(sam.id)
    other.add_audit(mutual_audit(sam.id, dt.date(2025, 5, 1)))
    other.add_audit(mutual_audit(sam.id, dt.date(2025, 6, 1)))
    assert _state(snapshots.overview(TODAY), "Sam") is State.MUTUAL

    other.set_setting("patterns.min_audits", 5)

    assert _state(snapshots.overview(TODAY), "Sam") is State.NOT_ENOUGH_HISTORY
    assert snapshots.relationship(sam.id) is not before
    assert snapshots.overview(TODAY) == _fresh(other, db)


def test_a_removed_relationship_leaves_and_a_renamed_one_is_renamed(
    snapshots: Snapshots, other: Store
) -> None:
    snapshots.overview(TODAY)
    other.remove_person("Rosa")
    other.rename_person("Sam", "Samuel")

    assert [r.person.name for r in snapshots.overview(TODAY).rows] == ["Samuel"]


def test_what_to_remember_is_seen_at_once(snapshots: Snapshots, other: Store) -> None:
    sam = other.person("Sam")
    assert snapshots.remembered().things == ()

    thing = other.add_shared_thing(SharedThing(new_id(), sam.id, "the exam", TODAY))
    assert snapshots.remembered().things == (thing,)

    other.complete_shared_thing(thing.id)
    assert snapshots.remembered().things == (replace(thing, done=True),)


def test_something_made_is_made_again_after_a_change_or_on_another_day(
    snapshots: Snapshots, other: Store
) -> None:
    made: list[int] = []

    def make() -> int:
        made.append(len(snapshots.overview(TODAY).rows))
        return len(made)

    assert snapshots.made("count", TODAY, make) == 1
    assert snapshots.made("count", TODAY, make) == 1
    assert snapshots.made("count", TODAY + dt.timedelta(days=1), make) == 2

    other.add_person("Mum", RelationshipKind.FAMILY)

    assert snapshots.made("count", TODAY + dt.timedelta(days=1), make) == 3
    assert made == [2, 2, 3]


def test_after_many_changes_the_kept_overview_is_the_one_read_from_nothing(
    snapshots: Snapshots, other: Store, db: Path
) -> None:
    sam, rosa = other.person("Sam"), other.person("Rosa")
    changes: list[Callable[[], object]] = [
        lambda: other.add_audit(strained_audit(rosa.id, dt.date(2025, 5, 1))),
        lambda: other.add_season(season(rosa.id, dt.date(2025, 4, 20))),
        lambda: other.add_audit(strained_audit(rosa.id, dt.date(2025, 6, 20))),
        lambda: other.add_audit(mutual_audit(sam.id, dt.date(2025, 6, 2))),
        lambda: other.set_setting("patterns.chronic_min_days", 30),
        lambda: other.remove_season(other.seasons(rosa.id)[0].id),
        lambda: other.set_rhythm("Sam", 1),
    ]
    for change in changes:
        snapshots.overview(TODAY)
        change()
        assert snapshots.overview(TODAY) == _fresh(other, db)
        for person in (sam, rosa):
            kept = snapshots.relationship(person.id)
            assert kept.audits == tuple(other.audits(person.id))
            assert kept.seasons == tuple(other.seasons(person.id))


def test_the_overview_page_shows_a_change_the_cli_made(db: Path, cli: Cli) -> None:
    with make_client(db) as client:
        assert "Mum" not in client.get("/").text
        cli.db = db
        assert cli("person", "add", "Mum", "--kind", "family").code == 0
        assert "Mum" in client.get("/").text


@pytest.mark.postgres
def test_on_a_server_everything_is_read_from_the_store(pg_schema: str) -> None:
    store = pg_store(pg_schema)
    try:
        store.import_archive(sample_archive(), file="sample")
        snapshots = Snapshots(store, "postgresql+psycopg://server/test")
        rosa = store.person("Rosa")
        assert len(snapshots.relationship(rosa.id).audits) == 1
        store.add_audit(mutual_audit(rosa.id, dt.date(2025, 5, 1)))
        assert len(snapshots.relationship(rosa.id).audits) == 2
        assert [r.audit_count for r in snapshots.overview(TODAY).rows] == [2, 1]
        thing = store.add_shared_thing(SharedThing(new_id(), rosa.id, "the exam"))
        assert snapshots.remembered().things == (thing,)
        made = snapshots.made("x", TODAY, lambda: len(snapshots.overview(TODAY).rows))
        assert made == 2
        snapshots.close()
    finally:
        store.close()


def test_what_is_drawn_from_a_reading_is_drawn_once_and_goes_with_it(
    snapshots: Snapshots, other: Store
) -> None:
    rosa = other.person("Rosa")
    drawn: list[int] = []

    def draw() -> int:
        drawn.append(1)
        return len(drawn)

    kept = snapshots.relationship(rosa.id)
    assert kept.derived(("chart", TODAY), draw) == 1
    assert snapshots.relationship(rosa.id).derived(("chart", TODAY), draw) == 1
    assert kept.derived(("chart", TODAY + dt.timedelta(days=1)), draw) == 2

    other.add_audit(mutual_audit(rosa.id, dt.date(2025, 5, 1)))

    assert snapshots.relationship(rosa.id).derived(("chart", TODAY), draw) == 3


def test_every_relationship_is_read_as_the_server_starts(db: Path) -> None:
    with make_client(db) as client:
        for thread in threading.enumerate():
            if thread.name == "reciprocity-warm-up":
                thread.join()
        snapshots: Snapshots = client.app.state.web.snapshots  # type: ignore[attr-defined]
        assert snapshots._overview is not None
        warm = snapshots._overview[1]
        assert [r.person.name for r in warm.rows] == ["Rosa", "Sam"]
        assert snapshots.overview(APP_TODAY) is warm
