"""The settings part of the store: the thresholds a person changed, and back to the defaults."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, delete, insert, select, update

from reciprocity.core.patterns import PatternSettings, settings_from, unknown_setting
from reciprocity.errors import InvalidInputError
from reciprocity.store.base import StoreBase
from reciprocity.store.decode import pattern_settings_from, settings_from_rows
from reciprocity.store.schema import settings as settings_table

__all__ = ["SettingsStore"]


class SettingsStore(StoreBase):
    """The person's settings, by key; a key never set has its default."""

    def settings(self) -> dict[str, object]:
        """The settings the person changed, by key (those not here have their defaults)."""
        with self._read() as connection:
            return self._settings(connection)

    @staticmethod
    def _settings(connection: Connection) -> dict[str, object]:
        return settings_from_rows(
            connection.execute(select(settings_table.c.key, settings_table.c.value))
        )

    def pattern_settings(self) -> PatternSettings:
        """The thresholds of the pattern rules, with the person's changes."""
        return pattern_settings_from(self.settings())

    def set_setting(self, key: str, value: object) -> None:
        """Change one setting (checked first: nothing is saved if the value is refused)."""
        self.set_settings({key: value})

    def set_settings(self, changes: Mapping[str, object], *, resets: Iterable[str] = ()) -> None:
        """Change several settings at once: all are saved, or none if any is refused.

        Args:
            changes: New values by key.
            resets: Keys put back to their defaults in the same transaction (checked
                together with the changes: a change may only make sense with a reset).

        Raises:
            InvalidInputError: Every refused value, each at its key.
        """
        back = list(resets)
        problems = [p for key in back if (p := unknown_setting(key))]
        if problems:
            raise InvalidInputError(problems)
        with self._write() as connection:
            stored = {k: v for k, v in self._settings(connection).items() if k not in back}
            settings_from({**stored, **changes})
            if back:
                connection.execute(delete(settings_table).where(settings_table.c.key.in_(back)))
            now = self._clock()
            for key, value in changes.items():
                values = {"value": json.dumps(value), "updated_at": now}
                changed = connection.execute(
                    update(settings_table).where(settings_table.c.key == key).values(**values)
                )
                if changed.rowcount == 0:
                    connection.execute(insert(settings_table).values(key=key, **values))

    def reset_setting(self, key: str) -> None:
        """Put one setting back to its default (refused if the others then make no sense)."""
        self.set_settings({}, resets=[key])
