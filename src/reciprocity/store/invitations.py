"""Invitations and the responses they bring back, inside the caller's transaction.

A response is tied to its invitation by the integrity code; one invitation has
at most one response, so importing the same file twice changes nothing and
different answers to one invitation are refused rather than silently replacing
the first. An export carries both, secret included, so a restored database still
takes the responses to the invitations it made before.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Row, insert, select

from reciprocity import messages
from reciprocity.core.archive import ArchivedResponse
from reciprocity.core.invitation import Invitation, Response, code_matches
from reciprocity.core.model import Dimension, DimensionRating, Lean
from reciprocity.errors import InvalidFileError, Problem
from reciprocity.store.schema import invitations, responses

__all__ = [
    "archived_invitations",
    "archived_responses",
    "attach_response",
    "insert_invitation",
    "insert_response",
    "invitation_from_row",
    "latest_response",
    "response_from_row",
]


def insert_invitation(connection: Connection, invitation: Invitation) -> None:
    """Store a new invitation."""
    connection.execute(
        insert(invitations).values(
            id=invitation.id,
            person_id=invitation.person_id,
            created_at=invitation.created_at,
            secret=invitation.secret,
        )
    )


def _dimensions_json(response: Response) -> str:
    data: dict[str, Any] = {}
    for rating in response.dimensions:
        data[rating.dimension.value] = {
            "score": rating.score,
            "lean": rating.lean.value if rating.lean else None,
            "example": rating.example,
            "no_recent_example": rating.no_recent_example,
        }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def invitation_from_row(row: Row[Any]) -> Invitation:
    """An invitation from its stored row."""
    return Invitation(row.id, row.person_id, row.created_at, row.secret)


def response_from_row(row: Row[Any]) -> Response:
    """A response from its stored row (its dimensions are kept as JSON, in the user's frame)."""
    data = json.loads(row.dimensions)
    ratings = []
    for dimension in Dimension:
        item = data[dimension.value]
        lean = Lean(item["lean"]) if item["lean"] else None
        ratings.append(
            DimensionRating(
                dimension, item["score"], lean, item["example"], item["no_recent_example"]
            )
        )
    return Response(row.invitation_id, row.person_id, row.response_date, tuple(ratings))


def attach_response(
    connection: Connection,
    response: Response,
    code: str,
    *,
    response_id: str,
    now: dt.datetime,
    file: str,
) -> bool:
    """Store a response after checking it answers an invitation made here.

    Returns:
        ``True`` if it was stored, ``False`` if the very same response was already here.

    Raises:
        InvalidFileError: No such invitation, another relationship, a code that
            does not match, or different answers to the same invitation.
    """
    row = connection.execute(
        select(invitations).where(invitations.c.id == response.invitation_id)
    ).first()
    if row is None:
        problem = Problem(messages.ERR_RESPONSE_UNKNOWN_INVITATION, "invitation")
        raise InvalidFileError([problem], file=file)
    invitation = invitation_from_row(row)
    if not code_matches(invitation, code):
        raise InvalidFileError([Problem(messages.ERR_RESPONSE_CODE, "code")], file=file)
    if invitation.person_id != response.person_id:
        raise InvalidFileError([Problem(messages.ERR_RESPONSE_WRONG_PERSON, "person")], file=file)
    stored = connection.execute(
        select(responses).where(responses.c.invitation_id == invitation.id)
    ).first()
    if stored is not None:
        if response_from_row(stored) == response:
            return False
        raise InvalidFileError([Problem(messages.ERR_RESPONSE_CONFLICT, "invitation")], file=file)
    insert_response(connection, ArchivedResponse(response_id, response, now))
    return True


def insert_response(connection: Connection, archived: ArchivedResponse) -> None:
    """Store a response with its id and arrival time (its invitation is already stored)."""
    response = archived.response
    connection.execute(
        insert(responses).values(
            id=archived.id,
            invitation_id=response.invitation_id,
            person_id=response.person_id,
            response_date=response.date,
            dimensions=_dimensions_json(response),
            received_at=archived.received_at,
        )
    )


def archived_invitations(connection: Connection) -> tuple[Invitation, ...]:
    """Every invitation, by id (what an export writes)."""
    rows = connection.execute(select(invitations).order_by(invitations.c.id))
    return tuple(invitation_from_row(row) for row in rows)


def archived_responses(connection: Connection) -> tuple[ArchivedResponse, ...]:
    """Every response, by id, with when it arrived (what an export writes)."""
    rows = connection.execute(select(responses).order_by(responses.c.id))
    return tuple(ArchivedResponse(row.id, response_from_row(row), row.received_at) for row in rows)


def latest_response(connection: Connection, person_id: str) -> Response | None:
    """The most recent response of a relationship (by its date, then when it arrived)."""
    row = connection.execute(
        select(responses)
        .where(responses.c.person_id == person_id)
        .order_by(responses.c.response_date.desc(), responses.c.received_at.desc())
        .limit(1)
    ).first()
    return None if row is None else response_from_row(row)
