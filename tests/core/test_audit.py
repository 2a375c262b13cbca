"""Putting an audit together: every rule a complete audit meets, every problem located."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from reciprocity.core import (
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    Reflection,
    ReflectionKind,
    SelfCheck,
    make_audit,
)
from reciprocity.errors import InvalidInputError

TODAY = dt.date(2026, 11, 23)
SELF = SelfCheck(4, 3)
PICTURE = Reflection(ReflectionKind.PICTURE, "We take turns planning weekends.", "Ask on Sunday.")


def ratings(score: int, lean: Lean) -> dict[Dimension, DimensionRating]:
    return {d: DimensionRating.rated(d, score, lean, "what happened") for d in Dimension}


def build(
    dimensions: Mapping[Dimension, DimensionRating],
    *,
    overall: int | None = None,
    reflection: Reflection | None = None,
    on: dt.date = TODAY,
    self_check: SelfCheck = SELF,
) -> Audit:
    return make_audit(
        audit_id="a1",
        person_id="p1",
        on=on,
        today=TODAY,
        dimensions=dimensions,
        self_check=self_check,
        overall_score=overall,
        reflection=reflection,
    )


def fields(error: pytest.ExceptionInfo[InvalidInputError]) -> list[str | None]:
    return [p.field for p in error.value.problems]


def test_the_overall_rating_defaults_to_the_proposal() -> None:
    audit = build(ratings(4, Lean.MUTUAL))
    assert audit.overall.score == audit.overall.proposed == 4
    assert not audit.overall.overridden


def test_an_override_is_kept_with_its_reason() -> None:
    audit = make_audit(
        audit_id="a1",
        person_id="p1",
        on=TODAY,
        today=TODAY,
        dimensions=ratings(4, Lean.MUTUAL),
        self_check=SelfCheck(4, 4),
        overall_score=3,
        overall_reason="The numbers hide how tired I am.",
    )
    assert audit.overall.overridden
    assert (audit.overall.score, audit.overall.proposed) == (3, 4)
    assert audit.overall.reason == "The numbers hide how tired I am."


def test_a_four_or_five_without_a_lean_is_mutual() -> None:
    dims = {d: DimensionRating(d, 5 if d is Dimension.DEPTH else 4, None, "x") for d in Dimension}
    audit = build(dims)
    assert {r.lean for r in audit.dimensions} == {Lean.MUTUAL}


def test_a_low_score_must_say_which_way_it_leans() -> None:
    dims = ratings(4, Lean.MUTUAL)
    dims[Dimension.DEPTH] = DimensionRating(Dimension.DEPTH, 2, None, "x")
    dims[Dimension.CRISIS] = DimensionRating(Dimension.CRISIS, 3, Lean.MUTUAL, "x")
    with pytest.raises(InvalidInputError) as error:
        build(dims)
    assert fields(error) == ["depth.lean", "crisis.lean"]


def test_a_five_cannot_lean_one_way() -> None:
    dims = ratings(5, Lean.MUTUAL)
    dims[Dimension.INITIATION] = DimensionRating.rated(Dimension.INITIATION, 5, Lean.I_CARRY, "x")
    with pytest.raises(InvalidInputError) as error:
        build(dims)
    assert fields(error) == ["initiation.lean"]


@pytest.mark.parametrize("score", [0, 6, 7, -1])
def test_scores_outside_one_to_five_are_refused_where_they_are(score: int) -> None:
    dims = ratings(4, Lean.MUTUAL)
    dims[Dimension.MAINTENANCE] = DimensionRating.rated(
        Dimension.MAINTENANCE, score, Lean.I_CARRY, "x"
    )
    with pytest.raises(InvalidInputError) as error:
        build(dims, self_check=SelfCheck(score, 3))
    assert fields(error) == ["maintenance.score", "self.giving"]
    assert f"got {score}" in error.value.problems[0].message


def test_a_rated_dimension_needs_a_concrete_example() -> None:
    dims = ratings(4, Lean.MUTUAL)
    dims[Dimension.DEPTH] = DimensionRating.rated(Dimension.DEPTH, 3, Lean.I_CARRY, "   ")
    with pytest.raises(InvalidInputError) as error:
        build(dims)
    assert fields(error) == ["depth.example"]


def test_no_recent_example_needs_no_example_and_is_not_low() -> None:
    dims = ratings(5, Lean.MUTUAL)
    dims[Dimension.CRISIS] = DimensionRating.without_example(Dimension.CRISIS)
    audit = build(dims)
    assert audit.rating(Dimension.CRISIS).no_recent_example
    assert audit.overall.score == 5


def test_every_missing_dimension_is_reported() -> None:
    with pytest.raises(InvalidInputError) as error:
        build({Dimension.DEPTH: DimensionRating.rated(Dimension.DEPTH, 4, Lean.MUTUAL, "x")})
    assert fields(error) == ["initiation", "crisis", "maintenance"]


def test_a_low_rating_asks_for_a_picture_or_a_boundary() -> None:
    with pytest.raises(InvalidInputError) as error:
        build(ratings(1, Lean.I_CARRY))
    assert fields(error) == ["reflection"]
    audit = build(ratings(1, Lean.I_CARRY), reflection=PICTURE)
    assert audit.reflection == PICTURE


def test_a_reflection_needs_text_and_a_first_step() -> None:
    empty = Reflection(ReflectionKind.BOUNDARY, " ", "")
    with pytest.raises(InvalidInputError) as error:
        build(ratings(4, Lean.MUTUAL), overall=2, reflection=empty)
    assert fields(error) == ["reflection.text", "reflection.first_step"]


def test_an_audit_cannot_be_dated_in_the_future() -> None:
    with pytest.raises(InvalidInputError) as error:
        build(ratings(4, Lean.MUTUAL), on=TODAY + dt.timedelta(days=1))
    assert fields(error) == ["date"]


def test_with_nothing_rated_the_person_gives_the_overall_rating() -> None:
    nothing = {d: DimensionRating.without_example(d) for d in Dimension}
    with pytest.raises(InvalidInputError) as error:
        build(nothing)
    assert fields(error) == ["overall.score"]
    assert build(nothing, overall=3).overall == build(nothing, overall=3).overall
    assert build(nothing, overall=3).overall.proposed is None
