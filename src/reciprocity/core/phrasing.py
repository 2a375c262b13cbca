"""The phrasing check: find accusatory, ledger and withdrawal phrasing, offer a reframing.

The rules are data (``reciprocity/data/phrasing_rules.toml``, loaded by
:mod:`reciprocity.phrasing_rules`) so they can be read and extended without
touching code; the reframings are in the message catalogue, keyed by rule id.
This module only parses and applies rules it is given.

The rules are the explainable first layer. A face may add a second opinion on
tone: a callable that says how likely a text reads as blaming the other
person (the shipped one is :func:`reciprocity.signals.accusatory_tone`). It is
asked only when no accusation rule matched, and what it finds is marked as a
model's opinion, with its confidence. The core never loads a model itself.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from reciprocity import messages

__all__ = [
    "TONE_FINDING_ID",
    "TONE_THRESHOLD",
    "FindingSource",
    "PhrasingCategory",
    "PhrasingFinding",
    "PhrasingRule",
    "ToneOpinion",
    "check_phrasing",
    "one_per_rule",
    "parse_rules",
]


class PhrasingCategory(StrEnum):
    """The kinds of phrasing the check looks for."""

    ACCUSATION = "accusation"
    LEDGER = "ledger"
    WITHDRAWAL = "withdrawal"


class FindingSource(StrEnum):
    """Who found a piece of phrasing: a rule, or a model's second opinion."""

    RULE = "rule"
    MODEL = "model"


ToneOpinion = Callable[[str], float]
"""How likely a text reads as blaming the other person, from 0 to 1."""

# The id of a finding that only the second opinion made.
TONE_FINDING_ID = "accusatory-tone"
# Only a confident opinion is shown: a wrong one would nag a person who wrote kindly.
TONE_THRESHOLD = 0.7


@dataclass(frozen=True)
class PhrasingRule:
    """One rule: a pattern, and the tricky negatives that cancel it."""

    id: str
    category: PhrasingCategory
    pattern: re.Pattern[str]
    unless: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class PhrasingFinding:
    """A span of text that a rule found, with the reframing to offer.

    ``start`` and ``end`` index into the checked text, so a face can underline
    exactly what was found. A finding of the second opinion covers the whole
    text (a model does not point at words), has ``source`` MODEL and carries the
    model's ``confidence``; a rule's finding has confidence 1.
    """

    rule_id: str
    category: PhrasingCategory
    start: int
    end: int
    span: str
    reframe: str
    source: FindingSource = FindingSource.RULE
    confidence: float = 1.0


def parse_rules(text: str) -> tuple[PhrasingRule, ...]:
    """Parse a rules file (TOML, the format of ``phrasing_rules.toml``).

    Raises:
        ValueError: A rule is incomplete, names an unknown category, has an
            invalid pattern or has no reframing in the catalogue.
    """
    data = tomllib.loads(text)
    rules = []
    for index, entry in enumerate(data.get("rule", [])):
        try:
            rule_id = str(entry["id"])
            flags = re.IGNORECASE
            rules.append(
                PhrasingRule(
                    id=rule_id,
                    category=PhrasingCategory(entry["category"]),
                    pattern=re.compile(entry["pattern"], flags),
                    unless=tuple(re.compile(p, flags) for p in entry.get("unless", [])),
                )
            )
        except (KeyError, ValueError, re.error) as error:
            raise ValueError(f"phrasing rule #{index + 1}: {error}") from error
        if rule_id not in messages.REFRAMES:
            raise ValueError(f"phrasing rule {rule_id!r} has no reframing in the catalogue")
    return tuple(rules)


def _normalise(text: str) -> str:
    # Curly apostrophes are what phones type; the rules are written with straight ones.
    # Same length, so spans index into the original text.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def check_phrasing(
    text: str,
    rules: tuple[PhrasingRule, ...],
    *,
    tone: ToneOpinion | None = None,
    tone_threshold: float = TONE_THRESHOLD,
) -> list[PhrasingFinding]:
    """Find phrasing that works against mutuality, in order of appearance.

    Args:
        text: What the person wrote.
        rules: The rules to apply (the shipped ones:
            :func:`reciprocity.phrasing_rules.default_rules`).
        tone: A second opinion on accusatory tone, asked only when no
            accusation rule matched.
        tone_threshold: How confident the second opinion must be to be shown.

    Returns:
        One finding per match, each with its span and a reframing in the
        person's own direction, then the second opinion's finding if it has
        one. An empty list means nothing was found.
    """
    plain = _normalise(text)
    findings = []
    for rule in rules:
        cancelled = [m.span() for p in rule.unless for m in p.finditer(plain)]
        for match in rule.pattern.finditer(plain):
            start, end = match.span()
            if any(s < end and start < e for s, e in cancelled):
                continue
            span = text[start:end]
            findings.append(
                PhrasingFinding(
                    rule_id=rule.id,
                    category=rule.category,
                    start=start,
                    end=end,
                    span=span,
                    reframe=messages.REFRAMES[rule.id].format(span=span.strip()),
                )
            )
    findings.sort(key=lambda f: (f.start, f.end))
    if tone is not None and not any(f.category is PhrasingCategory.ACCUSATION for f in findings):
        opinion = _second_opinion(text, tone, tone_threshold)
        if opinion is not None:
            findings.append(opinion)
    return findings


def _second_opinion(text: str, tone: ToneOpinion, threshold: float) -> PhrasingFinding | None:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return None
    confidence = float(tone(text))
    if confidence < threshold:
        return None
    return PhrasingFinding(
        rule_id=TONE_FINDING_ID,
        category=PhrasingCategory.ACCUSATION,
        start=start,
        end=end,
        span=text[start:end],
        reframe=messages.TONE_REFRAME,
        source=FindingSource.MODEL,
        confidence=round(confidence, 3),
    )


def one_per_rule(findings: list[PhrasingFinding]) -> list[PhrasingFinding]:
    """The first finding of each rule: its advice is the same for every span it matched."""
    seen: set[str] = set()
    kept = []
    for finding in findings:
        if finding.rule_id not in seen:
            seen.add(finding.rule_id)
            kept.append(finding)
    return kept
