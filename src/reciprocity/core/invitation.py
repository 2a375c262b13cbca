"""An invitation to the other person to audit from their side, and the response it brings back.

The other person answers in their own frame: "i-carry" in their file means they
carry it. A response is turned into the user's frame as soon as it is read, so
everything after that (storage, comparison) speaks one frame only.

The integrity code ties a response to the invitation it answers: it is an HMAC
of the invitation's id under a secret kept in the database. It tells which
invitation a response belongs to and refuses one made up by hand; it is not a
signature of the answers against a determined forger (the code is in the page).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass

from reciprocity.core.model import Dimension, DimensionRating, Lean

__all__ = [
    "SECRET_BYTES",
    "Invitation",
    "Response",
    "code_matches",
    "integrity_code",
    "secret_is_well_formed",
    "to_users_frame",
]

# An invitation's secret is this many random bytes, written as lowercase hex (64 characters).
SECRET_BYTES = 32
_SECRET = re.compile(f"[0-9a-f]{{{SECRET_BYTES * 2}}}")


@dataclass(frozen=True)
class Invitation:
    """An invitation sent to the other person of a relationship.

    ``secret`` never goes into the invitation file, only the code made from it.
    It leaves the database only in the person's own full export, so that a
    restored database still recognises responses to invitations sent before.
    """

    id: str
    person_id: str
    created_at: dt.datetime
    secret: str

    @property
    def code(self) -> str:
        """The integrity code a response to this invitation carries."""
        return integrity_code(self.secret, self.id)


@dataclass(frozen=True)
class Response:
    """The other person's audit, already in the user's frame (``I_CARRY``: the user carries it).

    ``dimensions`` holds the four ratings in the order of :class:`Dimension`.
    """

    invitation_id: str
    person_id: str
    date: dt.date
    dimensions: tuple[DimensionRating, ...]

    def rating(self, dimension: Dimension) -> DimensionRating:
        """Their rating of one dimension."""
        for rating in self.dimensions:
            if rating.dimension is dimension:
                return rating
        raise KeyError(dimension)


def integrity_code(secret: str, invitation_id: str) -> str:
    """HMAC-SHA256 of the invitation id under the invitation's secret, as hex."""
    return hmac.new(secret.encode(), invitation_id.encode(), hashlib.sha256).hexdigest()


def secret_is_well_formed(secret: str) -> bool:
    """Whether ``secret`` looks like one reciprocity makes (an export carries it back)."""
    return _SECRET.fullmatch(secret) is not None


def code_matches(invitation: Invitation, code: str) -> bool:
    """Whether ``code`` is the integrity code of ``invitation`` (compared in constant time)."""
    return hmac.compare_digest(invitation.code, code)


_FLIPPED = {Lean.I_CARRY: Lean.THEY_CARRY, Lean.THEY_CARRY: Lean.I_CARRY, Lean.MUTUAL: Lean.MUTUAL}


def to_users_frame(rating: DimensionRating) -> DimensionRating:
    """A rating written from the other side, turned to the user's side (i-carry <-> they-carry)."""
    if rating.lean is None:
        return rating
    return DimensionRating(
        rating.dimension,
        rating.score,
        _FLIPPED[rating.lean],
        rating.example,
        rating.no_recent_example,
    )
