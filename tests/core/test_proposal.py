"""The overall proposal: mutual flow, not identical flow, and always explained."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity.core import (
    Dimension,
    DimensionRating,
    Effect,
    Lean,
    explain_proposal,
    propose_overall_rating,
)
from reciprocity.core.proposal import OFFSET_SHARE, overall_lean
from reciprocity.messages import DIMENSION_NAMES

ME, THEY, BOTH = Lean.I_CARRY, Lean.THEY_CARRY, Lean.MUTUAL


def rated(dimension: Dimension, score: int, lean: Lean) -> DimensionRating:
    return DimensionRating.rated(dimension, score, lean, "what happened")


def none(dimension: Dimension) -> DimensionRating:
    return DimensionRating.without_example(dimension)


def test_a_relationship_mutual_everywhere_is_proposed_five() -> None:
    proposal = propose_overall_rating(rated(d, 5, BOTH) for d in Dimension)
    assert proposal.value == 5
    assert proposal.leans is BOTH
    assert all(c.effect is Effect.MUTUAL for c in proposal.contributions)


def test_a_friend_who_never_initiates_but_carries_every_crisis_offsets() -> None:
    # I carry initiation, they carry crisis response: different kinds of giving.
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 2, ME),
            rated(Dimension.DEPTH, 5, BOTH),
            rated(Dimension.CRISIS, 2, THEY),
            rated(Dimension.MAINTENANCE, 5, BOTH),
        ]
    )
    assert proposal.value == 5
    assert proposal.exact == 5 - (3 + 3 - 2 * OFFSET_SHARE * 3) / 4
    assert proposal.has_offsets
    initiation, _, crisis, _ = proposal.contributions
    assert initiation.lowers_by == crisis.lowers_by == 0.75
    assert initiation.offset_by == crisis.offset_by == OFFSET_SHARE * 0.75
    assert 0 < crisis.net_lowers_by < crisis.lowers_by


def test_the_same_low_scores_leaning_one_way_are_not_offset() -> None:
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 2, ME),
            rated(Dimension.DEPTH, 5, BOTH),
            rated(Dimension.CRISIS, 2, ME),
            rated(Dimension.MAINTENANCE, 5, BOTH),
        ]
    )
    assert proposal.value == 4  # 5 - (3 + 3) / 4 = 3.5, rounded half up
    assert proposal.exact == 3.5
    assert proposal.leans is ME
    assert not proposal.has_offsets


def test_a_parent_where_i_carry_everything_is_proposed_low() -> None:
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 1, ME),
            rated(Dimension.DEPTH, 2, ME),
            rated(Dimension.CRISIS, 1, ME),
            rated(Dimension.MAINTENANCE, 1, ME),
        ]
    )
    assert proposal.value == 1
    assert proposal.leans is ME


def test_a_partial_offset_leaves_the_remainder() -> None:
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 1, ME),  # pulls 4 towards me
            rated(Dimension.DEPTH, 4, THEY),  # pulls 1 towards them
            rated(Dimension.CRISIS, 5, BOTH),
            rated(Dimension.MAINTENANCE, 5, BOTH),
        ]
    )
    assert proposal.exact == 5 - (4 + 1 - 2 * OFFSET_SHARE * 1) / 4
    assert proposal.value == 4
    initiation, depth, _, _ = proposal.contributions
    assert depth.offset_by == initiation.offset_by == OFFSET_SHARE * 0.25
    assert depth.net_lowers_by == pytest.approx(0.0625)
    assert initiation.net_lowers_by == pytest.approx(1 - 0.1875)


def test_no_recent_crisis_is_left_out_not_counted_low() -> None:
    with_crisis_left_out = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 5, BOTH),
            rated(Dimension.DEPTH, 5, BOTH),
            none(Dimension.CRISIS),
            rated(Dimension.MAINTENANCE, 5, BOTH),
        ]
    )
    assert with_crisis_left_out.value == 5
    assert with_crisis_left_out.contributions[2].effect is Effect.LEFT_OUT


def test_a_four_without_a_lean_lowers_a_little_and_cannot_be_offset() -> None:
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 4, BOTH),
            rated(Dimension.DEPTH, 4, BOTH),
            rated(Dimension.CRISIS, 4, BOTH),
            rated(Dimension.MAINTENANCE, 4, BOTH),
        ]
    )
    assert proposal.exact == 4
    assert all(c.effect is Effect.UNDIRECTED for c in proposal.contributions)


def test_nothing_rated_gives_no_proposal_and_says_so() -> None:
    proposal = propose_overall_rating(none(d) for d in Dimension)
    assert proposal.value is None
    assert explain_proposal(proposal) == [
        explain_proposal(propose_overall_rating([none(Dimension.DEPTH)]))[0]
    ]
    assert "give the overall rating yourself" in explain_proposal(proposal)[0]


def test_strain_everywhere_is_not_called_roughly_mutual_by_offsetting() -> None:
    # Every channel strained, leaning different ways: the offset softens but does not erase.
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 3, ME),
            rated(Dimension.DEPTH, 4, BOTH),
            rated(Dimension.CRISIS, 2, THEY),
            rated(Dimension.MAINTENANCE, 3, ME),
        ]
    )
    assert proposal.value == 4


def test_a_low_proposal_adds_a_kind_word() -> None:
    proposal = propose_overall_rating(rated(d, 1, ME) for d in Dimension)
    assert proposal.value == 1
    assert explain_proposal(proposal)[-1].startswith("This can be hard to look at.")


def test_the_explanation_names_each_dimension_and_the_offset() -> None:
    proposal = propose_overall_rating(
        [
            rated(Dimension.INITIATION, 2, ME),
            rated(Dimension.DEPTH, 3, ME),
            rated(Dimension.CRISIS, 2, THEY),
            none(Dimension.MAINTENANCE),
        ]
    )
    lines = explain_proposal(proposal)
    assert lines[0] == f"Proposed overall rating: {proposal.value} of 5."
    for dimension in Dimension:
        assert any(line.startswith(DIMENSION_NAMES[dimension]) for line in lines)
    assert any("leans the other way, which softens this" in line for line in lines)
    assert "Mutual flow is not identical flow" in " ".join(lines)


_LEDGER = re.compile(r"\b(owe[sd]?|debt|balance|repay|pay back|settle)\b", re.IGNORECASE)


@st.composite
def dimension_ratings(draw: st.DrawFn) -> list[DimensionRating]:
    ratings = []
    for dimension in Dimension:
        if draw(st.booleans()) and draw(st.booleans()):
            ratings.append(none(dimension))
            continue
        score = draw(st.integers(1, 5))
        if score == 5:
            lean = BOTH
        elif score == 4:
            lean = draw(st.sampled_from([ME, THEY, BOTH]))
        else:
            lean = draw(st.sampled_from([ME, THEY]))
        ratings.append(rated(dimension, score, lean))
    return ratings


@given(dimension_ratings())
def test_a_proposal_is_always_one_to_five_and_explained(ratings: list[DimensionRating]) -> None:
    proposal = propose_overall_rating(ratings)
    lines = explain_proposal(proposal)
    if any(r.is_rated for r in ratings):
        assert proposal.value is not None
        assert 1 <= proposal.value <= 5
        assert len(lines) >= len(ratings) + 2
    else:
        assert proposal.value is None
    assert lines
    assert not any(_LEDGER.search(line) for line in lines)


@given(dimension_ratings())
def test_turning_every_lean_around_gives_the_same_rating(ratings: list[DimensionRating]) -> None:
    # Who carries does not change how mutual it is: the rule is symmetric between the two people.
    swap = {ME: THEY, THEY: ME, BOTH: BOTH}
    mirrored = [
        r if r.lean is None else DimensionRating(r.dimension, r.score, swap[r.lean], r.example)
        for r in ratings
    ]
    assert propose_overall_rating(ratings).value == propose_overall_rating(mirrored).value


@given(dimension_ratings(), st.sampled_from(list(Dimension)))
def test_raising_a_score_never_lowers_the_proposal_when_all_lean_one_way(
    ratings: list[DimensionRating], dimension: Dimension
) -> None:
    one_way = [
        r if r.lean in (None, BOTH) else DimensionRating(r.dimension, r.score, ME, r.example)
        for r in ratings
    ]
    index = list(Dimension).index(dimension)
    target = one_way[index]
    if target.score is None or target.score >= 4:
        return
    better = list(one_way)
    better[index] = DimensionRating(dimension, target.score + 1, ME, target.example)
    before = propose_overall_rating(one_way).exact
    after = propose_overall_rating(better).exact
    assert before is not None
    assert after is not None
    assert after >= before


@given(dimension_ratings())
def test_the_overall_lean_alone_is_the_proposals_lean(ratings: list[DimensionRating]) -> None:
    assert overall_lean(ratings) is propose_overall_rating(ratings).leans
