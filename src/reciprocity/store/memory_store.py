"""The memory part of the store: important dates, things shared, and how care lands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Row, Table, delete, insert, select, update

from reciprocity import messages
from reciprocity.core.memory import CarePreferences, ImportantDate, SharedThing
from reciprocity.errors import MemoryNotFoundError
from reciprocity.store.base import SEASON_ID_PREFIX_MIN, StoreBase
from reciprocity.store.decode import in_calendar_order
from reciprocity.store.rows import (
    care_from_row,
    care_values,
    date_from_row,
    date_values,
    find_by_id_or_prefix,
    thing_from_row,
    thing_values,
)
from reciprocity.store.schema import care_preferences, important_dates, shared_things

__all__ = ["MemoryStore"]


class MemoryStore(StoreBase):
    """What the person keeps in mind about each relationship: a memory aid, never a ledger."""

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
