"""The seasons part of the store: mark, find, change and forget seasons of a relationship."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from reciprocity import messages
from reciprocity.core import Season
from reciprocity.errors import SeasonNotFoundError
from reciprocity.store.base import SEASON_ID_PREFIX_MIN, StoreBase
from reciprocity.store.rows import find_by_id_or_prefix, season_from_row, season_values
from reciprocity.store.schema import seasons

__all__ = ["SeasonStore"]


class SeasonStore(StoreBase):
    """Seasons: the stretches when a relationship legitimately leans one way for a while."""

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
