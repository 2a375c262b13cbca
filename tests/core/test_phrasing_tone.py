"""The phrasing check's second opinion on tone: asked after the rules, marked as a model's."""

from __future__ import annotations

import pytest

from reciprocity import messages
from reciprocity.core.phrasing import (
    TONE_FINDING_ID,
    TONE_THRESHOLD,
    FindingSource,
    PhrasingCategory,
    check_phrasing,
)
from reciprocity.phrasing_rules import default_rules

RULES = default_rules()


def sure(_: str) -> float:
    return 0.95


def unsure(_: str) -> float:
    return TONE_THRESHOLD - 0.01


def test_without_a_second_opinion_only_the_rules_speak() -> None:
    assert check_phrasing("Must be nice to have so much free time.", RULES) == []


def test_a_confident_opinion_adds_one_finding_over_the_whole_text() -> None:
    text = "  Must be nice to have so much free time.\n"
    (finding,) = check_phrasing(text, RULES, tone=sure)
    assert finding.rule_id == TONE_FINDING_ID
    assert finding.category is PhrasingCategory.ACCUSATION
    assert finding.source is FindingSource.MODEL
    assert finding.confidence == 0.95
    assert finding.span == "Must be nice to have so much free time."
    assert text[finding.start : finding.end] == finding.span
    assert finding.reframe == messages.TONE_REFRAME


def test_an_unsure_opinion_says_nothing() -> None:
    assert check_phrasing("Must be nice to have so much free time.", RULES, tone=unsure) == []


def test_the_threshold_can_be_set_by_the_face() -> None:
    text = "Must be nice to have so much free time."
    assert check_phrasing(text, RULES, tone=unsure, tone_threshold=0.5) != []


def test_the_model_is_not_asked_when_a_rule_already_found_an_accusation() -> None:
    asked: list[str] = []

    def tone(text: str) -> float:
        asked.append(text)
        return 1.0

    findings = check_phrasing("You never ask how my day was.", RULES, tone=tone)
    assert [f.rule_id for f in findings] == ["you-never"]
    assert all(f.source is FindingSource.RULE and f.confidence == 1.0 for f in findings)
    assert asked == []


def test_a_ledger_finding_still_gets_a_tone_opinion() -> None:
    findings = check_phrasing("You owe me after all this.", RULES, tone=sure)
    assert [f.source for f in findings][-1] is FindingSource.MODEL
    assert any(f.category is PhrasingCategory.LEDGER for f in findings)


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_text_is_never_sent_to_the_model(text: str) -> None:
    def tone(_: str) -> float:
        raise AssertionError("asked about blank text")

    assert check_phrasing(text, RULES, tone=tone) == []
