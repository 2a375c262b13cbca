"""The rule groups: their fast form finds exactly what they were written to find."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.signals import _rules as rules
from reciprocity.signals._features import normalise

TESTS = Path(__file__).parent.parent
TEXTS = [
    normalise(json.loads(line)["text"])
    for path in (TESTS / "data" / "signals_gold.jsonl", TESTS / "data" / "tone_gold.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines()
    if line
] + [
    normalise(case["text"])
    for case in tomllib.loads((TESTS / "core" / "phrasing_cases.toml").read_text("utf-8"))["case"]
]
GROUPS = [(group, group.sources) for group in rules.GROUPS]
FRAGMENTS = [
    "at least you",
    "thank you",
    "how are you",
    "could be worse",
    "i'm so sorry",
    "ok",
    "lol",
    " ",
    ". ",
    "not",
    "alone",
    "oh great, ",
    "anyway",
    "\n",
    "you",
]


def naive(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@pytest.mark.parametrize(("fast", "source"), GROUPS, ids=[str(i) for i in range(len(GROUPS))])
def test_the_fast_union_agrees_with_the_rules_as_written(
    fast: rules.RuleGroup, source: tuple[str, ...]
) -> None:
    slow = naive(source)
    for text in TEXTS:
        assert fast.found(text) == (slow.search(text) is not None), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=8))
def test_the_fast_union_agrees_on_any_text(parts: list[str]) -> None:
    text = normalise("".join(parts))
    for fast, source in GROUPS:
        assert fast.found(text) == (naive(source).search(text) is not None)


def test_alternatives_are_grouped_by_their_first_letter() -> None:
    assert rules.union(r"\bcat\b", r"\bcow\b", r"^dog") == r"\b(?:c(?:at\b|ow\b))|^dog"
    assert rules.union(r"\b(?:cat|dog)s\b") == r"\b(?:c(?:ats\b)|d(?:ogs\b))"
    # An optional group or a bracket inside stays as written.
    assert rules.union(r"\b(?:so\s+)?sad\b") == r"\b(?:so\s+)?sad\b"
    assert rules.union(r"[|]x|\by") == r"\b(?:y(?:))|[|]x"


def test_nearly_every_alternative_searches_fast() -> None:
    # An alternative that neither starts with a word boundary and a letter (grouped under
    # that letter) nor is anchored at the start is tried at every position of every
    # message; each one costs a few tenths of a microsecond a message. These are the
    # only ones, on purpose.
    slow = set()
    for group in rules.GROUPS:
        for alternative in (a for p in group.sources for a in rules._alternatives(p)):
            if alternative.startswith("^"):
                continue
            for part in rules._distribute(alternative):
                head, after = part[2:3], part[3:4]
                grouped = part.startswith("\\b") and head.isalpha() and head.isascii()
                if not grouped or after in {"?", "*", "+", "{"}:
                    slow.add(alternative)
    assert slow == {
        "\U0001f644",
        r"[.!]\s*not[.!]*$",
        r"\s/s$",
        r"(?<!not\s)\balone\b",
        r"[.!?]\s+want\s+to\s+(?:talk|chat|call|meet\s+up|come\s+over)\b",
    }
