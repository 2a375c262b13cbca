"""The computer's own time zone: where chat times become calendar days and periods."""

from __future__ import annotations

import datetime as dt

__all__ = ["local_zone"]


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
