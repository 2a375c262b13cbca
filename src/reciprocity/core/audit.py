"""Put an audit together from answers, checking every rule a complete audit must meet."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from reciprocity import messages
from reciprocity.core.model import (
    MAX_SCORE,
    MIN_SCORE,
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    OverallRating,
    Reflection,
    SelfCheck,
)
from reciprocity.core.proposal import propose_overall_rating
from reciprocity.errors import InvalidInputError, Problem

__all__ = [
    "LEAN_NEEDED",
    "LEAN_ON_FIVE",
    "REFLECTION_THRESHOLD",
    "check_score",
    "default_lean",
    "lean_problem",
    "make_audit",
    "needs_reflection",
]

# A relationship rated at or below this asks for a picture or a boundary.
REFLECTION_THRESHOLD = 2

# At or below this score a dimension is clearly one-directional, so it must say which way.
_DIRECTED_BELOW = 4


def check_score(value: int | None, field: str) -> Problem | None:
    """Check that a score is a whole number from 1 to 5."""
    if value is None:
        return Problem(messages.ERR_SCORE_NEEDED, field)
    if isinstance(value, bool) or not MIN_SCORE <= value <= MAX_SCORE:
        return Problem(messages.ERR_SCORE_RANGE.format(value=value), field)
    return None


# The kinds of lean problem (Problem.kind), for faces that word them their own way.
LEAN_NEEDED = "lean-needed"
LEAN_ON_FIVE = "lean-on-five"


def default_lean(score: int) -> Lean | None:
    """The lean to assume when none is given: mutual for 4 and 5, none below."""
    return Lean.MUTUAL if score >= _DIRECTED_BELOW else None


def lean_problem(score: int, lean: Lean | None, field: str) -> Problem | None:
    """Check that a lean fits its score (a 5 is mutual; 1 to 3 lean one way)."""
    if score == MAX_SCORE and lean not in (None, Lean.MUTUAL):
        return Problem(messages.ERR_LEAN_ON_FIVE, field, kind=LEAN_ON_FIVE)
    if score < _DIRECTED_BELOW and lean in (None, Lean.MUTUAL):
        return Problem(messages.ERR_LEAN_NEEDED.format(score=score), field, kind=LEAN_NEEDED)
    return None


def needs_reflection(overall_score: int) -> bool:
    """Whether a relationship rated this low asks for a picture or a boundary."""
    return overall_score <= REFLECTION_THRESHOLD


def _dimension_problems(rating: DimensionRating) -> list[Problem]:
    key = rating.dimension.value
    if not rating.is_rated:
        return []
    score_problem = check_score(rating.score, f"{key}.score")
    if score_problem or rating.score is None:
        return [score_problem] if score_problem else []
    problems = []
    lean = lean_problem(rating.score, rating.lean, f"{key}.lean")
    if lean:
        problems.append(lean)
    if not rating.example.strip():
        problems.append(Problem(messages.ERR_EXAMPLE_NEEDED, f"{key}.example"))
    return problems


def _reflection_problems(score: int, reflection: Reflection | None) -> list[Problem]:
    if not needs_reflection(score):
        return []
    if reflection is None:
        return [Problem(messages.ERR_REFLECTION_NEEDED.format(score=score), "reflection")]
    problems = []
    if not reflection.text.strip():
        problems.append(Problem(messages.ERR_REFLECTION_TEXT, "reflection.text"))
    if not reflection.first_step.strip():
        problems.append(Problem(messages.ERR_FIRST_STEP, "reflection.first_step"))
    return problems


def _text_problems(
    ratings: list[DimensionRating],
    self_check: SelfCheck,
    reason: str,
    reflection: Reflection | None,
) -> list[Problem]:
    # A NUL cannot be stored in every database; nobody types one on purpose.
    texts = {f"{r.dimension.value}.example": r.example for r in ratings}
    texts |= {"self.giving_note": self_check.giving_note}
    texts |= {"self.receiving_note": self_check.receiving_note, "overall.reason": reason}
    if reflection is not None:
        texts |= {
            "reflection.text": reflection.text,
            "reflection.first_step": reflection.first_step,
        }
    return [Problem(messages.ERR_TEXT_CONTROL, f) for f, text in texts.items() if "\x00" in text]


def make_audit(
    *,
    audit_id: str,
    person_id: str,
    on: date,
    today: date,
    dimensions: Mapping[Dimension, DimensionRating],
    self_check: SelfCheck,
    overall_score: int | None,
    overall_reason: str = "",
    reflection: Reflection | None = None,
    revision: int = 1,
) -> Audit:
    """Build a complete audit, or say everything that keeps it from being one.

    The overall rating defaults to the proposal; a lean left out on a 4 or a 5
    becomes ``mutual``.

    Raises:
        InvalidInputError: With one located problem per broken rule.
    """
    problems: list[Problem] = []
    if on > today:
        problems.append(Problem(messages.ERR_DATE_IN_FUTURE.format(date=on), "date"))
    ratings = []
    for dimension in Dimension:
        rating = dimensions.get(dimension)
        if rating is None:
            problems.append(Problem(messages.ERR_DIMENSION_MISSING, dimension.value))
            continue
        if rating.is_rated and rating.score is not None and rating.lean is None:
            lean = default_lean(rating.score)
            rating = DimensionRating(dimension, rating.score, lean, rating.example)
        problems.extend(_dimension_problems(rating))
        ratings.append(rating)
    for value, field in (
        (self_check.giving, "self.giving"),
        (self_check.receiving, "self.receiving"),
    ):
        problem = check_score(value, field)
        if problem:
            problems.append(problem)

    problems.extend(_text_problems(ratings, self_check, overall_reason, reflection))
    # The proposal is only made from dimensions that passed their checks.
    proposal = propose_overall_rating([] if problems else ratings)
    score = overall_score if overall_score is not None else proposal.value
    if score is None:
        if not problems:
            problems.append(Problem(messages.ERR_OVERALL_NEEDED, "overall.score"))
    elif problem := check_score(score, "overall.score"):
        problems.append(problem)
    else:
        problems.extend(_reflection_problems(score, reflection))
    if problems or score is None:
        raise InvalidInputError(problems)
    return Audit(
        id=audit_id,
        person_id=person_id,
        date=on,
        dimensions=tuple(ratings),
        self_check=self_check,
        overall=OverallRating(score=score, proposed=proposal.value, reason=overall_reason),
        reflection=reflection,
        revision=revision,
    )
