"""Patterns over time, pinned by named people and situations, with the reasons each state gives."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

import pytest

from reciprocity import messages
from reciprocity.core import (
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    Reflection,
    ReflectionKind,
    Season,
    SeasonKind,
    SelfCheck,
    Whose,
    make_audit,
)
from reciprocity.core.patterns import (
    PatternSettings,
    RelationshipStatus,
    Rule,
    State,
    gives_everywhere,
    relationship_status,
)
from reciprocity.core.status_text import explain_reading, guidance, overall_guidance, state_label
from reciprocity.phrasing_rules import check

ME, THEY, BOTH = Lean.I_CARRY, Lean.THEY_CARRY, Lean.MUTUAL
START = dt.date(2024, 1, 15)
QUARTER = dt.timedelta(days=91)
TODAY = dt.date(2026, 11, 23)
Cell = tuple[int, Lean] | None
_ids = itertools.count()


def audit(
    on: dt.date,
    *,
    initiation: Cell = (5, BOTH),
    depth: Cell = (5, BOTH),
    crisis: Cell = None,
    maintenance: Cell = (5, BOTH),
    receiving: int = 4,
    overall: int | None = None,
) -> Audit:
    cells = {
        Dimension.INITIATION: initiation,
        Dimension.DEPTH: depth,
        Dimension.CRISIS: crisis,
        Dimension.MAINTENANCE: maintenance,
    }
    ratings = {
        d: DimensionRating.without_example(d)
        if c is None
        else DimensionRating.rated(d, c[0], c[1], "what happened")
        for d, c in cells.items()
    }
    return make_audit(
        audit_id=f"a{next(_ids)}",
        person_id="p",
        on=on,
        today=TODAY,
        dimensions=ratings,
        self_check=SelfCheck(4, receiving),
        overall_score=overall,
        reflection=Reflection(ReflectionKind.PICTURE, "We take turns.", "Ask on Sunday."),
    )


def quarterly(count: int, start: dt.date = START, **cells: Cell | int) -> list[Audit]:
    return [audit(start + QUARTER * i, **cells) for i in range(count)]  # type: ignore[arg-type]


def season(whose: Whose, kind: SeasonKind, start: dt.date, end: dt.date | None = None) -> Season:
    return Season(f"s{next(_ids)}", "p", whose, kind, start, end)


def dimension_state(status: RelationshipStatus, dimension: Dimension) -> tuple[State, Rule]:
    reading = status.reading(dimension)
    return reading.state, reading.rule


def test_a_friend_in_a_grief_season_is_temporary_asymmetry() -> None:
    grief = season(Whose.THEM, SeasonKind.GRIEF, START + QUARTER * 3)
    audits = [
        *quarterly(3),
        audit(START + QUARTER * 3, initiation=(2, ME), depth=(2, ME), maintenance=(3, ME)),
    ]
    status = relationship_status(audits, [grief])
    assert dimension_state(status, Dimension.INITIATION) == (
        State.TEMPORARY_ASYMMETRY,
        Rule.IN_SEASON,
    )
    assert status.reading(Dimension.DEPTH).seasons == (grief,)
    assert status.overall.state is State.TEMPORARY_ASYMMETRY
    assert any("leans your way in a season" in line for line in guidance(status))
    explanation = explain_reading(status.reading(Dimension.DEPTH))
    assert "their grief season (since 2024-10-14)" in explanation[0]


def test_a_partner_who_never_initiates_for_a_year_but_carries_every_crisis() -> None:
    audits = quarterly(5, initiation=(2, ME), crisis=(2, THEY))
    status = relationship_status(audits, [])
    initiation = status.reading(Dimension.INITIATION)
    crisis = status.reading(Dimension.CRISIS)
    assert (initiation.state, initiation.carried_by) == (State.CHRONIC_IMBALANCE, ME)
    assert (crisis.state, crisis.carried_by) == (State.CHRONIC_IMBALANCE, THEY)
    # Different kinds of giving: the relationship as a whole is mutual, and no one role.
    assert status.overall.state is State.MUTUAL
    assert status.role is None
    assert state_label(initiation) == "chronic imbalance, carried by you"
    # One line for the pair, not a boundary for one and gratitude for the other.
    assert guidance(status) == [
        "You carry Initiation and they carry Crisis response: different kinds of giving, and "
        "both count. If one of them feels heavy, it may be worth saying so."
    ]


def test_a_sibling_relationship_recovering_after_a_conversation_is_improving() -> None:
    scores = [(1, ME), (1, ME), (2, ME), (4, BOTH), (4, BOTH)]
    audits = [audit(START + QUARTER * i, initiation=c, maintenance=c) for i, c in enumerate(scores)]
    status = relationship_status(audits, [])
    assert dimension_state(status, Dimension.INITIATION) == (State.IMPROVING, Rule.RISING)
    first = explain_reading(status.reading(Dimension.INITIATION))[0]
    assert first.startswith("The last 2 audits average 4.0, the 2 before them 1.5")


def test_a_colleague_with_too_few_audits_has_not_enough_history() -> None:
    status = relationship_status(quarterly(2, initiation=(2, ME)), [])
    assert dimension_state(status, Dimension.INITIATION) == (
        State.NOT_ENOUGH_HISTORY,
        Rule.TOO_FEW_AUDITS,
    )
    assert explain_reading(status.overall)[0] == (
        "2 audits so far; reading a pattern takes at least 3."
    )


def test_a_parent_whose_caregiving_season_ended_and_the_lean_did_not() -> None:
    caregiving = season(Whose.THEM, SeasonKind.CAREGIVING, START, START + QUARTER * 3)
    audits = quarterly(8, maintenance=(2, ME))
    status = relationship_status(audits, [caregiving])
    reading = status.reading(Dimension.MAINTENANCE)
    assert (reading.state, reading.carried_by) == (State.CHRONIC_IMBALANCE, ME)
    # Only the audits after the season count; those inside it were set aside.
    assert [p.date for p in reading.points] == [a.date for a in audits[4:]]
    lines = explain_reading(reading)
    assert lines[0].startswith("Low (3 or less) and leaning the same way in 4 audits over 273")
    assert "none of them explained by a season" in lines[0]
    assert lines[-1] == (
        "Audits during their caregiving season (2024-01-15 to 2024-10-14) were set aside as "
        "temporary."
    )


def test_a_person_who_gives_everywhere_and_never_receives() -> None:
    statuses = [
        relationship_status(quarterly(4, initiation=(2, ME), maintenance=(1, ME), receiving=1), [])
        for _ in range(3)
    ]
    assert all(s.role is not None and s.role.giver is ME for s in statuses)
    assert all(len(s.receiving_low) == 3 for s in statuses)
    assert gives_everywhere(statuses)
    # Beside the overall state, the role names what is carried rather than contradicting it.
    assert state_label(statuses[0].overall, statuses[0].role).endswith(
        "; you carry more of Initiation, Maintenance"
    )
    lines = guidance(statuses[0])
    assert lines[0].startswith("Across Initiation, Maintenance you are in the giving role")
    assert "openness to receiving 1, 1, 1 of 5" in lines[1]
    assert overall_guidance(statuses) == [messages.GUIDE_GIVES_EVERYWHERE]


def test_one_relationship_where_i_give_is_not_giving_everywhere() -> None:
    giving = relationship_status(quarterly(4, initiation=(2, ME), maintenance=(1, ME)), [])
    mutual = relationship_status(quarterly(4), [])
    assert not gives_everywhere([giving, mutual])


def test_a_mutual_friendship_with_one_bad_quarter_is_a_dip() -> None:
    audits = [*quarterly(3), audit(START + QUARTER * 3, depth=(2, THEY))]
    status = relationship_status(audits, [])
    reading = status.reading(Dimension.DEPTH)
    assert (reading.state, reading.rule) == (State.TEMPORARY_ASYMMETRY, Rule.RECENT_DIP)
    assert reading.carried_by is THEY
    assert len(reading.points) == 3


def test_a_partner_drifting_apart_is_declining() -> None:
    cells: list[Cell] = [(5, BOTH), (5, BOTH), (3, ME), (2, ME)]
    audits = [audit(START + QUARTER * i, depth=c) for i, c in enumerate(cells)]
    status = relationship_status(audits, [])
    assert dimension_state(status, Dimension.DEPTH) == (State.DECLINING, Rule.FALLING)
    assert any("slipping lately" in line for line in guidance(status))


def test_a_calm_friendship_without_crises_is_not_low_on_crisis() -> None:
    status = relationship_status(quarterly(4), [])
    assert dimension_state(status, Dimension.CRISIS) == (State.NOT_ENOUGH_HISTORY, Rule.NO_AUDITS)
    assert status.overall.state is State.MUTUAL
    assert guidance(status) == []


def test_friends_who_take_turns_carrying_are_mutual_over_time() -> None:
    cells: list[Cell] = [(3, ME), (3, THEY), (3, ME), (3, THEY)]
    audits = [audit(START + QUARTER * i, initiation=c) for i, c in enumerate(cells)]
    status = relationship_status(audits, [])
    assert dimension_state(status, Dimension.INITIATION) == (State.MUTUAL, Rule.TAKING_TURNS)


def test_a_new_relationship_in_a_season_reads_the_season_first() -> None:
    move = season(Whose.THEM, SeasonKind.MOVE, START)
    status = relationship_status([audit(START, initiation=(2, ME))], [move])
    assert dimension_state(status, Dimension.INITIATION) == (
        State.TEMPORARY_ASYMMETRY,
        Rule.IN_SEASON,
    )


def test_my_own_illness_explains_them_carrying_more() -> None:
    illness = season(Whose.ME, SeasonKind.ILLNESS, START, None)
    status = relationship_status(quarterly(4, maintenance=(2, THEY)), [illness])
    reading = status.reading(Dimension.MAINTENANCE)
    assert (reading.state, reading.carried_by) == (State.TEMPORARY_ASYMMETRY, THEY)


def test_my_own_season_asks_me_to_let_myself_be_cared_for() -> None:
    illness = season(Whose.ME, SeasonKind.ILLNESS, START, None)
    status = relationship_status(quarterly(4, maintenance=(2, THEY)), [illness])
    assert guidance(status) == [
        "Maintenance leans their way while you go through this. Letting yourself be cared for "
        "is part of reciprocity too."
    ]


def test_a_season_is_not_read_as_a_decline() -> None:
    illness = season(Whose.THEM, SeasonKind.ILLNESS, START + QUARTER * 2, None)
    cells: list[Cell] = [(5, BOTH), (5, BOTH), (4, ME), (4, ME)]
    audits = [audit(START + QUARTER * i, depth=c) for i, c in enumerate(cells)]
    status = relationship_status(audits, [illness])
    assert status.reading(Dimension.DEPTH).state is not State.DECLINING
    assert not any("slipping" in line for line in guidance(status))


def test_time_inside_a_season_does_not_count_towards_chronic() -> None:
    caregiving = season(Whose.THEM, SeasonKind.CAREGIVING, START + QUARTER, START + QUARTER * 8)
    dates = [START, *(START + QUARTER * i for i in range(1, 9)), START + QUARTER * 9]
    audits = [audit(on, maintenance=(2, ME)) for on in dates]
    # One low audit before a two-year season and one after: not a resting state yet.
    reading = relationship_status(audits, [caregiving]).reading(Dimension.MAINTENANCE)
    assert reading.state is not State.CHRONIC_IMBALANCE


def test_one_quarter_the_other_way_does_not_undo_a_long_imbalance() -> None:
    cells: list[Cell] = [*[(2, ME)] * 6, (3, THEY)]
    audits = [audit(START + QUARTER * i, initiation=c) for i, c in enumerate(cells)]
    reading = relationship_status(audits, []).reading(Dimension.INITIATION)
    assert (reading.state, reading.carried_by) == (State.CHRONIC_IMBALANCE, ME)


def test_heavy_leans_that_swap_sides_are_not_called_taking_turns() -> None:
    cells: list[Cell] = [(1, ME), (1, THEY), (1, ME)]
    audits = [audit(START + QUARTER * i, initiation=c) for i, c in enumerate(cells)]
    reading = relationship_status(audits, []).reading(Dimension.INITIATION)
    assert reading.rule is not Rule.TAKING_TURNS


def test_a_season_does_not_explain_a_lean_the_other_way() -> None:
    # Their illness would have me carry more; here they carry more, which it does not explain.
    illness = season(Whose.THEM, SeasonKind.ILLNESS, START, None)
    status = relationship_status(quarterly(4, maintenance=(2, THEY)), [illness])
    reading = status.reading(Dimension.MAINTENANCE)
    assert (reading.state, reading.carried_by) == (State.CHRONIC_IMBALANCE, THEY)
    assert reading.seasons == ()


def test_a_shared_season_explains_either_lean() -> None:
    baby = season(Whose.BOTH, SeasonKind.NEW_BABY, START, None)
    status = relationship_status(quarterly(4, initiation=(2, THEY), depth=(2, ME)), [baby])
    assert status.reading(Dimension.INITIATION).state is State.TEMPORARY_ASYMMETRY
    assert status.reading(Dimension.DEPTH).state is State.TEMPORARY_ASYMMETRY


def test_a_low_stretch_too_short_to_call_chronic() -> None:
    month = dt.timedelta(days=30)
    audits = [audit(START + month * i, depth=(3, ME)) for i in range(3)]
    status = relationship_status(audits, [])
    reading = status.reading(Dimension.DEPTH)
    assert (reading.state, reading.rule) == (State.NOT_ENOUGH_HISTORY, Rule.LOW_NOT_YET_CHRONIC)
    assert explain_reading(reading)[0].startswith("Low in the latest 3 audits over 60 days")


def test_the_thresholds_can_be_set_by_the_person() -> None:
    audits = quarterly(4, depth=(2, ME))
    assert relationship_status(audits, []).reading(Dimension.DEPTH).state is State.CHRONIC_IMBALANCE
    patient = PatternSettings(chronic_min_audits=5)
    reading = relationship_status(audits, [], patient).reading(Dimension.DEPTH)
    assert reading.state is State.NOT_ENOUGH_HISTORY
    assert "it takes 5 audits" in explain_reading(reading)[0]


def test_an_overall_rating_chosen_lower_than_proposed_is_what_is_read() -> None:
    audits = [audit(START + QUARTER * i, depth=(4, ME), overall=2) for i in range(4)]
    status = relationship_status(audits, [])
    assert status.overall.state is State.CHRONIC_IMBALANCE
    assert status.overall.carried_by is ME
    assert [p.score for p in status.overall.points] == [2, 2, 2, 2]


def test_a_mutual_reading_cites_the_latest_audit() -> None:
    status = relationship_status(quarterly(3), [])
    assert explain_reading(status.overall) == [
        "The latest audit (2024-07-15) is 5: it flows both ways.",
        "2024-07-15: 5",
    ]


_PERSONAS: Sequence[tuple[list[Audit], list[Season]]] = [
    (quarterly(5, initiation=(1, ME), depth=(2, ME), maintenance=(1, ME), receiving=1), []),
    (quarterly(5, initiation=(2, THEY), maintenance=(2, THEY)), []),
    (quarterly(4, maintenance=(2, ME)), [season(Whose.THEM, SeasonKind.GRIEF, START)]),
    ([audit(START + QUARTER * i, depth=(5 - i, ME if i else BOTH)) for i in range(4)], []),
]
_LEDGER = re.compile(r"\b(owe[sd]?|debt|balance|pay back|repay|score|even up|give less)\b", re.I)


@pytest.mark.parametrize(("audits", "seasons"), _PERSONAS)
def test_no_guidance_or_explanation_is_a_ledger_blame_or_withdrawal(
    audits: list[Audit], seasons: list[Season]
) -> None:
    status = relationship_status(audits, seasons)
    texts = [*guidance(status), *overall_guidance([status, status])]
    for _, reading in status.dimensions:
        texts += explain_reading(reading)
    assert texts
    for text in texts:
        assert not check(text), text
        assert not _LEDGER.search(text), text


@pytest.mark.parametrize(
    "overrides",
    [
        {"patterns.trend_min_change": "Infinity"},
        {"patterns.trend_min_change": float("nan")},
        {"patterns.low_at_or_below": 4, "patterns.mutual_at_or_above": 4},
    ],
)
def test_settings_that_make_no_sense_are_refused(overrides: dict[str, object]) -> None:
    from reciprocity.core.patterns import settings_from
    from reciprocity.errors import InvalidInputError

    with pytest.raises(InvalidInputError):
        settings_from(overrides)
