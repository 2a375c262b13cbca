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


def check(text: str, *, second_opinion: bool = False) -> list[PhrasingFinding]:
    """Check a text with the shipped rules.

    Args:
        text: What the person wrote.
        second_opinion: Also ask the shipped tone model
            (:func:`reciprocity.signals.accusatory_tone`) when no rule finds an
            accusation. It loads numpy and the weights on first use.
    """
    if not second_opinion:
        return check_phrasing(text, default_rules())
    from reciprocity.signals import accusatory_tone

    return check_phrasing(text, default_rules(), tone=accusatory_tone)
