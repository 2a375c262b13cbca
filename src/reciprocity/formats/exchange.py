"""The export format (versioned JSON that round-trips everything) and the CSV for spreadsheets.

Documented in docs/export-format.md. Reading checks the whole file first and
reports every problem with its field path (``audits[3].depth.score``); nothing
is written until the whole file is known to be good.

The JSON is the person's own full backup, so it carries each invitation's secret:
with it, a restored database still takes the answers to invitations sent before.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from reciprocity import __version__, messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    ArchivedResponse,
    Dimension,
    EarlierRevision,
    Person,
    RelationshipKind,
    Season,
    SeasonKind,
    Whose,
    make_season,
)
from reciprocity.core.invitation import Invitation, Response, secret_is_well_formed
from reciprocity.core.memory import (
    CarePreferences,
    CareWay,
    ImportantDate,
    SharedThing,
    checked_text,
)
from reciprocity.core.patterns import settings_from
from reciprocity.core.rhythm import MAX_RHYTHM_MONTHS
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.codec import (
    StrictModel,
    audit_from_data,
    audit_from_stored,
    audit_to_dict,
    pydantic_problems,
    rating_to_dict,
    with_recorded_proposal,
)
from reciprocity.formats.response import rating_from_response

__all__ = [
    "CSV_COLUMNS",
    "FORMAT_NAME",
    "SCHEMA_VERSION",
    "archive_to_csv",
    "archive_to_json",
    "care_to_dict",
    "important_date_to_dict",
    "parse_archive",
    "season_to_dict",
    "shared_thing_to_dict",
]

FORMAT_NAME = "reciprocity-export"
# 2 added the seasons (and later, as optional keys, what to remember, invitations and
# responses); files of schema 1 (no seasons) are still read.
SCHEMA_VERSION = 2

CSV_COLUMNS = (
    "person",
    "kind",
    "audit_id",
    "date",
    "revision",
    "dimension",
    "score",
    "lean",
    "no_recent_example",
    "example",
    "self_giving",
    "self_receiving",
    "overall_score",
    "overall_proposed",
    "reflection_kind",
)


# Ids are what the export wrote (UUIDs); anything printable up to 36 characters is accepted.
_ID = Field(min_length=1, max_length=36, pattern=r"^[^\x00-\x1f\x7f]+$")


class _PersonIn(StrictModel):
    id: str = _ID
    name: str
    kind: RelationshipKind
    created_at: dt.datetime
    rhythm_months: int | None = Field(default=None, ge=1, le=MAX_RHYTHM_MONTHS)


class _RevisionIn(StrictModel):
    revision: int = Field(ge=1)
    saved_at: dt.datetime
    audit: dict[str, Any]


class _AuditMetaIn(StrictModel):
    """The keys an exported audit has besides the audit itself."""

    id: str = _ID
    person_id: str = _ID
    revision: int = Field(ge=1)
    created_at: dt.datetime
    updated_at: dt.datetime
    earlier_revisions: list[_RevisionIn] = Field(default_factory=list)


_META_KEYS = frozenset(_AuditMetaIn.model_fields)


class _SeasonIn(StrictModel):
    id: str = _ID
    person_id: str = _ID
    whose: Whose
    kind: SeasonKind
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    note: str = ""


class _DateIn(StrictModel):
    id: str = _ID
    person_id: str = _ID
    label: str
    day: dt.date
    yearly: bool = True


class _ThingIn(StrictModel):
    id: str = _ID
    person_id: str = _ID
    text: str
    follow_up: dt.date | None = None
    done: bool = False


class _CareIn(StrictModel):
    person_id: str = _ID
    theirs: list[CareWay] = Field(default_factory=list)
    mine: list[CareWay] = Field(default_factory=list)
    note: str = ""


class _InvitationIn(StrictModel):
    id: str = _ID
    person_id: str = _ID
    created_at: dt.datetime
    secret: str


class _ResponseMetaIn(StrictModel):
    """The keys an exported response has besides its four dimensions."""

    id: str = _ID
    invitation_id: str = _ID
    person_id: str = _ID
    date: dt.date
    received_at: dt.datetime


_RESPONSE_KEYS = frozenset(_ResponseMetaIn.model_fields) | {d.value for d in Dimension}


class _Header(BaseModel):
    format: Any = None
    schema_version: Any = None


class _ExportIn(StrictModel):
    format: Literal["reciprocity-export"]
    schema_version: int
    exported_at: dt.datetime | None = None
    generator: str = ""
    people: list[dict[str, Any]]
    audits: list[dict[str, Any]]
    seasons: list[dict[str, Any]] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    important_dates: list[dict[str, Any]] = Field(default_factory=list)
    shared_things: list[dict[str, Any]] = Field(default_factory=list)
    care_preferences: list[dict[str, Any]] = Field(default_factory=list)
    invitations: list[dict[str, Any]] = Field(default_factory=list)
    responses: list[dict[str, Any]] = Field(default_factory=list)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def season_to_dict(season: Season) -> dict[str, Any]:
    """A season in the export's shape; ``to`` is ``None`` while it is ongoing."""
    return {
        "id": season.id,
        "person_id": season.person_id,
        "whose": season.whose.value,
        "kind": season.kind.value,
        "from": season.start.isoformat(),
        "to": season.end.isoformat() if season.end else None,
        "note": season.note,
    }


def important_date_to_dict(item: ImportantDate) -> dict[str, Any]:
    """An important date in the export's shape."""
    return {
        "id": item.id,
        "person_id": item.person_id,
        "label": item.label,
        "day": item.day.isoformat(),
        "yearly": item.yearly,
    }


def shared_thing_to_dict(item: SharedThing) -> dict[str, Any]:
    """A shared thing in the export's shape; ``follow_up`` is ``None`` when there is none."""
    return {
        "id": item.id,
        "person_id": item.person_id,
        "text": item.text,
        "follow_up": item.follow_up.isoformat() if item.follow_up else None,
        "done": item.done,
    }


def _ways(ways: frozenset[CareWay]) -> list[str]:
    return [way.value for way in CareWay if way in ways]


def care_to_dict(care: CarePreferences) -> dict[str, Any]:
    """Care preferences in the export's shape (ways in a fixed order)."""
    return {
        "person_id": care.person_id,
        "theirs": _ways(care.theirs),
        "mine": _ways(care.mine),
        "note": care.note,
    }


def _invitation_to_dict(invitation: Invitation) -> dict[str, Any]:
    return {
        "id": invitation.id,
        "person_id": invitation.person_id,
        "created_at": _iso(invitation.created_at),
        "secret": invitation.secret,
    }


def _response_to_dict(item: ArchivedResponse) -> dict[str, Any]:
    """A response with its four dimensions in the audit's shape, leans in the user's frame."""
    response = item.response
    entry: dict[str, Any] = {
        "id": item.id,
        "invitation_id": response.invitation_id,
        "person_id": response.person_id,
        "date": response.date.isoformat(),
        "received_at": _iso(item.received_at),
    }
    entry.update((r.dimension.value, rating_to_dict(r)) for r in response.dimensions)
    return entry


def archive_to_json(archive: Archive, *, exported_at: dt.datetime) -> str:
    """Write an archive as the versioned JSON export."""
    audits = []
    for item in archive.audits:
        entry: dict[str, Any] = {
            "id": item.audit.id,
            "person_id": item.audit.person_id,
            "revision": item.audit.revision,
            "created_at": _iso(item.created_at),
            "updated_at": _iso(item.updated_at),
        }
        entry.update(audit_to_dict(item.audit))
        entry["earlier_revisions"] = [
            {
                "revision": earlier.revision,
                "saved_at": _iso(earlier.saved_at),
                "audit": audit_to_dict(earlier.audit),
            }
            for earlier in item.earlier
        ]
        audits.append(entry)
    document = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "exported_at": _iso(exported_at),
        "generator": f"reciprocity {__version__}",
        "people": [
            {
                "id": p.person.id,
                "name": p.person.name,
                "kind": p.person.kind.value,
                "created_at": _iso(p.created_at),
                "rhythm_months": p.person.rhythm_months,
            }
            for p in archive.people
        ],
        "audits": audits,
        "seasons": [season_to_dict(season) for season in archive.seasons],
        "settings": dict(sorted(archive.settings.items())),
        "important_dates": [important_date_to_dict(d) for d in archive.important_dates],
        "shared_things": [shared_thing_to_dict(t) for t in archive.shared_things],
        "care_preferences": [care_to_dict(c) for c in archive.care_preferences],
        "invitations": [_invitation_to_dict(i) for i in archive.invitations],
        "responses": [_response_to_dict(r) for r in archive.responses],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _check_header(data: Any, file: str) -> None:
    header = _Header.model_validate(data if isinstance(data, dict) else {})
    if header.format != FORMAT_NAME:
        raise InvalidFileError([Problem(messages.ERR_NOT_AN_EXPORT, "format")], file=file)
    version = header.schema_version
    if isinstance(version, int) and version > SCHEMA_VERSION:
        message = messages.ERR_NEWER_EXPORT.format(found=version, supported=SCHEMA_VERSION)
        raise InvalidFileError([Problem(message, "schema_version")], file=file)


def _unknown_person(person_id: str, people: set[str], prefix: str) -> list[Problem]:
    """The problem of a person id that is not in the file, if it is not."""
    if person_id in people:
        return []
    message = messages.ERR_UNKNOWN_PERSON_ID.format(person_id=person_id)
    return [Problem(message, f"{prefix}person_id")]


def _person(index: int, data: dict[str, Any], problems: list[Problem]) -> ArchivedPerson | None:
    try:
        raw = _PersonIn.model_validate(data)
    except ValidationError as error:
        problems.extend(pydantic_problems(error, f"people[{index}]."))
        return None
    person = Person(raw.id, raw.name, raw.kind, raw.rhythm_months)
    return ArchivedPerson(person, _aware(raw.created_at))


def _earlier(
    meta: _AuditMetaIn, prefix: str, problems: list[Problem]
) -> tuple[EarlierRevision, ...]:
    earlier = []
    for number, old in enumerate(meta.earlier_revisions):
        try:
            audit = audit_from_stored(
                old.audit,
                audit_id=meta.id,
                person_id=meta.person_id,
                revision=old.revision,
                prefix=f"{prefix}earlier_revisions[{number}].audit.",
            )
        except InvalidInputError as error:
            problems.extend(error.problems)
            continue
        earlier.append(EarlierRevision(old.revision, _aware(old.saved_at), audit))
    return tuple(earlier)


def _audit(
    index: int, data: dict[str, Any], people: set[str], today: dt.date, problems: list[Problem]
) -> ArchivedAudit | None:
    prefix = f"audits[{index}]."
    meta_data = {key: value for key, value in data.items() if key in _META_KEYS}
    try:
        meta = _AuditMetaIn.model_validate(meta_data)
    except ValidationError as error:
        problems.extend(pydantic_problems(error, prefix))
        return None
    problems += _unknown_person(meta.person_id, people, prefix)
    earlier = _earlier(meta, prefix, problems)
    try:
        audit = audit_from_data(
            data,
            audit_id=meta.id,
            person_id=meta.person_id,
            today=today,
            revision=meta.revision,
            prefix=prefix,
            extra_keys=_META_KEYS,
        )
    except InvalidInputError as error:
        problems.extend(error.problems)
        return None
    audit = with_recorded_proposal(audit, data)
    return ArchivedAudit(audit, _aware(meta.created_at), _aware(meta.updated_at), earlier)


def _season(
    index: int, data: dict[str, Any], people: set[str], today: dt.date, problems: list[Problem]
) -> Season | None:
    prefix = f"seasons[{index}]."
    try:
        raw = _SeasonIn.model_validate(data)
    except ValidationError as error:
        problems.extend(pydantic_problems(error, prefix))
        return None
    problems += _unknown_person(raw.person_id, people, prefix)
    try:
        return make_season(
            season_id=raw.id,
            person_id=raw.person_id,
            whose=raw.whose,
            kind=raw.kind,
            start=raw.start,
            end=raw.end,
            today=today,
            note=raw.note,
        )
    except InvalidInputError as error:
        # make_season names the field of each problem ("from", "to", "note").
        problems.extend(p.under(prefix) for p in error.problems)
        return None


def _remembered(
    key: str, index: int, data: dict[str, Any], people: set[str], problems: list[Problem]
) -> ImportantDate | SharedThing | CarePreferences | None:
    """One item of ``important_dates``, ``shared_things`` or ``care_preferences``."""
    prefix = f"{key}[{index}]."
    models: dict[str, type[_DateIn] | type[_ThingIn] | type[_CareIn]] = {
        "important_dates": _DateIn,
        "shared_things": _ThingIn,
        "care_preferences": _CareIn,
    }
    model = models[key]
    try:
        raw = model.model_validate(data)
    except ValidationError as error:
        problems.extend(pydantic_problems(error, prefix))
        return None
    problems += _unknown_person(raw.person_id, people, prefix)
    try:
        if isinstance(raw, _DateIn):
            label = checked_text(raw.label, f"{prefix}label")
            return ImportantDate(raw.id, raw.person_id, label, raw.day, raw.yearly)
        if isinstance(raw, _ThingIn):
            text = checked_text(raw.text, f"{prefix}text")
            return SharedThing(raw.id, raw.person_id, text, raw.follow_up, raw.done)
        note = checked_text(raw.note, f"{prefix}note", required=False)
    except InvalidInputError as error:
        problems.extend(error.problems)
        return None
    return CarePreferences(raw.person_id, frozenset(raw.theirs), frozenset(raw.mine), note)


def _all_remembered(
    document: _ExportIn, people: set[str], problems: list[Problem]
) -> list[ImportantDate | SharedThing | CarePreferences]:
    """Every date, shared thing and care note the file holds, each id (or person) once."""
    found = []
    for key, items in (
        ("important_dates", document.important_dates),
        ("shared_things", document.shared_things),
        ("care_preferences", document.care_preferences),
    ):
        # Care preferences are one per relationship, so the person is their id.
        id_field = "person_id" if key == "care_preferences" else "id"
        read = [_remembered(key, i, data, people, problems) for i, data in enumerate(items)]
        problems += _duplicate_ids(
            [
                (f"{key}[{i}].{id_field}", getattr(item, id_field))
                for i, item in enumerate(read)
                if item is not None
            ]
        )
        found += [item for item in read if item is not None]
    return found


def _duplicate_ids(
    ids: list[tuple[str, str]], template: str = messages.ERR_DUPLICATE_ID
) -> list[Problem]:
    """A problem for each id met a second time; ``template`` says what, with ``{id}``."""
    seen: set[str] = set()
    problems = []
    for where, value in ids:
        if value in seen:
            problems.append(Problem(template.format(id=value), where))
        seen.add(value)
    return problems


def _invitation(
    index: int, data: dict[str, Any], people: set[str], problems: list[Problem]
) -> Invitation | None:
    prefix = f"invitations[{index}]."
    try:
        raw = _InvitationIn.model_validate(data)
    except ValidationError as error:
        problems.extend(pydantic_problems(error, prefix))
        return None
    problems += _unknown_person(raw.person_id, people, prefix)
    if not secret_is_well_formed(raw.secret):
        problems.append(Problem(messages.ERR_SECRET_SHAPE, f"{prefix}secret"))
        return None
    return Invitation(raw.id, raw.person_id, _aware(raw.created_at), raw.secret)


def _response_links(
    prefix: str, meta: _ResponseMetaIn, people: set[str], invited: dict[str, str | None]
) -> list[Problem]:
    """Whether a response's person and invitation are in the file, and belong together."""
    problems = _unknown_person(meta.person_id, people, prefix)
    if meta.invitation_id not in invited:
        message = messages.ERR_UNKNOWN_INVITATION_ID.format(invitation_id=meta.invitation_id)
        problems.append(Problem(message, f"{prefix}invitation_id"))
    elif invited[meta.invitation_id] not in (None, meta.person_id):
        message = messages.ERR_ARCHIVED_RESPONSE_PERSON.format(invitation_id=meta.invitation_id)
        problems.append(Problem(message, f"{prefix}person_id"))
    return problems


def _response(
    index: int,
    data: dict[str, Any],
    *,
    people: set[str],
    invited: dict[str, str | None],
    today: dt.date,
    problems: list[Problem],
) -> ArchivedResponse | None:
    """One response; ``invited`` maps the file's invitation ids to their person (if readable)."""
    prefix = f"responses[{index}]."
    found = [
        Problem(messages.ERR_UNKNOWN_KEY, f"{prefix}{k}") for k in data if k not in _RESPONSE_KEYS
    ]
    meta_data = {key: value for key, value in data.items() if key in _ResponseMetaIn.model_fields}
    try:
        meta: _ResponseMetaIn | None = _ResponseMetaIn.model_validate(meta_data)
    except ValidationError as error:
        meta = None
        found += pydantic_problems(error, prefix)
    if meta is not None:
        found += _response_links(prefix, meta, people, invited)
        # The same rule as for a response file: they may live a time zone ahead.
        if meta.date > today + dt.timedelta(days=1):
            message = messages.ERR_RESPONSE_DATE_FUTURE.format(date=meta.date)
            found.append(Problem(message, f"{prefix}date"))
    ratings = []
    for dimension in Dimension:
        rating = rating_from_response(dimension, data.get(dimension.value), prefix=prefix)
        if isinstance(rating, list):
            found += rating
        else:
            ratings.append(rating)
    problems += found
    if found or meta is None:
        return None
    response = Response(meta.invitation_id, meta.person_id, meta.date, tuple(ratings))
    return ArchivedResponse(meta.id, response, _aware(meta.received_at))


def _conversation(
    document: _ExportIn, people: set[str], today: dt.date, problems: list[Problem]
) -> tuple[list[Invitation], list[ArchivedResponse]]:
    """The file's invitations and responses, each id once and one response per invitation."""
    read = [_invitation(i, data, people, problems) for i, data in enumerate(document.invitations)]
    invitations = [i for i in read if i is not None]
    # An invitation that could not be read is still in the file for its responses.
    invited: dict[str, str | None] = {str(data.get("id")): None for data in document.invitations}
    invited.update((i.id, i.person_id) for i in invitations)
    answers = [
        _response(i, data, people=people, invited=invited, today=today, problems=problems)
        for i, data in enumerate(document.responses)
    ]
    problems += _duplicate_ids([(f"invitations[{i}].id", v.id) for i, v in enumerate(read) if v])
    problems += _duplicate_ids([(f"responses[{i}].id", r.id) for i, r in enumerate(answers) if r])
    problems += _duplicate_ids(
        [
            (f"responses[{i}].invitation_id", r.response.invitation_id)
            for i, r in enumerate(answers)
            if r
        ],
        messages.ERR_RESPONSE_TWICE,
    )
    return invitations, [r for r in answers if r is not None]


def parse_archive(text: str, *, file: str, today: dt.date) -> Archive:
    """Read and check a whole export file.

    Raises:
        InvalidFileError: Every problem in the file, each with its field path
            (and the line, for a syntax error).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if file.lower().endswith(".csv"):
            problem = Problem(messages.ERR_IMPORT_CSV)
        else:
            problem = Problem(messages.ERR_JSON_SYNTAX.format(detail=error.msg), line=error.lineno)
        raise InvalidFileError([problem], file=file) from error
    _check_header(data, file)
    try:
        document = _ExportIn.model_validate(data)
    except ValidationError as error:
        raise InvalidFileError(pydantic_problems(error), file=file) from error

    problems: list[Problem] = []
    people = [_person(i, p, problems) for i, p in enumerate(document.people)]
    known = [p for p in people if p is not None]
    # People that could not be read are still "in the file" for their audits.
    ids = {p.person.id for p in known} | {str(p.get("id")) for p in document.people}
    audits = [_audit(i, a, ids, today, problems) for i, a in enumerate(document.audits)]
    seasons = [_season(i, s, ids, today, problems) for i, s in enumerate(document.seasons)]
    problems += _duplicate_ids(
        [(f"people[{i}].id", p.person.id) for i, p in enumerate(people) if p]
    )
    problems += _duplicate_ids([(f"audits[{i}].id", a.audit.id) for i, a in enumerate(audits) if a])
    problems += _duplicate_ids([(f"seasons[{i}].id", s.id) for i, s in enumerate(seasons) if s])
    remembered = _all_remembered(document, ids, problems)
    invitations, responses = _conversation(document, ids, today, problems)
    try:
        settings_from(document.settings)
    except InvalidInputError as error:
        problems += [p.under("settings.") for p in error.problems]
    if problems:
        raise InvalidFileError(problems, file=file)
    return Archive(
        people=tuple(known),
        audits=tuple(a for a in audits if a is not None),
        seasons=tuple(s for s in seasons if s is not None),
        settings=document.settings,
        important_dates=tuple(i for i in remembered if isinstance(i, ImportantDate)),
        shared_things=tuple(i for i in remembered if isinstance(i, SharedThing)),
        care_preferences=tuple(i for i in remembered if isinstance(i, CarePreferences)),
        invitations=tuple(invitations),
        responses=tuple(responses),
    )


def archive_to_csv(archive: Archive) -> str:
    """One row per audit dimension, for spreadsheets; columns in ``CSV_COLUMNS``."""
    names = {p.person.id: p.person for p in archive.people}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in archive.audits:
        audit = item.audit
        person = names[audit.person_id]
        for rating in audit.dimensions:
            writer.writerow(
                (
                    person.name,
                    person.kind.value,
                    audit.id,
                    audit.date.isoformat(),
                    audit.revision,
                    rating.dimension.value,
                    "" if rating.score is None else rating.score,
                    rating.lean.value if rating.lean else "",
                    "true" if rating.no_recent_example else "false",
                    rating.example,
                    audit.self_check.giving,
                    audit.self_check.receiving,
                    audit.overall.score,
                    "" if audit.overall.proposed is None else audit.overall.proposed,
                    audit.reflection.kind.value if audit.reflection else "",
                )
            )
    return buffer.getvalue()
