"""One shape for an audit in files: the answers file, the export and stored revisions share it.

An audit as a mapping looks like the answers file documented in
docs/answers-format.md: ``date``, one table per dimension, ``self``,
``overall`` and ``reflection``. Each table is read on its own (pydantic checks
its shape), then :func:`reciprocity.core.make_audit` checks the rules, so one
malformed table never hides the problems of another and every problem comes
back located by its field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, TypeAdapter, ValidationError

from reciprocity import messages
from reciprocity.core import (
    MAX_SCORE,
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    OverallRating,
    Reflection,
    ReflectionKind,
    SelfCheck,
    make_audit,
)
from reciprocity.errors import InvalidInputError, Problem

__all__ = [
    "AUDIT_KEYS",
    "StrictModel",
    "audit_from_data",
    "audit_from_stored",
    "audit_to_dict",
    "pydantic_problems",
    "rating_from_dict",
    "rating_to_dict",
    "with_recorded_proposal",
]


class StrictModel(BaseModel):
    """A file table: unknown keys are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DimensionIn(StrictModel):
    """One dimension as written in a file."""

    score: StrictInt | None = None
    lean: str | None = None
    example: str = ""
    no_recent_example: StrictBool = False


class SelfIn(StrictModel):
    """The self-awareness table."""

    giving: StrictInt
    receiving: StrictInt
    giving_note: str = ""
    receiving_note: str = ""


class OverallIn(StrictModel):
    """The overall table; omitted or without a score means: accept the proposal."""

    score: StrictInt | None = None
    proposed: StrictInt | None = None
    reason: str = ""


class ReflectionIn(StrictModel):
    """The reflection table."""

    kind: str
    text: str = ""
    first_step: str = ""


_DATE = TypeAdapter(dt.date)
_SECTIONS: dict[str, type[StrictModel]] = {
    **{d.value: DimensionIn for d in Dimension},
    "self": SelfIn,
    "overall": OverallIn,
    "reflection": ReflectionIn,
}
# The keys an audit may have; an export adds its own (ids, timestamps).
AUDIT_KEYS = frozenset({"date", "revision", *_SECTIONS})

# pydantic's error types, in the product's words. Values may use pydantic's context.
_SHAPE_MESSAGES = {
    "missing": messages.ERR_MISSING,
    "extra_forbidden": messages.ERR_UNKNOWN_KEY,
    "int_type": messages.ERR_NOT_WHOLE_NUMBER,
    "int_parsing": messages.ERR_NOT_WHOLE_NUMBER,
    "int_from_float": messages.ERR_NOT_WHOLE_NUMBER,
    "bool_type": messages.ERR_NOT_TRUE_FALSE,
    "bool_parsing": messages.ERR_NOT_TRUE_FALSE,
    "string_type": messages.ERR_NOT_TEXT,
    "date_type": messages.ERR_NOT_DATE,
    "date_parsing": messages.ERR_NOT_DATE,
    "date_from_datetime_parsing": messages.ERR_NOT_DATE,
    "date_from_datetime_inexact": messages.ERR_NOT_DATE,
    "datetime_type": messages.ERR_NOT_DATETIME,
    "datetime_parsing": messages.ERR_NOT_DATETIME,
    "datetime_from_date_parsing": messages.ERR_NOT_DATETIME,
    "string_too_short": messages.ERR_EMPTY_VALUE,
    "string_too_long": messages.ERR_TOO_LONG,
    "string_pattern_mismatch": messages.ERR_BAD_CHARACTERS,
    "literal_error": messages.ERR_NOT_ONE_OF,
    "enum": messages.ERR_NOT_ONE_OF,
    "model_type": messages.ERR_NOT_TABLE,
    "model_attributes_type": messages.ERR_NOT_TABLE,
    "dict_type": messages.ERR_NOT_TABLE,
    "list_type": messages.ERR_NOT_LIST,
    "greater_than_equal": messages.ERR_TOO_SMALL,
}


def pydantic_problems(error: ValidationError, prefix: str = "") -> list[Problem]:
    """Turn pydantic's errors into located problems, one per error, in the catalogue's words."""
    problems = []
    for item in error.errors():
        path = ".".join(
            f"[{part}]" if isinstance(part, int) else str(part) for part in item["loc"]
        ).replace(".[", "[")
        location = f"{prefix}{path}" if path else prefix.rstrip(".") or None
        template = _SHAPE_MESSAGES.get(item["type"], messages.ERR_INVALID_VALUE)
        problems.append(Problem(template.format(**item.get("ctx", {})), location))
    return problems


def _rating(dimension: Dimension, raw: DimensionIn) -> tuple[DimensionRating | None, list[Problem]]:
    key = dimension.value
    if raw.no_recent_example:
        if raw.score is not None or raw.lean is not None:
            return None, [Problem(messages.ERR_NO_EXAMPLE_WITH_SCORE, key)]
        return DimensionRating.without_example(dimension, raw.example), []
    if raw.lean is None:
        return DimensionRating(dimension, raw.score, None, raw.example), []
    try:
        lean = Lean(raw.lean)
    except ValueError:
        return None, [Problem(messages.ERR_LEAN_UNKNOWN.format(value=raw.lean), f"{key}.lean")]
    return DimensionRating(dimension, raw.score, lean, raw.example), []


def rating_from_dict(dimension: Dimension, data: Mapping[str, Any]) -> DimensionRating:
    """Read one dimension from its file shape (as a draft keeps it).

    Raises:
        InvalidInputError: The table is malformed or names an unknown lean.
    """
    try:
        raw = DimensionIn.model_validate(data)
    except ValidationError as error:
        raise InvalidInputError(pydantic_problems(error, f"{dimension.value}.")) from error
    rating, problems = _rating(dimension, raw)
    if rating is None:
        raise InvalidInputError(problems)
    return rating


@dataclass
class _Parts:
    """The tables of an audit that could be read; ``broken`` names those that could not."""

    date: dt.date | None = None
    ratings: dict[Dimension, DimensionRating] = field(default_factory=dict)
    self_check: SelfCheck | None = None
    overall: OverallIn = field(default_factory=OverallIn)
    reflection: Reflection | None = None
    problems: list[Problem] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)

    def fail(self, key: str, problems: list[Problem]) -> None:
        self.problems.extend(problems)
        self.broken.add(key)


def _read_sections(parts: _Parts, data: Mapping[str, Any]) -> None:
    for key, model in _SECTIONS.items():
        if data.get(key) is None:  # JSON writes an absent reflection as null
            continue
        try:
            table = model.model_validate(data[key])
        except ValidationError as error:
            parts.fail(key, pydantic_problems(error, f"{key}."))
            continue
        if isinstance(table, DimensionIn):
            rating, found = _rating(Dimension(key), table)
            if rating is None:
                parts.fail(key, found)
            else:
                parts.ratings[Dimension(key)] = rating
        elif isinstance(table, SelfIn):
            parts.self_check = SelfCheck(
                table.giving, table.receiving, table.giving_note, table.receiving_note
            )
        elif isinstance(table, OverallIn):
            parts.overall = table
        elif isinstance(table, ReflectionIn):
            try:
                kind = ReflectionKind(table.kind)
            except ValueError:
                message = (
                    messages.ERR_UNKNOWN_REFLECTION_KIND.format(value=table.kind)
                    if table.kind.strip()
                    else messages.ERR_REFLECTION_KIND_NEEDED
                )
                parts.fail(key, [Problem(message, "reflection.kind")])
                continue
            parts.reflection = Reflection(kind, table.text, table.first_step)


def _read_parts(data: Mapping[str, Any], extra_keys: frozenset[str]) -> _Parts:
    parts = _Parts()
    if not isinstance(data, Mapping):
        parts.fail("", [Problem(messages.ERR_NOT_TABLE)])
        return parts
    for key in data:
        if key not in AUDIT_KEYS and key not in extra_keys:
            parts.fail(key, [Problem(messages.ERR_UNKNOWN_KEY, key)])
    if data.get("date") is not None:
        try:
            parts.date = _DATE.validate_python(data["date"])
        except ValidationError as error:
            parts.fail("date", pydantic_problems(error, "date"))
    _read_sections(parts, data)
    if "self" not in data:
        parts.fail("self", [Problem(messages.ERR_MISSING, "self")])
    return parts


def _prefixed(problems: list[Problem], prefix: str) -> list[Problem]:
    return [p.under(prefix) for p in problems]


def audit_from_data(
    data: Mapping[str, Any],
    *,
    audit_id: str,
    person_id: str,
    today: dt.date,
    default_date: dt.date | None = None,
    revision: int = 1,
    prefix: str = "",
    extra_keys: frozenset[str] = frozenset(),
) -> Audit:
    """Build a complete audit from its file shape, checking every table and every rule.

    Args:
        data: The audit as read from TOML or JSON.
        audit_id: The audit's id.
        person_id: The relationship it belongs to.
        today: Dates after this are refused.
        default_date: The date when the file gives none (``today`` if not given).
        revision: The revision the audit gets.
        prefix: Put before every field in the problems (``audits[3].``).
        extra_keys: Further top-level keys the caller reads itself.

    Raises:
        InvalidInputError: Every problem, each with its field.
    """
    parts = _read_parts(data, extra_keys)
    problems = list(parts.problems)
    try:
        audit = make_audit(
            audit_id=audit_id,
            person_id=person_id,
            on=parts.date or default_date or today,
            today=today,
            dimensions=parts.ratings,
            # A stand-in lets the other rules be checked when the self table is broken.
            self_check=parts.self_check or SelfCheck(MAX_SCORE, MAX_SCORE),
            overall_score=parts.overall.score,
            overall_reason=parts.overall.reason,
            reflection=parts.reflection,
            revision=revision,
        )
    except InvalidInputError as error:
        # A table already reported as malformed is not reported again as missing.
        problems.extend(
            p for p in error.problems if (p.field or "").split(".")[0] not in parts.broken
        )
    if problems:
        raise InvalidInputError(_prefixed(problems, prefix))
    return audit


def audit_from_stored(
    data: Mapping[str, Any], *, audit_id: str, person_id: str, revision: int, prefix: str = ""
) -> Audit:
    """Rebuild an audit saved earlier exactly as it was, proposal included.

    Only the shape is checked, not today's rules: history written under older
    rules must still load.

    Raises:
        InvalidInputError: The shape is broken (a tampered file, say).
    """
    parts = _read_parts(data, frozenset())
    problems = list(parts.problems)
    missing = [d for d in Dimension if d not in parts.ratings and d.value not in parts.broken]
    problems += [Problem(messages.ERR_DIMENSION_MISSING, d.value) for d in missing]
    if parts.date is None and "date" not in parts.broken:
        problems.append(Problem(messages.ERR_MISSING, "date"))
    if parts.overall.score is None:
        problems.append(Problem(messages.ERR_MISSING, "overall.score"))
    if problems or parts.date is None or parts.self_check is None or parts.overall.score is None:
        raise InvalidInputError(_prefixed(problems, prefix))
    return Audit(
        id=audit_id,
        person_id=person_id,
        date=parts.date,
        dimensions=tuple(parts.ratings[d] for d in Dimension),
        self_check=parts.self_check,
        overall=OverallRating(parts.overall.score, parts.overall.proposed, parts.overall.reason),
        reflection=parts.reflection,
        revision=revision,
    )


def with_recorded_proposal(audit: Audit, data: Mapping[str, Any]) -> Audit:
    """Keep the proposal a file recorded (it was made under the rule of its day)."""
    overall = data.get("overall")
    proposed = overall.get("proposed") if isinstance(overall, Mapping) else None
    if proposed is None or isinstance(proposed, bool) or not isinstance(proposed, int):
        return audit
    return dataclasses.replace(audit, overall=dataclasses.replace(audit.overall, proposed=proposed))


def rating_to_dict(rating: DimensionRating) -> dict[str, Any]:
    """The file shape of one dimension, as an audit and an exported response write it."""
    if rating.no_recent_example:
        return {"no_recent_example": True, "example": rating.example}
    return {
        "score": rating.score,
        "lean": rating.lean.value if rating.lean else None,
        "example": rating.example,
    }


def audit_to_dict(audit: Audit) -> dict[str, Any]:
    """The file shape of an audit (without ids), ready for JSON or TOML."""
    data: dict[str, Any] = {"date": audit.date.isoformat()}
    for rating in audit.dimensions:
        data[rating.dimension.value] = rating_to_dict(rating)
    check = audit.self_check
    data["self"] = {
        "giving": check.giving,
        "giving_note": check.giving_note,
        "receiving": check.receiving,
        "receiving_note": check.receiving_note,
    }
    data["overall"] = {
        "score": audit.overall.score,
        "proposed": audit.overall.proposed,
        "reason": audit.overall.reason,
    }
    data["reflection"] = (
        None
        if audit.reflection is None
        else {
            "kind": audit.reflection.kind.value,
            "text": audit.reflection.text,
            "first_step": audit.reflection.first_step,
        }
    )
    return data
