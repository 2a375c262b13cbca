"""Read an audit from an answers file (TOML), the non-interactive way to audit.

The format is documented with a full example in docs/answers-format.md.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib

from pydantic import ValidationError

from reciprocity import messages
from reciprocity.core import Audit
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.codec import AuditIn, audit_from_model, pydantic_problems

__all__ = ["locate_toml_line", "parse_answers"]

_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
_SYNTAX_LINE = re.compile(r"at line (\d+)")


def locate_toml_line(text: str, field: str | None) -> int | None:
    """Find the line of ``table.key`` (or of ``table``) in a simple TOML file.

    Good enough for the flat tables of an answers file; returns ``None`` when
    the field is not written in the file (a missing key, say).
    """
    if not field:
        return None
    *tables, key = field.split(".")
    table = ".".join(tables)
    current = ""
    table_line = None
    for number, line in enumerate(text.splitlines(), start=1):
        if header := _TABLE.match(line):
            current = header.group(1)
            if current == field:
                return number
            if current == table:
                table_line = number
            continue
        assignment = _KEY.match(line)
        if assignment and current == table and assignment.group(1) == key:
            return number
    return table_line


def parse_answers(text: str, *, file: str, audit_id: str, person_id: str, today: dt.date) -> Audit:
    """Parse and check an answers file.

    Args:
        text: The file's contents.
        file: Its name, for the messages.
        audit_id: The id the new audit gets.
        person_id: The relationship it belongs to.
        today: The date to assume when the file gives none.

    Raises:
        InvalidFileError: Every problem, each with its line where it can be found.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _SYNTAX_LINE.search(str(error))
        line = int(found.group(1)) if found else None
        detail = _SYNTAX_LINE.sub("", str(error)).replace("()", "").strip(" ()")
        raise InvalidFileError(
            [Problem(messages.ERR_TOML_SYNTAX.format(detail=detail), line=line)], file=file
        ) from error
    try:
        raw = AuditIn.model_validate(data)
        return audit_from_model(raw, audit_id=audit_id, person_id=person_id, today=today)
    except ValidationError as error:
        problems = pydantic_problems(error)
    except InvalidInputError as error:
        problems = error.problems
    located = [
        Problem(p.message, field, locate_toml_line(text, field))
        for p in problems
        for field in [_public_field(p.field)]
    ]
    # In the order of the file; problems with no line (a missing table) come last.
    located.sort(key=lambda p: (p.line is None, p.line or 0))
    raise InvalidFileError(located, file=file)


def _public_field(field: str | None) -> str | None:
    # The model calls the self table ``self_check``; the file calls it ``self``.
    if field is None:
        return None
    return re.sub(r"^self_check\b", "self", field)
