"""Time zones of chat times: the computer's own, the one an export was read in, fast reading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reciprocity.core.evidence import EvidenceImport

__all__ = ["WallClock", "local_zone", "remembered_zone", "zone_name"]


def local_zone() -> dt.tzinfo:
    """This computer's time zone with its summer-time rules, for calendar days and periods.

    Read from ``TZ`` or the ``/etc/localtime`` link; where neither names a zone, today's
    offset (right except across a change of summer time).
    """
    import os
    import zoneinfo

    key = os.environ.get("TZ", "").lstrip(":")
    if not key:
        target = os.path.realpath("/etc/localtime")
        key = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.datetime.now().astimezone().tzinfo or dt.UTC


_EPOCH = dt.datetime(1970, 1, 1)
_DAY = 86_400
_EPOCH_ORDINAL = _EPOCH.toordinal()


class WallClock:
    """UTC seconds of wall-clock times in one zone, fast for times that come in order.

    Exactly ``int(at.replace(tzinfo=zone).timestamp())``. On a day whose offset is the
    same at its first and its last second (every day but those the clocks change) the
    offset is looked up once and kept; on the others each time is converted on its own.
    A chat's million messages cost a few thousand look-ups, not a million (a look-up
    costs several times the rest).
    """

    def __init__(self, zone: dt.tzinfo) -> None:
        self._zone = zone
        self._day: int | None = None
        # The day's offset in seconds, east of UTC; None on a day the clocks change.
        self._steady: int | None = None

    def _offset_at(self, wall_seconds: int) -> dt.timedelta | None:
        start = _EPOCH + dt.timedelta(seconds=wall_seconds)
        return start.replace(tzinfo=self._zone).utcoffset()

    def seconds(self, at: dt.datetime) -> int:
        """The UTC seconds of a naive datetime read in the zone."""
        # Whole numbers from the date's ordinal and the clock: a timedelta per message
        # cost more than the rest together.
        day = at.toordinal() - _EPOCH_ORDINAL
        if day != self._day:
            self._day = day
            first = self._offset_at(day * _DAY)
            last = self._offset_at(day * _DAY + _DAY - 1)
            self._steady = (
                int(first.total_seconds()) if first is not None and first == last else None
            )
        if self._steady is None:  # a day the clocks change: exactly, one by one
            return int(at.replace(tzinfo=self._zone).timestamp())
        seconds = day * _DAY + at.hour * 3600 + at.minute * 60 + at.second - self._steady
        if seconds < 0 and at.microsecond:
            return seconds + 1  # as int() of the timestamp: towards zero, before 1970
        return seconds


def zone_name(zone: dt.tzinfo) -> str | None:
    """The IANA name of a zone (``Europe/London``), or None for a bare offset."""
    if zone is dt.UTC:
        return "UTC"
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else None


def remembered_zone(
    imports: Sequence[EvidenceImport], *, file_name: str | None = None
) -> dt.tzinfo | None:
    """The zone to read an export's zoneless times in, as the earlier imports did.

    The latest import of a file of the same name (a newer export of the same chat)
    when there is one, else the relationship's first import that needed a zone: a
    one-off ``--timezone`` for another file does not become everyone's default.
    """
    import zoneinfo

    zoned = [r for r in imports if r.zone is not None]
    same = [r for r in zoned if file_name is not None and r.file_name == file_name]
    chosen = same[-1] if same else (zoned[0] if zoned else None)
    if chosen is None or chosen.zone is None:
        return None
    try:
        return zoneinfo.ZoneInfo(chosen.zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
