"""The shipped tone model as the phrasing check's second opinion."""

from __future__ import annotations

import json
from pathlib import Path

from reciprocity.core.phrasing import TONE_THRESHOLD, FindingSource
from reciprocity.phrasing_rules import check
from reciprocity.signals import accusatory_tone

# Sentences written for measuring only: none is in the tone model's training data.
TONE_GOLD = Path(__file__).parent.parent / "data" / "tone_gold.jsonl"
ROWS = [json.loads(line) for line in TONE_GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_the_shipped_model_catches_blame_the_rules_miss() -> None:
    text = "you made it all about you again"
    assert check(text) == []
    (finding,) = check(text, second_opinion=True)
    assert finding.source is FindingSource.MODEL
    assert TONE_THRESHOLD <= finding.confidence <= 1.0


def test_the_shipped_model_leaves_a_kind_request_alone() -> None:
    for text in (
        "I'd love it if we took turns planning our evenings.",
        "Sam remembered every appointment I had this autumn.",
        "I felt lonely when the plans fell through, and I'd like to talk about it.",
    ):
        assert check(text, second_opinion=True) == []


def test_on_held_out_sentences_it_never_nags_and_catches_some() -> None:
    flagged = [accusatory_tone(str(r["text"])) >= TONE_THRESHOLD for r in ROWS]
    blame = [bool(r["accusatory"]) for r in ROWS]
    assert len(ROWS) == 40
    assert sum(1 for f, b in zip(flagged, blame, strict=True) if f and not b) == 0
    assert sum(1 for f, b in zip(flagged, blame, strict=True) if f and b) >= 5
