"""Put the messages an export wrote newest first, or in no set order, oldest first."""

from __future__ import annotations

from datetime import UTC, datetime
from operator import itemgetter

from reciprocity.evidence.model import ChatMessage

__all__ = ["oldest_first"]

_AT = itemgetter(0)


def oldest_first(held: list[ChatMessage], *, newest_first: bool | None = None) -> list[ChatMessage]:
    """The messages sorted by time, in place; returns ``held``.

    A list written newest first (as the format is known to write it, or, when
    ``newest_first`` is None, as its first message being later than its last shows)
    is turned round before sorting, so messages sent in the same millisecond come out
    in the order they were sent. The sort (stable) then only mends what is out of
    place; for a list already in order it is one pass.
    """
    if newest_first is None:
        newest_first = len(held) > 1 and _later(held[0].at, held[-1].at)
    if newest_first:
        held.reverse()
    try:
        held.sort(key=_AT)
    except TypeError:
        # Times with and without a zone in one file (a hand-made CSV): the ones
        # without are ordered as if they were UTC, which is as near as can be known.
        held.sort(key=_as_naive_utc)
    return held


def _later(first: datetime, last: datetime) -> bool:
    try:
        return first > last
    except TypeError:
        return _naive_utc(first) > _naive_utc(last)


def _as_naive_utc(message: ChatMessage) -> datetime:
    return _naive_utc(message.at)


def _naive_utc(at: datetime) -> datetime:
    return at if at.tzinfo is None else at.astimezone(UTC).replace(tzinfo=None)
