"""Everything a person has stored, as values: what export writes and import reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from reciprocity.core.invitation import Invitation, Response
from reciprocity.core.memory import CarePreferences, ImportantDate, SharedThing
from reciprocity.core.model import Audit, Person
from reciprocity.core.seasons import Season

__all__ = ["Archive", "ArchivedAudit", "ArchivedPerson", "ArchivedResponse", "EarlierRevision"]


@dataclass(frozen=True)
class ArchivedPerson:
    """A relationship and when it was added."""

    person: Person
    created_at: dt.datetime


@dataclass(frozen=True)
class EarlierRevision:
    """A version of an audit that a later edit replaced; kept so history never silently changes."""

    revision: int
    saved_at: dt.datetime
    audit: Audit


@dataclass(frozen=True)
class ArchivedAudit:
    """An audit in its current revision, with its earlier ones, oldest first."""

    audit: Audit
    created_at: dt.datetime
    updated_at: dt.datetime
    earlier: tuple[EarlierRevision, ...] = ()


@dataclass(frozen=True)
class ArchivedResponse:
    """The other person's answers to an invitation, with their id and when they arrived.

    The answers are in the user's frame, as they were stored when the response was imported.
    """

    id: str
    response: Response
    received_at: dt.datetime


@dataclass(frozen=True)
class Archive:
    """Everything a person stored, each kind in a stable order (by id), and the settings.

    People, audits, seasons, what to remember, invitations and the responses they brought back.
    """

    people: tuple[ArchivedPerson, ...]
    audits: tuple[ArchivedAudit, ...]
    seasons: tuple[Season, ...] = ()
    settings: Mapping[str, object] = field(default_factory=dict)
    important_dates: tuple[ImportantDate, ...] = ()
    shared_things: tuple[SharedThing, ...] = ()
    care_preferences: tuple[CarePreferences, ...] = ()
    invitations: tuple[Invitation, ...] = ()
    responses: tuple[ArchivedResponse, ...] = ()
