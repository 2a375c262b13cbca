"""The computer's own time zone: where chat times become calendar days and periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reciprocity.core.evidence import EvidenceImport

__all__ = ["local_zone", "remembered_zone", "zone_name"]


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
