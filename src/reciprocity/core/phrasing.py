"""The phrasing check: find accusatory, ledger and withdrawal phrasing, offer a reframing.

The rules are data (``reciprocity/data/phrasing_rules.toml``, loaded by
:mod:`reciprocity.phrasing_rules`) so they can be read and extended without
touching code; the reframings are in the message catalogue, keyed by rule id.
This module only parses and applies rules it is given.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum

from reciprocity import messages

__all__ = [
    "PhrasingCategory",
    "PhrasingFinding",
    "PhrasingRule",
    "check_phrasing",
    "parse_rules",
]


class PhrasingCategory(StrEnum):
    """The kinds of phrasing the check looks for."""

    ACCUSATION = "accusation"
    LEDGER = "ledger"
    WITHDRAWAL = "withdrawal"


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
    exactly what was found.
    """

    rule_id: str
    category: PhrasingCategory
    start: int
    end: int
    span: str
    reframe: str


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


def check_phrasing(text: str, rules: tuple[PhrasingRule, ...]) -> list[PhrasingFinding]:
    """Find phrasing that works against mutuality, in order of appearance.

    Args:
        text: What the person wrote.
        rules: The rules to apply (the shipped ones:
            :func:`reciprocity.phrasing_rules.default_rules`).

    Returns:
        One finding per match, each with its span and a reframing in the
        person's own direction. An empty list means nothing was found.
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
    return findings
