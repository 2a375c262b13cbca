"""One shape for an audit in files: the answers file, the export and stored revisions share it.

An audit as a mapping looks like the answers file documented in
docs/answers-format.md: ``date``, one table per dimension, ``self``,
``overall`` and ``reflection``. Reading goes through pydantic for the shape
and through :func:`reciprocity.core.make_audit` for the rules, so every
problem comes back located by its field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, ValidationError

from reciprocity import messages
from reciprocity.core import (
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
    "AuditIn",
    "audit_from_model",
    "audit_from_stored",
    "audit_to_dict",
    "pydantic_problems",
    "rating_from_dict",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DimensionIn(_Strict):
    """One dimension as written in a file."""

    score: StrictInt | None = None
    lean: str | None = None
    example: str = ""
    no_recent_example: StrictBool = False


class SelfIn(_Strict):
    """The self-awareness table."""

    giving: StrictInt
    receiving: StrictInt
    giving_note: str = ""
    receiving_note: str = ""


class OverallIn(_Strict):
    """The overall table; omitted or without a score means: accept the proposal."""

    score: StrictInt | None = None
    proposed: StrictInt | None = None
    reason: str = ""


class ReflectionIn(_Strict):
    """The reflection table."""

    kind: str
    text: str = ""
    first_step: str = ""


class AuditIn(_Strict):
    """An audit as written in an answers file or inside an export."""

    date: dt.date | None = None
    initiation: DimensionIn | None = None
    depth: DimensionIn | None = None
    crisis: DimensionIn | None = None
    maintenance: DimensionIn | None = None
    self_check: SelfIn = Field(alias="self")
    overall: OverallIn | None = None
    reflection: ReflectionIn | None = None


def pydantic_problems(error: ValidationError, prefix: str = "") -> list[Problem]:
    """Turn pydantic's errors into located problems, one per error."""
    problems = []
    for item in error.errors():
        path = ".".join(
            f"[{part}]" if isinstance(part, int) else str(part) for part in item["loc"]
        ).replace(".[", "[")
        field = f"{prefix}{path}" if path else prefix.rstrip(".") or None
        if item["type"] == "extra_forbidden":
            message = messages.ERR_UNKNOWN_KEY
        elif item["type"] == "missing":
            message = messages.ERR_MISSING
        else:
            message = str(item["msg"]).lower()
        problems.append(Problem(message, field))
    return problems


def _rating(
    dimension: Dimension, raw: DimensionIn | None
) -> tuple[DimensionRating | None, list[Problem]]:
    if raw is None:
        return None, []
    key = dimension.value
    if raw.no_recent_example:
        if raw.score is not None or raw.lean is not None:
            return None, [Problem(messages.ERR_NO_EXAMPLE_WITH_SCORE, key)]
        return DimensionRating.without_example(dimension, raw.example), []
    lean = None
    if raw.lean is not None:
        try:
            lean = Lean(raw.lean)
        except ValueError:
            return None, [Problem(messages.ERR_LEAN_UNKNOWN.format(value=raw.lean), f"{key}.lean")]
    return DimensionRating(dimension, raw.score, lean, raw.example), []


def rating_from_dict(dimension: Dimension, data: dict[str, Any]) -> DimensionRating:
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


def audit_from_model(
    raw: AuditIn,
    *,
    audit_id: str,
    person_id: str,
    today: dt.date,
    revision: int = 1,
    prefix: str = "",
) -> Audit:
    """Build a complete audit from its file shape, checking every rule.

    Raises:
        InvalidInputError: Every problem, its field prefixed with ``prefix``.
    """
    problems: list[Problem] = []
    ratings: dict[Dimension, DimensionRating] = {}
    for dimension in Dimension:
        rating, found = _rating(dimension, getattr(raw, dimension.value))
        problems.extend(found)
        if rating is not None:
            ratings[dimension] = rating
        elif not found:
            problems.append(Problem(messages.ERR_DIMENSION_MISSING, dimension.value))
    reflection = None
    if raw.reflection is not None:
        try:
            kind = ReflectionKind(raw.reflection.kind)
            reflection = Reflection(kind, raw.reflection.text, raw.reflection.first_step)
        except ValueError:
            problems.append(
                Problem(
                    messages.ERR_UNKNOWN_REFLECTION_KIND.format(value=raw.reflection.kind),
                    "reflection.kind",
                )
            )
    overall = raw.overall or OverallIn()
    try:
        audit = make_audit(
            audit_id=audit_id,
            person_id=person_id,
            on=raw.date or today,
            today=today,
            dimensions=ratings,
            self_check=SelfCheck(
                giving=raw.self_check.giving,
                receiving=raw.self_check.receiving,
                giving_note=raw.self_check.giving_note,
                receiving_note=raw.self_check.receiving_note,
            ),
            overall_score=overall.score,
            overall_reason=overall.reason,
            reflection=reflection,
            revision=revision,
        )
    except InvalidInputError as error:
        # A dimension already reported as malformed is not reported again as missing.
        reported = {(p.field or "").split(".")[0] for p in problems}
        problems.extend(p for p in error.problems if p.field not in reported)
    if problems:
        raise InvalidInputError(
            [
                Problem(p.message, f"{prefix}{p.field}" if p.field else None, p.line)
                for p in problems
            ]
        )
    return audit


def audit_from_stored(
    data: dict[str, Any], *, audit_id: str, person_id: str, revision: int
) -> Audit:
    """Rebuild an audit saved earlier exactly as it was.

    Only the shape is checked, not today's rules: history written under older
    rules must still load.
    """
    raw = AuditIn.model_validate(data)
    overall = raw.overall or OverallIn()
    if raw.date is None or overall.score is None:
        raise ValueError("a stored audit always has a date and an overall score")
    reflection = raw.reflection
    return Audit(
        id=audit_id,
        person_id=person_id,
        date=raw.date,
        dimensions=tuple(
            rating_from_dict(d, getattr(raw, d.value).model_dump()) for d in Dimension
        ),
        self_check=SelfCheck(
            giving=raw.self_check.giving,
            receiving=raw.self_check.receiving,
            giving_note=raw.self_check.giving_note,
            receiving_note=raw.self_check.receiving_note,
        ),
        overall=OverallRating(overall.score, overall.proposed, overall.reason),
        reflection=None
        if reflection is None
        else Reflection(ReflectionKind(reflection.kind), reflection.text, reflection.first_step),
        revision=revision,
    )


def audit_to_dict(audit: Audit) -> dict[str, Any]:
    """The file shape of an audit (without ids), ready for JSON or TOML."""
    data: dict[str, Any] = {"date": audit.date.isoformat()}
    for rating in audit.dimensions:
        if rating.no_recent_example:
            data[rating.dimension.value] = {"no_recent_example": True, "example": rating.example}
        else:
            data[rating.dimension.value] = {
                "score": rating.score,
                "lean": rating.lean.value if rating.lean else None,
                "example": rating.example,
            }
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
