"""Put a pattern reading into words: the facts behind each state, and gentle guidance.

Guidance suggests talking, a concrete picture, a boundary that protects the
person, gratitude, or letting oneself receive; never giving less.
"""

from __future__ import annotations

from collections.abc import Sequence

from reciprocity import messages
from reciprocity.core.model import Dimension, Lean
from reciprocity.core.patterns import (
    Point,
    Reading,
    RelationshipStatus,
    Role,
    Rule,
    State,
    gives_everywhere,
)
from reciprocity.core.seasons import Season

__all__ = [
    "describe_season",
    "explain_reading",
    "guidance",
    "overall_guidance",
    "role_words",
    "state_label",
]


def state_label(reading: Reading, role: Role | None = None) -> str:
    """The state in words, with who carries it, and the role when one is read."""
    label = messages.STATE_LABELS[reading.state]
    if reading.state is State.CHRONIC_IMBALANCE and reading.carried_by is not None:
        label += f", {messages.CARRIED_BY[reading.carried_by]}"
    if role is not None:
        label += f"; {role_words(role)}"
    return label


def role_words(role: Role) -> str:
    """Who carries more of which dimensions, in a few words."""
    return messages.STATUS_ROLE[role.giver].format(dimensions=_names(role.dimensions))


def describe_season(season: Season) -> str:
    """A season in a few words: whose, what, when."""
    values = {
        "whose": messages.WHOSE_SEASON[season.whose],
        "kind": messages.SEASON_KIND_BEFORE[season.kind],
        "start": season.start.isoformat(),
        "end": season.end.isoformat() if season.end else "",
    }
    template = messages.STATUS_SEASON_ONGOING if season.ongoing else messages.STATUS_SEASON
    return template.format(**values)


def _seasons(seasons: Sequence[Season]) -> str:
    return "; ".join(describe_season(s) for s in seasons)


def _point(point: Point, *, with_lean: bool = True) -> str:
    if not with_lean:
        return messages.STATUS_POINT_PLAIN.format(date=point.date.isoformat(), score=point.score)
    values = {
        "date": point.date.isoformat(),
        "score": point.score,
        "lean": messages.LEAN_PHRASES[point.lean or Lean.MUTUAL],
        "seasons": _seasons(point.seasons),
    }
    template = messages.STATUS_POINT_IN_SEASON if point.in_season else messages.STATUS_POINT
    return template.format(**values)


def _mean(points: Sequence[Point]) -> str:
    return f"{sum(p.score for p in points) / len(points):.1f}"


def _rule_sentence(reading: Reading) -> str:
    settings = reading.settings
    points = reading.points
    latest = points[-1] if points else None
    span = (points[-1].date - points[0].date).days if points else 0
    window = settings.trend_window
    values: dict[str, object] = {
        "date": latest.date.isoformat() if latest else "",
        "score": latest.score if latest else "",
        "count": len(points),
        "audits": messages.counted(len(points), "audit"),
        "days": span,
        "min_audits": settings.min_audits,
        "min_count": settings.chronic_min_audits,
        "min_days": settings.chronic_min_days,
        "low": settings.low_at_or_below,
        "history": settings.dip_history,
        "window": window,
        "change": f"{settings.trend_min_change:g}",
        "seasons": _seasons(reading.seasons),
    }
    if reading.rule in (Rule.RISING, Rule.FALLING):
        values["before"] = _mean(points[:window])
        values["recent"] = _mean(points[window:])
    return messages.RULE_TEXT[reading.rule].format(**values)


def explain_reading(reading: Reading) -> list[str]:
    """The rule that gave the state, then the audits it read (and seasons it set aside)."""
    lines = [_rule_sentence(reading)]
    # A mutual audit's lean is the small tilt of a 4; beside "mutual" it reads as a contradiction.
    with_lean = reading.rule is not Rule.MUTUAL
    lines.extend(_point(p, with_lean=with_lean) for p in reading.points)
    if reading.rule is Rule.CHRONIC and reading.seasons:
        lines.append(messages.STATUS_SET_ASIDE.format(seasons=_seasons(reading.seasons)))
    return lines


def _dimension_guidance(dimension: Dimension, reading: Reading) -> str | None:
    name = messages.DIMENSION_NAMES[dimension]
    carried = reading.carried_by
    if reading.state is State.CHRONIC_IMBALANCE and carried in messages.GUIDE_CHRONIC:
        return messages.GUIDE_CHRONIC[carried].format(dimension=name)
    if reading.state is State.DECLINING:
        return messages.GUIDE_DECLINING.format(dimension=name)
    if reading.rule is Rule.IN_SEASON and carried in messages.GUIDE_TEMPORARY:
        return messages.GUIDE_TEMPORARY[carried].format(dimension=name)
    return None


def _names(dimensions: Sequence[Dimension]) -> str:
    return ", ".join(messages.DIMENSION_NAMES[d] for d in dimensions)


def guidance(status: RelationshipStatus) -> list[str]:
    """Gentle suggestions for one relationship, from its readings."""
    chronic: dict[Lean, list[Dimension]] = {}
    for dimension, reading in status.dimensions:
        if reading.state is State.CHRONIC_IMBALANCE and reading.carried_by is not None:
            chronic.setdefault(reading.carried_by, []).append(dimension)
    lines = []
    if status.role is not None:
        lines.append(
            messages.GUIDE_ROLE[status.role.giver].format(dimensions=_names(status.role.dimensions))
        )
    elif len(chronic) == 2:
        lines.append(
            messages.GUIDE_COMPLEMENTARY.format(
                mine=_names(chronic[Lean.I_CARRY]), theirs=_names(chronic[Lean.THEY_CARRY])
            )
        )
    # A role or a complementary pattern already speaks for the chronic dimensions.
    spoken = set() if not lines else {d for ds in chronic.values() for d in ds}
    lines.extend(
        line
        for dimension, reading in status.dimensions
        if dimension not in spoken and (line := _dimension_guidance(dimension, reading)) is not None
    )
    if status.receiving_low:
        scores = ", ".join(str(a.self_check.receiving) for a in status.receiving_low)
        count = len(status.receiving_low)
        lines.append(messages.GUIDE_RECEIVING.format(count=count, scores=scores))
    return lines


def overall_guidance(statuses: Sequence[RelationshipStatus]) -> list[str]:
    """What the person's relationships say together (someone who gives everywhere ...)."""
    return [messages.GUIDE_GIVES_EVERYWHERE] if gives_everywhere(statuses) else []
