"""The computer's own time zone: where chat times become calendar days and periods."""

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
# Every change of a zone's offset falls on a quarter hour of its wall clock.
_BLOCK = 900
_DAY = 86_400


class WallClock:
    """UTC seconds of wall-clock times in one zone, fast for times that come in order.

    Exactly ``int(at.replace(tzinfo=zone).timestamp())``, but the zone's offset is
    looked up once per day of wall time when it is the same at the day's first and
    last quarter hour (every day but those of a change of summer time), and once
    per quarter hour on those days. A chat's million messages cost a few thousand
    look-ups, not a million (a look-up costs several times the rest).
    """

    def __init__(self, zone: dt.tzinfo) -> None:
        self._zone = zone
        self._day: int | None = None
        self._steady: dt.timedelta | None = None
        self._block: int | None = None
        self._offset = dt.timedelta(0)

    def _offset_at(self, wall_seconds: int) -> dt.timedelta:
        start = _EPOCH + dt.timedelta(seconds=wall_seconds)
        return start.replace(tzinfo=self._zone).utcoffset() or dt.timedelta(0)

    def seconds(self, at: dt.datetime) -> int:
        """The UTC seconds of a naive datetime read in the zone."""
        wall = at - _EPOCH
        if wall.days != self._day:
            self._day = wall.days
            first = self._offset_at(wall.days * _DAY)
            last = self._offset_at(wall.days * _DAY + _DAY - _BLOCK)
            self._steady = first if first == last else None
        offset = self._steady
        if offset is None:  # a day the clocks change: every change falls on a quarter hour
            block = (wall.days * _DAY + wall.seconds) // _BLOCK
            if block != self._block:
                self._offset = self._offset_at(block * _BLOCK)
                self._block = block
            offset = self._offset
        return int((wall - offset).total_seconds())


def zone_name(zone: dt.tzinfo) -> str | None:
    """The IANA name of a zone (``Europe/London``), or None for a bare offset."""
    if zone is dt.UTC:
        return "UTC"
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else None


def remembered_zone(imports: Sequence[EvidenceImport]) -> dt.tzinfo | None:
    """The zone the latest import that needed one read zoneless times in, if any.

    Reading the next export of the same chat in the same zone keeps its messages at
    the same moments, so an overlapping import recognises them.
    """
    import zoneinfo

    for record in reversed(imports):
        if record.zone is not None:
            try:
                return zoneinfo.ZoneInfo(record.zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                return None
    return None
