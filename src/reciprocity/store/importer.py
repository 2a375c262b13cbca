"""Import an archive into the store: plan against what is stored, then apply, in one transaction.

People, audits, seasons, what to remember, invitations and responses are matched by id,
so importing the same archive twice changes nothing. An audit stored at a lower revision
is replaced (its earlier revisions come from the archive); at the same revision with
different answers it is a conflict. Anything else already stored stays as it is. A
response must answer an invitation stored or in the archive, made for its relationship.
A conflict stops the whole import before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from sqlalchemy import Connection, delete, insert, select

from reciprocity import messages
from reciprocity.core import Archive, ArchivedAudit, ArchivedPerson, Audit, Season
from reciprocity.core.archive import ArchivedResponse
from reciprocity.core.invitation import Invitation
from reciprocity.core.memory import CarePreferences, ImportantDate, SharedThing
from reciprocity.core.people import name_key, name_problem
from reciprocity.errors import Problem
from reciprocity.store.invitations import (
    insert_invitation,
    insert_response,
    invitation_from_row,
    response_from_row,
)
from reciprocity.store.rows import (
    audit_values,
    care_values,
    date_values,
    insert_dimensions,
    insert_revision,
    load_audits,
    season_values,
    thing_values,
)
from reciprocity.store.schema import (
    audits,
    care_preferences,
    important_dates,
    invitations,
    people,
    responses,
    seasons,
    shared_things,
)
from reciprocity.store.schema import settings as settings_table

__all__ = ["ImportReport", "apply_import", "plan_import"]


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    people_added: int
    audits_added: int
    audits_updated: int
    people_unchanged: int
    audits_unchanged: int
    seasons_added: int
    seasons_unchanged: int
    settings_added: int = 0
    remembered_added: int = 0
    remembered_unchanged: int = 0
    invitations_added: int = 0
    invitations_unchanged: int = 0
    responses_added: int = 0
    responses_unchanged: int = 0

    def summary(self, file: str) -> list[str]:
        """What the import did, in the sentences every face shows."""
        lines = [
            messages.IMPORTED.format(
                file=file,
                people_added=messages.counted(self.people_added, "relationship"),
                audits_added=messages.counted(self.audits_added, "audit"),
                audits_updated=self.audits_updated,
                people_unchanged=self.people_unchanged,
                audits_unchanged=self.audits_unchanged,
                seasons_added=messages.counted(self.seasons_added, "season"),
                seasons_unchanged=self.seasons_unchanged,
            )
        ]
        if self.remembered_added or self.remembered_unchanged:
            lines.append(
                messages.IMPORTED_REMEMBERED.format(
                    added=self.remembered_added, unchanged=self.remembered_unchanged
                )
            )
        conversation = {
            "invitations_added": self.invitations_added,
            "invitations_unchanged": self.invitations_unchanged,
            "responses_added": self.responses_added,
            "responses_unchanged": self.responses_unchanged,
        }
        if any(conversation.values()):
            lines.append(messages.IMPORTED_CONVERSATION.format(**conversation))
        return lines


@dataclass
class ImportPlan:
    """What an import will do, decided before anything is written."""

    problems: list[Problem] = field(default_factory=list)
    new_people: list[ArchivedPerson] = field(default_factory=list)
    new_audits: list[ArchivedAudit] = field(default_factory=list)
    replaced_audits: list[ArchivedAudit] = field(default_factory=list)
    new_seasons: list[Season] = field(default_factory=list)
    new_settings: dict[str, object] = field(default_factory=dict)
    new_dates: list[ImportantDate] = field(default_factory=list)
    new_things: list[SharedThing] = field(default_factory=list)
    new_care: list[CarePreferences] = field(default_factory=list)
    new_invitations: list[Invitation] = field(default_factory=list)
    new_responses: list[ArchivedResponse] = field(default_factory=list)
    remembered_unchanged: int = 0
    invitations_unchanged: int = 0
    responses_unchanged: int = 0
    people_unchanged: int = 0
    audits_unchanged: int = 0
    seasons_unchanged: int = 0
    names: dict[str, str] = field(default_factory=dict)

    def known_person(self, person_id: str, where: str) -> bool:
        """Whether a person is stored or added by the file; if not, note the problem."""
        if person_id in self.names:
            return True
        message = messages.ERR_UNKNOWN_PERSON_ID.format(person_id=person_id)
        self.problems.append(Problem(message, f"{where}.person_id"))
        return False

    def first_time(self, item_id: str, seen: set[str], where: str) -> bool:
        """Note an id; an id met before in the same file is a problem."""
        if item_id in seen:
            self.problems.append(Problem(messages.ERR_DUPLICATE_ID.format(id=item_id), where))
            return False
        seen.add(item_id)
        return True

    def report(self) -> ImportReport:
        """The counts to tell the person."""
        return ImportReport(
            people_added=len(self.new_people),
            audits_added=len(self.new_audits),
            audits_updated=len(self.replaced_audits),
            people_unchanged=self.people_unchanged,
            audits_unchanged=self.audits_unchanged,
            seasons_added=len(self.new_seasons),
            seasons_unchanged=self.seasons_unchanged,
            settings_added=len(self.new_settings),
            remembered_added=len(self.new_dates) + len(self.new_things) + len(self.new_care),
            remembered_unchanged=self.remembered_unchanged,
            invitations_added=len(self.new_invitations),
            invitations_unchanged=self.invitations_unchanged,
            responses_added=len(self.new_responses),
            responses_unchanged=self.responses_unchanged,
        )


def _plan_people(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    stored = {row.id: row for row in connection.execute(select(people))}
    # Names in use: those stored, then those of the people this file adds.
    holders = {row.name_key: row.id for row in stored.values()}
    plan.names = {row.id: row.name for row in stored.values()}
    seen: set[str] = set()
    for index, item in enumerate(archive.people):
        person = item.person
        field = f"people[{index}].name"
        if not plan.first_time(person.id, seen, f"people[{index}].id"):
            continue
        if person.id in stored:
            # A relationship already here keeps its name and kind: an old backup must not
            # undo a rename made since, nor be refused over a name it no longer has.
            plan.people_unchanged += 1
            continue
        plan.names[person.id] = person.name
        if problem := name_problem(person.name, field):
            plan.problems.append(problem)
            continue
        holder = holders.setdefault(name_key(person.name), person.id)
        if holder != person.id:
            template = messages.ERR_NAME_TAKEN if holder in stored else messages.ERR_NAME_TWICE
            plan.problems.append(Problem(template.format(name=person.name), field))
        plan.new_people.append(item)


def _stored_audit(connection: Connection, audit_id: str) -> Audit:
    rows = connection.execute(select(audits).where(audits.c.id == audit_id)).all()
    return load_audits(connection, rows)[0]


def _plan_audit(
    connection: Connection, item: ArchivedAudit, stored_revision: int | None, plan: ImportPlan
) -> str | None:
    """Put one audit in the plan, or return the conflict that keeps it out."""
    audit = item.audit
    if stored_revision is None:
        plan.new_audits.append(item)
    elif stored_revision > audit.revision:
        plan.audits_unchanged += 1  # what is stored is newer than the file
    elif stored_revision == audit.revision:
        if _stored_audit(connection, audit.id) != audit:
            return messages.ERR_AUDIT_CONFLICT.format(audit_id=audit.id)
        plan.audits_unchanged += 1
    else:
        # The file may replace what is stored only if it grew from it: the stored
        # revision must be among the file's earlier ones, unchanged.
        current = _stored_audit(connection, audit.id)
        if not any(
            old.revision == current.revision and old.audit == current for old in item.earlier
        ):
            return messages.ERR_AUDIT_DIVERGED.format(audit_id=audit.id)
        plan.replaced_audits.append(item)
    return None


def _plan_audits(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    query = select(audits.c.id, audits.c.person_id, audits.c.audit_date, audits.c.revision)
    stored = {row.id: row for row in connection.execute(query)}
    dates = {(row.person_id, row.audit_date): row.id for row in stored.values()}
    seen: set[str] = set()
    for index, item in enumerate(archive.audits):
        audit = item.audit
        where = f"audits[{index}]"
        if not plan.first_time(audit.id, seen, f"{where}.id"):
            continue
        if not plan.known_person(audit.person_id, where):
            continue
        if dates.setdefault((audit.person_id, audit.date), audit.id) != audit.id:
            name = plan.names[audit.person_id]
            message = messages.ERR_DUPLICATE_AUDIT.format(name=name, date=audit.date)
            plan.problems.append(Problem(message, f"{where}.date"))
            continue
        row = stored.get(audit.id)
        conflict = _plan_audit(connection, item, row.revision if row else None, plan)
        if conflict:
            plan.problems.append(Problem(conflict, where))


class _Owned(Protocol):
    """Something of one relationship, with its own id (a season, an invitation)."""

    @property
    def id(self) -> str: ...

    @property
    def person_id(self) -> str: ...


Owned = TypeVar("Owned", bound=_Owned)


def _new_unless_stored(
    key: str, items: tuple[Owned, ...], stored: set[str], plan: ImportPlan
) -> tuple[list[Owned], int]:
    """The items to add, and how many are already here and stay as they are."""
    new: list[Owned] = []
    unchanged = 0
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"{key}[{index}]"
        if not plan.first_time(item.id, seen, f"{where}.id"):
            continue
        if not plan.known_person(item.person_id, where):
            continue
        if item.id in stored:
            unchanged += 1
        else:
            new.append(item)
    return new, unchanged


def _plan_seasons(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    # A season already here stays as it is (ended or edited since, perhaps): an older
    # backup neither undoes that nor blocks the rest of the import.
    stored = set(connection.execute(select(seasons.c.id)).scalars())
    plan.new_seasons, plan.seasons_unchanged = _new_unless_stored(
        "seasons", archive.seasons, stored, plan
    )


def _plan_remembered(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    # Like seasons: what is already here stays as it is (done since, perhaps).
    stored_dates = set(connection.execute(select(important_dates.c.id)).scalars())
    stored_things = set(connection.execute(select(shared_things.c.id)).scalars())
    stored_care = set(connection.execute(select(care_preferences.c.person_id)).scalars())
    groups: list[tuple[str, tuple[ImportantDate | SharedThing | CarePreferences, ...], set[str]]]
    groups = [
        ("important_dates", archive.important_dates, stored_dates),
        ("shared_things", archive.shared_things, stored_things),
        ("care_preferences", archive.care_preferences, stored_care),
    ]
    for key, items, stored in groups:
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = f"{key}[{index}]"
            item_id = item.person_id if isinstance(item, CarePreferences) else item.id
            id_field = "person_id" if isinstance(item, CarePreferences) else "id"
            if not plan.first_time(item_id, seen, f"{where}.{id_field}"):
                continue
            if not plan.known_person(item.person_id, where):
                continue
            if item_id in stored:
                plan.remembered_unchanged += 1
            elif isinstance(item, ImportantDate):
                plan.new_dates.append(item)
            elif isinstance(item, SharedThing):
                plan.new_things.append(item)
            else:
                plan.new_care.append(item)


def _plan_invitations(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    # An invitation already here stays as it is: its secret is the one its page was made with.
    stored = set(connection.execute(select(invitations.c.id)).scalars())
    plan.new_invitations, plan.invitations_unchanged = _new_unless_stored(
        "invitations", archive.invitations, stored, plan
    )


def _response_problem(
    item: ArchivedResponse,
    invitation: Invitation | None,
    answered: dict[str, ArchivedResponse],
    where: str,
) -> Problem | None:
    """Why a response not stored yet cannot be added, if it cannot."""
    response = item.response
    if invitation is None:
        message = messages.ERR_RESPONSE_INVITATION_NOT_FOUND.format(
            invitation_id=response.invitation_id
        )
        return Problem(message, f"{where}.invitation_id")
    if invitation.person_id != response.person_id:
        message = messages.ERR_ARCHIVED_RESPONSE_PERSON.format(invitation_id=invitation.id)
        return Problem(message, f"{where}.person_id")
    earlier = answered.get(invitation.id)
    if earlier is not None and earlier.response != response:
        message = messages.ERR_ARCHIVED_RESPONSE_CONFLICT.format(invitation_id=invitation.id)
        return Problem(message, f"{where}.invitation_id")
    return None


def _plan_responses(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    # Invitations a response may answer: those in the file (even one refused for another
    # reason, so it is not reported missing too), and those stored, which stay as they are.
    known = {invitation.id: invitation for invitation in archive.invitations}
    known.update(
        (row.id, invitation_from_row(row)) for row in connection.execute(select(invitations))
    )
    stored_ids: set[str] = set()
    # One response per invitation: those stored, then those this file adds.
    answered: dict[str, ArchivedResponse] = {}
    for row in connection.execute(select(responses)):
        stored_ids.add(row.id)
        answered[row.invitation_id] = ArchivedResponse(
            row.id, response_from_row(row), row.received_at
        )
    seen: set[str] = set()
    for index, item in enumerate(archive.responses):
        where = f"responses[{index}]"
        if not plan.first_time(item.id, seen, f"{where}.id"):
            continue
        if not plan.known_person(item.response.person_id, where):
            continue
        if item.id in stored_ids:
            # Like an invitation: what is here stays as it is.
            plan.responses_unchanged += 1
            continue
        invitation = known.get(item.response.invitation_id)
        if problem := _response_problem(item, invitation, answered, where):
            plan.problems.append(problem)
        elif item.response.invitation_id in answered:
            # The same answers, imported here and elsewhere under two ids: already here.
            plan.responses_unchanged += 1
        else:
            answered[item.response.invitation_id] = item
            plan.new_responses.append(item)


def _plan_settings(connection: Connection, archive: Archive, plan: ImportPlan) -> None:
    # A setting chosen here stays; the file only fills in what was never set here.
    chosen = {row.key for row in connection.execute(select(settings_table.c.key))}
    plan.new_settings = {k: v for k, v in archive.settings.items() if k not in chosen}


def plan_import(connection: Connection, archive: Archive) -> ImportPlan:
    """Decide what importing ``archive`` would do, and find every conflict."""
    plan = ImportPlan()
    _plan_people(connection, archive, plan)
    _plan_audits(connection, archive, plan)
    _plan_seasons(connection, archive, plan)
    _plan_remembered(connection, archive, plan)
    _plan_invitations(connection, archive, plan)
    _plan_responses(connection, archive, plan)
    _plan_settings(connection, archive, plan)
    return plan


def _insert_archived(connection: Connection, item: ArchivedAudit) -> None:
    audit = item.audit
    connection.execute(
        insert(audits).values(
            id=audit.id,
            created_at=item.created_at,
            updated_at=item.updated_at,
            **audit_values(audit),
        )
    )
    insert_dimensions(connection, audit)
    for old in item.earlier:
        insert_revision(connection, old.audit, revision=old.revision, saved_at=old.saved_at)


def apply_import(connection: Connection, plan: ImportPlan, *, now: dt.datetime) -> None:
    """Write a conflict-free plan (inside the caller's transaction).

    Args:
        connection: The connection of the caller's transaction.
        plan: What to write, without problems.
        now: When the seasons and remembered things it adds are recorded as
            added (the export does not carry that moment for them).
    """
    for item in plan.new_people:
        person = item.person
        connection.execute(
            insert(people).values(
                id=person.id,
                name=person.name,
                name_key=name_key(person.name),
                kind=person.kind.value,
                created_at=item.created_at,
                rhythm_months=person.rhythm_months,
            )
        )
    for replaced in plan.replaced_audits:
        connection.execute(delete(audits).where(audits.c.id == replaced.audit.id))
    for archived in [*plan.new_audits, *plan.replaced_audits]:
        _insert_archived(connection, archived)
    for season in plan.new_seasons:
        connection.execute(
            insert(seasons).values(id=season.id, created_at=now, **season_values(season))
        )
    for important in plan.new_dates:
        connection.execute(
            insert(important_dates).values(
                id=important.id, created_at=now, **date_values(important)
            )
        )
    for thing in plan.new_things:
        connection.execute(
            insert(shared_things).values(id=thing.id, created_at=now, **thing_values(thing))
        )
    for care in plan.new_care:
        connection.execute(insert(care_preferences).values(updated_at=now, **care_values(care)))
    for invitation in plan.new_invitations:
        insert_invitation(connection, invitation)
    for response in plan.new_responses:
        insert_response(connection, response)
    for key, value in plan.new_settings.items():
        connection.execute(
            insert(settings_table).values(key=key, value=json.dumps(value), updated_at=now)
        )
