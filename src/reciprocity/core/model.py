"""The values of the Reciprocity Audit: people, dimensions, ratings and audits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = [
    "MAX_SCORE",
    "MIN_SCORE",
    "Audit",
    "Dimension",
    "DimensionRating",
    "Lean",
    "OverallRating",
    "Person",
    "Reflection",
    "ReflectionKind",
    "RelationshipKind",
    "SelfCheck",
]

MIN_SCORE = 1
MAX_SCORE = 5


class Dimension(StrEnum):
    """The four dimensions an audit looks at, in the order they are asked."""

    INITIATION = "initiation"
    DEPTH = "depth"
    CRISIS = "crisis"
    MAINTENANCE = "maintenance"


class Lean(StrEnum):
    """Which way a dimension leans when it is not mutual."""

    I_CARRY = "i-carry"
    THEY_CARRY = "they-carry"
    MUTUAL = "mutual"


class RelationshipKind(StrEnum):
    """What the relationship is to the person doing the audit."""

    PARTNER = "partner"
    FRIEND = "friend"
    FAMILY = "family"
    COLLEAGUE = "colleague"
    OTHER = "other"


class ReflectionKind(StrEnum):
    """What a reflection for a low-rated relationship describes."""

    PICTURE = "picture"
    BOUNDARY = "boundary"


@dataclass(frozen=True)
class Person:
    """A relationship the user chose to look at, named after the other person.

    ``rhythm_months`` is how often it is audited (``None``: the default rhythm).
    """

    id: str
    name: str
    kind: RelationshipKind
    rhythm_months: int | None = None


@dataclass(frozen=True)
class DimensionRating:
    """How mutual one dimension felt in the period of an audit.

    ``score`` and ``lean`` are ``None`` exactly when there was no recent
    example (no crisis in the period, say), which is not a low score.
    """

    dimension: Dimension
    score: int | None
    lean: Lean | None
    example: str = ""
    no_recent_example: bool = False

    @classmethod
    def rated(cls, dimension: Dimension, score: int, lean: Lean, example: str) -> DimensionRating:
        """A dimension with a score, a lean and what actually happened."""
        return cls(dimension, score, lean, example)

    @classmethod
    def without_example(cls, dimension: Dimension, note: str = "") -> DimensionRating:
        """A dimension with nothing recent to go on; ``note`` may say why."""
        return cls(dimension, None, None, note, no_recent_example=True)

    @property
    def is_rated(self) -> bool:
        """Whether this dimension carries a score."""
        return not self.no_recent_example


@dataclass(frozen=True)
class SelfCheck:
    """The self-awareness part: my own giving and my openness to receiving."""

    giving: int
    receiving: int
    giving_note: str = ""
    receiving_note: str = ""


@dataclass(frozen=True)
class OverallRating:
    """The rating of the relationship as a whole.

    ``proposed`` is what the tool proposed from the dimensions (``None`` when
    nothing was rated); ``score`` is what the person settled on.
    """

    score: int
    proposed: int | None
    reason: str = ""

    @property
    def overridden(self) -> bool:
        """Whether the person chose a different rating than the proposal."""
        return self.proposed is not None and self.score != self.proposed


@dataclass(frozen=True)
class Reflection:
    """For a relationship rated 1 or 2: the pattern to build or the boundary to set."""

    kind: ReflectionKind
    text: str
    first_step: str


@dataclass(frozen=True)
class Audit:
    """One snapshot of one relationship.

    ``revision`` counts the saved versions of this audit, starting at 1; the
    store keeps the earlier ones when an audit is edited.
    """

    id: str
    person_id: str
    date: date
    dimensions: tuple[DimensionRating, ...]
    self_check: SelfCheck
    overall: OverallRating
    reflection: Reflection | None = None
    revision: int = 1

    def rating(self, dimension: Dimension) -> DimensionRating:
        """The rating of one dimension."""
        for rating in self.dimensions:
            if rating.dimension is dimension:
                return rating
        raise KeyError(dimension)
