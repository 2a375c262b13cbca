"""The audit pages' live proposal: from the dimensions answered so far, or what it waits for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from reciprocity import messages
from reciprocity.core.audit import default_lean, lean_problem
from reciprocity.core.model import Dimension
from reciprocity.core.proposal import explain_proposal, propose_overall_rating
from reciprocity.errors import InvalidInputError
from reciprocity.formats.codec import rating_from_dict

__all__ = ["live_proposal"]


def live_proposal(sections: Mapping[str, Any]) -> tuple[int | None, list[str]]:
    """The overall rating the answers so far propose, with its explanation.

    ``sections`` holds each dimension's answers as a draft keeps them. A dimension
    with a score but no direction yet is not guessed at: a low score reads very
    differently leaning one way or the other, so the proposal waits for it.
    """
    ratings = []
    waiting = []
    for dimension in Dimension:
        section = sections.get(dimension.value)
        if not isinstance(section, Mapping):
            continue
        data = dict(section)
        if isinstance(score := data.get("score"), str) and score.isdigit():
            data["score"] = int(score)  # a draft keeps what the form sent, as text
        if not data.get("no_recent_example"):
            if data.get("score") in (None, ""):
                continue
            # The example is asked for on the step; the proposal needs only score and lean.
            data["example"] = data.get("example") or "-"
        try:
            rating = rating_from_dict(dimension, data)
        except InvalidInputError:
            waiting.append(messages.DIMENSION_NAMES[dimension.value])
            continue
        if rating.score is not None:
            lean = rating.lean or default_lean(rating.score)
            if lean is None or lean_problem(rating.score, lean, dimension.value):
                waiting.append(messages.DIMENSION_NAMES[dimension.value])
                continue
            rating = replace(rating, lean=lean)
        ratings.append(rating)
    if waiting:
        return None, [messages.WEB_PROPOSAL_WAITING.format(dimensions=", ".join(waiting))]
    if not ratings:
        return None, []
    found = propose_overall_rating(ratings)
    return found.value, explain_proposal(found)
