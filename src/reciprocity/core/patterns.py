"""Read the pattern over time: one state per dimension and per relationship, with its reasons.

An audit is a snapshot; these rules read the sequence. The thresholds are the
fields of :class:`PatternSettings`, whose defaults are the named constants below;
docs/patterns.md gives the reasoning for each. There are no population norms
here: every state is read from the person's own audits and seasons only.

The rules, in the order they are tried:

1. The latest audit is low and inside a season that explains its lean:
   temporary asymmetry.
2. Fewer than ``min_audits`` audits: not enough history.
3. The latest audit is low after ``dip_history`` mutual audits: temporary
   asymmetry (a recent dip after a mutual history).
4. The mean of the last ``trend_window`` audits differs from the mean of the
   ``trend_window`` before them by at least ``trend_min_change``: improving or
   declining.
5. The latest audits outside seasons are low and lean the same way, at least
   ``chronic_min_audits`` of them spanning at least ``chronic_min_days``:
   chronic imbalance, carried by whoever they lean towards.
6. The latest audit is mutual: mutual.
7. The last ``min_audits`` audits lean one way, then the other: mutual, taking
   turns (over time it flows both ways; different seasons, different givers).
8. Otherwise (low, but not yet for long enough): not enough history.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from statistics import fmean
from typing import Any

from reciprocity import messages
from reciprocity.core.model import MAX_SCORE, Audit, Dimension, Lean
from reciprocity.core.proposal import overall_lean
from reciprocity.core.seasons import Season
from reciprocity.errors import InvalidInputError, Problem

__all__ = [
    "CHRONIC_MIN_AUDITS",
    "CHRONIC_MIN_DAYS",
    "DEFAULT_SETTINGS",
    "DIP_HISTORY",
    "LOW_AT_OR_BELOW",
    "MIN_AUDITS",
    "MUTUAL_AT_OR_ABOVE",
    "RECEIVING_LOW_AT_OR_BELOW",
    "ROLE_MIN_DIMENSIONS",
    "SETTING_KEYS",
    "TREND_MIN_CHANGE",
    "TREND_WINDOW",
    "PatternSettings",
    "Point",
    "Reading",
    "RelationshipStatus",
    "Role",
    "Rule",
    "State",
    "gives_everywhere",
    "read_points",
    "relationship_status",
    "settings_from",
    "unknown_setting",
]

# How many audits it takes before any pattern is read at all.
MIN_AUDITS = 3
# A chronic imbalance: low and leaning the same way in at least this many audits ...
CHRONIC_MIN_AUDITS = 3
# ... spanning at least this many days (about six months), outside seasons.
CHRONIC_MIN_DAYS = 180
# A score at or below this leans one way (the audit asks for a direction from 3 down).
LOW_AT_OR_BELOW = 3
# A score at or above this is mutual or nearly so.
MUTUAL_AT_OR_ABOVE = 4
# Trends compare the mean of the last TREND_WINDOW audits with the TREND_WINDOW before them.
TREND_WINDOW = 2
# ... and call it a trend when the means differ by at least this many points.
TREND_MIN_CHANGE = 1.0
# A single low audit after this many mutual ones is a dip, not yet a pattern.
DIP_HISTORY = 2
# The person's own openness to receiving is low at or below this ...
RECEIVING_LOW_AT_OR_BELOW = 2
# ... and a role is read when at least this many dimensions lean chronically the same way.
ROLE_MIN_DIMENSIONS = 2


@dataclass(frozen=True)
class PatternSettings:
    """The thresholds of the pattern rules; the defaults are the named constants."""

    min_audits: int = MIN_AUDITS
    chronic_min_audits: int = CHRONIC_MIN_AUDITS
    chronic_min_days: int = CHRONIC_MIN_DAYS
    low_at_or_below: int = LOW_AT_OR_BELOW
    mutual_at_or_above: int = MUTUAL_AT_OR_ABOVE
    trend_window: int = TREND_WINDOW
    trend_min_change: float = TREND_MIN_CHANGE
    dip_history: int = DIP_HISTORY
    receiving_low_at_or_below: int = RECEIVING_LOW_AT_OR_BELOW
    role_min_dimensions: int = ROLE_MIN_DIMENSIONS


DEFAULT_SETTINGS = PatternSettings()

# The settings a person may change, under these keys, with the range that makes sense:
# fewer than two audits cannot show a pattern, a chronic imbalance needs at least two
# audits to be a pattern at all, and nothing is read over more than ten years.
_RANGES: dict[str, tuple[float, float]] = {
    "min_audits": (2, 50),
    "chronic_min_audits": (2, 50),
    "chronic_min_days": (1, 3650),
    "low_at_or_below": (1, MAX_SCORE),
    "mutual_at_or_above": (1, MAX_SCORE),
    "trend_window": (1, 20),
    "trend_min_change": (0.1, MAX_SCORE - 1),
    "dip_history": (1, 50),
    "receiving_low_at_or_below": (1, MAX_SCORE),
    "role_min_dimensions": (1, 4),
}
SETTING_KEYS: dict[str, tuple[str, float, float]] = {
    f"patterns.{f.name}": (f.name, *_RANGES[f.name]) for f in fields(PatternSettings)
}


def unknown_setting(key: str) -> Problem | None:
    """The problem with a setting's key, if it is not one of ``SETTING_KEYS``."""
    if key in SETTING_KEYS:
        return None
    known = ", ".join(sorted(SETTING_KEYS))
    return Problem(messages.ERR_SETTING_UNKNOWN.format(known=known), key)


def settings_from(overrides: Mapping[str, object]) -> PatternSettings:
    """Pattern settings with a person's overrides (keys as in ``SETTING_KEYS``).

    Raises:
        InvalidInputError: A key is unknown, or a value is not a number at least
            its minimum (whole numbers for counts and days).
    """
    problems = []
    values: dict[str, Any] = {}
    for key, raw in overrides.items():
        if unknown := unknown_setting(key):
            problems.append(unknown)
            continue
        name, minimum, maximum = SETTING_KEYS[key]
        whole = isinstance(getattr(DEFAULT_SETTINGS, name), int)
        number = _number(raw, whole=whole)
        if number is None or not minimum <= number <= maximum:
            message = messages.ERR_SETTING_VALUE.format(
                kind=messages.WHOLE_NUMBER if whole else messages.NUMBER,
                minimum=f"{minimum:g}",
                maximum=f"{maximum:g}",
            )
            problems.append(Problem(message, key))
            continue
        values[name] = number
    if problems:
        raise InvalidInputError(problems)
    chosen = replace(DEFAULT_SETTINGS, **values)
    if chosen.low_at_or_below >= chosen.mutual_at_or_above:
        key = next(
            (k for k in overrides if k.endswith(("low_at_or_below", "mutual_at_or_above"))),
            "patterns.low_at_or_below",
        )
        raise InvalidInputError([Problem(messages.ERR_SETTING_LOW_MUTUAL, key)])
    return chosen


# A whole number as typed: ASCII digits with an optional sign (not "+-3", not "²").
_WHOLE = re.compile(r"[+-]?[0-9]+")


def _number(raw: object, *, whole: bool) -> int | float | None:
    if isinstance(raw, bool):
        return None
    if whole:
        # "2.0" or "1e3" for a count of audits is a slip to point out, not to round.
        if isinstance(raw, int):
            return raw
        text = str(raw).strip()
        return int(text) if _WHOLE.fullmatch(text) else None
    try:
        number = float(str(raw)) if not isinstance(raw, int | float) else raw
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return float(number)


class State(StrEnum):
    """Where a dimension or a relationship stands, read over time."""

    MUTUAL = "mutual"
    TEMPORARY_ASYMMETRY = "temporary-asymmetry"
    CHRONIC_IMBALANCE = "chronic-imbalance"
    IMPROVING = "improving"
    DECLINING = "declining"
    NOT_ENOUGH_HISTORY = "not-enough-history"


class Rule(StrEnum):
    """Which rule produced a state (each has its explanation in the catalogue)."""

    NO_AUDITS = "no-audits"
    IN_SEASON = "in-season"
    TOO_FEW_AUDITS = "too-few-audits"
    RECENT_DIP = "recent-dip"
    RISING = "rising"
    FALLING = "falling"
    CHRONIC = "chronic"
    MUTUAL = "mutual"
    TAKING_TURNS = "taking-turns"
    LOW_NOT_YET_CHRONIC = "low-not-yet-chronic"


@dataclass(frozen=True)
class Point:
    """One audit's score for what is being read, with the seasons that explain its lean."""

    audit_id: str
    date: dt.date
    score: int
    lean: Lean | None
    seasons: tuple[Season, ...] = ()

    @property
    def in_season(self) -> bool:
        """Whether a season explains this audit's lean."""
        return bool(self.seasons)


@dataclass(frozen=True)
class Reading:
    """A state and the facts that produced it.

    Attributes:
        state: The state.
        rule: The rule that gave it.
        points: The audits the rule looked at, oldest first.
        carried_by: Who carries it, for a chronic imbalance or a temporary asymmetry.
        seasons: The seasons involved (explaining a point, or set aside by the rule).
        settings: The thresholds in force.
    """

    state: State
    rule: Rule
    points: tuple[Point, ...] = ()
    carried_by: Lean | None = None
    seasons: tuple[Season, ...] = ()
    settings: PatternSettings = field(default=DEFAULT_SETTINGS, compare=False)


@dataclass(frozen=True)
class Role:
    """One person chronically in the giving role across dimensions of a relationship."""

    giver: Lean
    dimensions: tuple[Dimension, ...]


@dataclass(frozen=True)
class RelationshipStatus:
    """Everything read about one relationship.

    Attributes:
        overall: The reading of the overall ratings.
        dimensions: One reading per dimension, in the order of the audit.
        role: Set when one side chronically carries several dimensions.
        receiving_low: The latest audits in which the person rated their own
            openness to receiving low (empty unless that is the pattern).
    """

    overall: Reading
    dimensions: tuple[tuple[Dimension, Reading], ...]
    role: Role | None
    receiving_low: tuple[Audit, ...]

    def reading(self, dimension: Dimension) -> Reading:
        """The reading of one dimension."""
        return dict(self.dimensions)[dimension]


def _explaining(seasons: Iterable[Season], day: dt.date, lean: Lean | None) -> tuple[Season, ...]:
    return tuple(s for s in seasons if s.covers(day) and s.explains(lean))


def read_points(
    audits: Iterable[Audit], seasons: Sequence[Season], dimension: Dimension | None
) -> list[Point]:
    """The points a rule reads: one per audit that rated ``dimension`` (or overall), by date."""
    points = []
    for audit in sorted(audits, key=lambda a: a.date):
        if dimension is None:
            score = audit.overall.score
            lean: Lean | None = overall_lean(audit.dimensions)
        else:
            rating = audit.rating(dimension)
            if rating.score is None:
                continue
            score, lean = rating.score, rating.lean
        points.append(
            Point(audit.id, audit.date, score, lean, _explaining(seasons, audit.date, lean))
        )
    return points


def _trailing_low_run(points: Sequence[Point], settings: PatternSettings) -> list[Point]:
    """The latest low points that lean the same way, oldest first.

    The run stops at an audit a season explains: time inside a season never counts
    towards a chronic imbalance, so the span is measured outside seasons only.
    """
    run: list[Point] = []
    for point in reversed(points):
        low = point.score <= settings.low_at_or_below
        directed = point.lean in (Lean.I_CARRY, Lean.THEY_CARRY)
        if point.in_season or not (low and directed) or (run and point.lean is not run[0].lean):
            break
        run.append(point)
    return run[::-1]


def _set_aside(points: Sequence[Point], run: Sequence[Point]) -> tuple[Season, ...]:
    """The seasons whose audits the chronic rule skipped: during the run, or just before it.

    "Just before" is what shows a season that ended while the lean did not.
    """
    first = points.index(run[0])
    skipped = [p for p in points[first:] if p.in_season]
    for point in reversed(points[:first]):
        if not point.in_season:
            break
        skipped.append(point)
    seasons: dict[str, Season] = {}
    for point in sorted(skipped, key=lambda p: p.date):
        seasons.update((s.id, s) for s in point.seasons)
    return tuple(seasons.values())


def _trend(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    window = settings.trend_window
    # A season's audits are not a trend: leave them out of both windows.
    points = [p for p in points if not p.in_season]
    if len(points) < 2 * window:
        return None
    before, recent = points[-2 * window : -window], points[-window:]
    change = fmean(p.score for p in recent) - fmean(p.score for p in before)
    if abs(change) < settings.trend_min_change:
        return None
    state, rule = (State.IMPROVING, Rule.RISING) if change > 0 else (State.DECLINING, Rule.FALLING)
    return Reading(state, rule, tuple(points[-2 * window :]), settings=settings)


def _in_season(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    latest = points[-1]
    if latest.score > settings.low_at_or_below or not latest.in_season:
        return None
    return Reading(
        State.TEMPORARY_ASYMMETRY, Rule.IN_SEASON, (latest,), latest.lean, latest.seasons, settings
    )


def _too_few(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    if len(points) >= settings.min_audits:
        return None
    return Reading(State.NOT_ENOUGH_HISTORY, Rule.TOO_FEW_AUDITS, tuple(points), settings=settings)


def _recent_dip(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    latest = points[-1]
    history = points[-1 - settings.dip_history : -1]
    if (
        latest.score > settings.low_at_or_below
        or len(history) < settings.dip_history
        or any(p.score < settings.mutual_at_or_above for p in history)
    ):
        return None
    return Reading(
        State.TEMPORARY_ASYMMETRY,
        Rule.RECENT_DIP,
        (*history, latest),
        latest.lean,
        settings=settings,
    )


def _qualifies(run: Sequence[Point], settings: PatternSettings) -> bool:
    span = (run[-1].date - run[0].date).days if run else 0
    return len(run) >= settings.chronic_min_audits and span >= settings.chronic_min_days


def _chronic(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    run = _trailing_low_run(points, settings)
    latest = points[-1]
    if not (run and run[-1] is latest and _qualifies(run, settings)):
        # One low audit leaning the other way does not undo a long stretch before it.
        before = _trailing_low_run(points[:-1], settings)
        if latest.score > settings.low_at_or_below or latest.in_season:
            return None
        if not (before and before[-1] is points[-2] and _qualifies(before, settings)):
            return None
        run = [*before, latest]
    return Reading(
        State.CHRONIC_IMBALANCE,
        Rule.CHRONIC,
        tuple(run),
        run[0].lean,
        _set_aside(points, run),
        settings,
    )


def _mutual(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    if points[-1].score < settings.mutual_at_or_above:
        return None
    return Reading(State.MUTUAL, Rule.MUTUAL, (points[-1],), settings=settings)


def _taking_turns(points: Sequence[Point], settings: PatternSettings) -> Reading | None:
    recent = points[-settings.min_audits :]
    directed = (Lean.I_CARRY, Lean.THEY_CARRY)
    # Mild leans (nothing below the low mark) that change side at every audit.
    alternating = all(
        a.lean in directed and b.lean in directed and a.lean is not b.lean
        for a, b in itertools.pairwise(recent)
    )
    if not alternating or any(p.score < settings.low_at_or_below for p in recent):
        return None
    return Reading(State.MUTUAL, Rule.TAKING_TURNS, tuple(recent), settings=settings)


def _low_not_yet_chronic(points: Sequence[Point], settings: PatternSettings) -> Reading:
    run = _trailing_low_run(points, settings)
    latest = points[-1]
    shown = tuple(run) if run and run[-1] is latest else (latest,)
    return Reading(
        State.NOT_ENOUGH_HISTORY, Rule.LOW_NOT_YET_CHRONIC, shown, latest.lean, settings=settings
    )


# The rules in the order they are tried (see the module's docstring); the first that
# applies gives the state.
_RULES = (_in_season, _too_few, _recent_dip, _trend, _chronic, _mutual, _taking_turns)


def _read(points: Sequence[Point], settings: PatternSettings) -> Reading:
    if not points:
        return Reading(State.NOT_ENOUGH_HISTORY, Rule.NO_AUDITS, settings=settings)
    for rule in _RULES:
        reading = rule(points, settings)
        if reading is not None:
            return reading
    return _low_not_yet_chronic(points, settings)


def _role(
    dimensions: Sequence[tuple[Dimension, Reading]], settings: PatternSettings
) -> Role | None:
    chronic: dict[Lean, list[Dimension]] = {}
    for dimension, reading in dimensions:
        if reading.state is State.CHRONIC_IMBALANCE and reading.carried_by is not None:
            chronic.setdefault(reading.carried_by, []).append(dimension)
    if len(chronic) != 1:
        return None  # nothing chronic, or chronic both ways: neither is only giving
    ((giver, carried),) = chronic.items()
    if len(carried) < settings.role_min_dimensions:
        return None
    return Role(giver, tuple(carried))


def _receiving_low(audits: Sequence[Audit], settings: PatternSettings) -> tuple[Audit, ...]:
    recent = sorted(audits, key=lambda a: a.date)[-settings.min_audits :]
    if len(recent) < settings.min_audits:
        return ()
    limit = settings.receiving_low_at_or_below
    if all(a.self_check.receiving <= limit for a in recent):
        return tuple(recent)
    return ()


def relationship_status(
    audits: Sequence[Audit],
    seasons: Sequence[Season],
    settings: PatternSettings = DEFAULT_SETTINGS,
) -> RelationshipStatus:
    """Read one relationship: its overall state, each dimension's, roles and receiving.

    Args:
        audits: The relationship's audits, in any order.
        seasons: The relationship's seasons.
        settings: The thresholds.
    """
    dimensions = tuple((d, _read(read_points(audits, seasons, d), settings)) for d in Dimension)
    return RelationshipStatus(
        overall=_read(read_points(audits, seasons, None), settings),
        dimensions=dimensions,
        role=_role(dimensions, settings),
        receiving_low=_receiving_low(audits, settings),
    )


def gives_everywhere(statuses: Sequence[RelationshipStatus]) -> bool:
    """Whether the person chronically gives in several relationships and rarely receives.

    True when at least two relationships show the person in the giving role and
    at least two show their openness to receiving low.
    """
    giving = sum(1 for s in statuses if s.role is not None and s.role.giver is Lean.I_CARRY)
    closed = sum(1 for s in statuses if s.receiving_low)
    several = 2
    return giving >= several and closed >= several
