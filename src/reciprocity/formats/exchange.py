"""The export format (versioned JSON that round-trips everything) and the CSV for spreadsheets.

Documented in docs/export-format.md. Reading checks the whole file first and
reports every problem with its field path (``audits[3].depth.score``); nothing
is written until the whole file is known to be good.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reciprocity import __version__, messages
from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Audit,
    EarlierRevision,
    Person,
    RelationshipKind,
)
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.codec import AuditIn, audit_from_model, audit_to_dict, pydantic_problems

__all__ = [
    "CSV_COLUMNS",
    "FORMAT_NAME",
    "SCHEMA_VERSION",
    "archive_to_csv",
    "archive_to_json",
    "parse_archive",
]

FORMAT_NAME = "reciprocity-export"
SCHEMA_VERSION = 1

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class _PersonIn(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: RelationshipKind
    created_at: dt.datetime


class _RevisionIn(_Strict):
    revision: int = Field(ge=1)
    saved_at: dt.datetime
    audit: AuditIn


class _AuditIn(AuditIn):
    id: str = Field(min_length=1)
    person_id: str = Field(min_length=1)
    revision: int = Field(ge=1)
    created_at: dt.datetime
    updated_at: dt.datetime
    earlier_revisions: list[_RevisionIn] = Field(default_factory=list)


class _Header(BaseModel):
    format: str | None = None
    schema_version: int | None = None


class _ExportIn(_Strict):
    format: Literal["reciprocity-export"]
    schema_version: int
    exported_at: dt.datetime | None = None
    generator: str = ""
    people: list[_PersonIn]
    audits: list[_AuditIn]


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


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
            }
            for p in archive.people
        ],
        "audits": audits,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _check_header(data: Any, file: str) -> None:
    header = _Header.model_validate(data if isinstance(data, dict) else {})
    if header.format != FORMAT_NAME:
        raise InvalidFileError([Problem(messages.ERR_NOT_AN_EXPORT, "format")], file=file)
    if header.schema_version is not None and header.schema_version > SCHEMA_VERSION:
        message = messages.ERR_NEWER_EXPORT.format(
            found=header.schema_version, supported=SCHEMA_VERSION
        )
        raise InvalidFileError([Problem(message, "schema_version")], file=file)


def _audit(
    raw: AuditIn, *, audit_id: str, person_id: str, revision: int, prefix: str, today: dt.date
) -> tuple[Audit | None, list[Problem]]:
    try:
        audit = audit_from_model(
            raw,
            audit_id=audit_id,
            person_id=person_id,
            today=today,
            revision=revision,
            prefix=prefix,
        )
    except InvalidInputError as error:
        return None, error.problems
    return audit, []


def parse_archive(text: str, *, file: str, today: dt.date) -> Archive:
    """Read and check a whole export file.

    Raises:
        InvalidFileError: Every problem in the file, each with its field path
            (and the line, for a syntax error).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(messages.ERR_JSON_SYNTAX.format(detail=error.msg), line=error.lineno)
        raise InvalidFileError([problem], file=file) from error
    _check_header(data, file)
    try:
        document = _ExportIn.model_validate(data)
    except ValidationError as error:
        raise InvalidFileError(pydantic_problems(error), file=file) from error

    problems: list[Problem] = []
    person_ids = {p.id for p in document.people}
    people = tuple(
        ArchivedPerson(Person(p.id, p.name, p.kind), _aware(p.created_at)) for p in document.people
    )
    audits = []
    for index, raw in enumerate(document.audits):
        prefix = f"audits[{index}]."
        if raw.person_id not in person_ids:
            message = messages.ERR_UNKNOWN_PERSON_ID.format(person_id=raw.person_id)
            problems.append(Problem(message, f"{prefix}person_id"))
        audit, found = _audit(
            raw,
            audit_id=raw.id,
            person_id=raw.person_id,
            revision=raw.revision,
            prefix=prefix,
            today=today,
        )
        problems.extend(found)
        earlier = []
        for number, old in enumerate(raw.earlier_revisions):
            old_prefix = f"{prefix}earlier_revisions[{number}].audit."
            old_audit, found = _audit(
                old.audit,
                audit_id=raw.id,
                person_id=raw.person_id,
                revision=old.revision,
                prefix=old_prefix,
                today=today,
            )
            problems.extend(found)
            if old_audit is not None:
                earlier.append(EarlierRevision(old.revision, _aware(old.saved_at), old_audit))
        if audit is not None:
            audits.append(
                ArchivedAudit(audit, _aware(raw.created_at), _aware(raw.updated_at), tuple(earlier))
            )
    if problems:
        raise InvalidFileError(problems, file=file)
    return Archive(people=people, audits=tuple(audits))


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
