"""Propose an overall rating from the four dimensions, honouring mutual flow.

The rule, documented with worked examples in docs/proposal.md:

* Each rated dimension is as one-directional as ``5 - score`` (0 to 4).
* A dimension that leans towards me carrying it pulls one way, one that leans
  towards them carrying it pulls the other way. Pulls in opposite directions
  offset each other (``OFFSET_SHARE`` of the smaller side, from both sides):
  different kinds of giving count for both people.
* A dimension below 5 with no clear lean (``mutual``) cannot be offset; it
  lowers the proposal by its own amount.
* A dimension with no recent example is left out; it is never counted as low.
* The proposal is ``5 - (pulls - 2 * OFFSET_SHARE * smaller side + unoffsettable)
  / rated dimensions``, rounded half up and kept within 1..5.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reciprocity import messages
from reciprocity.core.model import MAX_SCORE, MIN_SCORE, DimensionRating, Lean

__all__ = [
    "OFFSET_SHARE",
    "Contribution",
    "Effect",
    "Proposal",
    "explain_proposal",
    "overall_lean",
    "propose_overall_rating",
]

# How much of the smaller of two opposite pulls is offset against each side.
# All of it would call two strained channels "roughly mutual"; none would count
# only identical giving. Three quarters keeps a strong complementary pattern
# (I reach out, they carry the crises) at the top while strain everywhere shows.
OFFSET_SHARE = 0.75

# At or below this, the explanation adds a word that a rating describes now, not forever.
_LOW = 2


class Effect(StrEnum):
    """What one dimension did to the proposal."""

    LEFT_OUT = "left-out"
    MUTUAL = "mutual"
    UNDIRECTED = "undirected"
    LEANS = "leans"


@dataclass(frozen=True)
class Contribution:
    """One dimension's part in the proposal.

    Attributes:
        rating: The dimension as rated.
        effect: How it entered the rule.
        lowers_by: How far it would lower the proposal on its own.
        offset_by: How much of that is offset by dimensions leaning the other way.
    """

    rating: DimensionRating
    effect: Effect
    lowers_by: float
    offset_by: float

    @property
    def net_lowers_by(self) -> float:
        """How far it lowers the proposal after offsetting."""
        return self.lowers_by - self.offset_by


@dataclass(frozen=True)
class Proposal:
    """A proposed overall rating and everything that produced it.

    ``value`` is ``None`` only when no dimension was rated, in which case the
    person gives the overall rating themselves.
    """

    value: int | None
    exact: float | None
    leans: Lean
    contributions: tuple[Contribution, ...]

    @property
    def has_offsets(self) -> bool:
        """Whether dimensions leaning opposite ways offset each other."""
        return any(c.offset_by > 0 for c in self.contributions)


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _amount(rating: DimensionRating) -> float:
    """How one-directional a rated dimension is: 0 for a 5, up to 4 for a 1."""
    assert rating.score is not None
    return float(MAX_SCORE - rating.score)


def _contribution(
    rating: DimensionRating, count: int, pull: dict[Lean, float], offset_total: float
) -> Contribution:
    if not rating.is_rated or rating.score is None:
        return Contribution(rating, Effect.LEFT_OUT, 0.0, 0.0)
    amount = _amount(rating)
    if amount == 0:
        return Contribution(rating, Effect.MUTUAL, 0.0, 0.0)
    if rating.lean is None or rating.lean not in pull:
        return Contribution(rating, Effect.UNDIRECTED, amount / count, 0.0)
    # What is offset is shared among the dimensions on one side in proportion to their amounts.
    share = OFFSET_SHARE * offset_total * amount / pull[rating.lean]
    return Contribution(rating, Effect.LEANS, amount / count, share / count)


def overall_lean(ratings: Iterable[DimensionRating]) -> Lean:
    """Which way the dimensions lean taken together (the proposal's ``leans``, computed alone)."""
    net = 0
    for rating in ratings:
        if rating.score is not None and rating.lean is Lean.I_CARRY:
            net += MAX_SCORE - rating.score
        elif rating.score is not None and rating.lean is Lean.THEY_CARRY:
            net -= MAX_SCORE - rating.score
    return Lean.I_CARRY if net > 0 else Lean.THEY_CARRY if net < 0 else Lean.MUTUAL


def propose_overall_rating(ratings: Iterable[DimensionRating]) -> Proposal:
    """Propose the overall rating of a relationship from its dimension ratings.

    Args:
        ratings: The dimensions of one audit, in any order.

    Returns:
        The proposal with one contribution per dimension, in the order given.

    Raises:
        ValueError: A score is outside 1..5 (check ratings first, as
            :func:`reciprocity.core.make_audit` does).
    """
    ratings = tuple(ratings)
    rated = [r for r in ratings if r.is_rated and r.score is not None]
    if any(not MIN_SCORE <= (r.score or 0) <= MAX_SCORE for r in rated):
        raise ValueError("scores must be checked (1 to 5) before a proposal is made")
    pull = {Lean.I_CARRY: 0.0, Lean.THEY_CARRY: 0.0}
    undirected = 0.0
    for rating in rated:
        if rating.lean in pull:
            pull[rating.lean] += _amount(rating)
        else:
            undirected += _amount(rating)
    offset_total = min(pull.values())
    contributions = tuple(_contribution(r, len(rated), pull, offset_total) for r in ratings)
    if not rated:
        return Proposal(None, None, Lean.MUTUAL, contributions)
    directed = sum(pull.values()) - 2 * OFFSET_SHARE * offset_total
    exact = MAX_SCORE - (directed + undirected) / len(rated)
    value = min(MAX_SCORE, max(MIN_SCORE, _round_half_up(exact)))
    return Proposal(value, exact, overall_lean(rated), contributions)


def _degree(amount: float) -> str:
    for threshold, words in messages.EXPLAIN_DEGREES:
        if amount >= threshold:
            return words
    return messages.EXPLAIN_DEGREES[-1][1]


def _describe(contribution: Contribution) -> str:
    rating = contribution.rating
    name = messages.DIMENSION_NAMES[rating.dimension]
    if contribution.effect is Effect.LEFT_OUT:
        return messages.EXPLAIN_LEFT_OUT.format(dimension=name)
    if contribution.effect is Effect.MUTUAL:
        return messages.EXPLAIN_MUTUAL.format(dimension=name)
    values = {
        "dimension": name,
        "score": rating.score,
        "lean": messages.LEAN_PHRASES[rating.lean or Lean.MUTUAL],
        "degree": _degree(contribution.net_lowers_by),
    }
    if contribution.effect is Effect.UNDIRECTED:
        return messages.EXPLAIN_UNDIRECTED.format(**values)
    if contribution.offset_by <= 0:
        return messages.EXPLAIN_LEANS.format(**values)
    # With OFFSET_SHARE below 1 an offset dimension always keeps part of its pull.
    return messages.EXPLAIN_PARTLY_OFFSET.format(**values)


def explain_proposal(proposal: Proposal) -> list[str]:
    """Say, line by line, how the proposal came about.

    The first line gives the proposal, then one line per dimension saying how
    it moved the proposal (in words; the amounts are in the contributions),
    then what the offsets and the overall lean mean.
    """
    if proposal.value is None or proposal.exact is None:
        return [messages.EXPLAIN_NOTHING_RATED]
    lines = [messages.EXPLAIN_HEADLINE.format(value=proposal.value)]
    lines.extend(_describe(c) for c in proposal.contributions)
    if proposal.has_offsets:
        lines.append(messages.EXPLAIN_OFFSETS_MEAN)
    lines.append(messages.EXPLAIN_OVERALL_LEAN[proposal.leans])
    if proposal.value <= _LOW:
        lines.append(messages.EXPLAIN_LOW_NOTE)
    return lines
