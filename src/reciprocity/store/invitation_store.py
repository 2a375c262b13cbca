"""The invitations part of the store: invitations made here and the answers they bring back."""

from __future__ import annotations

import secrets

from reciprocity.core.invitation import SECRET_BYTES, Invitation, Response
from reciprocity.store.base import StoreBase, new_id
from reciprocity.store.invitations import attach_response, insert_invitation, latest_response

__all__ = ["InvitationStore"]


class InvitationStore(StoreBase):
    """Invitations to the other person of a relationship, and their responses."""

    def add_invitation(self, person_id: str) -> Invitation:
        """Make and store a new invitation (with its own secret) for a relationship."""
        invitation = Invitation(new_id(), person_id, self._clock(), secrets.token_hex(SECRET_BYTES))
        with self._write() as connection:
            insert_invitation(connection, invitation)
        return invitation

    def import_response(self, response: Response, code: str, *, file: str) -> bool:
        """Store a response to an invitation made here; ``False`` if it was already here.

        Raises:
            InvalidFileError: It answers no invitation here, the code does not
                match, or different answers to that invitation are stored.
        """
        with self._write() as connection:
            return attach_response(
                connection, response, code, response_id=new_id(), now=self._clock(), file=file
            )

    def latest_response(self, person_id: str) -> Response | None:
        """The most recent answers the other person of a relationship sent back."""
        with self._read() as connection:
            return latest_response(connection, person_id)
