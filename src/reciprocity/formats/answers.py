"""Read an audit from an answers file (TOML), the non-interactive way to audit.

The format is documented with a full example in docs/answers-format.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib

from reciprocity import messages
from reciprocity.core import Audit
from reciprocity.errors import InvalidFileError, InvalidInputError, Problem
from reciprocity.formats.codec import audit_from_data

__all__ = ["locate_toml_line", "parse_answers"]

_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
_SYNTAX_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")
# tomllib's wording for the mistakes people make most, in plain words.
_SYNTAX_HINTS = {
    "Illegal character '\\n'": messages.TOML_HINT_UNCLOSED_QUOTE,
    "Expected newline or end of document after a statement": messages.TOML_HINT_ONE_PER_LINE,
    "Invalid value": messages.TOML_HINT_VALUE,
    "Cannot overwrite a value": messages.TOML_HINT_TWICE,
}


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


def _syntax_problem(detail: str, text: str) -> Problem:
    where = _SYNTAX_WHERE.search(detail)
    reason = _SYNTAX_WHERE.sub("", detail).strip()
    hint = _SYNTAX_HINTS.get(reason, "")
    line = None
    if where and where.group(1):
        line = int(where.group(1))
        reason = messages.TOML_AT_COLUMN.format(column=where.group(2), reason=reason)
    elif where:
        line = max(1, len(text.splitlines()))
    message = messages.ERR_TOML_SYNTAX.format(detail=reason) + (f" ({hint})" if hint else "")
    return Problem(message, line=line)


def parse_answers(
    text: str,
    *,
    file: str,
    audit_id: str,
    person_id: str,
    today: dt.date,
    default_date: dt.date | None = None,
) -> tuple[Audit, int | None]:
    """Parse and check an answers file.

    Args:
        text: The file's contents.
        file: Its name, for the messages.
        audit_id: The id the audit gets.
        person_id: The relationship it belongs to.
        today: Dates after this are refused.
        default_date: The date when the file gives none (today if not given).

    Returns:
        The audit, and the ``revision`` the file says it was edited from, if any.

    Raises:
        InvalidFileError: Every problem, each with its line where it can be found.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidFileError([_syntax_problem(str(error), text)], file=file) from error
    problems = []
    revision = data.get("revision")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int)):
        problems.append(Problem(messages.ERR_NOT_WHOLE_NUMBER, "revision"))
        revision = None
    try:
        audit = audit_from_data(
            data, audit_id=audit_id, person_id=person_id, today=today, default_date=default_date
        )
    except InvalidInputError as error:
        problems.extend(error.problems)
    if not problems:
        return audit, revision
    located = [dataclasses.replace(p, line=locate_toml_line(text, p.field)) for p in problems]
    # In the order of the file; problems with no line (a missing table) come last.
    located.sort(key=lambda p: (p.line is None, p.line or 0))
    raise InvalidFileError(located, file=file)
