"""The response file the invitation page downloads: read it, check it, turn it to the user's side.

Documented in docs/conversation.md. Every problem comes back located by its
field (``dimensions.depth.score``); nothing is stored until the whole file is
known to be good, and whether it answers an invitation made here is checked by
the store, inside the transaction that saves it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from pydantic import Field, StrictInt, ValidationError

from reciprocity import messages
from reciprocity.core.audit import check_score, default_lean, lean_problem
from reciprocity.core.invitation import Response, to_users_frame
from reciprocity.core.model import Dimension, DimensionRating
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.codec import StrictModel, pydantic_problems, rating_from_dict

__all__ = [
    "RESPONSE_FORMAT",
    "RESPONSE_VERSION",
    "ReceivedResponse",
    "parse_response",
    "rating_from_response",
]

RESPONSE_FORMAT = "reciprocity-response"
RESPONSE_VERSION = 1

_ID = Field(min_length=1, max_length=36, pattern=r"^[^\x00-\x1f\x7f]+$")


class _ResponseIn(StrictModel):
    format: str
    version: StrictInt
    invitation: str = _ID
    person: str = _ID
    code: str = Field(min_length=1, max_length=128)
    date: dt.date
    dimensions: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class ReceivedResponse:
    """A response as read from its file: the answers (in the user's frame) and its code."""

    response: Response
    code: str


def _header_problem(data: Any) -> Problem | None:
    if not isinstance(data, dict) or data.get("format") != RESPONSE_FORMAT:
        return Problem(messages.ERR_NOT_A_RESPONSE, "format")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > RESPONSE_VERSION:
        message = messages.ERR_NEWER_RESPONSE.format(found=version, supported=RESPONSE_VERSION)
        return Problem(message, "version")
    return None


def rating_from_response(
    dimension: Dimension, data: dict[str, Any] | None, *, prefix: str = "dimensions."
) -> DimensionRating | list[Problem]:
    """One dimension of a response, checked like an audit's (but with no overall rating).

    The rules do not depend on the frame, so a response file (their side) and an
    export (already turned to the user's side) are checked alike; the lean is
    returned as written.

    Args:
        dimension: The dimension the table rates.
        data: The table as read from the file; ``None`` when the file has none.
        prefix: Put before the dimension's name in each problem: ``dimensions.`` in a
            response file, ``responses[2].`` in an export.

    Returns:
        The rating, or every problem found, each with its field.
    """
    field = f"{prefix}{dimension.value}"
    if data is None:
        return [Problem(messages.ERR_DIMENSION_MISSING, field)]
    try:
        rating = rating_from_dict(dimension, data)
    except InvalidInputError as error:
        return [p.under(prefix) for p in error.problems]
    if not rating.is_rated:
        return rating
    score_problem = check_score(rating.score, f"{field}.score")
    if score_problem or rating.score is None:
        return [score_problem] if score_problem else []
    lean = rating.lean or default_lean(rating.score)
    problems = []
    if problem := lean_problem(rating.score, lean, f"{field}.lean"):
        problems.append(problem)
    if not rating.example.strip():
        problems.append(Problem(messages.ERR_EXAMPLE_NEEDED, f"{field}.example"))
    if "\x00" in rating.example:
        problems.append(Problem(messages.ERR_TEXT_CONTROL, f"{field}.example"))
    if problems or lean is None:
        return problems
    return DimensionRating(dimension, rating.score, lean, rating.example)


def parse_response(text: str, *, file: str, today: dt.date) -> ReceivedResponse:
    """Read and check a whole response file, and turn its leans to the user's side.

    Args:
        text: The file's text.
        file: Its name, to locate problems.
        today: Dates after the day after this are refused (the other person
            may live a time zone ahead).

    Raises:
        InvalidFileError: Every problem in the file, each with its field.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(messages.ERR_JSON_SYNTAX.format(detail=error.msg), line=error.lineno)
        raise InvalidFileError([problem], file=file) from error
    if header := _header_problem(data):
        raise InvalidFileError([header], file=file)
    try:
        raw = _ResponseIn.model_validate(data)
    except ValidationError as error:
        raise InvalidFileError(pydantic_problems(error), file=file) from error
    problems = [
        Problem(messages.ERR_UNKNOWN_KEY, f"dimensions.{key}")
        for key in raw.dimensions
        if key not in {d.value for d in Dimension}
    ]
    if raw.date > today + dt.timedelta(days=1):
        problems.append(Problem(messages.ERR_RESPONSE_DATE_FUTURE.format(date=raw.date), "date"))
    ratings = []
    for dimension in Dimension:
        found = rating_from_response(dimension, raw.dimensions.get(dimension.value))
        if isinstance(found, list):
            problems.extend(found)
        else:
            ratings.append(to_users_frame(found))
    if problems:
        raise InvalidFileError(problems, file=file)
    response = Response(raw.invitation, raw.person, raw.date, tuple(ratings))
    return ReceivedResponse(response, raw.code)
