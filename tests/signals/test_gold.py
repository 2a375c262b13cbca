"""The chat gold set: well formed, hard where it should be, and the shipped model passes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from training.labels import PRESENT

from reciprocity.signals import Signals, classify_many

GOLD = Path(__file__).parent.parent / "data" / "signals_gold.jsonl"
ROWS: list[dict[str, object]] = [
    json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
]
THRESHOLD = 0.70


def test_the_gold_set_is_large_unique_and_well_formed() -> None:
    assert len(ROWS) >= 300
    assert len({r["text"] for r in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["disclosure"] in {"none", "emotional", "informational"}
        assert row["support"] in {"none", "emotional", "practical", "shallow"}
        assert all(isinstance(row[k], bool) for k in ("check_in", "gratitude", "distress"))


def test_the_gold_set_holds_the_hard_cases() -> None:
    hard = [str(r.get("hard", "")) for r in ROWS]
    for kind in ("sarcasm", "short", "minimising", "dismissive", "not a check-in"):
        assert hard.count(kind) >= 5, kind
    texts = {r["text"] for r in ROWS}
    assert {"ok", "lol same", "could be worse"} <= texts


def macro_f1(truth: list[bool], guess: list[bool]) -> float:
    def f1(t: list[bool], g: list[bool]) -> float:
        hits = sum(a and b for a, b in zip(t, g, strict=True))
        total = sum(t) + sum(g)
        return 2 * hits / total if total else 1.0

    return (f1(truth, guess) + f1([not x for x in truth], [not x for x in guess])) / 2


@pytest.fixture(scope="module")
def read() -> list[Signals]:
    return classify_many(str(r["text"]) for r in ROWS)


@pytest.mark.parametrize("name", list(PRESENT))
def test_the_shipped_model_reaches_the_gold_threshold(name: str, read: list[Signals]) -> None:
    truth = [PRESENT[name](r) for r in ROWS]
    guess = [getattr(s, name).present for s in read]
    assert macro_f1(truth, guess) >= THRESHOLD


def test_macro_f1_is_computed_as_documented() -> None:
    assert macro_f1([True, False], [True, False]) == 1.0
    assert macro_f1([True, False], [False, True]) == 0.0
    assert macro_f1([True, True, False, False], [True, False, False, False]) == pytest.approx(
        (2 / 3 + 0.8) / 2
    )
