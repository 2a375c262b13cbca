"""The audit pages' live proposal: from the dimensions answered so far, or what it waits for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from reciprocity import messages
from reciprocity.core.audit import check_score, default_lean, lean_problem
from reciprocity.core.model import Dimension, DimensionRating
from reciprocity.core.proposal import explain_proposal, propose_overall_rating
from reciprocity.errors import InvalidInputError
from reciprocity.formats.codec import rating_from_dict

__all__ = ["live_proposal"]


def live_proposal(sections: Mapping[str, Any]) -> tuple[int | None, list[str]]:
    """The overall rating the answers so far propose, with its explanation.

    ``sections`` holds each dimension's answers as a draft keeps them. A dimension
    with a score but no direction yet is not guessed at: a low score reads very
    differently leaning one way or the other, so the proposal waits for it. A
    dimension answered in a way the audit refuses (a score out of range, a 5 that
    leans) is left out: its step says what is wrong.
    """
    ratings = []
    waiting = []
    for dimension in Dimension:
        read = _rating(dimension, sections.get(dimension.value))
        if read is _WAITING:
            waiting.append(messages.DIMENSION_NAMES[dimension.value])
        elif isinstance(read, DimensionRating):
            ratings.append(read)
    if waiting:
        return None, [messages.WEB_PROPOSAL_WAITING.format(dimensions=", ".join(waiting))]
    if not ratings:
        return None, []
    found = propose_overall_rating(ratings)
    return found.value, explain_proposal(found)


_WAITING = "waiting"


def _answers(section: object) -> dict[str, Any] | None:
    """A dimension's answers with its score as a number, or None if there is none to read."""
    if not isinstance(section, Mapping):
        return None
    data = dict(section)
    if isinstance(score := data.get("score"), str) and score.strip():
        try:
            data["score"] = int(score)  # a draft keeps what the form sent, as text
        except ValueError:
            return None
    if data.get("no_recent_example"):
        return data
    if data.get("score") in (None, ""):
        return None
    # The example is asked for on the step; the proposal needs only score and lean.
    data["example"] = data.get("example") or "-"
    return data


def _rating(dimension: Dimension, section: object) -> DimensionRating | str | None:
    """One dimension as the proposal can use it; ``_WAITING`` for a score without its lean."""
    data = _answers(section)
    try:
        rating = None if data is None else rating_from_dict(dimension, data)
    except InvalidInputError:
        rating = None
    if rating is None or rating.score is None:
        return rating
    lean = rating.lean or default_lean(rating.score)
    if check_score(rating.score, dimension.value) or (
        lean is not None and lean_problem(rating.score, lean, dimension.value)
    ):
        return None
    return _WAITING if lean is None else replace(rating, lean=lean)
