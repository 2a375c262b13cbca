"""Two views side by side: the frame is turned once, agreement has one rule, no verdicts."""

from __future__ import annotations

import datetime as dt

import pytest

from reciprocity import messages
from reciprocity.core import Audit, Dimension, DimensionRating, Lean, Person, RelationshipKind
from reciprocity.core.audit import make_audit
from reciprocity.core.comparison import Agreement, closest_audit, compare, comparison_text
from reciprocity.core.invitation import (
    Invitation,
    Response,
    code_matches,
    integrity_code,
    to_users_frame,
)
from reciprocity.core.model import SelfCheck

SAM = Person("p1", "Sam", RelationshipKind.PARTNER)
DAY = dt.date(2026, 6, 1)


def audit_on(on: dt.date, score: int = 3, lean: Lean = Lean.I_CARRY) -> Audit:
    ratings = {d: DimensionRating.rated(d, score, lean, "what happened") for d in Dimension}
    return make_audit(
        audit_id=f"a-{on}",
        person_id=SAM.id,
        on=on,
        today=on,
        dimensions=ratings,
        self_check=SelfCheck(4, 4),
        overall_score=3,
    )


def response(score: int, lean: Lean) -> Response:
    ratings = tuple(DimensionRating.rated(d, score, lean, "from my side") for d in Dimension)
    return Response("i1", SAM.id, DAY, ratings)


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        (Lean.I_CARRY, Lean.THEY_CARRY),
        (Lean.THEY_CARRY, Lean.I_CARRY),
        (Lean.MUTUAL, Lean.MUTUAL),
    ],
)
def test_their_lean_is_turned_to_my_side(theirs: Lean, mine: Lean) -> None:
    rating = DimensionRating.rated(Dimension.DEPTH, 3, theirs, "x")
    assert to_users_frame(rating).lean is mine
    assert to_users_frame(to_users_frame(rating)) == rating


def test_no_recent_example_stays_as_it_is() -> None:
    rating = DimensionRating.without_example(Dimension.CRISIS)
    assert to_users_frame(rating) == rating


def test_the_code_belongs_to_one_invitation() -> None:
    invitation = Invitation("i1", SAM.id, dt.datetime(2026, 6, 1, tzinfo=dt.UTC), "s" * 64)
    other = Invitation("i2", SAM.id, invitation.created_at, "s" * 64)
    assert invitation.code == integrity_code("s" * 64, "i1")
    assert code_matches(invitation, invitation.code)
    assert not code_matches(invitation, other.code)
    assert not code_matches(invitation, "")


@pytest.mark.parametrize(
    ("theirs", "agreement", "apart"),
    [
        ((3, Lean.I_CARRY), Agreement.AGREE, 0),
        ((4, Lean.I_CARRY), Agreement.AGREE, 1),
        ((2, Lean.I_CARRY), Agreement.AGREE, 1),
        ((1, Lean.I_CARRY), Agreement.DIFFER, 2),
        ((3, Lean.THEY_CARRY), Agreement.DIFFER, 0),
    ],
)
def test_agreement_is_within_one_point_on_the_same_lean(
    theirs: tuple[int, Lean], agreement: Agreement, apart: int
) -> None:
    mine = audit_on(DAY)  # 3, I carry it, in every dimension
    row = compare(SAM, mine, response(*theirs)).dimensions[0]
    assert (row.agreement, row.apart) == (agreement, apart)
    assert (row.question is None) is (agreement is Agreement.AGREE)


def test_each_difference_becomes_a_question_of_its_own_kind() -> None:
    rows = compare(SAM, audit_on(DAY), response(1, Lean.I_CARRY)).dimensions
    assert [r.question for r in rows] == [messages.COMPARE_QUESTION_SCORE[d] for d in Dimension]
    rows = compare(SAM, audit_on(DAY), response(3, Lean.THEY_CARRY)).dimensions
    assert [r.question for r in rows] == [messages.COMPARE_QUESTION_LEAN[d] for d in Dimension]


def test_no_recent_example_on_one_side_or_both_is_said_as_it_is() -> None:
    quiet = tuple(DimensionRating.without_example(d) for d in Dimension)
    neither = make_audit(
        audit_id="a-quiet",
        person_id=SAM.id,
        on=DAY,
        today=DAY,
        dimensions={r.dimension: r for r in quiet},
        self_check=SelfCheck(4, 4),
        overall_score=3,
    )

    one = compare(SAM, audit_on(DAY), Response("i1", SAM.id, DAY, quiet)).dimensions[0]
    both = compare(SAM, neither, Response("i1", SAM.id, DAY, quiet)).dimensions[0]

    assert one.question == messages.COMPARE_QUESTION_NO_EXAMPLE
    assert both.question == messages.COMPARE_QUESTION_NEITHER_EXAMPLE


def test_both_sides_examples_are_shown_in_their_own_words() -> None:
    text = comparison_text(compare(SAM, audit_on(DAY), response(2, Lean.I_CARRY)))

    assert '"what happened"' in text
    assert '"from my side"' in text


def test_the_closest_audit_is_compared_and_a_tie_goes_to_the_later_one() -> None:
    audits = [audit_on(DAY - dt.timedelta(days=10)), audit_on(DAY + dt.timedelta(days=10))]
    assert closest_audit(audits, DAY) == audits[1]
    assert closest_audit(audits, DAY - dt.timedelta(days=9)) == audits[0]
    assert closest_audit([], DAY) is None
