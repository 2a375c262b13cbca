"""Difficult stretches in a chat: presence during seasons, and distress offered as seasons.

A season the person marked is a stretch to look at: the share of its days the one not
in the season was in touch, against their share of ordinary days. Weeks in which one
side's messages read as distress well above their own usual share are joined into
candidate stretches the person may confirm as seasons; nothing is marked for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from reciprocity.core.indicator_values import Candidate, CrisisReading
from reciprocity.core.seasons import Season, Whose

__all__ = [
    "DISTRESS_PER_WEEK",
    "DISTRESS_RISE",
    "MIN_STRETCH_DAYS",
    "candidate_stretches",
    "crisis_readings",
]

# A stretch of a season needs this many days of chat around it to compare anything.
MIN_STRETCH_DAYS = 7
# A week is marked for one person when at least this many of their messages read as
# distress, and a share of their messages at least DISTRESS_RISE times their usual share.
DISTRESS_PER_WEEK = 3
DISTRESS_RISE = 2.0


def crisis_readings(
    seasons: Sequence[Season],
    contact: tuple[set[int], set[int]],
    first: dt.date | None,
    last: dt.date | None,
    today: dt.date,
) -> tuple[CrisisReading, ...]:
    """Presence in each season the chat covers: the share of its days each side was in touch.

    ``contact`` holds the local days each side wrote (index 0 the other, 1 the person).
    """
    if first is None or last is None:
        return ()
    low, high = first.toordinal(), last.toordinal()
    stretches = []
    in_seasons: set[int] = set()
    for season in seasons:
        begin = max(season.start.toordinal(), low)
        finish = min((season.end or today).toordinal(), high)
        if finish - begin + 1 >= MIN_STRETCH_DAYS:
            stretches.append((season, begin, finish))
        in_seasons.update(range(begin, finish + 1))
    ordinary = high - low + 1 - len(in_seasons)
    usual = [
        len(days - in_seasons) / ordinary if ordinary > 0 else 0.0 for days in contact
    ]  # index 0: them, 1: me
    readings = []
    for season, begin, finish in stretches:
        span = finish - begin + 1

        def share(
            days: set[int], begin: int = begin, finish: int = finish, span: int = span
        ) -> float:
            return sum(1 for d in range(begin, finish + 1) if d in days) / span

        readings.append(
            CrisisReading(
                season=season,
                days=span,
                me=share(contact[1]) if season.whose in (Whose.THEM, Whose.BOTH) else None,
                them=share(contact[0]) if season.whose in (Whose.ME, Whose.BOTH) else None,
                usual_me=usual[1],
                usual_them=usual[0],
            )
        )
    return tuple(readings)


def _rises(count: int, written: int, usual: float) -> bool:
    """Whether this many distress messages of this many written stand out from the usual."""
    return count >= DISTRESS_PER_WEEK and count / written >= DISTRESS_RISE * usual


def candidate_stretches(
    weeks: tuple[dict[int, int], dict[int, int]],
    weekly: tuple[dict[int, int], dict[int, int]],
    seasons: Sequence[Season],
    today: dt.date,
    *,
    days: tuple[Mapping[int, Sequence[int]], Mapping[int, Sequence[int]]] | None = None,
) -> tuple[Candidate, ...]:
    """Stretches where one side's distress rises above their usual, that no season covers.

    ``weeks`` counts each side's messages reading as distress per week (local day // 7),
    ``weekly`` all their messages per week. ``days``, when given, holds per side and week
    the first and last day (ordinal) with distress: a stretch then runs from its first
    such day to its last, not from the start of its first week to the end of its last.
    """
    found = []
    for side, whose in ((1, Whose.ME), (0, Whose.THEM)):
        written = sum(weekly[side].values())
        usual = sum(weeks[side].values()) / written if written else 0.0
        counts, written_in = weeks[side], weekly[side]
        chosen = {w for w, n in counts.items() if _rises(n, written_in[w], usual)}
        # A hard few days can straddle two calendar weeks (Saturday to Tuesday): two
        # weeks in a row that rise together count as one stretch.
        for week in counts:
            if week + 1 in counts and _rises(
                counts[week] + counts[week + 1], written_in[week] + written_in[week + 1], usual
            ):
                chosen.update((week, week + 1))
        marked = sorted(chosen)
        runs: list[list[int]] = []
        for week in marked:
            if runs and week - runs[-1][1] <= 2:
                runs[-1][1] = week
            else:
                runs.append([week, week])
        spans = days[side] if days is not None else {}
        for first, last in runs:
            start = dt.date.fromordinal(max(spans.get(first, (first * 7,))[0], 1))
            end = dt.date.fromordinal(spans.get(last, (0, last * 7 + 6))[1])
            covered = any(
                s.whose in (whose, Whose.BOTH) and s.start <= end and (s.end or today) >= start
                for s in seasons
            )
            if not covered:
                found.append(Candidate(whose, start, min(end, today)))
    return tuple(sorted(found, key=lambda c: (c.start, c.whose)))
