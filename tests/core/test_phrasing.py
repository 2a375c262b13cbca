"""The phrasing check: it notices blame, ledgers and withdrawal, and leaves kind words alone."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity import messages
from reciprocity.core.phrasing import check_phrasing, parse_rules
from reciprocity.phrasing_rules import check, default_rules

CASES_FILE = Path(__file__).with_name("phrasing_cases.toml")

# Words the product never uses for care between people (whole words, any case).
LEDGER_WORDS = re.compile(
    r"\b(?:owe|owes|owed|debt|debts|balance|repay|pay\s+back|score\s+to\s+settle"
    r"|even\s+the\s+score|you\s+owe|give\s+less)\b",
    re.IGNORECASE,
)
# A reframing may quote the span, but its own words must not blame or keep accounts.
BLAME_WORDS = re.compile(
    r"\b(?:fault|blame|selfish|always|never|you\s+should)\b",
    re.IGNORECASE,
)

# Catalogue entries that are not held to the voice test: the reframings quote the
# person's own words by design, and the first-run suggestion is mostly commands.
VOICE_EXEMPT = {"REFRAMES", "FIRST_RUN_SUGGESTION"}


@dataclass(frozen=True)
class Case:
    text: str
    expect: frozenset[str]


def load_cases() -> list[Case]:
    data = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))
    return [Case(str(c["text"]), frozenset(str(r) for r in c["expect"])) for c in data["case"]]


def short(text: str, width: int = 40) -> str:
    """A readable test id: straight apostrophes, at most `width` characters."""
    text = text.replace("\u2019", "'")
    return text if len(text) <= width else text[: width - 3] + "..."


CASES = load_cases()
RULE_IDS = {rule.id for rule in default_rules()}


# --- the cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[short(c.text) for c in CASES])
def test_case_finds_exactly_the_expected_rules(case: Case) -> None:
    found = {finding.rule_id for finding in check(case.text)}
    assert found == case.expect


@pytest.mark.parametrize("case", CASES, ids=[short(c.text) for c in CASES])
def test_each_span_is_where_the_finding_says(case: Case) -> None:
    for finding in check(case.text):
        assert 0 <= finding.start < finding.end <= len(case.text)
        assert case.text[finding.start : finding.end] == finding.span


@pytest.mark.parametrize("case", CASES, ids=[short(c.text) for c in CASES])
def test_each_reframe_quotes_the_span_in_a_kind_voice(case: Case) -> None:
    for finding in check(case.text):
        quoted = finding.span.strip()
        assert quoted in finding.reframe
        own_words = finding.reframe.replace(quoted, "")
        assert not LEDGER_WORDS.search(own_words), finding.reframe
        assert not BLAME_WORDS.search(own_words), finding.reframe


def test_the_cases_cover_every_rule_and_plenty_of_negatives() -> None:
    assert len(CASES) >= 80
    assert len({c.text for c in CASES}) == len(CASES), "a case is listed twice"
    assert sum(1 for c in CASES if not c.expect) >= 30
    assert sum(1 for c in CASES if len(c.expect) > 1) >= 3
    assert any("\u2019" in c.text for c in CASES if c.expect)
    assert any("\u2019" in c.text for c in CASES if not c.expect)
    named = {rule_id for c in CASES for rule_id in c.expect}
    assert named <= RULE_IDS, f"cases name unknown rules: {sorted(named - RULE_IDS)}"
    for rule_id in sorted(RULE_IDS):
        positives = sum(1 for c in CASES if rule_id in c.expect)
        assert positives >= 3, f"{rule_id} has only {positives} positive case(s)"


def test_findings_come_in_order_of_appearance() -> None:
    text = "You never call and you\u2019re always late, after all I\u2019ve done for you."
    findings = check(text)
    assert [f.rule_id for f in findings] == ["you-never", "you-always", "after-all-i-did"]
    assert [f.span for f in findings] == [
        "You never",
        "you\u2019re always",
        "after all I\u2019ve done",
    ]


def test_curly_apostrophes_keep_the_original_span() -> None:
    (finding,) = check("I\u2019m done trying.")
    assert finding.span == "I\u2019m done trying"
    assert "I\u2019m done trying" in finding.reframe


# --- the rules file ----------------------------------------------------------------------

GOOD_RULE = """
[[rule]]
id = "you-always"
category = "accusation"
pattern = '''\\byou\\s+always\\b'''
"""


def test_parse_rules_reads_a_minimal_rule() -> None:
    (rule,) = parse_rules(GOOD_RULE)
    assert rule.id == "you-always"
    assert rule.unless == ()
    assert check_phrasing("YOU ALWAYS do this", (rule,))[0].span == "YOU ALWAYS"


def test_parse_rules_refuses_an_unknown_category() -> None:
    with pytest.raises(ValueError, match="rule #1"):
        parse_rules(GOOD_RULE.replace('"accusation"', '"grumbling"'))


def test_parse_rules_refuses_a_bad_pattern() -> None:
    with pytest.raises(ValueError, match="rule #1"):
        parse_rules(GOOD_RULE.replace("\\byou", "(you"))


def test_parse_rules_refuses_a_bad_unless_pattern() -> None:
    with pytest.raises(ValueError, match="rule #1"):
        parse_rules(GOOD_RULE + "unless = ['''[unclosed''']\n")


def test_parse_rules_refuses_a_missing_field() -> None:
    with pytest.raises(ValueError, match="rule #1"):
        parse_rules(GOOD_RULE.replace('category = "accusation"', ""))


def test_parse_rules_refuses_a_rule_without_a_reframing() -> None:
    with pytest.raises(ValueError, match="no reframing"):
        parse_rules(GOOD_RULE.replace('"you-always"', '"you-sometimes"'))


def test_every_shipped_rule_has_a_reframing() -> None:
    assert RULE_IDS.issubset(messages.REFRAMES)


# --- any text at all ---------------------------------------------------------------------

FRAGMENTS = [
    "you never",
    "You\u2019re always",
    "she\u2019s never",
    "owe me",
    "pay me back",
    "make it even",
    "even though",
    "keep score",
    "after all I\u2019ve done",
    "I won\u2019t call until she",
    "I\u2019m done trying",
    "not your fault",
    " ",
    ", ",
    ".",
]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8))).map("".join),
)


@given(TEXTS)
def test_any_text_is_checked_without_error_and_findings_are_in_bounds(text: str) -> None:
    findings = check(text)
    keys = [(f.start, f.end) for f in findings]
    assert keys == sorted(keys)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.span
        assert finding.rule_id in RULE_IDS


# --- the product's own words -------------------------------------------------------------


def catalogue_strings() -> Iterator[tuple[str, str]]:
    """Every user-facing string in the catalogue, with where it lives."""

    def walk(where: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, Mapping):
            for key, item in value.items():
                yield from walk(f"{where}[{key!s}]", item)
        elif isinstance(value, tuple | list):
            for index, item in enumerate(value):
                yield from walk(f"{where}[{index}]", item)

    for name, value in vars(messages).items():
        if name.startswith("_") or name in VOICE_EXEMPT:
            continue
        yield from walk(name, value)


CATALOGUE = list(catalogue_strings())


def test_the_catalogue_is_walked() -> None:
    names = {where for where, _ in CATALOGUE}
    assert "WELCOME" in names
    assert any(where.startswith("DIMENSION_HELP[") for where in names)
    assert not any(where.startswith(tuple(VOICE_EXEMPT)) for where in names)


@pytest.mark.parametrize(("where", "text"), CATALOGUE, ids=[where for where, _ in CATALOGUE])
def test_catalogue_text_speaks_in_the_product_voice(where: str, text: str) -> None:
    findings = check(text)
    assert not findings, f"{where}: {[f.span for f in findings]}"
    ledger = LEDGER_WORDS.search(text)
    assert ledger is None, f"{where}: {ledger.group() if ledger else ''!r}"


def test_no_catalogue_text_leaves_a_count_for_the_reader_to_agree() -> None:
    # "3 audit(s)" reads like a form; counts go through messages.counted instead.
    unagreed = [where for where, text in CATALOGUE if "(s)" in text]
    assert unagreed == []


@pytest.mark.parametrize(
    ("count", "noun", "said"),
    [(1, "audit", "1 audit"), (0, "audit", "0 audits"), (3, "empty line", "3 empty lines")],
)
def test_a_count_agrees_with_its_noun(count: int, noun: str, said: str) -> None:
    assert messages.counted(count, noun) == said


def test_a_repeat_of_one_is_said_without_the_number() -> None:
    assert (messages.every(1, "month"), messages.every(3, "month")) == ("month", "3 months")
