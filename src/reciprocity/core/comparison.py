"""Two perspectives on one relationship, side by side: where they agree, where they differ.

A difference in perception is a conversation to have, not a verdict: each one
becomes a question to talk about, and nothing here says whose view is right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reciprocity import messages
from reciprocity.core.invitation import Response
from reciprocity.core.model import Audit, Dimension, DimensionRating, Person

__all__ = [
    "AGREE_WITHIN",
    "Agreement",
    "Comparison",
    "DimensionComparison",
    "closest_audit",
    "compare",
    "comparison_text",
    "comparison_to_dict",
    "side_text",
]

# Scores this close (with the same lean) are one shared picture: a point either way is
# the noise of a felt rating, not a difference worth a conversation.
AGREE_WITHIN = 1


class Agreement(StrEnum):
    """How the two views of one dimension relate."""

    AGREE = "agree"
    DIFFER = "differ"
    # One of the two had no recent example, so there is nothing to set side by side.
    NOT_COMPARABLE = "not-comparable"


@dataclass(frozen=True)
class DimensionComparison:
    """Both views of one dimension, in the user's frame, and what to talk about."""

    dimension: Dimension
    mine: DimensionRating
    theirs: DimensionRating
    agreement: Agreement
    apart: int | None
    same_lean: bool
    question: str | None


@dataclass(frozen=True)
class Comparison:
    """The user's audit next to the other person's response."""

    person: Person
    audit_date: dt.date
    response_date: dt.date
    dimensions: tuple[DimensionComparison, ...]


def closest_audit(audits: Sequence[Audit], on: dt.date) -> Audit | None:
    """The audit closest in date to ``on`` (the later one when two are as close)."""
    if not audits:
        return None
    return min(audits, key=lambda a: (abs((a.date - on).days), -a.date.toordinal()))


def _compare_one(mine: DimensionRating, theirs: DimensionRating) -> DimensionComparison:
    dimension = mine.dimension
    if mine.score is None or theirs.score is None:
        return DimensionComparison(
            dimension,
            mine,
            theirs,
            Agreement.NOT_COMPARABLE,
            None,
            False,
            messages.COMPARE_QUESTION_NEITHER_EXAMPLE
            if mine.score is None and theirs.score is None
            else messages.COMPARE_QUESTION_NO_EXAMPLE,
        )
    apart = abs(mine.score - theirs.score)
    same_lean = mine.lean is theirs.lean
    if apart <= AGREE_WITHIN and same_lean:
        return DimensionComparison(dimension, mine, theirs, Agreement.AGREE, apart, True, None)
    question = (
        messages.COMPARE_QUESTION_SCORE[dimension]
        if same_lean
        else messages.COMPARE_QUESTION_LEAN[dimension]
    )
    return DimensionComparison(
        dimension, mine, theirs, Agreement.DIFFER, apart, same_lean, question
    )


def compare(person: Person, audit: Audit, response: Response) -> Comparison:
    """Set the user's audit and the other person's response side by side, per dimension."""
    rows = tuple(_compare_one(audit.rating(d), response.rating(d)) for d in Dimension)
    return Comparison(person, audit.date, response.date, rows)


def side_text(rating: DimensionRating) -> str:
    """One side of a dimension in words: its score and lean, or that there was no example."""
    if rating.score is None or rating.lean is None:
        return messages.COMPARE_NO_EXAMPLE
    return messages.COMPARE_SIDE.format(score=rating.score, lean=messages.LEAN_PHRASES[rating.lean])


def comparison_text(comparison: Comparison) -> str:
    """The comparison as plain text for the terminal."""
    name = comparison.person.name
    lines = [
        messages.COMPARE_TITLE.format(
            name=name, mine=comparison.audit_date, theirs=comparison.response_date
        ),
        messages.COMPARE_INTRO,
        "",
    ]
    for row in comparison.dimensions:
        lines.append(messages.DIMENSION_NAMES[row.dimension])
        for side, rating in (
            (messages.COMPARE_YOU.format(side=side_text(row.mine)), row.mine),
            (messages.COMPARE_THEM.format(name=name, side=side_text(row.theirs)), row.theirs),
        ):
            lines.append(side)
            if rating.example.strip():
                lines.append(messages.COMPARE_EXAMPLE.format(example=rating.example.strip()))
        if row.agreement is Agreement.AGREE:
            lines.append(messages.COMPARE_AGREE)
        elif row.agreement is Agreement.DIFFER:
            if row.same_lean:
                lines.append(
                    messages.COMPARE_APART.format(apart=messages.counted(row.apart or 0, "point"))
                )
            else:
                lines.append(
                    messages.COMPARE_LEANS_DIFFER.format(
                        apart=messages.counted(row.apart or 0, "point")
                    )
                )
        if row.question:
            lines.append(messages.COMPARE_TALK.format(question=row.question))
        lines.append("")
    return "\n".join(lines)


def _rating_dict(rating: DimensionRating) -> dict[str, Any]:
    return {
        "score": rating.score,
        "lean": rating.lean.value if rating.lean else None,
        "no_recent_example": rating.no_recent_example,
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison for scripts (leans in the user's frame); examples stay out of it."""
    return {
        "person": comparison.person.name,
        "audit_date": comparison.audit_date.isoformat(),
        "response_date": comparison.response_date.isoformat(),
        "dimensions": {
            row.dimension.value: {
                "mine": _rating_dict(row.mine),
                "theirs": _rating_dict(row.theirs),
                "agreement": row.agreement.value,
                "apart": row.apart,
                "same_lean": row.same_lean,
                "question": row.question,
            }
            for row in comparison.dimensions
        },
    }
