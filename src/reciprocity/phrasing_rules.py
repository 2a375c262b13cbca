"""The phrasing rules that ship with reciprocity, read from the package's data folder."""

from __future__ import annotations

from functools import cache
from importlib import resources

from reciprocity.core.phrasing import PhrasingFinding, PhrasingRule, check_phrasing, parse_rules

__all__ = ["check", "default_rules"]


@cache
def default_rules() -> tuple[PhrasingRule, ...]:
    """The shipped rules (``reciprocity/data/phrasing_rules.toml``), parsed once."""
    source = resources.files("reciprocity").joinpath("data", "phrasing_rules.toml")
    return parse_rules(source.read_text(encoding="utf-8"))


def check(text: str) -> list[PhrasingFinding]:
    """Check a text with the shipped rules."""
    return check_phrasing(text, default_rules())
